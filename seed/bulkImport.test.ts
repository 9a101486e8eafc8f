// The importer's own account of its stages is how the benchmark reports the relationship stage's rate.
import { describe, expect, it } from 'vitest';
import { importerStages } from './bulkImport.js';

// Shaped like neo4j-admin 5.26's output (progress lines shortened); the times are invented.
const OUTPUT = `(1/4) Node import 2026-12-02 03:25:09.214+0000
  Estimated number of nodes: 792.00
.......... .......... .......... .......... ..........   5% ∆1ms [1ms]
Node import COMPLETED in 3s 650ms

(2/4) Relationship import 2026-12-02 03:25:12.867+0000
Relationship import COMPLETED in 1m 2s 132ms

(3/4) Relationship linking 2026-12-02 03:25:14.831+0000
Relationship linking COMPLETED in 707ms

(4/4) Post processing 2026-12-02 03:25:16.780+0000
Post processing COMPLETED in 4s 29ms

IMPORT DONE in 14s 246ms.
Imported:
  792 nodes
  1976 relationships
`;

describe('importerStages', () => {
  it('reads every stage, milliseconds-only stages and minutes included', () => {
    expect(importerStages(OUTPUT)).toEqual({
      'Node import': 3.65,
      'Relationship import': 62.132,
      'Relationship linking': 0.707,
      'Post processing': 4.029,
      IMPORT: 14.246,
    });
  });
});
