import { describe, expect, it } from 'vitest';
import { stripLiterals } from '../../core/cypher/lexer.js';
import { checkReadOnly, ConsoleRefusal } from './guard.js';

const refused = (q: string) => {
  try {
    checkReadOnly(q);
  } catch (e) {
    return e instanceof ConsoleRefusal ? e.message : `other: ${String(e)}`;
  }
  return null;
};

describe('checkReadOnly', () => {
  it('lets ordinary reads through, including keywords inside strings and property names', () => {
    expect(refused('MATCH (e:Entity) RETURN e.name LIMIT 5')).toBeNull();
    expect(refused("MATCH (e:Entity) WHERE e.summaryEn CONTAINS 'create a new SET' RETURN e")).toBeNull();
    expect(refused('MATCH (e:Entity) RETURN e.set, e.remove // DELETE in a comment')).toBeNull();
    expect(refused("CALL db.index.fulltext.queryNodes('entity_search', 'nvidia') YIELD node RETURN node")).toBeNull();
    expect(refused('CALL () { MATCH (n:Entity) RETURN count(n) AS c } RETURN c')).toBeNull();
    expect(refused('MATCH (n) RETURN n;')).toBeNull();
  });

  it.each([
    'CREATE (n:X)',
    'MERGE (n:Entity {id: "x"})',
    'MATCH (n) SET n.x = 1',
    'MATCH (n) DETACH DELETE n',
    'MATCH (n) REMOVE n.name',
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    'CALL dbms.components()',
    "CALL db.createLabel('X')",
    'MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS',
    'CREATE INDEX foo FOR (n:X) ON (n.y)',
    'DROP CONSTRAINT entity_id',
    'USE system SHOW USERS',
    'SHOW DATABASES',
    'MATCH (n) RETURN n; MATCH (m) DELETE m',
    'MATCH (n) FOREACH (x IN [1] | SET n.a = x)',
    'cReAtE (n)',
    'MATCH (n) /* hidden */ SET n.x = 1',
    'CALL apoc.create.node(["X"], {})',
  ])('refuses %s', (q) => {
    expect(refused(q)).not.toBeNull();
  });

  it('refuses empty and oversized input with a clear message', () => {
    expect(refused('   ')).toMatch(/non-empty/);
    expect(refused('RETURN 1 ' + ' '.repeat(30_000))).toMatch(/longer than/);
  });

  it('blanks literals but keeps code', () => {
    expect(stripLiterals("RETURN 'a;b' AS `x;y` // c")).not.toContain(';');
  });
});
