// Which load path a new local-runner store takes. Neo4j's offline importer has fixed costs (its own JVM,
// CSV writing, index population on first start) that the online loader does not, so it only pays above
// a crossover measured in bench/README.md ("Bulk load"); below it, and for NEO4J_URI/Docker and updates,
// the online batched loader runs as before.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { CypherStatement } from '../core/db/executor.js';
import type { Dataset } from '../core/domain/types.js';
import { bulkImport } from './bulkImport.js';

export function chooseLoadPath(d: Pick<Dataset, 'relationships'>, minRelationships: number): 'bulk' | 'online' {
  return d.relationships.length >= minRelationships ? 'bulk' : 'online';
}

/**
 * The local runner's `prepareNewStore` hook: imports `dataset()` offline when it is big enough, null when it
 * did not. A failed import leaves no half-written database behind; the online loader then seeds the store.
 */
export function newStoreSeeder(
  dataset: () => Dataset | null,
  opts: { minRelationships: number; heap?: string; log: (m: string) => void },
): (home: string) => Promise<CypherStatement[] | null> {
  return async (home) => {
    const d = dataset();
    if (!d || chooseLoadPath(d, opts.minRelationships) === 'online') return null;
    opts.log(`seed: new store and ${d.relationships.length} relationships (≥ ${opts.minRelationships}): Neo4j's offline importer loads it`);
    try {
      const t = await bulkImport(d, home, { heap: opts.heap, log: opts.log });
      return t.after;
    } catch (err) {
      for (const dir of [join(home, 'data', 'databases', 'neo4j'), join(home, 'data', 'transactions', 'neo4j')])
        if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
      opts.log(`seed: the offline import failed (${(err as Error).message}); the online loader will load the store instead`);
      return null;
    }
  };
}
