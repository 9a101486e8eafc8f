// The one error vocabulary: every code an answer of this project can carry (GraphQL `extensions.code`,
// the plain-HTTP `{error: {code}}` of /cypher and the middleware, the CLIs' failure lines), its HTTP
// status, and the base class whose `code` the single mapping (`errorAnswer`) reads. Pure data: the
// client uses it too. No other file writes a code as a string.

export const ERRORS = {
  BAD_USER_INPUT: { status: 400, means: 'the request can be fixed by the caller; the message says how' },
  NOT_FOUND: { status: 404, means: 'no entity, relationship or route with that id or path' },
  GRAPHQL_VALIDATION_FAILED: { status: 400, means: 'the document does not parse or does not fit the schema' },
  BAD_REQUEST: { status: 400, means: 'the HTTP request itself is malformed (body, method, CSRF header)' },
  PAYLOAD_TOO_LARGE: { status: 413, means: 'the request body is larger than allowed' },
  READ_ONLY: { status: 400, means: 'the console refused a query that would not only read' },
  RESULT_TOO_LARGE: { status: 400, means: 'a console answer over its byte cap' },
  QUERY_TIMEOUT: { status: 400, means: 'the query ran past the time limit and was stopped' },
  MEMORY_LIMIT: { status: 400, means: 'the query needed more memory than one transaction may use' },
  TOO_MANY_REQUESTS: { status: 429, means: 'over the per-client rate or concurrency (see Retry-After)' },
  HOST_NOT_ALLOWED: { status: 421, means: 'the Host header names no host this server answers for' },
  SERVICE_UNAVAILABLE: { status: 503, means: 'Neo4j is not reachable right now' },
  TRANSACTION_TERMINATED: { status: 503, means: 'the database stopped the query from outside' },
  INTERNAL_SERVER_ERROR: { status: 500, means: 'a fault of the server; details stay in its log' },
  CLIENT_GONE: { status: 499, means: 'the client closed its connection while its answer waited, so it was not built; no one receives this' },
  // Apollo's own codes, passed through as Apollo sets them (the status is Apollo's too).
  PERSISTED_QUERY_NOT_FOUND: { status: 200, means: 'Apollo: automatic persisted query not known yet' },
  PERSISTED_QUERY_NOT_SUPPORTED: { status: 200, means: 'Apollo: persisted queries are off' },
  OPERATION_RESOLUTION_FAILURE: { status: 400, means: 'Apollo: operationName names no operation of the document' },
} as const satisfies Record<string, { status: number; means: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** The codes by name, so callers write `CODE.NOT_FOUND` and a typo does not compile. */
export const CODE = Object.fromEntries(Object.keys(ERRORS).map((c) => [c, c])) as { readonly [K in ErrorCode]: K };

export const isErrorCode = (c: unknown): c is ErrorCode => typeof c === 'string' && Object.hasOwn(ERRORS, c);

export const httpStatus = (code: ErrorCode): number => ERRORS[code].status;

/** An error whose message is meant for the caller: it names its code, and its status follows from the table. */
export abstract class CodedError extends Error {
  abstract readonly code: ErrorCode;
  get status(): number {
    return httpStatus(this.code);
  }
}

export interface ErrorAnswer {
  code: ErrorCode;
  status: number;
  message: string;
}

const INTERNAL: ErrorAnswer = { code: CODE.INTERNAL_SERVER_ERROR, status: httpStatus(CODE.INTERNAL_SERVER_ERROR), message: 'internal error' };

/**
 * The one mapping from error classes to answers, for GraphQL's formatter, /cypher and the CLIs: a
 * CodedError says its own code and message; anything else is a fault of ours and says nothing more.
 */
export function errorAnswer(err: unknown): ErrorAnswer {
  if (err instanceof CodedError) return { code: err.code, status: err.status, message: err.message };
  return INTERNAL;
}

/** The CLIs' failure line: the code first, so scripts and people read the same vocabulary as the API. */
export function errorLine(err: unknown): string {
  if (err instanceof CodedError) return `[${err.code}] ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
