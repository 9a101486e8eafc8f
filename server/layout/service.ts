// Stable layouts for the explorer, computed once per distinct graph in a child process and kept in
// memory. A request never waits for one: until it is ready the answer is null and the browser lays
// out the graph itself, as it always could. The queue is capped, so no client can line up hours of
// CPU or hold thousands of inputs in memory by asking for many different graphs.
import type { ChildProcess } from 'node:child_process';
import { forkSibling } from '../../core/process/forkSibling.js';
import { createLayoutCache } from './cache.js';
import { layoutKey, type LayoutInput, type Positions } from './positions.js';

/** The whole graph is at most this big by default (the graph query's limit), and is laid out up to it. */
export const LAYOUT_MAX_NODES = 5000;

export function layoutInput(s: { nodes: { id: string }[]; edges: { id: string; source: string; target: string }[] }): LayoutInput {
  return { nodes: s.nodes.map((n) => n.id), edges: s.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })) };
}

/** Why a subgraph has, or has not, server positions (the GraphQL enum LayoutStatus). */
export type LayoutStatus = 'READY' | 'PENDING' | 'REFUSED_QUEUE_FULL' | 'TOO_LARGE';

export type LayoutAnswer =
  | { status: 'READY'; positions: Positions }
  | { status: Exclude<LayoutStatus, 'READY'>; positions: null };

export interface LayoutService {
  /**
   * Cached positions for exactly this graph; otherwise why not, and the layout is started in the
   * background if there is room for it in the queue.
   */
  positionsFor(input: LayoutInput): LayoutAnswer;
  /**
   * Computes (or finds) the layout; resolves when it is cached. Used to warm the whole graph at start-up:
   * a warmed graph skips the queue's cap and is never evicted.
   */
  warm(input: LayoutInput): Promise<void>;
  close(): Promise<void>;
}

/** Waiting layouts, beside the one running: each holds its input and costs the next ones their turn. */
export const DEFAULT_MAX_QUEUED = 4;

export interface LayoutServiceOptions {
  /** Larger graphs get no server layout. */
  maxNodes: number;
  /** Distinct requested graphs kept, least recently used evicted first; warmed graphs come on top. */
  cacheSize?: number;
  /** Layouts waiting behind the running one; a further distinct graph is refused until one finishes. */
  maxQueued?: number;
  log?: (message: string) => void;
}

function spawnLayoutProcess(): ChildProcess {
  return forkSibling(import.meta.url, 'layoutProcess', { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
}

interface Job {
  key: string;
  input: LayoutInput;
  done: () => void;
}

export function createLayoutService(opts: LayoutServiceOptions): LayoutService {
  const maxQueued = opts.maxQueued ?? DEFAULT_MAX_QUEUED;
  const cache = createLayoutCache(opts.cacheSize ?? 8);
  // One promise per key, queued or running: the same graph asked for twice is laid out once.
  const pending = new Map<string, Promise<void>>();
  const queue: Job[] = [];
  let child: ChildProcess | null = null;
  let current: Job | null = null;
  let closed = false;

  // One job at a time in one process: on two cores a second layout would only slow the first.
  const next = () => {
    if (current || closed) return;
    const job = queue.shift();
    if (!job) return;
    current = job;
    child ??= spawn();
    const t0 = performance.now();
    child.once('message', (entries: [string, { x: number; y: number }][]) => {
      cache.set(job.key, new Map(entries));
      opts.log?.(`layout: ${job.input.nodes.length} nodes in ${Math.round(performance.now() - t0)} ms`);
      finish(job);
    });
    child.send(job.input);
  };
  const finish = (job: Job) => {
    pending.delete(job.key);
    current = null;
    job.done();
    // An idle layout process holds ~60 MB (Node, Cytoscape): let it go until the next layout.
    if (queue.length === 0 && child) {
      stop(child);
      child = null;
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
      if (child !== w) return;
      // A failed layout costs the browser its own layout, nothing more.
      opts.log?.(`layout: ${why}; the explorer lays out in the browser`);
      child = null;
      const lost = [...(current ? [current] : []), ...queue.splice(0)];
      current = null;
      pending.clear();
      for (const j of lost) j.done();
    };
    w.on('error', (err) => failed(`the layout process failed (${err.message})`));
    w.on('exit', (code, signal) => failed(`the layout process exited (${signal ?? code})`));
    return w;
  };

  /** The job's promise, or null when there is no room: requests may only fill the queue up to its cap. */
  const enqueue = (key: string, input: LayoutInput, capped: boolean): Promise<void> | null => {
    const running = pending.get(key);
    if (running) return running;
    if (closed || (capped && queue.length >= maxQueued)) return null;
    const promise = new Promise<void>((done) => queue.push({ key, input, done }));
    pending.set(key, promise);
    next();
    return promise;
  };

  return {
    positionsFor(input) {
      if (input.nodes.length > opts.maxNodes) return { status: 'TOO_LARGE', positions: null };
      if (input.nodes.length === 0) return { status: 'READY', positions: new Map() };
      const key = layoutKey(input);
      const hit = cache.get(key);
      if (hit) return { status: 'READY', positions: hit };
      // Refused now, asked again later: a refusal keeps nothing, so it cannot fill memory either.
      return enqueue(key, input, true) ? { status: 'PENDING', positions: null } : { status: 'REFUSED_QUEUE_FULL', positions: null };
    },
    warm(input) {
      if (closed || input.nodes.length === 0 || input.nodes.length > opts.maxNodes) return Promise.resolve();
      const key = layoutKey(input);
      cache.pin(key);
      if (cache.get(key)) return Promise.resolve();
      return enqueue(key, input, false) ?? Promise.resolve();
    },
    async close() {
      closed = true;
      // Whoever awaits a warm-up hears that it is over, computed or not.
      for (const j of [...(current ? [current] : []), ...queue.splice(0)]) j.done();
      current = null;
      if (child) stop(child);
      child = null;
    },
  };
}
