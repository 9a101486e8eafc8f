// One request's statements share its fate. graphql-js resolves sibling fields independently, so a
// query whose first statement found Neo4j unreachable, or ran out of time, would go on starting a
// statement per remaining field and nested level, each waiting out the same timeout or the driver's
// retries. After the first such failure the request starts nothing more: later statements fail at
// once with the same code. Statements already running finish or fail on their own: stopping them
// would need the executor to take the request's signal, which it does not (yet).
import { DatabaseUnavailableError, QueryTimeoutError } from '../../core/db/errors.js';
import type { Executor } from '../../core/db/executor.js';

/** Failures the request's other statements would only repeat; a refused or too-large query would not. */
export const dooms = (err: unknown): boolean => err instanceof DatabaseUnavailableError || err instanceof QueryTimeoutError;

function notStarted(reason: unknown): Error {
  if (reason instanceof QueryTimeoutError) return new QueryTimeoutError('not run: another part of this request ran longer than the time limit');
  return reason as Error;
}

/** `db` for one request: aborts `controller` with the first dooming failure, then refuses to start statements. */
export function requestExecutor(db: Executor, controller: AbortController): Executor {
  const { signal } = controller;
  const guarded = async <T>(run: () => Promise<T>): Promise<T> => {
    if (signal.aborted) throw notStarted(signal.reason);
    try {
      return await run();
    } catch (err) {
      if (dooms(err) && !signal.aborted) controller.abort(err);
      throw err;
    }
  };
  return {
    uri: db.uri,
    read: (stmt, opts) => guarded(() => db.read(stmt, opts)),
    write: (stmt, opts) => guarded(() => db.write(stmt, opts)),
    writeTransaction: (work, opts) => guarded(() => db.writeTransaction(work, opts)),
    readWithSummary: (stmt, opts) => guarded(() => db.readWithSummary(stmt, opts)),
    explain: (stmt) => guarded(() => db.explain(stmt)),
    verify: () => db.verify(),
    onStatement: (listener) => db.onStatement(listener),
    // The driver is the server's, not the request's.
    close: async () => undefined,
  };
}
