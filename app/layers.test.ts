// Layers only point down: fails when seed/ and server/ import each other, core/ imports anything above
// it, or the client imports server-side code (see app/layers.ts for the rules).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, violations } from './layers.js';

const ROOT = join(import.meta.dirname, '..');

describe('the import graph', () => {
  it('points only down: core ← seed, server, cypher, bench; seed and server never meet; the client uses core types only', () => {
    const edges = importGraph(ROOT, ['core', 'seed', 'server', 'cypher', 'bench', 'client', 'app']);
    expect(edges.length).toBeGreaterThan(200); // the scan found the real graph
    expect(violations(edges)).toEqual([]);
  });

  it('names each kind of forbidden import', () => {
    const found = violations([
      { from: 'seed/load.ts', to: 'server/repository/stats.js' },
      { from: 'server/start.ts', to: 'seed/load.js' },
      { from: 'core/db/executor.ts', to: 'server/config.js' },
      { from: 'client/src/api.ts', to: 'server/console/graphFromRows.js' },
      { from: 'client/src/api.ts', to: 'core/db/executor.js' },
      { from: 'seed/load.ts', to: 'core/db/executor.js' },
      { from: 'client/src/api.ts', to: 'core/domain/consoleGraph.js' },
      { from: 'app/start.ts', to: 'seed/load.js' },
      { from: 'server/layout/positions.ts', to: 'client/src/layoutOptions.js' },
    ]);
    expect(found).toHaveLength(6);
    expect(found[0]).toContain('seed/ never imports server/');
    expect(found[2]).toContain('core/ imports nothing above it');
  });
});
