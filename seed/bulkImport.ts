// The bulk path for big loads into an empty local-runner store: CSVs from the validated dataset
// (bulkCsv.ts), then Neo4j's offline importer (`neo4j-admin database import full`, the neo4j-import-tool
// jar on the runner's classpath) with the database stopped, then the runner starts on the store.
// The online batched loader stays for NEO4J_URI/Docker, for updates, and below SEED_BULK_MIN_RELATIONSHIPS (seed/bulkChoice.ts).
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CypherStatement, Executor } from '../core/db/executor.js';
import { markDataset } from '../core/db/graphState.js';
import type { Dataset } from '../core/domain/types.js';
import { classpath } from '../core/neo4j/localRunner.js';
import { ARRAY_DELIMITER, emptyListStatements, writeImportCsv } from './bulkCsv.js';
import { centralityInChild } from './centralityChild.js';
import { datasetHash } from './load.js';

export interface BulkTimings {
  csvSeconds: number;
  importSeconds: number;
  /** The dataset hash, computed while centrality runs (part of csvSeconds). */
  hashSeconds: number;
  /** Centrality in its own process, while the CSVs were written (part of csvSeconds). */
  centralitySeconds: number;
  /** The importer's own account of its stages (seconds), as far as its output says. */
  stages: Record<string, number>;
  /** What the importer reports it wrote (the structure relationships — chapters, facts, dates — included). */
  imported: { nodes: number; relationships: number } | null;
  output: string;
  /** Run these once the database is up (finishBulkImport): properties the importer cannot store. */
  after: { cypher: string; params: Record<string, unknown> }[];
}

/**
 * The importer's stage times from its output: lines like "Relationship import COMPLETED in 1m 2s 3ms" and
 * "IMPORT DONE in 9s 12ms" (the stage headings themselves carry a timestamp, so the COMPLETED lines are read).
 */
export function importerStages(output: string): Record<string, number> {
  const stages: Record<string, number> = {};
  for (const m of output.matchAll(/^\s*([A-Za-z][A-Za-z ]*?) (?:COMPLETED|DONE) in ([0-9hms ]+)/gm)) {
    const took = m[2]!;
    const part = (unit: string) => Number(new RegExp(`(\\d+)${unit}(?![a-z])`).exec(took)?.[1] ?? 0);
    stages[m[1]!.trim()] = Math.round((part('h') * 3600 + part('m') * 60 + part('s')) * 1000 + part('ms')) / 1000;
  }
  return stages;
}

/** The marker with the dataset's hash, set last after the start: a start interrupted before it loads the files again. */
function markerStatement(d: Dataset, hash: string): CypherStatement {
  return markDataset(hash, { entities: d.entities.length, relationships: d.relationships.length, facts: d.facts.length });
}

/** After the runner started on the imported store (and the schema is applied): everything the importer did not write. */
export async function finishBulkImport(db: Executor, t: BulkTimings): Promise<void> {
  for (const st of t.after) await db.write(st);
}

/** Imports `d` into `home` (a stopped local-runner store; its `neo4j` database is overwritten). */
export async function bulkImport(d: Dataset, home: string, opts: { heap?: string; log?: (m: string) => void } = {}): Promise<BulkTimings> {
  const log = opts.log ?? (() => undefined);
  const cp = classpath(log);
  const work = mkdtempSync(join(tmpdir(), 'aig-import-'));
  try {
    const t0 = performance.now();
    // Centrality on the other core while this one writes the CSVs: computed after them, or beside the
    // importer, it had the critical path to itself or slowed the importer down (bench/README.md).
    const centrality = centralityInChild(d);
    let centralitySeconds = NaN;
    void centrality.result.then(() => (centralitySeconds = (performance.now() - t0) / 1000));
    let hash: string;
    let hashSeconds: number;
    let files: Awaited<ReturnType<typeof writeImportCsv>>;
    try {
      await centrality.sent;
      // The hash here, not beside the importer: there it slowed the importer's two threads by a third.
      hash = datasetHash(d);
      hashSeconds = (performance.now() - t0) / 1000;
      files = await writeImportCsv(d, work, centrality.result);
    } finally {
      centrality.stop();
    }
    const csvSeconds = (performance.now() - t0) / 1000;
    const conf = join(work, 'conf');
    mkdirSync(conf, { recursive: true });
    const args = [
      `-Xmx${opts.heap ?? '1g'}`, '-cp', cp, 'org.neo4j.cli.AdminTool', 'database', 'import', 'full',
      ...files.nodes.map((f) => `--nodes=${f}`),
      ...files.relationships.map((f) => `--relationships=${f}`),
      `--array-delimiter=${ARRAY_DELIMITER}`, `--multiline-fields=${files.multiline.length > 0}`, '--overwrite-destination=true',
      '--skip-bad-relationships=false', '--bad-tolerance=0', `--report-file=${join(work, 'import.report')}`, 'neo4j',
    ];
    const t1 = performance.now();
    const logFile = join(work, 'import.log');
    const fd = openSync(logFile, 'w');
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('java', args, { env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: conf }, stdio: ['ignore', fd, fd] });
      child.on('error', reject);
      child.on('exit', (c) => resolve(c));
    }).finally(() => closeSync(fd));
    const output = readFileSync(logFile, 'utf8').slice(-20_000);
    if (code !== 0) throw new Error(`neo4j-admin database import failed (exit ${code}): ${output.trim().split('\n').slice(-8).join(' | ')}`);
    const importSeconds = (performance.now() - t1) / 1000;
    const stages = importerStages(output);
    log(`bulk: CSV ${csvSeconds.toFixed(1)} s, import ${importSeconds.toFixed(1)} s (centrality in its own process ${centralitySeconds.toFixed(1)} s, hash ${hashSeconds.toFixed(1)} s) ${JSON.stringify(stages)}`);
    const counts = /Imported:\s+(\d+) nodes\s+(\d+) relationships/.exec(output);
    const imported = counts ? { nodes: Number(counts[1]), relationships: Number(counts[2]) } : null;
    return { csvSeconds, importSeconds, hashSeconds, centralitySeconds, stages, imported, output, after: [...emptyListStatements(files.emptyLists), markerStatement(d, hash)] };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
