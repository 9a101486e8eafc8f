// At most N statements of one client in Neo4j at once. Requests are limited per client at the HTTP
// door, but one request may hold 15 aliases of a deep neighbourhood: 8 such requests were 120
// statements, every pooled connection and both of Neo4j's cores. Statements beyond the share wait
// here, in-process, where they cost nothing; Neo4j then serves each client's share in turn.
import type { Executor } from './executor.js';

class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
  get idle(): boolean {
    return this.active === 0 && this.waiting.length === 0;
  }
}

export interface StatementLimiter {
  /** The executor for one client: the same statements, at most `max` of them running at once. */
  forClient(db: Executor, client: string): Executor;
}

export function createStatementLimiter(max: number): StatementLimiter {
  const perClient = new Map<string, Semaphore>();
  const semaphoreOf = (client: string): Semaphore => {
    let s = perClient.get(client);
    if (!s) perClient.set(client, (s = new Semaphore(max)));
    return s;
  };
  const forget = (client: string, s: Semaphore) => {
    if (s.idle && perClient.get(client) === s) perClient.delete(client);
  };
  return {
    forClient(db, client) {
      const limited = <T>(work: () => Promise<T>): Promise<T> => {
        const s = semaphoreOf(client);
        return s.run(work).finally(() => forget(client, s));
      };
      return {
        ...db,
        read: (stmt, opts) => limited(() => db.read(stmt, opts)),
        readWithSummary: (stmt, opts) => limited(() => db.readWithSummary(stmt, opts)),
        explain: (stmt) => limited(() => db.explain(stmt)),
      };
    },
  };
}
