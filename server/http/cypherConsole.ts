// POST /cypher: the read-only console. The request is checked here; the query runs in the console's
// own process (console/isolated.ts) behind three locks: the lexical guard, the plan (every operator a
// read, no LOAD CSV, SHOW, TERMINATE or administration) and a READ session with a timeout, a row cap
// and a byte cap.
import type { Request, Response } from 'express';
import type { ConsoleRunner } from '../console/isolated.js';
import { CODE, httpStatus, type ErrorCode } from '../../core/domain/errors.js';

const MAX_PARAMS_DEPTH = 16;
const MAX_PARAMS_VALUES = 10_000;
const MAX_PARAMS_CHARS = 100_000;

const fail = (res: Response, status: number, code: ErrorCode, message: string, messageZh?: string, retryAfterSeconds?: number): void => {
  if (retryAfterSeconds) res.setHeader('Retry-After', String(retryAfterSeconds));
  res.status(status).json({ error: { code, message, ...(messageZh ? { messageZh } : {}) } });
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

export function cypherConsoleHandler(console: ConsoleRunner) {
  return async (req: Request, res: Response): Promise<void> => {
    const body = req.body as { query?: unknown; params?: unknown } | undefined;
    const query = body?.query;
    if (typeof query !== 'string') return fail(res, httpStatus(CODE.BAD_USER_INPUT), CODE.BAD_USER_INPUT, 'send JSON {"query": "MATCH ...", "params": {...}}');
    const problem = paramsProblem(body?.params);
    if (problem) return fail(res, httpStatus(CODE.BAD_USER_INPUT), CODE.BAD_USER_INPUT, problem);
    const params = (body?.params ?? {}) as Record<string, unknown>;
    const outcome = await console.run(query, params, req.ip ?? 'unknown');
    if (outcome.ok) return void res.json(outcome.answer);
    const f = outcome.failure;
    fail(res, f.status, f.code, f.message, f.messageZh, f.retryAfterSeconds);
  };
}
