// The console's own process: its own driver and event loop, so that decoding a huge record (neo4j-
// driver decodes one record synchronously: a 10-million-element list took 117 s) or any other
// runaway query stalls only this process, which the server kills at the deadline and starts anew.
import { createExecutor } from '../../core/db/executor.js';
import type { Neo4jConnection } from '../../core/neo4j/types.js';
import { consoleFailure, type ConsoleFailure } from './failure.js';
import { runConsoleQuery, type ConsoleAnswer, type ConsoleLimits } from './run.js';

export type WorkerRequest =
  | { type: 'run'; id: number; query: string; params: Record<string, unknown>; limits: ConsoleLimits }
  | { type: 'ping'; id: number };
export type WorkerReply =
  | { type: 'answer'; id: number; answer: ConsoleAnswer }
  | { type: 'failure'; id: number; failure: ConsoleFailure }
  | { type: 'pong'; id: number };

const connection = JSON.parse(process.env.AIG_CONSOLE_NEO4J ?? 'null') as Neo4jConnection | null;
if (!connection) {
  console.error('console process: AIG_CONSOLE_NEO4J is not set');
  process.exit(2);
}
// A few connections: the server lets only a few console queries run at once.
const db = createExecutor(connection, { queryTimeoutMs: 5000, maxConnectionPoolSize: 8 });
const reply = (m: WorkerReply): void => {
  process.send?.(m);
};

process.on('message', (m: WorkerRequest) => {
  if (m.type === 'ping') return reply({ type: 'pong', id: m.id });
  runConsoleQuery(db, m.query, m.params, m.limits).then(
    (answer) => reply({ type: 'answer', id: m.id, answer }),
    (err: unknown) => reply({ type: 'failure', id: m.id, failure: consoleFailure(err, m.limits.timeoutMs) }),
  );
});
// The server going away closes the IPC channel: go with it.
process.on('disconnect', () => {
  void db.close().finally(() => process.exit(0));
});
