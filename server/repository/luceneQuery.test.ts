import { describe, expect, it } from 'vitest';
import { buildLuceneQuery, escapeLucene, tokenize } from './luceneQuery.js';

describe('buildLuceneQuery', () => {
  it('matches exact, prefix and near-miss spellings of a word', () => {
    expect(buildLuceneQuery('Nvidia')).toBe('(nvidia^4 OR nvidia*^2 OR nvidia~1)');
  });

  it('keeps Chinese input as a phrase so 英伟达 matches the Chinese name', () => {
    expect(buildLuceneQuery('英伟达')).toBe('"英伟达"');
  });

  it('requires every word of a multi-word query', () => {
    expect(buildLuceneQuery('deepseek r1')).toBe('(deepseek^4 OR deepseek*^2 OR deepseek~2) AND (r1^4 OR r1*^2)');
  });

  it('escapes Lucene syntax so user text cannot change the query', () => {
    expect(escapeLucene('a:b*c~')).toBe('a\\:b\\*c\\~');
    const q = buildLuceneQuery('name:* OR "x"~ AND (y)');
    expect(q).not.toContain('name:*');
    expect(q).toMatch(/name/);
  });

  it('returns null for text with no searchable characters', () => {
    expect(buildLuceneQuery('  ()!? ')).toBeNull();
    expect(tokenize('\u0000\u200b')).toEqual(['\u200b'].filter(() => false));
  });
});
