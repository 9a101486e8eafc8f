// A failed batch must reach the resolver as the failure it is, never as fewer results.
import DataLoader from 'dataloader';
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../../core/db/errors.js';
import { loadAllOrThrow } from './loaders.js';

describe('loadAllOrThrow', () => {
  it('returns every value in key order, nulls included', async () => {
    const loader = new DataLoader<string, string | null>(async (keys) => keys.map((k) => (k === 'gone' ? null : k.toUpperCase())));
    await expect(loadAllOrThrow(loader, ['a', 'gone', 'b'])).resolves.toEqual(['A', null, 'B']);
  });

  it('rethrows the error of a whole failed batch', async () => {
    const down = new DatabaseUnavailableError('the graph database is not reachable right now; try again shortly');
    const loader = new DataLoader<string, string>(async () => {
      throw down;
    });
    await expect(loadAllOrThrow(loader, ['a', 'b'])).rejects.toBe(down);
  });

  it('rethrows the error of a single key among good ones', async () => {
    const bad = new Error('broken key');
    const loader = new DataLoader<string, string>(async (keys) => keys.map((k) => (k === 'x' ? bad : k)));
    await expect(loadAllOrThrow(loader, ['a', 'x', 'b'])).rejects.toBe(bad);
  });
});
