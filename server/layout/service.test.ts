// The layout queue against its real child process (small graphs, so each layout takes milliseconds):
// bounded, one job per distinct graph, and the warmed whole graph is never evicted.
import { afterEach, describe, expect, it } from 'vitest';
import type { LayoutInput } from './positions.js';
import { createLayoutService, type LayoutService, type LayoutServiceOptions } from './service.js';

/** A distinct three-node path per i. */
const graph = (i: number | string): LayoutInput => ({
  nodes: [`g${i}-a`, `g${i}-b`, `g${i}-c`],
  edges: [
    { id: `g${i}-ab`, source: `g${i}-a`, target: `g${i}-b` },
    { id: `g${i}-bc`, source: `g${i}-b`, target: `g${i}-c` },
  ],
});

let service: LayoutService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

/** The service, and how many layouts it has finished so far (from its log). */
function start(opts: Partial<LayoutServiceOptions>): { layout: LayoutService; finished: () => number } {
  const lines: string[] = [];
  const layout = createLayoutService({ maxNodes: 10, log: (m) => lines.push(m), ...opts });
  service = layout;
  return { layout, finished: () => lines.filter((l) => /^layout: \d+ nodes in/.test(l)).length };
}

const status = (layout: LayoutService, i: number | string) => layout.positionsFor(graph(i)).status;
const poll = (fn: () => unknown) => expect.poll(fn, { timeout: 30_000, interval: 50 });

describe('layout service', () => {
  it('refuses a 5th distinct graph while 4 wait behind the running one, and takes it once there is room', async () => {
    const { layout, finished } = start({ maxQueued: 4 });
    expect([0, 1, 2, 3, 4].map((i) => status(layout, i))).toEqual(Array(5).fill('PENDING'));
    expect(status(layout, 5)).toBe('REFUSED_QUEUE_FULL');
    // Still queued, so still PENDING: asking again is not refused.
    expect(status(layout, 4)).toBe('PENDING');
    await poll(finished).toBe(5);
    expect([0, 1, 2, 3, 4].map((i) => status(layout, i))).toEqual(Array(5).fill('READY'));
    expect(status(layout, 5)).toBe('PENDING');
    await poll(() => status(layout, 5)).toBe('READY');
  }, 60_000);

  it('queues the same graph once however often it is asked for', async () => {
    const { layout, finished } = start({ maxQueued: 1 });
    expect(status(layout, 'a')).toBe('PENDING');
    expect(status(layout, 'b')).toBe('PENDING');
    // A second copy of b would not fit in a queue of one: PENDING means it was not queued again.
    expect(status(layout, 'b')).toBe('PENDING');
    expect(layout.positionsFor({ ...graph('b'), nodes: [...graph('b').nodes].reverse() }).status).toBe('PENDING');
    expect(status(layout, 'c')).toBe('REFUSED_QUEUE_FULL');
    await poll(() => [status(layout, 'a'), status(layout, 'b')]).toEqual(['READY', 'READY']);
    expect(status(layout, 'c')).toBe('PENDING');
    await poll(() => status(layout, 'c')).toBe('READY');
    // FIFO: a duplicate b would have run before c.
    expect(finished()).toBe(3);
  }, 60_000);

  it('keeps the warmed graph through cacheSize + 5 other graphs, and evicts those least recently used', async () => {
    const cacheSize = 2;
    const { layout, finished } = start({ cacheSize, maxQueued: 10 });
    await layout.warm(graph('whole'));
    expect(layout.positionsFor(graph('whole'))).toMatchObject({ status: 'READY' });
    const views = Array.from({ length: cacheSize + 5 }, (_, i) => i);
    expect(views.map((i) => status(layout, i))).toEqual(views.map(() => 'PENDING'));
    await poll(finished).toBe(1 + views.length);
    const whole = layout.positionsFor(graph('whole'));
    expect(whole.status).toBe('READY');
    expect([...whole.positions!.keys()].sort()).toEqual(graph('whole').nodes);
    expect(status(layout, views.at(-1)!)).toBe('READY');
    expect(status(layout, 0)).toBe('PENDING');
  }, 60_000);

  it('says TOO_LARGE above maxNodes without queueing anything, and READY with no positions for an empty graph', () => {
    const { layout } = start({ maxNodes: 2, maxQueued: 0 });
    expect(layout.positionsFor(graph(1))).toEqual({ status: 'TOO_LARGE', positions: null });
    expect(layout.positionsFor({ nodes: [], edges: [] })).toEqual({ status: 'READY', positions: new Map() });
  });
});
