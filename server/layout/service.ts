// Stable layouts for the explorer, computed once per distinct graph in a child process and kept in
// memory. A request never waits for one: until it is ready the answer is null and the browser lays
// out the graph itself, as it always could.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { layoutKey, type LayoutInput, type Positions } from './positions.js';

/** The whole graph is at most this big by default (the graph query's limit), and is laid out up to it. */
export const LAYOUT_MAX_NODES = 5000;

export function layoutInput(s: { nodes: { id: string }[]; edges: { id: string; source: string; target: string }[] }): LayoutInput {
  return { nodes: s.nodes.map((n) => n.id), edges: s.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })) };
}

export interface LayoutService {
  /** Cached positions for exactly this graph, or null (and the layout is started in the background). */
  positionsFor(input: LayoutInput): Positions | null;
  /** Computes (or finds) the layout; resolves when it is cached. Used to warm the whole graph at start-up. */
  warm(input: LayoutInput): Promise<void>;
  close(): Promise<void>;
}

export interface LayoutServiceOptions {
  /** Larger graphs get no server layout. */
  maxNodes: number;
  /** Distinct graphs kept (the whole graph, a few filtered or expanded views). */
  cacheSize?: number;
  log?: (message: string) => void;
}

function spawnLayoutProcess(): ChildProcess {
  // From the bundle (dist/server/main.mjs) the worker is a sibling .mjs; from TypeScript it runs with tsx.
  const fromSource = import.meta.url.endsWith('.ts');
  const file = fileURLToPath(new URL(fromSource ? './worker.ts' : './worker.mjs', import.meta.url));
  return fork(file, [], { execArgv: fromSource ? ['--import', 'tsx'] : [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

export function createLayoutService(opts: LayoutServiceOptions): LayoutService {
  const cache = new Map<string, Positions>();
  const pending = new Map<string, Promise<void>>();
  const queue: { key: string; input: LayoutInput; done: () => void }[] = [];
  let worker: ChildProcess | null = null;
  let current: { key: string; done: () => void } | null = null;
  let closed = false;

  const remember = (key: string, positions: Positions) => {
    cache.delete(key);
    cache.set(key, positions);
    while (cache.size > (opts.cacheSize ?? 8)) cache.delete(cache.keys().next().value!);
  };

  // One job at a time on one worker: on two cores a second layout would only slow the first.
  const next = () => {
    if (current || closed) return;
    const job = queue.shift();
    if (!job) return;
    current = job;
    worker ??= spawn();
    const t0 = performance.now();
    worker.once('message', (entries: [string, { x: number; y: number }][]) => {
      remember(job.key, new Map(entries));
      opts.log?.(`layout: ${job.input.nodes.length} nodes in ${Math.round(performance.now() - t0)} ms`);
      finish(job);
    });
    worker.send(job.input);
  };
  const finish = (job: { key: string; done: () => void }) => {
    pending.delete(job.key);
    current = null;
    job.done();
    // An idle layout process holds ~60 MB (Node, Cytoscape): let it go until the next layout.
    if (queue.length === 0 && worker) {
      stop(worker);
      worker = null;
    }
    next();
  };
  const stop = (w: ChildProcess) => {
    w.removeAllListeners('exit');
    w.disconnect?.();
    w.kill();
  };
  const spawn = () => {
    const w = spawnLayoutProcess();
    w.unref();
    const failed = (why: string) => {
      if (worker !== w) return;
      // A failed layout costs the browser its own layout, nothing more.
      opts.log?.(`layout: ${why}; the explorer lays out in the browser`);
      worker = null;
      const lost = [...(current ? [current] : []), ...queue.splice(0)];
      current = null;
      pending.clear();
      for (const j of lost) j.done();
    };
    w.on('error', (err) => failed(`the layout process failed (${err.message})`));
    w.on('exit', (code, signal) => failed(`the layout process exited (${signal ?? code})`));
    return w;
  };

  const warm = (input: LayoutInput): Promise<void> => {
    if (closed || input.nodes.length === 0 || input.nodes.length > opts.maxNodes) return Promise.resolve();
    const key = layoutKey(input);
    if (cache.has(key)) return Promise.resolve();
    const running = pending.get(key);
    if (running) return running;
    const promise = new Promise<void>((done) => queue.push({ key, input, done }));
    pending.set(key, promise);
    next();
    return promise;
  };

  return {
    positionsFor(input) {
      if (input.nodes.length === 0 || input.nodes.length > opts.maxNodes) return null;
      const hit = cache.get(layoutKey(input));
      if (hit) return hit;
      void warm(input);
      return null;
    },
    warm,
    async close() {
      closed = true;
      for (const j of queue.splice(0)) j.done();
      if (worker) stop(worker);
      worker = null;
    },
  };
}
