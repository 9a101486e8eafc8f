// One console query from text to answer: the lexical guard, the plan check, then a READ transaction
// with a timeout, a row cap and a byte cap. Runs inside the console's own process (worker.ts), so a
// result that takes minutes to decode never holds up the API's event loop.
import type { Executor, Row } from '../db/executor.js';
import { checkReadOnly, ConsoleRefusal } from './guard.js';
import { graphFromRows } from './graphFromRows.js';
import { checkPlan } from './plan.js';

export interface ConsoleLimits {
  timeoutMs: number;
  rowCap: number;
  /** Bytes of the answer's rows as JSON, the first row included. */
  byteCap: number;
}

export interface ConsoleAnswer {
  columns: string[];
  rows: Row[];
  truncated: boolean;
  rowCap: number;
  elapsedMs: number;
  graph: ReturnType<typeof graphFromRows>;
}

export async function runConsoleQuery(db: Executor, query: string, params: Record<string, unknown>, limits: ConsoleLimits): Promise<ConsoleAnswer> {
  checkReadOnly(query);
  const { queryType, plan } = await db.explain({ cypher: query, params });
  const verdict = plan ? checkPlan(plan) : { ok: false as const, operator: '?', reason: 'the planner returned no plan' };
  if (!verdict.ok) throw new ConsoleRefusal(`${verdict.reason}; the console is read-only`);
  if (queryType !== 'r')
    throw new ConsoleRefusal(`the planner says this query ${queryType === 's' ? 'changes the schema' : 'writes'}; the console is read-only`);
  const started = Date.now();
  const result = await db.readWithSummary(
    { cypher: query, params },
    { timeoutMs: limits.timeoutMs, maxRows: limits.rowCap, maxBytes: limits.byteCap },
  );
  return {
    columns: result.keys,
    rows: result.rows,
    truncated: result.truncated,
    rowCap: limits.rowCap,
    elapsedMs: Date.now() - started,
    graph: graphFromRows(result.rows),
  };
}
