// Load benchmark: the project's loader (seed/load.ts, one transaction of UNWIND batches) against a
// naive loader (one auto-commit MERGE per row) in the same run, on the same Neo4j.
import neo4j, { type Driver } from 'neo4j-driver';
import type { Executor } from '../core/db/executor.js';
import type { Dataset } from '../core/domain/types.js';
import { loadDataset } from '../seed/load.js';
import * as S from '../seed/statements.js';
import { heapSampler, type BenchNeo4j } from './lib/neo4j.js';
import { round } from './lib/stats.js';

export interface LoaderRun {
  ok: boolean;
  error?: string;
  seconds: number;
  rowsPerSecond: number;
  relationshipsPerSecond: number;
  /** Seconds per kind of statement, in the order they ran; "commit" is the marker, commit and final count. */
  phases: Record<string, number>;
  /** Relationships per second counting only the relationship statements. */
  relationshipPhasePerSecond: number;
  peakHeapMiB: number;
}

export interface NaiveRun {
  sampled: Record<'entities' | 'relationships' | 'facts', number>;
  perSecond: Record<'entities' | 'relationships' | 'facts', number>;
  /** The dataset's own mix of rows at the sampled per-kind rates. */
  rowsPerSecond: number;
  estimatedSecondsForDataset: number;
}

export const rowsOf = (d: Dataset) => d.entities.length + d.relationships.length + d.facts.length;

/** Empties the database in bounded batches (auto-commit), so a wipe never needs one huge transaction. */
export async function wipe(driver: Driver): Promise<void> {
  const s = driver.session();
  try {
    // Relationships first: a batch of nodes that includes a hub (a chapter of the 100k graph has ~7,000
    // relationships) would otherwise exceed Neo4j's transaction memory on the 512 MB heap.
    await s.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await s.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await s.close();
  }
}

/** Times one loadDataset call, statement by statement through its afterStatement hook. */
export async function timeLoader(db: Executor, monitor: Executor, d: Dataset, opts: { reset?: boolean } = {}): Promise<LoaderRun> {
  const phases: Record<string, number> = {};
  const heap = heapSampler(monitor, 1000);
  const t0 = performance.now();
  let last = t0;
  let error: string | undefined;
  try {
    await loadDataset(db, d, {
      reset: opts.reset,
      afterStatement: (_i, st) => {
        const now = performance.now();
        const label = st.label;
        phases[label] = (phases[label] ?? 0) + (now - last) / 1000;
        last = now;
      },
    });
  } catch (err) {
    error = (err as Error).message;
  }
  const end = performance.now();
  if (!error) phases.commit = (end - last) / 1000;
  const peakHeapMiB = await heap.stop();
  const seconds = (end - t0) / 1000;
  const relSeconds = phases.relationships ?? NaN;
  return {
    ok: !error,
    ...(error ? { error } : {}),
    seconds: round(seconds, 2),
    rowsPerSecond: error ? 0 : Math.round(rowsOf(d) / seconds),
    relationshipsPerSecond: error ? 0 : Math.round(d.relationships.length / seconds),
    phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, round(v, 2)])),
    relationshipPhasePerSecond: error ? 0 : Math.round(d.relationships.length / relSeconds),
    peakHeapMiB,
  };
}

/** Every k-th element, so the sample spreads over kinds and types the way the dataset does. */
function stride<T>(items: T[], n: number): T[] {
  if (items.length <= n) return items;
  const step = items.length / n;
  return Array.from({ length: n }, (_, i) => items[Math.floor(i * step)]!);
}

/**
 * The naive loader on a sample of fresh rows ("naive-" copies, so every MERGE creates, as a first
 * load would), into the already loaded graph, then removed. Runs against the same indexes the loader uses.
 */
export async function timeNaive(driver: Driver, d: Dataset, sampleSize: number, budgetMs: number): Promise<NaiveRun> {
  const labelOf = (kind: string) => S.safeIdentifier(d.vocabulary.kinds[kind]!.label, Object.values(d.vocabulary.kinds).map((k) => k.label));
  const types = Object.keys(d.vocabulary.relationshipTypes);
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  const rate = async <T>(rows: T[], run: (row: T) => Promise<unknown>): Promise<{ n: number; perSecond: number }> => {
    const t0 = performance.now();
    let n = 0;
    for (const row of rows) {
      await run(row);
      n++;
      if (performance.now() - t0 > budgetMs) break;
    }
    return { n, perSecond: n / ((performance.now() - t0) / 1000) };
  };
  try {
    const entities = await rate(stride(d.entities, sampleSize), (e) =>
      session.run(`MERGE (e:Entity {id: $row.id}) SET e = $row SET e:${labelOf(e.kind)}`, { row: { ...S.entityProps(e), id: `naive-${e.id}` } }),
    );
    const relationships = await rate(stride(d.relationships, sampleSize), (r) =>
      session.run(
        `MATCH (a:Entity {id: $source}) MATCH (b:Entity {id: $target}) MERGE (a)-[r:${S.safeIdentifier(r.type, types)} {id: $props.id}]->(b) SET r = $props`,
        { source: r.source, target: r.target, props: { ...S.relationshipProps(r), id: `naive-${r.id}` } },
      ),
    );
    const facts = await rate(stride(d.facts, sampleSize), (f) =>
      session.run('MATCH (e:Entity {id: $row.subject}) MERGE (f:Fact {id: $row.id}) SET f = $row MERGE (e)-[:HAS_FACT]->(f)', {
        row: { ...S.factProps(f), id: `naive-${f.id}` },
      }),
    );
    const estimated = d.entities.length / entities.perSecond + d.relationships.length / relationships.perSecond + d.facts.length / facts.perSecond;
    return {
      sampled: { entities: entities.n, relationships: relationships.n, facts: facts.n },
      perSecond: { entities: Math.round(entities.perSecond), relationships: Math.round(relationships.perSecond), facts: Math.round(facts.perSecond) },
      rowsPerSecond: Math.round(rowsOf(d) / estimated),
      estimatedSecondsForDataset: round(estimated, 1),
    };
  } finally {
    await session.run("MATCH (:Entity)-[r]->(:Entity) WHERE r.id STARTS WITH 'naive-' DELETE r").catch(() => undefined);
    await session.run("MATCH (f:Fact) WHERE f.id STARTS WITH 'naive-' DETACH DELETE f").catch(() => undefined);
    await session.run("MATCH (e:Entity) WHERE e.id STARTS WITH 'naive-' DETACH DELETE e").catch(() => undefined);
    await session.close();
  }
}

const describe = (run: LoaderRun): string =>
  run.ok
    ? `${run.seconds}s, ${run.rowsPerSecond} rows/s, ${run.relationshipsPerSecond} rels/s, peak heap ${run.peakHeapMiB} MiB`
    : `FAILED after ${run.seconds}s: ${run.error}`;

export interface LoadScaleResult {
  scale: string;
  entities: number;
  relationships: number;
  facts: number;
  neo4j: { heap: string; pageCache: string };
  fresh: LoaderRun[];
  /** Loading the same dataset again (every MERGE matches): what a restart after an unchanged edit costs. */
  reload?: LoaderRun;
  /** Runs of earlier benchmark code: the one-transaction statements committed one by one. */
  batched?: LoaderRun;
  naive?: NaiveRun;
  ratioToNaive?: number;
  batchedRatioToNaive?: number;
}

export async function benchLoadScale(
  neo: BenchNeo4j,
  db: Executor,
  monitor: Executor,
  scale: string,
  d: Dataset,
  opts: { repeats: number; reload: boolean; naiveSample: number; naiveBudgetMs: number; log: (m: string) => void },
): Promise<LoadScaleResult> {
  const driver = neo4j.driver(neo.connection.uri, neo4j.auth.basic(neo.connection.user, neo.connection.password), {
    logging: { level: 'error', logger: () => undefined },
  });
  const result: LoadScaleResult = {
    scale,
    entities: d.entities.length,
    relationships: d.relationships.length,
    facts: d.facts.length,
    neo4j: { heap: neo.heap, pageCache: neo.pageCache },
    fresh: [],
  };
  try {
    for (let i = 0; i < opts.repeats; i++) {
      await wipe(driver);
      const run = await timeLoader(db, monitor, d);
      opts.log(`  load ${scale} #${i + 1}: ${describe(run)}`);
      result.fresh.push(run);
      if (!run.ok) break;
    }
    const ok = result.fresh.filter((f) => f.ok).sort((a, b) => a.seconds - b.seconds);
    if (opts.reload && ok.length) {
      result.reload = await timeLoader(db, monitor, d);
      opts.log(`  reload ${scale} (unchanged): ${result.reload.seconds}s`);
    }
    if (opts.naiveSample > 0 && ok.length) {
      result.naive = await timeNaive(driver, d, opts.naiveSample, opts.naiveBudgetMs);
      const mid = ok[Math.floor(ok.length / 2)];
      if (mid) result.ratioToNaive = round(mid.rowsPerSecond / result.naive.rowsPerSecond, 1);
      opts.log(`  naive ${scale}: ${JSON.stringify(result.naive.perSecond)} rows/s → ${result.naive.rowsPerSecond} rows/s for this mix; loader ${result.ratioToNaive ?? '–'}×`);
    }
    return result;
  } finally {
    await driver.close();
  }
}
