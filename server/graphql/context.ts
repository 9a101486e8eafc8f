import type { Executor } from '../../core/db/executor.js';
import { tracedExecutor, type TracedStatement } from '../../core/db/trace.js';
import type { Vocabulary } from '../../core/domain/types.js';
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
  /** Present when the request asked for its Cypher (EXPLAIN_HEADER): every statement run for it. */
  cypher?: TracedStatement[];
  /** Whether this answer may be kept as the dataset's answer to the same request (http/answerCache.ts). */
  answer: AnswerNote;
  /** Waits, for an answer of this many nodes + edges, until it may be built (http/bigAnswers.ts); absent: never waits. */
  bigAnswer?: (items: number) => Promise<void>;
}

/** Cleared by whatever makes an answer hold more than the dataset: an error, a layout not ready yet. */
export interface AnswerNote {
  keep: boolean;
}

export interface GraphQLDeps {
  db: Executor;
  vocabulary: Vocabulary;
  layout?: LayoutService;
  /** The server's dataset cache; by default the one of `db` (a per-client wrapper of it must pass the server's). */
  cache?: DatasetCache;
  /** Record the Cypher this request runs, for `extensions.cypher` of its answer. */
  explain?: boolean;
  /** The answer cache's note for this request, when it may keep the answer. */
  answer?: AnswerNote;
  /** A failure this request already met (its fingerprint read): no statement of it is started. */
  failed?: Error;
  bigAnswer?: (items: number) => Promise<void>;
}

/**
 * The request flag for "show the query": the header, or `extensions: {explain: true}` in the body.
 * The answer then carries `extensions.cypher`: [{cypher, params}] as the executor ran them.
 */
export const EXPLAIN_HEADER = 'x-aig-explain';

export function wantsExplain(headers: Record<string, unknown>, body: unknown): boolean {
  const ext = (body as { extensions?: { explain?: unknown } } | null)?.extensions;
  return headers[EXPLAIN_HEADER] === '1' || ext?.explain === true;
}

export function createContext(deps: GraphQLDeps): GraphQLContext {
  const { explain, answer, failed, ...rest } = deps;
  const controller = new AbortController();
  if (failed) controller.abort(failed);
  const cypher: TracedStatement[] | undefined = explain ? [] : undefined;
  const guarded = requestExecutor(deps.db, controller);
  const db = cypher ? tracedExecutor(guarded, cypher) : guarded;
  // The cache belongs to the server's executor, not to this request's traced wrapper of it.
  const cache = deps.cache ?? datasetCacheFor(deps.db);
  return {
    ...rest,
    db,
    signal: controller.signal,
    cache,
    loaders: createLoaders(db, cache),
    answer: answer ?? { keep: false },
    ...(cypher ? { cypher } : {}),
  };
}
