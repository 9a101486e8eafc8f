// Talks to the server: GraphQL over POST /graphql and the read-only Cypher console at POST /cypher.
// A network failure is not an error for the caller: the request waits and retries until the server
// is back, and the banner tells the user what is going on.

// The console's graph shapes are defined once, in core (type-only: nothing server-side is bundled).
import type { ConsoleEdge, ConsoleNode } from '../../core/domain/consoleGraph.js';
import { CODE } from '../../core/domain/errors.js';
import type { TracedStatement, Vocabulary } from '../../core/domain/types.js';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export type ConnectionListener = (state: { down: boolean; retryInSeconds: number }) => void;

let listener: ConnectionListener = () => undefined;
export function onConnectionChange(fn: ConnectionListener): void {
  listener = fn;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** 502-504 mean a proxy or the database is momentarily away: worth waiting for, like a refused connection. */
const TRANSIENT = new Set([502, 503, 504]);

async function fetchWithRetry(input: string, init: RequestInit): Promise<Response> {
  let delay = 1000;
  let wasDown = false;
  for (;;) {
    try {
      const res = await fetch(input, init);
      if (!TRANSIENT.has(res.status)) {
        if (wasDown) listener({ down: false, retryInSeconds: 0 });
        return res;
      }
    } catch {
      // fetch rejects only when the server is unreachable; fall through to the retry.
    }
    wasDown = true;
    listener({ down: true, retryInSeconds: Math.round(delay / 1000) });
    await sleep(delay);
    delay = Math.min(delay * 2, 15_000);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { cypher?: TracedStatement[] };
}

export type { TracedStatement };

/**
 * The Cypher the server runs for an operation, as it reports it (header x-aig-explain: the server's
 * executor records every statement of the request). Sent again only when the Query tab asks.
 */
export async function explainCypher(query: string, variables: Record<string, unknown> = {}): Promise<TracedStatement[]> {
  const res = await fetchWithRetry('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-aig-explain': '1' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json().catch(() => null)) as GraphQLResponse<unknown> | null;
  const cypher = body?.extensions?.cypher;
  if (!cypher) throw new ApiError(body?.errors?.[0]?.message ?? `the server answered ${res.status} without its Cypher`, body?.errors?.[0]?.extensions?.code ?? 'BAD_RESPONSE');
  return cypher;
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await fetchWithRetry('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  let body: GraphQLResponse<T>;
  try {
    body = (await res.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(`the server answered ${res.status} without JSON`, 'BAD_RESPONSE');
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'GRAPHQL_ERROR');
  if (!body.data) throw new ApiError(`the server answered ${res.status} without data`, 'BAD_RESPONSE');
  return body.data;
}

/**
 * For read-only, idempotent queries of panels that load on their own (tour steps, styling, centrality):
 * a query the server stopped at its time limit (a busy database, a cold cache) is asked again, with a
 * growing pause, before the panel shows the error. Other errors are not retried.
 */
export async function gqlRetrying<T>(query: string, variables: Record<string, unknown> = {}, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await gql<T>(query, variables);
    } catch (err) {
      if (!(err instanceof ApiError && err.code === CODE.QUERY_TIMEOUT) || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 500 * i));
    }
  }
}

export type { ConsoleEdge, ConsoleNode };

/** An unknown id comes back as a NOT_FOUND error; callers that treat it as "absent" get the fallback instead. */
export function orIfNotFound<T>(request: Promise<T>, fallback: T): Promise<T> {
  return request.catch((err: unknown) => {
    if (err instanceof ApiError && err.code === CODE.NOT_FOUND) return fallback;
    throw err;
  });
}
export interface CypherResult {
  columns: string[];
  rows: Record<string, unknown>[];
  truncated: boolean;
  rowCap?: number;
  elapsedMs?: number;
  graph: { nodes: ConsoleNode[]; edges: ConsoleEdge[] };
}

export async function cypher(query: string, params: Record<string, unknown> = {}): Promise<CypherResult> {
  const res = await fetchWithRetry('/cypher', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, params }),
  });
  const body = (await res.json().catch(() => null)) as (CypherResult & { error?: { code: string; message: string } }) | null;
  if (!body) throw new ApiError(`the server answered ${res.status} without JSON`, 'BAD_RESPONSE');
  if (!res.ok || body.error) throw new ApiError(body.error?.message ?? `HTTP ${res.status}`, body.error?.code ?? 'HTTP_ERROR');
  return body;
}

/** The dataset's vocabulary, as the server loaded it: the client's one source of kinds and statuses (kinds.ts). */
export async function vocabulary(): Promise<Vocabulary> {
  const res = await fetchWithRetry('/api/vocabulary', { headers: { accept: 'application/json' } });
  if (!res.ok) throw new ApiError(`vocabulary: HTTP ${res.status}`, 'HTTP_ERROR');
  return (await res.json()) as Vocabulary;
}
