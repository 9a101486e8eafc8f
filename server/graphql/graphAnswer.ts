// The whole graph (the explorer's first view) from the dataset cache when the stored fingerprint still
// matches: reading and mapping ~1,100 objects cost 100+ ms of server CPU on every load although the data
// changes only on seed. A cold answer is read as before and kept; each request checks the fingerprint
// with one small statement first. See datasetCache.ts for what makes this safe.
import { storedDataset } from '../../core/db/graphState.js';
import { wholeGraph, type SubgraphFields, type SubgraphResult } from '../repository/graph.js';
import type { GraphQLContext } from './context.js';
import { cachedGraph, keepGraph } from './datasetCache.js';

type GraphOptions = { kinds: string[]; types: string[]; asOf: string | null; limit: number };

const fieldsKey = (f: Set<string> | null) => (f ? [...f].sort().join(',') : '*');

export async function graphAnswer(ctx: GraphQLContext, opts: GraphOptions, allowed: readonly string[], fields: SubgraphFields): Promise<SubgraphResult> {
  if (!ctx.cache.enabled) return wholeGraph(ctx.db, opts, allowed, fields);
  const stored = await storedDataset(ctx.db);
  const hash = stored.loading === null ? stored.hash : null;
  if (hash === null) return wholeGraph(ctx.db, opts, allowed, fields);
  const key = `${hash}|${JSON.stringify(opts)}|${fieldsKey(fields.node)}|${fieldsKey(fields.edge)}`;
  const hit = cachedGraph(ctx.cache, key);
  // A copy per request: per-subgraph state (the layout answer) must not carry over between requests.
  if (hit) return { ...hit };
  const s = await wholeGraph(ctx.db, opts, allowed, fields);
  keepGraph(ctx.cache, key, s);
  return { ...s };
}
