import { describe, expect, it } from 'vitest';
import { chooseLoadPath, newStoreSeeder } from './bulkChoice.js';
import { readDataset } from './dataset.js';

const r = readDataset();
if (!r.ok) throw new Error('seed/data is invalid');
const d = r.dataset;

describe('the load path of a new store is chosen by size', () => {
  it('takes the offline importer from the crossover on, the online loader below it', () => {
    expect(chooseLoadPath(d, d.relationships.length)).toBe('bulk');
    expect(chooseLoadPath(d, d.relationships.length + 1)).toBe('online');
  });

  it('leaves a new store below the crossover untouched (no importer, no JVM)', async () => {
    const seeded = await newStoreSeeder(() => d, { minRelationships: d.relationships.length + 1, log: () => undefined })('/nonexistent');
    expect(seeded).toBeNull();
  });

  it('leaves the store to the online loader when the data files are broken', async () => {
    expect(await newStoreSeeder(() => null, { minRelationships: 0, log: () => undefined })('/nonexistent')).toBeNull();
  });
});
