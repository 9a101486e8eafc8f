// Loads a validated dataset: upsert everything in batches (UNWIND + MERGE, or CREATE into an empty
// store), prune what the files no longer contain, then mark the dataset as loaded.
//
// Up to `singleTransactionRows` rows (the episode's dataset is ~1,300) it all happens in ONE write
// transaction: any failure rolls back to the previous graph. Neo4j keeps a transaction's changes on
// its heap, capped at 70% of it (~3.5 KiB per row here: 358 MiB of a 512 MB heap holds ~100k rows),
// so a dataset of 100k entities would need several GB of heap in one transaction; above the threshold
// every batch commits on its own instead. That load first clears
// the stored dataset hash, so an interrupted one is never mistaken for a finished one: `npm start`
// (and `npm run seed`) see the mismatch and load again, and MERGE makes the rerun converge.
import { createHash } from 'node:crypto';
import type { CypherStatement, Executor } from '../core/db/executor.js';
import { graphStats, markDataset, markLoading, type GraphStats } from '../core/db/graphState.js';
import type { Dataset } from '../core/domain/types.js';
import * as S from './statements.js';
import { CENTRALITY_VERSION, centralityProps, computeCentrality } from './centrality.js';

export const BATCH_SIZE = 2000;
/**
 * About half of what one transaction may hold on the shipped 512 MB heap, whose transactions are capped at
 * 40% of it (~205 MB): a 31.5k-row synthetic dataset (10k entities, 17.5k relationships, 4k facts) failed
 * in one transaction with "needs more memory than one query may use" (bench 2026-12-02), ~6.5 KB a row.
 */
export const SINGLE_TRANSACTION_ROWS = 15_000;
/** Loads this large say how far they are (a seed of 60k rows runs for tens of seconds). */
const PROGRESS_ABOVE_ROWS = 20_000;
/** Batches of a load that commits per batch: larger, since no transaction has to hold them all. */
export const COMMITTED_BATCH_SIZE = 10_000;

export type LoadCounts = GraphStats;

export interface LoadOptions {
  log?: (message: string) => void;
  /** Wipe the whole database first (inside the same transaction when there is one). */
  reset?: boolean;
  /** Datasets with more rows commit batch by batch. */
  singleTransactionRows?: number;
  /** Test hook: called between statements, may throw to simulate a crash mid-load. */
  afterStatement?: (index: number, statement: LoadStatement) => void;
}

export interface LoadStatement extends S.CypherStatementWithLabel {
  /** A prune that deletes at most a limit per run; repeated until it deletes nothing more. */
  repeat?: boolean;
}

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export function datasetHash(d: Dataset): string {
  const hash = createHash('sha256');
  for (const part of jsonParts(d)) hash.update(part, 'utf8');
  // The centrality method is part of what a load writes: a new one makes the stored hash stale.
  return hash.update(CENTRALITY_VERSION).digest('hex').slice(0, 16);
}

/** Rows per JSON.stringify call below: few enough calls, and no string near the size of the dataset. */
const HASH_SLICE = 2000;

/**
 * JSON.stringify(value) in pieces, byte for byte (so stored hashes stay valid): top-level arrays go in
 * slices. The whole string was 322 MB at 100k/500k, and building and encoding it took about twice as long.
 */
function* jsonParts(value: object): Generator<string> {
  yield '{';
  let first = true;
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (!Array.isArray(v)) {
      yield JSON.stringify(v);
      continue;
    }
    yield '[';
    for (let i = 0; i < v.length; i += HASH_SLICE) yield (i ? ',' : '') + JSON.stringify(v.slice(i, i + HASH_SLICE)).slice(1, -1);
    yield ']';
  }
  yield '}';
}

export const rowCount = (d: Dataset) => d.entities.length + d.relationships.length + d.facts.length + d.dates.length;

export interface StatementPlan {
  mode: S.WriteMode;
  /** Set for loads that commit per batch: batch size, and the most a prune deletes per transaction. */
  committed?: boolean;
  /** Wipe first, in the same transaction (single-transaction loads only). */
  reset?: boolean;
}

export function loadStatements(d: Dataset, plan: StatementPlan = { mode: 'merge' }): LoadStatement[] {
  const size = plan.committed ? COMMITTED_BATCH_SIZE : BATCH_SIZE;
  const limit = plan.committed ? COMMITTED_BATCH_SIZE : undefined;
  const labels = Object.values(d.vocabulary.kinds).map((k) => k.label);
  const types = Object.keys(d.vocabulary.relationshipTypes);
  const out: LoadStatement[] = [];
  if (plan.reset) out.push({ ...S.wipeAll(), label: 'reset' });
  for (const st of S.upsertEpisode(d)) out.push({ ...st, label: 'episode' });

  const labelOf = new Map(Object.entries(d.vocabulary.kinds).map(([kind, k]) => [kind, S.safeIdentifier(k.label, labels)]));
  const othersOf = new Map([...labelOf].map(([kind, label]) => [kind, labels.filter((l) => l !== label)]));
  const centrality = computeCentrality(d);
  const entityRows: S.EntityRow[] = d.entities.map((e) => ({
    label: labelOf.get(e.kind)!,
    others: othersOf.get(e.kind)!,
    props: { ...S.entityProps(e), ...centralityProps(centrality.get(e.id)) },
  }));
  for (const batch of chunks(entityRows, size)) out.push({ ...S.upsertEntities(plan.mode, batch), label: 'entities', rows: batch.length });
  if (plan.mode === 'merge') out.push({ ...S.pruneEntities(d.entities.map((e) => e.id), limit), label: 'prune', repeat: !!limit });

  const allowedTypes = new Set(types.map((t) => S.safeIdentifier(t, types)));
  const relRows: S.RelationshipRow[] = d.relationships.map((r) => {
    if (!allowedTypes.has(r.type)) S.safeIdentifier(r.type, types);
    return { source: r.source, target: r.target, type: r.type, props: S.relationshipProps(r) };
  });
  for (const batch of chunks(relRows, size)) out.push({ ...S.upsertRelationships(plan.mode, batch), label: 'relationships', rows: batch.length });
  if (plan.mode === 'merge') out.push({ ...S.pruneRelationships(d.relationships.map((r) => r.id), limit), label: 'prune', repeat: !!limit });

  for (const batch of chunks(d.facts.map(S.factProps), size)) out.push({ ...S.upsertFacts(plan.mode, batch), label: 'facts', rows: batch.length });
  if (plan.mode === 'merge') for (const st of S.pruneFacts(d.facts, limit)) out.push({ ...st, label: 'prune', repeat: !!limit });

  for (const batch of chunks(d.dates.map(S.dateClaimProps), size)) out.push({ ...S.upsertDateClaims(plan.mode, batch), label: 'dates', rows: batch.length });
  if (plan.mode === 'merge') for (const st of S.pruneDateClaims(d.dates, limit)) out.push({ ...st, label: 'prune', repeat: !!limit });
  return out;
}

export async function loadDataset(db: Executor, d: Dataset, opts: LoadOptions = {}): Promise<LoadCounts> {
  const log = opts.log ?? (() => undefined);
  const total = { entities: d.entities.length, relationships: d.relationships.length, facts: d.facts.length };
  const committed = rowCount(d) > (opts.singleTransactionRows ?? SINGLE_TRANSACTION_ROWS);
  const hash = datasetHash(d);
  const done: Record<string, number> = {};
  const progress = (st: LoadStatement) => {
    if (!st.rows || rowCount(d) <= PROGRESS_ABOVE_ROWS) return;
    done[st.label] = (done[st.label] ?? 0) + st.rows;
    const of = st.label in total ? ` / ${total[st.label as keyof typeof total]}` : '';
    log(`  ${st.label}: ${done[st.label]}${of}`);
  };

  const runOnce = (st: CypherStatement) => db.write(st, { timeoutMs: 30 * 60_000 });
  const run = async (st: LoadStatement) => {
    if (!st.repeat) return void (await runOnce(st));
    while (Number((await runOnce(st))[0]?.deleted ?? 0) > 0) {
      /* until nothing is left to delete */
    }
  };
  const wipeInBatches = async () => {
    for (const st of S.wipeInBatches(COMMITTED_BATCH_SIZE)) await run({ ...st, label: 'reset', repeat: true });
  };

  if (!committed) {
    // Deleting a graph costs transaction memory too: a reset over a graph too large for one
    // transaction wipes it first, in batches (the user asked for it to go), then loads atomically.
    let reset = opts.reset;
    if (reset && Number((await db.read(S.countNodes()))[0]?.n ?? 0) > (opts.singleTransactionRows ?? SINGLE_TRANSACTION_ROWS)) {
      log('  the graph to wipe is too large for one transaction: deleting it in batches first');
      await wipeInBatches();
      reset = false;
    }
    await db.writeTransaction(
      async (tx) => {
        const [row] = reset ? [{ n: 0 }] : await tx.run(S.countEntities());
        const statements = loadStatements(d, { mode: Number(row?.n) === 0 ? 'create' : 'merge', reset });
        for (const [i, st] of statements.entries()) {
          await tx.run(st);
          opts.afterStatement?.(i, st);
          progress(st);
        }
        await tx.run(markDataset(hash, total));
      },
      { timeoutMs: 30 * 60_000 },
    );
    return graphStats(db);
  }

  log(`  ${rowCount(d)} rows: committing batch by batch (an interrupted load is redone by the next start)`);
  // A reset wipes in small transactions before the marker is written (a wipe would remove it).
  if (opts.reset) await wipeInBatches();
  await db.write(markLoading(hash));
  const [row] = await db.read(S.countEntities());
  const statements = loadStatements(d, { mode: Number(row?.n) === 0 ? 'create' : 'merge', committed: true });
  for (const [i, st] of statements.entries()) {
    await run(st);
    opts.afterStatement?.(i, st);
    progress(st);
  }
  await db.write(markDataset(hash, total));
  return graphStats(db);
}
