import type { Executor } from '../db/executor.js';
import type { Vocabulary } from '../domain/types.js';
import type { LayoutService } from '../layout/service.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface GraphQLContext {
  db: Executor;
  vocabulary: Vocabulary;
  loaders: Loaders;
  /** Absent where no layouts are wanted (benchmarks' in-process floor recording). */
  layout?: LayoutService;
}

export interface GraphQLDeps {
  db: Executor;
  vocabulary: Vocabulary;
  layout?: LayoutService;
}

export function createContext(deps: GraphQLDeps): GraphQLContext {
  return { ...deps, loaders: createLoaders(deps.db) };
}
