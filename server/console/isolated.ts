// The server's side of the console process: one child with its own driver runs every console
// query. A query gets its answer, or at the deadline (the query timeout plus a grace) a QUERY_TIMEOUT;
// if the child then does not answer a ping within a second it is stuck (decoding a huge record) and
// is killed and started again. The API and /health never share its event loop or its connections.
import type { ChildProcess } from 'node:child_process';
import { forkSibling } from '../../core/process/forkSibling.js';
import type { Neo4jConnection } from '../../core/neo4j/types.js';
import type { WorkerReply, WorkerRequest } from './consoleProcess.js';
import { busyFailure, deadlineFailure, type ConsoleFailure } from './failure.js';
import type { ConsoleAnswer, ConsoleLimits } from './run.js';
import { CODE, httpStatus } from '../../core/domain/errors.js';

export type ConsoleOutcome = { ok: true; answer: ConsoleAnswer } | { ok: false; failure: ConsoleFailure };

export interface ConsoleRunner {
  /** Runs one query for a client (its address): at most `perClient` at once per client, `total` in all. */
  run(query: string, params: Record<string, unknown>, client: string): Promise<ConsoleOutcome>;
  /** Restarts of the console process so far (for /health and the tests). */
  restarts(): number;
  close(): Promise<void>;
}

/** The console's defaults: how long to wait past the query timeout, and how many queries may run. */
export const CONSOLE_DEFAULTS = {
  /** Neo4j's own timeout fires first; this covers decoding and the trip back. */
  graceMs: 1500,
  /** A child that does not answer a ping this fast is stuck in synchronous work. */
  pingMs: 1000,
  perClient: 2,
  total: 6,
};

export interface ConsoleRunnerOptions {
  connection: Neo4jConnection;
  limits: ConsoleLimits;
  log?: (message: string) => void;
  graceMs?: number;
  perClient?: number;
  total?: number;
}

const RESTARTED: ConsoleFailure = {
  status: httpStatus(CODE.SERVICE_UNAVAILABLE),
  code: CODE.SERVICE_UNAVAILABLE,
  message: 'the console process was restarted while this query ran; run it again',
  messageZh: '查询运行期间控制台进程被重启:请再运行一次。',
};

interface InFlight {
  client: string;
  settle: (o: ConsoleOutcome) => void;
  /** Answered at its deadline but still running: it keeps its client's slot until it really ends. */
  answered: boolean;
}

function spawnWorker(connection: Neo4jConnection): ChildProcess {
  return forkSibling(import.meta.url, 'consoleProcess', {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // By environment, not argument: /proc/<pid>/cmdline is readable by every user.
    env: { ...process.env, AIG_CONSOLE_NEO4J: JSON.stringify(connection) },
  });
}

export function createConsoleRunner(opts: ConsoleRunnerOptions): ConsoleRunner {
  const o = {
    ...opts,
    graceMs: opts.graceMs ?? CONSOLE_DEFAULTS.graceMs,
    pingMs: CONSOLE_DEFAULTS.pingMs,
    perClient: opts.perClient ?? CONSOLE_DEFAULTS.perClient,
    total: opts.total ?? CONSOLE_DEFAULTS.total,
  };
  const inFlight = new Map<number, InFlight>();
  const perClient = new Map<string, number>();
  let worker: ChildProcess | null = null;
  let nextId = 1;
  let restarts = 0;
  let closed = false;

  const release = (id: number): InFlight | undefined => {
    const job = inFlight.get(id);
    if (!job) return undefined;
    inFlight.delete(id);
    const n = (perClient.get(job.client) ?? 1) - 1;
    if (n <= 0) perClient.delete(job.client);
    else perClient.set(job.client, n);
    return job;
  };

  const onReply = (m: WorkerReply) => {
    if (m.type === 'pong') return pongs.get(m.id)?.();
    const job = release(m.id);
    if (!job || job.answered) return;
    job.settle(m.type === 'answer' ? { ok: true, answer: m.answer } : { ok: false, failure: m.failure });
  };

  const lost = (w: ChildProcess, why: string) => {
    if (worker !== w) return;
    worker = null;
    if (closed) return;
    restarts++;
    o.log?.(`console: the console process ${why}; starting a new one for the next query`);
    for (const id of [...inFlight.keys()]) {
      const job = release(id);
      if (job && !job.answered) job.settle({ ok: false, failure: RESTARTED });
    }
  };

  const ensureWorker = (): ChildProcess => {
    if (worker) return worker;
    const w = spawnWorker(o.connection);
    w.on('message', onReply);
    w.on('exit', (code, signal) => lost(w, `exited (${signal ?? code})`));
    w.on('error', (err) => lost(w, `failed (${err.message})`));
    worker = w;
    return w;
  };

  const pongs = new Map<number, () => void>();
  /** Set while a child that missed a deadline is being checked: new queries wait for the verdict. */
  let checking: Promise<void> | null = null;
  /** Kills the child unless it answers a ping in time: a query it still decodes must not hold the others. */
  const checkAlive = (w: ChildProcess) => {
    if (checking) return;
    const id = nextId++;
    checking = new Promise<void>((verdict) => {
      const timer = setTimeout(() => {
        pongs.delete(id);
        if (worker === w) {
          w.kill('SIGKILL');
          lost(w, 'was stuck past a query deadline and was killed');
        }
        checking = null;
        verdict();
      }, o.pingMs);
      pongs.set(id, () => {
        clearTimeout(timer);
        pongs.delete(id);
        checking = null;
        verdict();
      });
    });
    w.send({ type: 'ping', id } satisfies WorkerRequest);
  };

  return {
    async run(query, params, client) {
      if (checking) await checking;
      if (closed) return { ok: false, failure: { status: httpStatus(CODE.SERVICE_UNAVAILABLE), code: CODE.SERVICE_UNAVAILABLE, message: 'the server is shutting down' } };
      if ((perClient.get(client) ?? 0) >= o.perClient)
        return { ok: false, failure: busyFailure(`at most ${o.perClient} console queries at once per client; wait for one to finish`) };
      if (inFlight.size >= o.total)
        return { ok: false, failure: busyFailure(`the console is busy (${o.total} queries running); try again in a moment`) };
      const w = ensureWorker();
      const id = nextId++;
      perClient.set(client, (perClient.get(client) ?? 0) + 1);
      return new Promise<ConsoleOutcome>((resolve) => {
        const deadline = setTimeout(() => {
          const job = inFlight.get(id);
          if (!job) return;
          job.answered = true;
          resolve({ ok: false, failure: deadlineFailure(o.limits.timeoutMs) });
          if (worker === w) checkAlive(w);
        }, o.limits.timeoutMs + o.graceMs);
        inFlight.set(id, {
          client,
          answered: false,
          settle: (outcome) => {
            clearTimeout(deadline);
            resolve(outcome);
          },
        });
        w.send({ type: 'run', id, query, params, limits: o.limits } satisfies WorkerRequest);
      });
    },
    restarts: () => restarts,
    async close() {
      closed = true;
      const w = worker;
      worker = null;
      if (!w) return;
      await new Promise<void>((r) => {
        const kill = setTimeout(() => w.kill('SIGKILL'), 3000);
        w.once('exit', () => {
          clearTimeout(kill);
          r();
        });
        w.disconnect();
      });
    },
  };
}
