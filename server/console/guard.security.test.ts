// The lexical guard reads a query as Cypher's lexer does: each trick that once slipped past it, and
// every respelling of every payload in the attack corpus, is refused before Neo4j sees it.
import { describe, expect, it } from 'vitest';
import { attackCorpus, REPORTED_TRICKS } from './attackCorpus.js';
import { checkReadOnly, ConsoleRefusal } from './guard.js';

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

describe('the guard reads Cypher as Cypher does', () => {
  it('still lets ordinary reads with odd spacing through', () => {
    expect(refusal('MATCH\u001c(e:Entity)\u3000RETURN e.name // note\rLIMIT 5')).toBeNull();
    expect(refusal("MATCH (e:Entity) WHERE e.name = 'LOAD CSV' RETURN e")).toBeNull();
    expect(refusal('MATCH (e:`SHOW`) RETURN e')).toBeNull();
  });
});
