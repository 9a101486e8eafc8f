import { describe, expect, it } from 'vitest';
import { createLayoutCache } from './cache.js';
import type { Positions } from './positions.js';

const at = (x: number): Positions => new Map([['n', { x, y: 0 }]]);

describe('layout cache', () => {
  it('evicts the least recently used requested graph', () => {
    const cache = createLayoutCache(2);
    cache.set('a', at(1));
    cache.set('b', at(2));
    expect(cache.get('a')).toEqual(at(1));
    cache.set('c', at(3));
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([at(1), null, at(3)]);
  });

  it('never evicts a pinned graph, pinned before or after it arrived, and does not count it', () => {
    const cache = createLayoutCache(2);
    cache.pin('whole');
    cache.set('whole', at(0));
    cache.set('early', at(9));
    cache.pin('early');
    for (let i = 0; i < 7; i++) cache.set(`view${i}`, at(i + 1));
    expect(cache.get('whole')).toEqual(at(0));
    expect(cache.get('early')).toEqual(at(9));
    expect([cache.get('view5'), cache.get('view6'), cache.get('view4')]).toEqual([at(6), at(7), null]);
  });
});
