// Answers that depend only on the loaded dataset, kept per server and keyed by the dataset's fingerprint
// (the hash seed/load.ts stores on the Dataset marker when a load finishes). Every use is checked
// against the fingerprint read in the same request — by the request's own statement where it has one,
// else by one small lookup — so a seed (a new hash) or a load in progress (no hash) is never served
// from the cache. A store without a marker (the benchmark's synthetic graphs) is never cached.
// AIG_ANSWER_CACHE=off turns it off (the benchmark's cold figures).
import type { Executor } from '../../core/db/executor.js';
import type { EpisodeRecord } from '../../core/domain/types.js';
import type { SubgraphResult } from '../repository/graph.js';
import type { EntityNode } from '../repository/records.js';

export interface DatasetCache {
  enabled: boolean;
  episode: { hash: string; episode: EpisodeRecord; speakers: EntityNode[] } | null;
  /** Whole-graph answers by fingerprint + arguments + selected fields, least recently used first. */
  graphs: Map<string, SubgraphResult>;
}

/** Distinct whole-graph answers kept (filters in the explorer make a few; the 5,000-node one is ~5 MB). */
export const GRAPH_ANSWERS_KEPT = 8;

const caches = new WeakMap<Executor, DatasetCache>();

export function datasetCacheFor(db: Executor): DatasetCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = { enabled: process.env.AIG_ANSWER_CACHE !== 'off', episode: null, graphs: new Map() }));
  return c;
}

export function cachedGraph(cache: DatasetCache, key: string): SubgraphResult | undefined {
  const hit = cache.graphs.get(key);
  if (hit) {
    cache.graphs.delete(key);
    cache.graphs.set(key, hit);
  }
  return hit;
}

export function keepGraph(cache: DatasetCache, key: string, s: SubgraphResult): void {
  // Answers of an older fingerprint can never be hit again.
  const hash = key.slice(0, key.indexOf('|'));
  for (const k of cache.graphs.keys()) if (!k.startsWith(`${hash}|`)) cache.graphs.delete(k);
  cache.graphs.set(key, s);
  while (cache.graphs.size > GRAPH_ANSWERS_KEPT) cache.graphs.delete(cache.graphs.keys().next().value!);
}
