import type { Executor } from '../../core/db/executor.js';
import type { Vocabulary } from '../../core/domain/types.js';
import type { LayoutService } from '../layout/service.js';
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
}

export interface GraphQLDeps {
  db: Executor;
  vocabulary: Vocabulary;
  layout?: LayoutService;
}

export function createContext(deps: GraphQLDeps): GraphQLContext {
  const controller = new AbortController();
  const db = requestExecutor(deps.db, controller);
  return { ...deps, db, signal: controller.signal, loaders: createLoaders(db) };
}
