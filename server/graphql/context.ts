import type { Executor } from '../db/executor.js';
import type { Vocabulary } from '../domain/types.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface GraphQLContext {
  db: Executor;
  vocabulary: Vocabulary;
  loaders: Loaders;
}

export interface GraphQLDeps {
  db: Executor;
  vocabulary: Vocabulary;
}

export function createContext(deps: GraphQLDeps): GraphQLContext {
  return { ...deps, loaders: createLoaders(deps.db) };
}
