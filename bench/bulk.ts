// `npx tsx bench/bulk.ts [10k|100k|both]`: the bulk path (seed/bulkImport.ts) timed piece by piece on the
// synthetic graphs: CSV writing, the offline importer (with its own stage times), the runner's start on
// the imported store, and the schema (constraints and indexes populated). Writes bench/results/<date>-bulk.json;
// a full `npm run bench` runs the 100k/500k graph the same way (benchBulk) and reports it with its targets.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../core/config.js';
import { createExecutor } from '../core/db/executor.js';
import { applySchema } from '../core/db/schema.js';
import { provisionNeo4j } from '../core/neo4j/provision.js';
import { freePort } from '../core/neo4j/ports.js';
import { readDataset } from '../seed/dataset.js';
import { bulkImport, finishBulkImport } from '../seed/bulkImport.js';
import { graphStats } from '../core/db/graphState.js';
import type { Dataset } from '../core/domain/types.js';
import { loadAverage } from './lib/machine.js';
import { appendResults } from './lib/results.js';
import { round } from './lib/stats.js';
import { syntheticDataset } from './synthetic.js';

export interface BulkRow {
  scale: string;
  entities: number;
  relationships: number;
  facts: number;
  csvSeconds: number;
  importSeconds: number;
  centralitySeconds: number;
  hashSeconds: number;
  importerStages: Record<string, number>;
  importedRelationships: number | null;
  relationshipStagePerSecond: number;
  domainRelationshipsPerSecond: number;
  runnerStartSeconds: number;
  schemaAndIndexesSeconds: number;
  schemaSeconds: number;
  finishSeconds: number;
  endToEndSeconds: number;
  loadAverageAtStart: number;
  loadAverageAtEnd: number;
}

export const BULK_ROW = 'BULK_ROW ';

export const BULK_SIZES: Record<string, [number, number]> = { '10k/50k': [10_000, 50_000], '100k/500k': [100_000, 500_000] };

/** One synthetic graph through the bulk path into a new store, from the dataset to a served graph with its indexes. */
export async function benchBulk(scale: string, real: Dataset, log: (m: string) => void = console.log): Promise<BulkRow> {
  const [entities, relationships] = BULK_SIZES[scale]!;
  const d = syntheticDataset(real, { entities, relationships });
  const home = mkdtempSync(join(tmpdir(), 'aig-bulk-bench-'));
  try {
    const loadStart = loadAverage();
    const t0 = performance.now();
    const t = await bulkImport(d, home, { log });
    const t1 = performance.now();
    const config = loadConfig({ NEO4J_PROVIDER: 'local', NEO4J_DATA_DIR: home, NEO4J_LOCAL_PORT: String(await freePort()) });
    const neo = await provisionNeo4j(config.neo4j, { purpose: 'start', log: () => undefined });
    const t2 = performance.now();
    const db = createExecutor(neo.connection, { queryTimeoutMs: 30 * 60_000 });
    try {
      await applySchema(db);
      const tSchema = performance.now();
      await finishBulkImport(db, t);
      const tFinish = performance.now();
      await db.write({ cypher: 'CALL db.awaitIndexes(1800)', params: {} });
      const t3 = performance.now();
      const stats = await graphStats(db);
      const relStage = t.stages['Relationship import'] ?? NaN;
      return {
        scale,
        entities: stats.entities,
        relationships: stats.relationships,
        facts: stats.facts,
        csvSeconds: round(t.csvSeconds, 1),
        importSeconds: round(t.importSeconds, 1),
        // Within csvSeconds: centrality in its own process, the dataset hash before the CSVs in this one.
        centralitySeconds: round(t.centralitySeconds, 1),
        hashSeconds: round(t.hashSeconds, 1),
        importerStages: t.stages,
        // Every relationship the stage wrote: the domain ones and the structure (HAS_FACT, DISCUSSED_IN, ...).
        importedRelationships: t.imported?.relationships ?? null,
        relationshipStagePerSecond: round((t.imported?.relationships ?? d.relationships.length) / relStage, 0),
        domainRelationshipsPerSecond: round(d.relationships.length / relStage, 0),
        runnerStartSeconds: round((t2 - t1) / 1000, 1),
        schemaAndIndexesSeconds: round((t3 - t2) / 1000, 1),
        // Within it: the schema with its indexes populated, then the statements the importer left (centrality, empty lists, marker).
        schemaSeconds: round((tSchema - t2) / 1000, 1),
        finishSeconds: round((tFinish - tSchema) / 1000, 1),
        endToEndSeconds: round((t3 - t0) / 1000, 1),
        loadAverageAtStart: loadStart,
        loadAverageAtEnd: loadAverage(),
      };
    } finally {
      await db.close();
      await neo.stop();
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const which = process.argv[2] ?? 'both';
  // --row-only: the full bench's child (run.ts), which reads the row from stdout and keeps the file alone.
  const rowOnly = process.argv.includes('--row-only');
  const r = readDataset();
  if (!r.ok) throw new Error('seed/data is invalid');
  const results: BulkRow[] = [];
  for (const scale of Object.keys(BULK_SIZES).filter((n) => which === 'both' || n.startsWith(which))) {
    const row = await benchBulk(scale, r.dataset, rowOnly ? (m) => console.error(m) : console.log);
    console.log(rowOnly ? `${BULK_ROW}${JSON.stringify(row)}` : JSON.stringify(row));
    results.push(row);
  }
  if (rowOnly) process.exit(0);
  const file = appendResults('bulk', results);
  console.log(`wrote ${file}`);
}
