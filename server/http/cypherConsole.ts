// POST /cypher: the read-only console. Three locks: the lexical guard, the planner's query type,
// and a READ access-mode session with a timeout and a row cap.
import type { Request, Response } from 'express';
import { ConsoleRefusal, checkReadOnly } from '../console/guard.js';
import { graphFromRows } from '../console/graphFromRows.js';
import { CypherClientError, DatabaseUnavailableError, QueryTimeoutError } from '../db/errors.js';
import type { Executor } from '../db/executor.js';

export interface ConsoleOptions {
  timeoutMs: number;
  rowCap: number;
}

const fail = (res: Response, status: number, code: string, message: string): void => {
  res.status(status).json({ error: { code, message } });
};

function validParams(v: unknown): v is Record<string, unknown> {
  if (v === undefined) return true;
  return !!v && typeof v === 'object' && !Array.isArray(v) && JSON.stringify(v).length <= 100_000;
}

export function cypherConsoleHandler(db: Executor, opts: ConsoleOptions) {
  return async (req: Request, res: Response): Promise<void> => {
    const body = req.body as { query?: unknown; params?: unknown } | undefined;
    const query = body?.query;
    if (typeof query !== 'string') return fail(res, 400, 'BAD_USER_INPUT', 'send JSON {"query": "MATCH ...", "params": {...}}');
    if (!validParams(body?.params)) return fail(res, 400, 'BAD_USER_INPUT', 'params must be a JSON object');
    const params = (body?.params ?? {}) as Record<string, unknown>;
    try {
      checkReadOnly(query);
      const queryType = await db.explain({ cypher: query, params });
      if (queryType !== 'r')
        return fail(res, 400, 'READ_ONLY', `the planner says this query ${queryType === 's' ? 'changes the schema' : 'writes'}; the console is read-only`);
      const started = Date.now();
      const result = await db.readWithSummary({ cypher: query, params }, { timeoutMs: opts.timeoutMs, maxRows: opts.rowCap });
      res.json({
        columns: result.keys,
        rows: result.rows,
        truncated: result.truncated,
        rowCap: opts.rowCap,
        elapsedMs: Date.now() - started,
        graph: graphFromRows(result.rows),
      });
    } catch (err) {
      if (err instanceof ConsoleRefusal) return fail(res, 400, err.code, err.message);
      if (err instanceof QueryTimeoutError) return fail(res, 400, 'QUERY_TIMEOUT', `the query ran longer than ${opts.timeoutMs} ms and was stopped`);
      if (err instanceof DatabaseUnavailableError) return fail(res, 503, 'SERVICE_UNAVAILABLE', err.message);
      if (err instanceof CypherClientError) {
        const refusedWrite = /write|access mode|not allowed|read only/i.test(err.message);
        return fail(res, 400, refusedWrite ? 'READ_ONLY' : 'BAD_USER_INPUT', err.message.split('\n')[0]!.slice(0, 500));
      }
      return fail(res, 500, 'INTERNAL_SERVER_ERROR', 'the query failed unexpectedly');
    }
  };
}
