import { EventEmitter } from 'node:events';
import type { Response } from 'express';
import { describe, expect, it } from 'vitest';
import { CODE } from '../../core/domain/errors.js';
import { createBigAnswerGate } from './bigAnswers.js';

// Only what the gate reads of a response: its finish/close events and whether it is already gone.
const response = () => Object.assign(new EventEmitter(), { writableFinished: false, destroyed: false }) as unknown as Response & EventEmitter;
const tick = () => new Promise((r) => setImmediate(r));

describe('big answers', () => {
  it('builds at most two at once; the next starts when one is sent, in arrival order', async () => {
    const gate = createBigAnswerGate(2);
    const [a, b, c, d] = [response(), response(), response(), response()];
    const started: string[] = [];
    for (const [name, res] of [['a', a], ['b', b], ['c', c], ['d', d]] as const) void gate.enter(res).then(() => started.push(name));
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect(gate.state).toEqual({ running: 2, waiting: 2 });
    b.emit('finish');
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    a.emit('close');
    await tick();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    c.emit('finish');
    c.emit('close');
    d.emit('close');
    expect(gate.state).toEqual({ running: 0, waiting: 0 });
  });

  it('builds nothing for clients that left while waiting, and counts one slot per response', async () => {
    const gate = createBigAnswerGate(1);
    const [a, left1, left2, c] = [response(), response(), response(), response()];
    await gate.enter(a);
    await gate.enter(a);
    const waiting = [gate.enter(left1), gate.enter(left2), gate.enter(c)];
    left1.destroyed = true;
    left2.destroyed = true;
    a.emit('finish');
    const settled = await Promise.allSettled(waiting);
    expect(settled.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : r.status))).toEqual([CODE.CLIENT_GONE, CODE.CLIENT_GONE, 'fulfilled']);
    expect(gate.state).toEqual({ running: 1, waiting: 0 });
    c.emit('finish');
    expect(gate.state).toEqual({ running: 0, waiting: 0 });
  });
});
