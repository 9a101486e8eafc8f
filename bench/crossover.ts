// `npx tsx bench/crossover.ts`: where the bulk path starts to pay. A new local-runner store filled both
// ways, end to end as a start takes it (runner start, schema, load), at sizes around the default
// SEED_BULK_MIN_RELATIONSHIPS. Appends to bench/results/<date>-crossover.json.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../core/config.js';
import { createExecutor } from '../core/db/executor.js';
import { applySchema } from '../core/db/schema.js';
import { provisionNeo4j } from '../core/neo4j/provision.js';
import { freePort } from '../core/neo4j/ports.js';
import { readDataset } from '../seed/dataset.js';
import { loadDataset } from '../seed/load.js';
import { newStoreSeeder } from '../seed/bulkChoice.js';
import { syntheticDataset } from './synthetic.js';
import { appendResults } from './lib/results.js';
const rows: Record<string, unknown>[] = [];
const r = readDataset(); if (!r.ok) throw new Error('bad');
for (const [e, rel] of [[4000, 20_000], [8000, 40_000], [12_000, 60_000]] as const) {
  const d = syntheticDataset(r.dataset, { entities: e, relationships: rel });
  for (const path of ['bulk', 'online'] as const) {
    const home = mkdtempSync(join(tmpdir(), 'aig-x-'));
    const t0 = performance.now();
    const config = loadConfig({ NEO4J_PROVIDER: 'local', NEO4J_DATA_DIR: home, NEO4J_LOCAL_PORT: String(await freePort()) });
    const prepareNewStore = path === 'bulk' ? newStoreSeeder(() => d, { minRelationships: 0, log: () => undefined }) : undefined;
    const neo = await provisionNeo4j(config.neo4j, { purpose: 'start', log: () => undefined, prepareNewStore });
    const db = createExecutor(neo.connection, { queryTimeoutMs: 30 * 60_000 });
    await applySchema(db);
    if (path === 'bulk') for (const st of neo.pending!) await db.write(st);
    else await loadDataset(db, d);
    const row = { entities: e, relationships: rel, path, seconds: Math.round((performance.now() - t0) / 100) / 10 };
    console.log(JSON.stringify(row));
    rows.push(row);
    await db.close(); await neo.stop(); rmSync(home, { recursive: true, force: true });
  }
}
const file = appendResults('crossover', rows);
console.log(`wrote ${file}`);
