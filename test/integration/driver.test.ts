// The real driver against the real Neo4j: writes and reads, and the mapping boundary.
import { afterAll, describe, expect, it } from 'vitest';
import { testExecutor } from '../support/db.js';

const db = testExecutor();
afterAll(() => db.close());

describe('executor on a real Neo4j', () => {
  it('writes in a transaction and reads back plain values (Integer -> number, temporal -> ISO string)', async () => {
    const tag = `t${Date.now()}`;
    await db.write({ cypher: 'CREATE (:Scratch {tag: $tag, n: 42, at: date("2025-02-03")})', params: { tag } });
    const rows = await db.read({ cypher: 'MATCH (s:Scratch {tag: $tag}) RETURN s.n AS n, s.at AS at, s AS node', params: { tag } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.n).toBe(42);
    expect(rows[0]!.at).toBe('2025-02-03');
    expect((rows[0]!.node as { labels: string[] }).labels).toEqual(['Scratch']);
    await db.write({ cypher: 'MATCH (s:Scratch {tag: $tag}) DELETE s', params: { tag } });
  });

  it('rolls back a multi-statement transaction when one statement fails', async () => {
    const tag = `r${Date.now()}`;
    await expect(
      db.writeTransaction(async (tx) => {
        await tx.run({ cypher: 'CREATE (:Scratch {tag: $tag})', params: { tag } });
        await tx.run({ cypher: 'RETURN 1/0', params: {} });
      }),
    ).rejects.toThrow();
    const rows = await db.read({ cypher: 'MATCH (s:Scratch {tag: $tag}) RETURN count(s) AS c', params: { tag } });
    expect(rows[0]!.c).toBe(0);
  });

  it('refuses writes in a READ session', async () => {
    await expect(db.read({ cypher: 'CREATE (:Scratch)', params: {} })).rejects.toThrow(/write|access mode|read/i);
  });
});
