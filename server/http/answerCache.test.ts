import { describe, expect, it } from 'vitest';
import { coalescedReads } from './answerCache.js';

/** A read whose answers the test hands out one at a time, in the order the reads started. */
function controlledRead() {
  const pending: ((v: number) => void)[] = [];
  let started = 0;
  const read = () => {
    started++;
    return new Promise<number>((resolve) => pending.push(resolve));
  };
  return { read, started: () => started, answer: (v: number) => pending.shift()!(v) };
}

describe('coalescedReads (the answer cache fingerprint check)', () => {
  it('gives everyone who asks during a read the next read, started after they asked', async () => {
    const r = controlledRead();
    const get = coalescedReads(r.read);
    const first = get();
    // These arrive while the first read runs: its answer may predate them, so they wait for a new one.
    const later = [get(), get(), get()];
    expect(r.started()).toBe(1);
    r.answer(1);
    expect(await first).toBe(1);
    await Promise.resolve();
    expect(r.started()).toBe(2);
    r.answer(2);
    expect(await Promise.all(later)).toEqual([2, 2, 2]);
    // Nothing in flight: the next caller starts its own read.
    const alone = get();
    expect(r.started()).toBe(3);
    r.answer(3);
    expect(await alone).toBe(3);
  });

  it('starts a fresh read after a failed one', async () => {
    let n = 0;
    const get = coalescedReads(async () => {
      n++;
      if (n === 1) throw new Error('Neo4j is gone');
      return n;
    });
    await expect(get()).rejects.toThrow('gone');
    expect(await get()).toBe(2);
  });
});
