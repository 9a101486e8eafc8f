// POST /cypher: the read-only console. Three locks: the lexical guard, the plan (every operator a
// read, no LOAD CSV, SHOW, TERMINATE or administration), and a READ access-mode session with a
// timeout and a row cap.
import type { Request, Response } from 'express';
import { ConsoleRefusal, checkReadOnly } from '../console/guard.js';
import { graphFromRows } from '../console/graphFromRows.js';
import { checkPlan } from '../console/plan.js';
import { CypherClientError, DatabaseError, QueryTimeoutError } from '../db/errors.js';
import type { Executor } from '../db/executor.js';

export interface ConsoleOptions {
  timeoutMs: number;
  rowCap: number;
}

const MAX_PARAMS_DEPTH = 16;
const MAX_PARAMS_VALUES = 10_000;
const MAX_PARAMS_CHARS = 100_000;

const fail = (res: Response, status: number, code: string, message: string): void => {
  res.status(status).json({ error: { code, message } });
};

/** Why params cannot be sent, or null. Walks without recursion: a 10,000-deep array must not overflow the stack. */
export function paramsProblem(v: unknown): string | null {
  if (v === undefined) return null;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return 'params must be a JSON object';
  const stack: [unknown, number][] = [[v, 1]];
  let values = 0;
  let chars = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (++values > MAX_PARAMS_VALUES) return `params hold more than ${MAX_PARAMS_VALUES} values`;
    if (typeof value === 'string') chars += value.length;
    if (chars > MAX_PARAMS_CHARS) return `params hold more than ${MAX_PARAMS_CHARS} characters of text`;
    if (value && typeof value === 'object') {
      if (depth > MAX_PARAMS_DEPTH) return `params are nested deeper than ${MAX_PARAMS_DEPTH} levels`;
      for (const [k, child] of Object.entries(value)) {
        chars += k.length;
        stack.push([child, depth + 1]);
      }
    }
  }
  return null;
}

/** A refusal or failure as the console answers it: status, code and a message that says what to change. */
export function consoleFailure(err: unknown, opts: ConsoleOptions): { status: number; code: string; message: string } {
  if (err instanceof ConsoleRefusal) return { status: 400, code: err.code, message: err.message };
  if (err instanceof QueryTimeoutError)
    return { status: 400, code: err.code, message: `the query ran longer than ${opts.timeoutMs} ms and was stopped; add a LIMIT or narrow the MATCH` };
  if (err instanceof CypherClientError) {
    const refusedWrite = /Neo\.ClientError\.Security\.Forbidden|AccessMode|write|read only/i.test(`${err.neo4jCode} ${err.message}`);
    return { status: 400, code: refusedWrite ? 'READ_ONLY' : 'BAD_USER_INPUT', message: err.message.split('\n')[0]!.slice(0, 500) };
  }
  if (err instanceof DatabaseError) return { status: err.status, code: err.code, message: err.message };
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'the query failed unexpectedly' };
}

export function cypherConsoleHandler(db: Executor, opts: ConsoleOptions) {
  return async (req: Request, res: Response): Promise<void> => {
    const body = req.body as { query?: unknown; params?: unknown } | undefined;
    const query = body?.query;
    if (typeof query !== 'string') return fail(res, 400, 'BAD_USER_INPUT', 'send JSON {"query": "MATCH ...", "params": {...}}');
    const problem = paramsProblem(body?.params);
    if (problem) return fail(res, 400, 'BAD_USER_INPUT', problem);
    const params = (body?.params ?? {}) as Record<string, unknown>;
    try {
      checkReadOnly(query);
      const { queryType, plan } = await db.explain({ cypher: query, params });
      const verdict = plan ? checkPlan(plan) : { ok: false as const, operator: '?', reason: 'the planner returned no plan' };
      if (!verdict.ok) return fail(res, 400, 'READ_ONLY', `${verdict.reason}; the console is read-only`);
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
      const f = consoleFailure(err, opts);
      fail(res, f.status, f.code, f.message);
    }
  };
}
