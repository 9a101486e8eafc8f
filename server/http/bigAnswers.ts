// Big answers take their memory from the moment graphql-js starts resolving them until the socket has
// taken the last byte: the whole graph of a 10k-entity store is 5 MB of JSON, held as the result tree,
// the string and the buffer queued on a slow socket. 32 of them at once took the server from ~170 to
// ~380 MiB RSS. Each big answer waits for one of a few slots instead, queued in arrival order; small
// answers (every answer of the episode's graph) never wait.
import type { Response } from 'express';
import { CODE, CodedError } from '../../core/domain/errors.js';

/** Nodes + edges from which a subgraph answer counts as big (the episode's whole graph has ~1,200). */
export const BIG_ANSWER_ITEMS = 2000;

/** Its client left while the answer waited: it is not built (no one would receive it). */
export class ClientGone extends CodedError {
  readonly code = CODE.CLIENT_GONE;
  constructor() {
    super('the client closed its connection before its answer was built');
  }
}

export interface BigAnswerGate {
  /** Resolves when this response may be built; its slot is freed once the response is finished or closed. */
  enter(res: Response): Promise<void>;
  /** Slots taken and responses waiting, for tests. */
  readonly state: { running: number; waiting: number };
}

const gone = (res: Response) => res.destroyed || res.writableFinished;

/** `atOnce` is config's GRAPHQL_BIG_ANSWERS_AT_ONCE: 2 by default, about one per core, so the CPU stays busy and memory bounded. */
export function createBigAnswerGate(atOnce: number): BigAnswerGate {
  let running = 0;
  const queue: { res: Response; grant: () => void; refuse: (e: Error) => void }[] = [];
  const entered = new WeakSet<Response>();
  const release = () => {
    // Clients that left while waiting are answered with an error no one reads, and build nothing: when a
    // load generator or a browser gives up on a queue of big answers, they must not all start at once.
    for (let next = queue.shift(); next; next = queue.shift()) {
      if (gone(next.res)) {
        next.refuse(new ClientGone());
        continue;
      }
      hold(next.res);
      return next.grant();
    }
    running--;
  };
  const hold = (res: Response) => {
    let done = false;
    const free = () => {
      if (done) return;
      done = true;
      release();
    };
    res.once('finish', free);
    res.once('close', free);
  };
  return {
    enter(res) {
      // One slot per response, however many big subgraphs its query holds (aliases).
      if (entered.has(res)) return Promise.resolve();
      entered.add(res);
      if (gone(res)) return Promise.reject(new ClientGone());
      if (running < atOnce) {
        running++;
        hold(res);
        return Promise.resolve();
      }
      return new Promise<void>((grant, refuse) => queue.push({ res, grant, refuse }));
    },
    get state() {
      return { running, waiting: queue.length };
    },
  };
}
