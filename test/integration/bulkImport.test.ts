// The bulk path (CSV + Neo4j's offline importer) must store exactly the graph the online loader stores:
// every node with its labels and properties (types included: a float must not come back as an integer,
// an empty list must stay a list), every relationship with its type, ends and properties, the marker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticDataset } from '../../bench/synthetic.js';
import { createExecutor, type Executor } from '../../core/db/executor.js';
import { applySchema } from '../../core/db/schema.js';
import type { Dataset } from '../../core/domain/types.js';
import { loadConfig } from '../../core/config.js';
import { provisionNeo4j } from '../../core/neo4j/provision.js';
import { freePort } from '../../core/neo4j/ports.js';
import { newStoreSeeder } from '../../seed/bulkChoice.js';
import { startServer } from '../../app/start.js';
import { loadDataset } from '../../seed/load.js';
import { realDataset, testExecutor, withRealDataset } from '../support/db.js';

const online = testExecutor(120_000);
const homes: string[] = [];
afterAll(async () => {
  await withRealDataset(online);
  await online.close();
  for (const h of homes) rmSync(h, { recursive: true, force: true });
});

/** Every node and relationship with labels, type, ends and typed properties; the marker's load time left out. */
async function dump(db: Executor): Promise<unknown> {
  const [row] = await db.read({
    cypher: `CALL () {
  MATCH (n) WITH n ORDER BY coalesce(n.id, ''), labels(n)[0]
  RETURN collect([labels(n), [k IN keys(n) WHERE k <> 'loadedAt' | [k, n[k], valueType(n[k])]]]) AS nodes
}
CALL () {
  MATCH (a)-[r]->(b) WITH a, r, b ORDER BY coalesce(r.id, ''), type(r), a.id, b.id
  RETURN collect([type(r), a.id, b.id, [k IN keys(r) | [k, r[k], valueType(r[k])]]]) AS rels
}
RETURN nodes, rels`,
    params: {},
  });
  const sortProps = (list: [string, unknown, string][]) => [...list].sort((x, y) => x[0].localeCompare(y[0]));
  const nodes = (row!.nodes as [string[], [string, unknown, string][]][]).map(([labels, props]) => [[...labels].sort(), sortProps(props)]);
  const rels = (row!.rels as [string, string, string, [string, unknown, string][]][]).map(([t, a, b, props]) => [t, a, b, sortProps(props)]);
  const key = (x: unknown) => JSON.stringify(x);
  return { nodes: nodes.map(key).sort(), rels: rels.map(key).sort() };
}

/** A new store filled the way `npm start` fills one above the crossover: the runner's new-store hook, then start-up. */
async function bulkLoaded(d: Dataset, viaStartServer: boolean): Promise<unknown> {
  const home = mkdtempSync(join(tmpdir(), 'aig-bulk-'));
  homes.push(home);
  const config = loadConfig({ NEO4J_PROVIDER: 'local', NEO4J_DATA_DIR: home, NEO4J_LOCAL_PORT: String(await freePort()), PORT: '0' });
  const logs: string[] = [];
  const log = (m: string) => logs.push(m);
  const prepareNewStore = newStoreSeeder(() => d, { minRelationships: 0, log });
  const neo = await provisionNeo4j(config.neo4j, { purpose: 'start', log, prepareNewStore });
  expect(neo.pending, 'the hook imported the new store').toBeDefined();
  const db = createExecutor(neo.connection, { queryTimeoutMs: 120_000 });
  try {
    if (viaStartServer) {
      const server = await startServer({ config, connection: neo.connection, pending: neo.pending, log });
      await server.close();
      // The imported marker carries the files' hash, so start-up does not load them a second time.
      expect(logs.some((l) => l.startsWith('seed: graph is up to date'))).toBe(true);
      expect(logs.some((l) => /loading seed\/data|reloading/.test(l))).toBe(false);
    } else {
      await applySchema(db);
      for (const st of neo.pending!) await db.write(st);
    }
    return await dump(db);
  } finally {
    await db.close();
    await neo.stop();
  }
}

async function sameGraph(d: Dataset, viaStartServer = false): Promise<void> {
  await applySchema(online);
  await loadDataset(online, d, { reset: true });
  const expected = await dump(online);
  expect(await bulkLoaded(d, viaStartServer)).toEqual(expected);
}

// Each case starts a second Neo4j on the imported store: minutes on a loaded machine.
describe('bulk import stores the same graph as the online loader', () => {
  it('for the real dataset, through start-up on a new store', () => sameGraph(realDataset(), true), 600_000);
  it('for a synthetic dataset with hubs and text that spans lines', () => {
    // Line breaks are allowed in text (seed/text.ts): with one, the importer must parse fields across lines.
    const d = syntheticDataset(realDataset(), { entities: 3000, relationships: 9000 });
    d.entities[0] = { ...d.entities[0]!, summaryEn: 'first line\nsecond line\r\nthird, "quoted"' };
    return sameGraph(d);
  }, 600_000);
});
