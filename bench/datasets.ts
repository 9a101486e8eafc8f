// The datasets the benchmark measures: the real one and deterministic synthetic ones, installed one at a
// time into the benchmark's own Neo4j.
import neo4j from 'neo4j-driver';
import type { Executor } from '../core/db/executor.js';
import { forgetDataset } from '../core/db/graphState.js';
import type { Dataset } from '../core/domain/types.js';
import { loadDataset } from '../seed/load.js';
import { readDataset } from '../seed/dataset.js';
import { wipe } from './load.js';
import type { BenchNeo4j } from './lib/neo4j.js';
import { syntheticDataset } from './synthetic.js';

export const real = (() => {
  const r = readDataset();
  if (!r.ok) throw new Error(`seed/data is invalid (${r.errors.length} errors): run npm run seed -- --check`);
  return r.dataset;
})();

// Synthetic datasets are built once and reused; the 100k one takes a few seconds and ~300 MB.
const datasets = new Map<string, Dataset>();
/** `keep: false`: built for one use and not held here (the server child, whose RSS is measured). */
export function dataset(scale: string, opts: { keep?: boolean } = {}): Dataset {
  if (scale === 'real') return real;
  const sizes: Record<string, [number, number]> = {
    '10k/50k': [10_000, 50_000],
    '100k/500k': [100_000, 500_000],
    // Client graphs keep the real graph's density (about 1.75 relationships per entity).
    '2k': [2_000, 3_500],
    '10k': [10_000, 17_500],
  };
  const size = sizes[scale];
  if (!size) throw new Error(`unknown scale ${scale}`);
  const held = datasets.get(scale);
  if (held) return held;
  const d = syntheticDataset(real, { entities: size[0], relationships: size[1] });
  if (opts.keep !== false) datasets.set(scale, d);
  return d;
}

/**
 * Puts exactly one dataset in the database. The marker of a synthetic one is removed, or a server
 * reading seed/data would reload the real one over it — unless keepMarker: the server is then given
 * the same dataset (startServerProcess's `dataset`), and caches its answers as for a seeded store.
 */
export async function install(neo: BenchNeo4j, db: Executor, scale: string, opts: { keepMarker?: boolean } = {}): Promise<Dataset> {
  const d = dataset(scale);
  const driver = neo4j.driver(neo.connection.uri, neo4j.auth.basic(neo.connection.user, neo.connection.password), { logging: { level: 'error', logger: () => undefined } });
  try {
    await wipe(driver);
  } finally {
    await driver.close();
  }
  await loadDataset(db, d);
  if (scale !== 'real' && !opts.keepMarker) await db.write(forgetDataset());
  return d;
}
