// The stored dataset hash decides whether `npm start` reloads: hashing in pieces must give the hash an
// already loaded store holds (sha256 of the whole JSON, then the centrality version).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../core/domain/types.js';
import { CENTRALITY_VERSION } from './centrality.js';
import { readDataset } from './dataset.js';
import { datasetHash } from './load.js';

const whole = (d: unknown) => createHash('sha256').update(JSON.stringify(d)).update(CENTRALITY_VERSION).digest('hex').slice(0, 16);

describe('datasetHash', () => {
  const r = readDataset();
  if (!r.ok) throw new Error('seed/data is invalid');
  const real = r.dataset;

  it('is the hash of the whole JSON for the real dataset', () => {
    expect(datasetHash(real)).toBe(whole(real));
  });

  it('is the hash of the whole JSON when arrays span several slices and values are missing', () => {
    const many = Array.from({ length: 4_501 }, (_, i) => ({ ...real.relationships[i % real.relationships.length]!, id: `r${i}`, since: undefined }));
    const d = { ...real, relationships: many, facts: [], extra: undefined } as unknown as Dataset;
    expect(datasetHash(d)).toBe(whole(d));
  });

  it('changes when one relationship changes', () => {
    const d = { ...real, relationships: real.relationships.map((x, i) => (i === 3_000 % real.relationships.length ? { ...x, id: `${x.id}-changed` } : x)) } as Dataset;
    expect(datasetHash(d)).not.toBe(datasetHash(real));
  });
});
