import { describe, expect, it } from 'vitest';
import { buildLuceneQuery, compact, editDistance, escapeLucene, tokenize } from './luceneQuery.js';

describe('buildLuceneQuery', () => {
  it('matches exact, prefix and near-miss spellings of a word', () => {
    expect(buildLuceneQuery('Nvidia')).toBe('(nvidia^4 OR nvidia*^2 OR nvidia~1)');
  });

  it('allows two typos from seven letters on ("Deepsek")', () => {
    expect(buildLuceneQuery('Deepsek')).toBe('(deepsek^4 OR deepsek*^2 OR deepsek~2)');
  });

  it('allows one typo in four letters, so a swapped pair still matches ("TMSC")', () => {
    expect(buildLuceneQuery('TMSC')).toBe('(tmsc^4 OR tmsc*^2 OR tmsc~1)');
  });

  it('keeps Chinese input as a phrase so 英伟达 matches the Chinese name', () => {
    expect(buildLuceneQuery('英伟达')).toBe('"英伟达"');
  });

  it('requires every word of a multi-word query, or the words run together ("deep seek" finds DeepSeek)', () => {
    expect(buildLuceneQuery('deepseek r1')).toBe('((deepseek^4 OR deepseek*^2 OR deepseek~2) AND (r1^4 OR r1*^2)) OR (deepseekr1^4 OR deepseekr1*^2 OR deepseekr1~2)');
    expect(buildLuceneQuery('deep seek')).toBe('((deep^4 OR deep*^2 OR deep~1) AND (seek^4 OR seek*^2 OR seek~1)) OR (deepseek^4 OR deepseek*^2 OR deepseek~2)');
  });

  it('escapes Lucene syntax so user text cannot change the query', () => {
    expect(escapeLucene('a:b*c~')).toBe('a\\:b\\*c\\~');
    const q = buildLuceneQuery('name:* OR "x"~ AND (y)');
    expect(q).not.toContain('name:*');
    expect(q).toMatch(/name/);
    // The joined form is escaped too.
    expect(buildLuceneQuery('a* b?')).not.toMatch(/[^\\][*?] /);
  });

  it('returns null for text with no searchable characters', () => {
    expect(buildLuceneQuery('  ()!? ')).toBeNull();
    expect(tokenize('\u0000\u200b')).toEqual([]);
  });
});

describe('compact', () => {
  it('compares names by letters and digits only, in any case and script', () => {
    expect(compact('Deep Seek')).toBe('deepseek');
    expect(compact('DeepSeek-R1')).toBe('deepseekr1');
    expect(compact(' 英伟达 ')).toBe('英伟达');
    expect(compact('ＧＰＴ－４')).toBe('gpt4');
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('deepsek', 'deepseek', 2)).toBe(1);
    expect(editDistance('tmsc', 'tsmc', 2)).toBe(1);
    expect(editDistance('nvdia', 'nvidia', 2)).toBe(1);
    expect(editDistance('intel', 'intel', 2)).toBe(0);
  });

  it('stops early above the limit', () => {
    expect(editDistance('openai', 'anthropic', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});
