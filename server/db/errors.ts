// Database failures, classified so that GraphQL and HTTP can answer with the right code.

export class DatabaseUnavailableError extends Error {
  readonly code = 'SERVICE_UNAVAILABLE';
}
export class QueryTimeoutError extends Error {
  readonly code = 'QUERY_TIMEOUT';
}
export class CypherClientError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(message: string, readonly neo4jCode?: string) {
    super(message);
  }
}

// "Connection acquisition timed out": every pooled connection stayed busy for the whole wait.
const UNAVAILABLE = /ServiceUnavailable|SessionExpired|ECONNREFUSED|ECONNRESET|Connection was closed|Pool is closed|Failed to connect|socket hang up|Could not perform discovery|Connection acquisition timed out/i;

export function classifyNeo4jError(err: unknown): Error {
  if (err instanceof DatabaseUnavailableError || err instanceof QueryTimeoutError || err instanceof CypherClientError) return err;
  const e = err as { code?: string; message?: string };
  const code = e?.code ?? '';
  const message = e?.message ?? String(err);
  if (/TransactionTimedOut|Transaction\.TransactionTimedOut|LockClient\.Timeout|TransactionTimedOutClientConfiguration/i.test(code) || /timed out|has been terminated/i.test(message) && /Transaction/i.test(code))
    return new QueryTimeoutError('the query ran longer than the time limit and was stopped');
  if (UNAVAILABLE.test(code) || UNAVAILABLE.test(message))
    return new DatabaseUnavailableError('the graph database is not reachable right now; try again shortly');
  if (code.startsWith('Neo.ClientError.')) return new CypherClientError(message, code);
  return err instanceof Error ? err : new Error(message);
}
