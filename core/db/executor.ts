// The only module that opens sessions. Repositories hand it {cypher, params}; it picks the
// access mode, applies the timeout, maps records to plain objects and classifies failures.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type { Neo4jConnection } from '../neo4j/types.js';
import { classifyNeo4jError, DatabaseUnavailableError, ResultTooLargeError } from './errors.js';
import { recordToObject } from './mapping.js';

export interface CypherStatement {
  cypher: string;
  params: Record<string, unknown>;
}

export interface RunOptions {
  timeoutMs?: number;
  /** Transaction metadata, visible in SHOW TRANSACTIONS (the console tags its own). */
  metadata?: Record<string, string>;
}

export type Row = Record<string, unknown>;

/** One operator of an EXPLAIN plan ("NodeIndexSeek@neo4j", its details, its inputs). */
export interface PlanNode {
  operator: string;
  details: string;
  children: PlanNode[];
}

export interface Explained {
  /** "r", "rw", "w" or "s", as the planner reports it. */
  queryType: string;
  plan: PlanNode | null;
}

export interface TxRunner {
  run(stmt: CypherStatement): Promise<Row[]>;
}

export interface Executor {
  readonly uri: string;
  read(stmt: CypherStatement, opts?: RunOptions): Promise<Row[]>;
  write(stmt: CypherStatement, opts?: RunOptions): Promise<Row[]>;
  /** Several statements in one write transaction: all or nothing. */
  writeTransaction<T>(work: (tx: TxRunner) => Promise<T>, opts?: RunOptions): Promise<T>;
  /** Runs in a READ session, returning the raw result summary too (for the Cypher console). */
  readWithSummary(
    stmt: CypherStatement,
    opts: RunOptions & { maxRows: number; maxBytes?: number },
  ): Promise<{ rows: Row[]; keys: string[]; truncated: boolean }>;
  /** Plans without running: the query type and the operator tree the planner reports. */
  explain(stmt: CypherStatement): Promise<Explained>;
  verify(): Promise<void>;
  /** Observers of every statement run (tests count them to prove there is no N+1). */
  onStatement(listener: (stmt: CypherStatement) => void): () => void;
  close(): Promise<void>;
}

export interface ExecutorOptions {
  queryTimeoutMs: number;
  maxConnectionPoolSize?: number;
}

interface DriverPlan {
  operatorType: string;
  arguments: Record<string, unknown>;
  children: DriverPlan[];
}

function toPlanNode(p: DriverPlan): PlanNode {
  const details = p.arguments.Details;
  return { operator: p.operatorType, details: typeof details === 'string' ? details : '', children: p.children.map(toPlanNode) };
}

/**
 * The driver has no read timeout: a Neo4j that accepts connections but never answers (SIGSTOPped, a
 * network black hole) would hold a request forever. Neo4j's own timeout fires first when it is alive;
 * this one, a little later, answers for it when it is not. The hung session is left to the driver.
 */
function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseUnavailableError(`the graph database did not answer within ${Math.round(ms / 1000)} s; try again shortly`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/** How much longer than its own timeout a statement may take before Neo4j is taken for unresponsive. */
const DEADLINE_GRACE_MS = 3000;

export function createExecutor(conn: Neo4jConnection, options: ExecutorOptions): Executor {
  const driver: Driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
    // Transactions beyond what Neo4j's cores can run only share the CPU and run into the query
    // timeout together (the whole-graph query timed out under 200 clients with 50); the rest wait
    // in the pool instead, where waiting is not counted against the timeout.
    maxConnectionPoolSize: options.maxConnectionPoolSize ?? 16,
    // Waiting for a pooled connection is queueing, not failure: at 5000 a burst of 200 clients made
    // requests fail with "internal error" once 50 were in flight. A dead Neo4j is still reported at
    // once (a refused connect does not wait for this), and a hung one by connectionTimeout.
    connectionAcquisitionTimeout: 30_000,
    connectionTimeout: 5000,
    // The driver retries after ~1 s, ~3 s, ~7 s (with jitter) while less than this has passed since the
    // first failure: 3000 allowed the third retry, so a stopped Neo4j took up to ~8 s to report.
    // 2000 keeps two retries for transient errors and answers SERVICE_UNAVAILABLE within ~4 s.
    maxTransactionRetryTime: 2000,
    logging: { level: 'error', logger: () => undefined },
  });
  const listeners = new Set<(stmt: CypherStatement) => void>();
  const notify = (stmt: CypherStatement): void => {
    for (const l of listeners) l(stmt);
  };
  const txConfig = (opts?: RunOptions) => ({
    timeout: opts?.timeoutMs ?? options.queryTimeoutMs,
    ...(opts?.metadata ? { metadata: opts.metadata } : {}),
  });
  const session = (mode: 'READ' | 'WRITE') =>
    driver.session({ database: conn.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });

  const runIn = async (tx: ManagedTransaction, stmt: CypherStatement): Promise<Row[]> => {
    notify(stmt);
    const res = await tx.run(stmt.cypher, stmt.params);
    return res.records.map(recordToObject);
  };

  const deadlineOf = (opts?: RunOptions) => (opts?.timeoutMs ?? options.queryTimeoutMs) + DEADLINE_GRACE_MS;
  const executor: Executor = {
    uri: conn.uri,
    async read(stmt, opts) {
      const s = session('READ');
      try {
        return await s.executeRead((tx) => runIn(tx, stmt), txConfig(opts));
      } catch (err) {
        throw classifyNeo4jError(err);
      } finally {
        await s.close();
      }
    },
    async write(stmt, opts) {
      const s = session('WRITE');
      try {
        return await s.executeWrite((tx) => runIn(tx, stmt), txConfig(opts));
      } catch (err) {
        throw classifyNeo4jError(err);
      } finally {
        await s.close();
      }
    },
    async writeTransaction(work, opts) {
      // An explicit transaction rather than executeWrite: a load must never be retried half-way
      // through by the driver, and a failure must roll everything back.
      const s = session('WRITE');
      const tx = s.beginTransaction(txConfig(opts));
      try {
        const result = await work({
          run: async (stmt) => {
            notify(stmt);
            const res = await tx.run(stmt.cypher, stmt.params);
            return res.records.map(recordToObject);
          },
        });
        await tx.commit();
        return result;
      } catch (err) {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        throw classifyNeo4jError(err);
      } finally {
        await s.close();
      }
    },
    async readWithSummary(stmt, opts) {
      const s = session('READ');
      const tx = s.beginTransaction(txConfig(opts));
      try {
        notify(stmt);
        const rows: Row[] = [];
        let truncated = false;
        const result = tx.run(stmt.cypher, stmt.params);
        // Stream, and stop pulling once the cap is reached: a million-row result never reaches memory.
        const keys = (await result.keys()).map(String);
        let bytes = 0;
        for await (const record of result) {
          if (rows.length >= opts.maxRows) {
            truncated = true;
            break;
          }
          const row = recordToObject(record);
          // The answer is JSON: its size is what the cap protects (memory here, the wire, the browser).
          if (opts.maxBytes !== undefined && (bytes += JSON.stringify(row).length) > opts.maxBytes)
            throw new ResultTooLargeError(
              `the result is larger than ${Math.round(opts.maxBytes / 1024)} KB${rows.length === 0 ? ' already in its first row' : ` after ${rows.length} rows`}; return fewer or smaller values (LIMIT, size(), a slice [..100])`,
            );
          rows.push(row);
        }
        // A stream read to its end is finished by its summary: an error the server sends last surfaces here.
        if (!truncated) await result.summary();
        await tx.rollback();
        return { rows, keys, truncated };
      } catch (err) {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
        throw classifyNeo4jError(err);
      } finally {
        await s.close();
      }
    },
    async explain(stmt) {
      const s = session('READ');
      try {
        notify(stmt);
        const res = await s.run(`EXPLAIN ${stmt.cypher}`, stmt.params, txConfig());
        return { queryType: res.summary.queryType, plan: res.summary.plan ? toPlanNode(res.summary.plan) : null };
      } catch (err) {
        throw classifyNeo4jError(err);
      } finally {
        await s.close();
      }
    },
    async verify() {
      try {
        await driver.getServerInfo({ database: conn.database });
      } catch (err) {
        throw classifyNeo4jError(err);
      }
    },
    onStatement(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => driver.close(),
  };
  return {
    ...executor,
    read: (stmt, opts) => withDeadline(executor.read(stmt, opts), deadlineOf(opts)),
    write: (stmt, opts) => withDeadline(executor.write(stmt, opts), deadlineOf(opts)),
    readWithSummary: (stmt, opts) => withDeadline(executor.readWithSummary(stmt, opts), deadlineOf(opts)),
    explain: (stmt) => withDeadline(executor.explain(stmt), deadlineOf()),
    verify: () => withDeadline(executor.verify(), options.queryTimeoutMs + DEADLINE_GRACE_MS),
  };
}
