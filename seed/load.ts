// Loads a validated dataset in ONE write transaction: upsert everything in batches (UNWIND + MERGE),
// prune what the files no longer contain, then commit. Any failure rolls back to the previous graph.
import { createHash } from 'node:crypto';
import type { Executor } from '../server/db/executor.js';
import { graphStats, type GraphStats } from '../server/repository/stats.js';
import type { Dataset } from '../server/domain/types.js';
import * as S from './statements.js';

export const BATCH_SIZE = 2000;

export type LoadCounts = GraphStats;

export interface LoadOptions {
  log?: (message: string) => void;
  /** Wipe the whole database first, inside the same transaction. */
  reset?: boolean;
  /** Test hook: called between statements, may throw to simulate a crash mid-load. */
  afterStatement?: (index: number) => void;
}

function chunks<T>(rows: T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export function datasetHash(d: Dataset): string {
  return createHash('sha256').update(JSON.stringify(d)).digest('hex').slice(0, 16);
}

export function loadStatements(d: Dataset, reset = false): S.CypherStatementWithLabel[] {
  const labels = Object.values(d.vocabulary.kinds).map((k) => k.label);
  const types = Object.keys(d.vocabulary.relationshipTypes);
  const out: S.CypherStatementWithLabel[] = [];
  if (reset) out.push({ ...S.wipeAll(), label: 'reset' });
  for (const st of S.upsertEpisode(d)) out.push({ ...st, label: 'episode' });

  const byKind = new Map<string, Record<string, unknown>[]>();
  for (const e of d.entities) {
    const list = byKind.get(e.kind) ?? [];
    list.push(S.entityProps(e));
    byKind.set(e.kind, list);
  }
  for (const [kind, rows] of byKind) {
    const label = S.safeIdentifier(d.vocabulary.kinds[kind]!.label, labels);
    for (const batch of chunks(rows)) out.push({ ...S.upsertEntities(label, labels, batch), label: 'entities', rows: batch.length });
  }
  out.push({ ...S.pruneEntities(d.entities.map((e) => e.id)), label: 'prune' });

  const byType = new Map<string, { source: string; target: string; props: Record<string, unknown> }[]>();
  for (const r of d.relationships) {
    const list = byType.get(r.type) ?? [];
    list.push({ source: r.source, target: r.target, props: S.relationshipProps(r) });
    byType.set(r.type, list);
  }
  for (const [type, rows] of byType) {
    const t = S.safeIdentifier(type, types);
    for (const batch of chunks(rows)) out.push({ ...S.upsertRelationships(t, batch), label: 'relationships', rows: batch.length });
  }
  out.push({ ...S.pruneRelationships(d.relationships.map((r) => r.id)), label: 'prune' });

  for (const batch of chunks(d.facts.map(S.factProps))) out.push({ ...S.upsertFacts(batch), label: 'facts', rows: batch.length });
  for (const st of S.pruneFacts(d.facts)) out.push({ ...st, label: 'prune' });

  const links = d.entities.flatMap((e) => e.chapters.map((chapter) => ({ id: e.id, chapter })));
  out.push({ ...S.unlinkChapters(), label: 'chapters' });
  for (const batch of chunks(links)) out.push({ ...S.linkChapters(batch), label: 'chapters', rows: batch.length });
  return out;
}

export async function loadDataset(db: Executor, d: Dataset, opts: LoadOptions = {}): Promise<LoadCounts> {
  const log = opts.log ?? (() => undefined);
  const statements = loadStatements(d, opts.reset);
  const total = { entities: d.entities.length, relationships: d.relationships.length, facts: d.facts.length };
  const large = total.entities + total.relationships + total.facts > 20_000;
  const done: Record<string, number> = {};
  const hash = datasetHash(d);

  await db.writeTransaction(
    async (tx) => {
      for (const [i, st] of statements.entries()) {
        await tx.run(st);
        opts.afterStatement?.(i);
        if (st.rows && large) {
          done[st.label] = (done[st.label] ?? 0) + st.rows;
          const of = st.label in total ? ` / ${total[st.label as keyof typeof total]}` : '';
          log(`  ${st.label}: ${done[st.label]}${of}`);
        }
      }
      await tx.run(S.markDataset(hash, total));
    },
    { timeoutMs: 30 * 60_000 },
  );
  return graphStats(db);
}
