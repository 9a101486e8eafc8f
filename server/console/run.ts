// One console query from text to answer: the lexical guard, the plan check, then a READ transaction
// with a timeout, a row cap and a byte cap. Runs inside the console's own process (consoleProcess.ts), so a
// result that takes minutes to decode never holds up the API's event loop.
import type { Executor, Row } from '../../core/db/executor.js';
import { checkReadOnly, ConsoleRefusal } from './guard.js';
import { graphFromRows } from './graphFromRows.js';
import { checkPlan } from './plan.js';
import { CODE, CodedError } from '../../core/domain/errors.js';

/** Neo4j is still working on earlier console queries that it cannot stop. */
export class ConsoleBusy extends CodedError {
  readonly code = CODE.TOO_MANY_REQUESTS;
  constructor(readonly running: number) {
    super(`the database is still finishing ${running} earlier console quer${running === 1 ? 'y' : 'ies'} that Neo4j cannot stop early; try again in a few seconds`);
  }
}

export interface ConsoleLimits {
  timeoutMs: number;
  /**
   * Console transactions Neo4j may still be running before a new one is refused. Neo4j checks
   * termination between rows, not inside one expression: a reduce() over a billion items burns a
   * core for minutes after it was stopped. This bounds how many cores the console can hold that way.
   */
  maxActive: number;
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

/** Tags every console transaction so that the ones Neo4j is still running can be counted. */
export const CONSOLE_TX_TAG = { app: 'aig-console' };

async function consoleTransactionsRunning(db: Executor): Promise<number> {
  const rows = await db.read({
    cypher: 'SHOW TRANSACTIONS YIELD metaData WHERE metaData.app = $app RETURN count(*) AS n',
    params: { app: CONSOLE_TX_TAG.app },
  });
  return Number(rows[0]?.n ?? 0);
}

export async function runConsoleQuery(db: Executor, query: string, params: Record<string, unknown>, limits: ConsoleLimits): Promise<ConsoleAnswer> {
  checkReadOnly(query);
  const running = await consoleTransactionsRunning(db);
  if (running >= limits.maxActive) throw new ConsoleBusy(running);
  const { queryType, plan } = await db.explain({ cypher: query, params });
  const verdict = plan ? checkPlan(plan) : { ok: false as const, operator: '?', reason: 'the planner returned no plan' };
  if (!verdict.ok) throw new ConsoleRefusal(`${verdict.reason}; the console is read-only`);
  if (queryType !== 'r')
    throw new ConsoleRefusal(`the planner says this query ${queryType === 's' ? 'changes the schema' : 'writes'}; the console is read-only`);
  const started = Date.now();
  const result = await db.readWithSummary(
    { cypher: query, params },
    { timeoutMs: limits.timeoutMs, maxRows: limits.rowCap, maxBytes: limits.byteCap, metadata: CONSOLE_TX_TAG },
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
