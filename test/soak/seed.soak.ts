// Issue 8, item 6: a seed run killed with SIGKILL mid-load leaves the previous graph whole, and two
// seed runs at once leave exactly one whole dataset, never a mix. The seed CLI runs as `npm run seed`
// would run it (npx tsx seed/cli.ts), as a real child process against the test Neo4j.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEFAULT_DATA_DIR, readDataset } from '../../seed/dataset.js';
import type { Dataset } from '../../core/domain/types.js';
import { datasetHash, loadDataset } from '../../seed/load.js';
import { graphStats, storedDataset, storedDatasetHash } from '../../core/db/graphState.js';
import { fingerprint, testExecutor, withRealDataset } from '../support/db.js';
import { runSeedCli, waitForOutput, writeSyntheticDataset } from './support.js';

const conn = inject('neo4j');
const db = testExecutor(120_000);
const work = mkdtempSync(join(tmpdir(), 'aig-soak-seed-'));
const big = join(work, 'big');
const medium = join(work, 'medium');
const huge = join(work, 'huge');
let realContent: Record<string, unknown>;

beforeAll(async () => {
  // 14,500 items: enough for the load to last seconds, so a kill lands inside it, and still under
  // seed/load.ts's SINGLE_TRANSACTION_ROWS (larger datasets commit batch by batch; see below).
  writeSyntheticDataset(big, { entities: 4_000, relationships: 8_000, facts: 2_500, tag: 'big' });
  // Over SINGLE_TRANSACTION_ROWS: committed batch by batch.
  writeSyntheticDataset(huge, { entities: 15_000, relationships: 30_000, facts: 15_000, tag: 'huge' });
  writeSyntheticDataset(medium, { entities: 1500, relationships: 3000, facts: 1500, tag: 'mid' });
  await withRealDataset(db);
  realContent = await content();
});
afterAll(async () => {
  await withRealDataset(db);
  await db.close();
  rmSync(work, { recursive: true, force: true });
});

/**
 * What the graph says: counts plus a digest of every entity, relationship and fact, sorted (the
 * fingerprint's five-name sample alone would miss most changes to the content).
 */
async function content(): Promise<Record<string, unknown>> {
  const { sample: _sample, ...counts } = await fingerprint(db);
  const [row] = await db.read({
    cypher: `CALL () { MATCH (e:Entity) WITH e ORDER BY e.id RETURN collect([e.id, e.kind, e.name, labels(e)]) AS es }
CALL () { MATCH (a:Entity)-[r]->(b:Entity) WITH a, r, b ORDER BY r.id, type(r) RETURN collect([r.id, type(r), a.id, b.id]) AS rs }
CALL () { MATCH (e:Entity)-[:HAS_FACT]->(f:Fact) WITH e, f ORDER BY f.id RETURN collect([f.id, e.id, f.metric, f.value, f.unit]) AS fs }
RETURN es, rs, fs`,
    params: {},
  });
  return { ...counts, digest: createHash('sha256').update(JSON.stringify(row)).digest('hex') };
}

function datasetOf(dir: string): Dataset {
  const r = readDataset(dir);
  if (!r.ok) throw new Error(`${dir} is not a valid dataset: ${r.errors.length} errors`);
  return r.dataset;
}

/** The graph is the real dataset, whole: same fingerprint, and its marker names the real files. */
async function expectRealGraph(): Promise<void> {
  expect(await content()).toEqual(realContent);
  expect(await storedDatasetHash(db)).toBe(datasetHash(datasetOf(DEFAULT_DATA_DIR)));
}

describe('SIGKILL mid-seed', () => {
  // Kill points: while entities are written, while relationships are written (by then the old
  // entities are deleted inside the transaction), and while facts are written.
  it.each([
    ['entities', /entities: [4-9]\d{3} \/ 12003/],
    ['relationships', /relationships: 1\d{4} \/ 24000/],
    ['facts', /facts: [4-9]\d{3} \/ 12000/],
  ])('killed while writing %s: the previous graph is whole, and the next load works', async (_phase, progress) => {
    const run = runSeedCli(big, conn);
    const reached = await waitForOutput(run, (out) => progress.test(out), 300_000);
    run.kill9();
    const ended = await run.exited;
    expect({ reached, tail: reached ? '' : run.output().slice(-1500) }).toEqual({ reached: true, tail: '' });
    expect(ended).toBe('SIGKILL');
    const at = run.output().trim().split('\n').at(-1)?.trim();
    console.log(`seed killed at "${at}"`);
    expect(run.output()).not.toMatch(/loaded into/);

    // Neo4j notices the dropped connection and rolls back; readers never see the half-load.
    await expectRealGraph();
    // No lock or half-open transaction is left behind: a full load commits right after.
    const counts = await loadDataset(db, datasetOf(medium));
    expect(counts.entities).toBe(1503);
    await withRealDataset(db);
    await expectRealGraph();
  });
});

describe('SIGKILL during a load that commits batch by batch', () => {
  it('leaves the load marked unfinished, and the next seed run finishes it', async () => {
    const d = datasetOf(huge);
    const run = runSeedCli(huge, conn);
    const reached = await waitForOutput(run, (out) => /relationships: 1\d{4} \/ 30000/.test(out), 300_000);
    run.kill9();
    expect(await run.exited).toBe('SIGKILL');
    expect(reached).toBe(true);
    // Not the previous graph any more (batches committed), but never mistaken for a finished load.
    expect(await storedDataset(db)).toEqual({ hash: null, loading: datasetHash(d) });

    const again = runSeedCli(huge, conn);
    expect(await again.exited).toBe(0);
    expect(await storedDataset(db)).toEqual({ hash: datasetHash(d), loading: null });
    const counts = await graphStats(db);
    expect([counts.entities, counts.relationships, counts.facts]).toEqual([d.entities.length, d.relationships.length, d.facts.length]);
    await withRealDataset(db);
    await expectRealGraph();
  }, 900_000);
});

describe('two seed runs at once', () => {
  let midContent: Record<string, unknown>;
  let midHash: string;
  beforeAll(async () => {
    const mid = datasetOf(medium);
    midHash = datasetHash(mid);
    await loadDataset(db, mid);
    midContent = await content();
    await withRealDataset(db);
  });

  it.each([
    ['real then synthetic', [DEFAULT_DATA_DIR, medium]],
    ['synthetic then real', [medium, DEFAULT_DATA_DIR]],
  ])('%s, started together: the graph is one whole dataset and its marker says which', async (_name, dirs) => {
    const runs = dirs.map((d) => runSeedCli(d, conn));
    const codes = await Promise.all(runs.map((r) => r.exited));
    const outputs = runs.map((r) => r.output());
    // A run may lose a deadlock and exit 1, saying the graph is as it was; at least one commits.
    for (const [i, code] of codes.entries()) {
      if (code === 0) expect(outputs[i]).toMatch(/loaded into/);
      else expect(outputs[i]).toMatch(/seed failed: .*\n.*as it was before this run/);
    }
    expect(codes).toContain(0);

    const now = await content();
    const hash = await storedDatasetHash(db);
    const real = datasetOf(DEFAULT_DATA_DIR);
    const which = hash === midHash ? 'synthetic' : hash === datasetHash(real) ? 'real' : `unknown hash ${hash}`;
    expect(which).not.toMatch(/unknown/);
    console.log(`concurrent seeds ${dirs.map((d) => (d === medium ? 'synthetic' : 'real')).join(' + ')}: exit codes ${codes.join(', ')}; the graph is the ${which} dataset`);
    expect(now).toEqual(which === 'synthetic' ? midContent : realContent);
    const counts = await graphStats(db);
    expect(counts.entities).toBe(which === 'synthetic' ? 1503 : real.entities.length);
    await withRealDataset(db);
  });
});
