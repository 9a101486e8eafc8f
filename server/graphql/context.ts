import type { Executor } from '../db/executor.js';
import type { Vocabulary } from '../domain/types.js';
import type { LayoutService } from '../layout/service.js';
import { datasetCacheFor, type DatasetCache } from './datasetCache.js';
import { createLoaders, type Loaders } from './loaders.js';
import { requestExecutor } from './requestGuard.js';

export interface GraphQLContext {
  /** This request's executor: it starts no statement once one has found Neo4j unreachable or timed out. */
  db: Executor;
  vocabulary: Vocabulary;
  loaders: Loaders;
  /** Aborted, with that failure as its reason, when the request's remaining statements are not started. */
  signal: AbortSignal;
  /** Absent where no layouts are wanted (benchmarks' in-process floor recording). */
  layout?: LayoutService;
  /** Answers of the loaded dataset, shared by this server's requests. */
  cache: DatasetCache;
}

export interface GraphQLDeps {
  db: Executor;
  vocabulary: Vocabulary;
  layout?: LayoutService;
  /** The server's dataset cache; by default the one of `db` (a per-client wrapper of it must pass the server's). */
  cache?: DatasetCache;
}

export function createContext(deps: GraphQLDeps): GraphQLContext {
  const controller = new AbortController();
  const db = requestExecutor(deps.db, controller);
  const cache = deps.cache ?? datasetCacheFor(deps.db);
  return { ...deps, db, signal: controller.signal, cache, loaders: createLoaders(db, cache) };
}
