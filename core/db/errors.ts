// Database failures, classified once so that GraphQL, /cypher and the CLIs answer with the same code
// and HTTP status. Each class names its code (the status follows from core/domain/errors.ts);
// messages say what happened and what to do, never internals.
import { CODE, CodedError } from '../domain/errors.js';

export abstract class DatabaseError extends CodedError {}

export class DatabaseUnavailableError extends DatabaseError {
  readonly code = CODE.SERVICE_UNAVAILABLE;
}
export class QueryTimeoutError extends DatabaseError {
  readonly code = CODE.QUERY_TIMEOUT;
}
/** Stopped from outside (an administrator, Neo4j shutting down), not by our own time limit. */
export class TransactionTerminatedError extends DatabaseError {
  readonly code = CODE.TRANSACTION_TERMINATED;
}
/** Neo4j's per-transaction or total transaction memory limit was reached. */
export class MemoryLimitError extends DatabaseError {
  readonly code = CODE.MEMORY_LIMIT;
}
/** A console result larger than its byte cap (the first row included). */
export class ResultTooLargeError extends DatabaseError {
  readonly code = CODE.RESULT_TOO_LARGE;
}
export class CypherClientError extends DatabaseError {
  readonly code = CODE.BAD_USER_INPUT;
  constructor(message: string, readonly neo4jCode?: string) {
    super(message);
  }
}

// "Connection acquisition timed out": every pooled connection stayed busy for the whole wait.
const UNAVAILABLE = /ServiceUnavailable|SessionExpired|ECONNREFUSED|ECONNRESET|Connection was closed|Pool is closed|Failed to connect|socket hang up|Could not perform discovery|Connection acquisition timed out/i;

export function classifyNeo4jError(err: unknown): Error {
  if (err instanceof DatabaseError) return err;
  const e = err as { code?: string; message?: string };
  const code = e?.code ?? '';
  const message = e?.message ?? String(err);
  // Our own time limit reaches the client as TransactionTimedOut(ClientConfiguration), whose message
  // also says "has been terminated": the code decides, not the wording.
  if (/TransactionTimedOut|LockClient\.Timeout/i.test(code)) return new QueryTimeoutError('the query ran longer than the time limit and was stopped');
  if (/Transaction\.(?:Terminated|LockClientStopped)$/i.test(code))
    return new TransactionTerminatedError('the query was stopped by the database (terminated from outside, not by the time limit); try again');
  if (/OutOfMemoryError|MemoryLimit/i.test(code))
    return new MemoryLimitError('the query needs more memory than one query may use in this database; add a LIMIT or aggregate earlier');
  if (UNAVAILABLE.test(code) || UNAVAILABLE.test(message))
    return new DatabaseUnavailableError('the graph database is not reachable right now; try again shortly');
  if (code.startsWith('Neo.ClientError.')) return new CypherClientError(message, code);
  // Failures while running a statement that Neo4j files as database errors (CALL … IN TRANSACTIONS in
  // an explicit transaction, a LOAD CSV row it cannot parse) are still caused by the statement.
  if (code.startsWith('Neo.DatabaseError.Statement.') || code === 'Neo.DatabaseError.Transaction.TransactionStartFailed')
    return new CypherClientError(message, code);
  return err instanceof Error ? err : new Error(message);
}
