// npm run seed -- [--check] [--reset] [--yes] [--data <dir>]
// --check validates seed/data without touching any database.
// What a failure says about Neo4j depends on how far the run got: nothing may be claimed about a
// database that was never reached.
import { createInterface } from 'node:readline/promises';
import { loadConfig } from '../core/config.js';
import { provisionNeo4j } from '../core/neo4j/provision.js';
import { createExecutor } from '../core/db/executor.js';
import { applySchema } from '../core/db/schema.js';
import { DEFAULT_DATA_DIR, describeDataset, readDataset } from './dataset.js';
import { formatError } from './validate.js';
import { loadDataset, rowCount, SINGLE_TRANSACTION_ROWS } from './load.js';
import { errorLine } from '../core/domain/errors.js';
import { graphStats } from '../core/db/graphState.js';

function arg(name: string): boolean {
  return process.argv.includes(name);
}
function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(question);
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

async function main(): Promise<number> {
  const dir = argValue('--data') ?? DEFAULT_DATA_DIR;
  const result = readDataset(dir);
  if (!result.ok) {
    for (const e of result.errors) console.error(formatError(e));
    for (const note of result.unchecked) console.error(note);
    console.error(`\n${result.errors.length} error(s) in ${dir}; nothing was loaded and no database was contacted.`);
    return 1;
  }
  console.log(describeDataset(result.dataset));
  if (arg('--check')) {
    console.log('\ncheck: the dataset is valid (no database was touched).');
    return 0;
  }

  const config = loadConfig(process.env);
  stage = 'provisioning';
  const log = (m: string): void => console.log(m);
  // Loaded only when a database is used: `--check` stays quick to start.
  const { newStoreSeeder } = await import('./bulkChoice.js');
  const prepareNewStore = newStoreSeeder(() => result.dataset, { minRelationships: config.bulkMinRelationships, log });
  const neo4j = await provisionNeo4j(config.neo4j, { purpose: 'start', log, prepareNewStore });
  const db = createExecutor(neo4j.connection, { queryTimeoutMs: 120_000 });
  try {
    await db.verify();
    stage = 'connected';
    await applySchema(db);
    if (neo4j.pending) {
      for (const st of neo4j.pending) await db.write(st);
      const s = await graphStats(db);
      console.log(`\nimported offline into the new store ${neo4j.connection.uri}: ${s.entities} entities, ${s.relationships} relationships, ${s.facts} facts`);
      return 0;
    }
    const reset = arg('--reset');
    if (reset && !arg('--yes') && !(await confirm(`Wipe every node and relationship in ${neo4j.connection.uri} before loading? [y/N] `))) {
      console.error('reset cancelled: nothing was changed (pass --yes to skip this question).');
      return 1;
    }
    // Up to SINGLE_TRANSACTION_ROWS the wipe and the load are one transaction: a failed load restores
    // the old graph. Larger datasets commit batch by batch (see seed/load.ts).
    loadingInBatches = rowCount(result.dataset) > SINGLE_TRANSACTION_ROWS;
    const counts = await loadDataset(db, result.dataset, { reset, log: (m) => console.log(m) });
    console.log(`\nloaded into ${neo4j.connection.uri}: ${counts.entities} entities, ${counts.relationships} relationships, ${counts.facts} facts`);
    console.log(`  by kind: ${Object.entries(counts.byKind).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    console.log(`  by type: ${Object.entries(counts.byType).map(([k, n]) => `${k} ${n}`).join(', ')}`);
    return 0;
  } finally {
    await db.close();
    await neo4j.stop();
  }
}

let stage: 'local' | 'provisioning' | 'connected' = 'local';
let loadingInBatches = false;

function afterFailure(): string {
  if (stage === 'local') return 'Nothing was loaded; no database was contacted.';
  if (stage === 'provisioning') return 'Nothing was loaded: the run failed before it connected to Neo4j, so no graph was changed.';
  return loadingInBatches
    ? 'This load committed batch by batch (a dataset this large does not fit in one transaction), so the graph holds part of it; it is marked unfinished, and the next `npm start` or `npm run seed` loads the files again.'
    : 'The graph in Neo4j is as it was before this run (the load is one transaction).';
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`seed failed: ${errorLine(err)}`);
    console.error(afterFailure());
    process.exit(1);
  },
);
