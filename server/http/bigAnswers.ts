// Big answers take their memory from the moment graphql-js starts resolving them until the socket has
// taken the last byte: the whole graph of a 10k-entity store is 5 MB of JSON, held as the result tree,
// the string and the buffer queued on a slow socket. 32 of them at once took the server from ~170 to
// ~650 MiB RSS. Each big answer waits for one of a few slots instead, queued in arrival order; small
// answers (every answer of the episode's graph) never wait.
import type { Response } from 'express';

export const BIG_ANSWER_DEFAULTS = {
  /** Nodes + edges from which a subgraph answer counts as big (the episode's whole graph has ~1,200). */
  items: 2000,
  /** Big answers built and sent at once: about one per core, so the CPU stays busy and memory bounded. */
  atOnce: 2,
};

export interface BigAnswerGate {
  /** Resolves when this response may be built; its slot is freed once the response is finished or closed. */
  enter(res: Response): Promise<void>;
  /** Slots taken and responses waiting, for tests and /health. */
  readonly state: { running: number; waiting: number };
}

export function createBigAnswerGate(atOnce = BIG_ANSWER_DEFAULTS.atOnce): BigAnswerGate {
  let running = 0;
  const queue: (() => void)[] = [];
  const entered = new WeakSet<Response>();
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else running--;
  };
  const hold = (res: Response) => {
    let done = false;
    const free = () => {
      if (done) return;
      done = true;
      release();
    };
    if (res.writableFinished || res.destroyed) return free();
    res.once('finish', free);
    res.once('close', free);
  };
  return {
    enter(res) {
      // One slot per response, however many big subgraphs its query holds (aliases).
      if (entered.has(res)) return Promise.resolve();
      entered.add(res);
      if (running < atOnce) {
        running++;
        hold(res);
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        // A client that went away while waiting passes its slot on as soon as it gets it.
        queue.push(() => {
          hold(res);
          resolve();
        });
      });
    },
    get state() {
      return { running, waiting: queue.length };
    },
  };
}
