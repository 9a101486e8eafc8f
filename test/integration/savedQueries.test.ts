// Every saved analysis in cypher/queries runs read-only against the seeded graph and returns the
// columns its header promises; a few answers are pinned.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReadOnly } from '../../server/console/guard.js';
import { checkPlan } from '../../server/console/plan.js';
import { listSavedQueries, mergeParams } from '../../cypher/savedQueries.js';
import { testExecutor, withRealDataset } from '../support/db.js';

const db = testExecutor(30_000);
beforeAll(() => withRealDataset(db));
afterAll(() => db.close());

const queries = listSavedQueries();
const run = async (name: string, params: Record<string, string | number | boolean> = {}) => {
  const q = queries.find((x) => x.name.startsWith(name))!;
  return db.readWithSummary({ cypher: q.cypher, params: mergeParams(q, params) }, { maxRows: 1000 });
};

describe('saved analyses', () => {
  it('there are at least 15', () => {
    expect(queries.length).toBeGreaterThanOrEqual(15);
  });

  it.each(queries.map((q) => [q.name, q] as const))('%s runs read-only and returns its promised columns', async (_name, q) => {
    expect(() => checkReadOnly(q.cypher)).not.toThrow();
    const explained = await db.explain({ cypher: q.cypher, params: mergeParams(q, {}) });
    expect(explained.queryType).toBe('r');
    // The console's plan check lets every saved analysis through.
    expect(explained.plan && checkPlan(explained.plan)).toEqual({ ok: true });
    const result = await db.readWithSummary({ cypher: q.cypher, params: mergeParams(q, {}) }, { maxRows: 1000 });
    expect(result.keys).toEqual(expect.arrayContaining(q.returns));
    expect(result.rows.length).toBeGreaterThan(0);
  });

  it('computes the R1/o1 gap from the stored facts: $2 vs $60, and keeps the ~27x said on air', async () => {
    const { rows } = await run('05');
    expect(rows[0]).toMatchObject({ cheapPrice: 2, dearPrice: 60, ratio: 30, statedRatio: 27 });
  });

  it('ranks DeepSeek among the most connected entities', async () => {
    const { rows } = await run('06');
    const names = rows.slice(0, 5).map((r) => JSON.stringify(r));
    expect(names.join(' ')).toMatch(/DeepSeek/);
  });

  it('lists H800 among what the export controls reach', async () => {
    const { rows } = await run('01');
    expect(JSON.stringify(rows)).toMatch(/nvidia-h800|NVIDIA H800/);
  });
});
