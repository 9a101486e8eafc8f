// The lexical guard reads a query as Cypher's lexer does: each trick that once slipped past it, and
// every respelling of every payload in the attack corpus, is refused before Neo4j sees it.
import { describe, expect, it } from 'vitest';
import { attackCorpus, REPORTED_TRICKS } from './attackCorpus.js';
import { checkReadOnly, ConsoleRefusal } from './guard.js';
import { codeOf, stripLiterals } from './lexer.js';

const refusal = (q: string): string | null => {
  try {
    checkReadOnly(q);
  } catch (e) {
    return e instanceof ConsoleRefusal ? e.code : `other: ${String(e)}`;
  }
  return null;
};

describe('lexical guard against the reported tricks', () => {
  it.each(REPORTED_TRICKS.map((q) => [JSON.stringify(q), q]))('refuses %s as READ_ONLY', (_name, q) => {
    expect(refusal(q)).toBe('READ_ONLY');
  });

  it('refuses every query of the generated corpus', () => {
    const corpus = attackCorpus();
    expect(corpus.length).toBeGreaterThan(3000);
    const passed = corpus.filter((q) => refusal(q) !== 'READ_ONLY');
    expect(passed.map((q) => JSON.stringify(q)).slice(0, 5)).toEqual([]);
  });
});

describe('the lexer agrees with Cypher', () => {
  it('ends a // comment at \\r as at \\n', () => {
    expect(codeOf('// c\rRETURN 1')).toContain('RETURN 1');
    expect(codeOf('// c\nRETURN 1')).toContain('RETURN 1');
  });

  it('treats U+001C–U+001F and other Unicode spaces as whitespace', () => {
    for (const ws of ['\u001c', '\u001d', '\u001e', '\u001f', '\u2003', '\u3000', '\u0085'])
      expect(codeOf(`LOAD${ws}CSV`)).toBe('LOAD CSV');
  });

  it('does not fold full-width quotes or comment ends into ASCII ones', () => {
    // Cypher sees code after the full-width quote; so must the guard.
    expect(stripLiterals("WITH '\uff07' AS x RETURN x")).toContain('AS x RETURN x');
    expect(stripLiterals('/* \uff0a\uff0f */ RETURN 1')).toBe('  RETURN 1');
  });

  it('knows backticks have no backslash escapes, and `` is an escaped backtick', () => {
    expect(stripLiterals('WITH 1 AS `a\\` RETURN 2')).toBe('WITH 1 AS  ident  RETURN 2');
    expect(stripLiterals('WITH 1 AS `a``b` RETURN 2')).toBe('WITH 1 AS  ident  RETURN 2');
  });

  it('keeps backslash escapes in strings', () => {
    expect(stripLiterals("RETURN 'it\\'s' AS x")).toBe("RETURN  ''  AS x");
  });

  it('still lets ordinary reads with odd spacing through', () => {
    expect(refusal('MATCH\u001c(e:Entity)\u3000RETURN e.name // note\rLIMIT 5')).toBeNull();
    expect(refusal("MATCH (e:Entity) WHERE e.name = 'LOAD CSV' RETURN e")).toBeNull();
    expect(refusal('MATCH (e:`SHOW`) RETURN e')).toBeNull();
  });
});
