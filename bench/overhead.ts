// `npx tsx bench/overhead.ts [seconds]`: where an API request's time goes at c=1 on the real graph, layer by
// layer, in one run with the layers alternating round by round: the same HTTP client against a DB-free GET
// (express and its middleware), a DB-free GraphQL query (plus Apollo, graphql-armor, the context), and the
// benchmark's entity and shortestPath requests, beside their best Cypher through the raw driver. What the
// layers add explains the gap the API benchmark reports for small, fast requests (bench/README.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ROOT_DIR } from '../core/config.js';
import { readDataset } from '../seed/dataset.js';
import { loadDataset } from '../seed/load.js';
import { applySchema } from '../core/db/schema.js';
import { workload } from './api.js';
import { runApi, runBestSide, side, type RoundSamples } from './apiRunners.js';
import { floorDriver } from './floors.js';
import { loadAverage, machineInfo } from './lib/machine.js';
import { benchExecutor, startNeo4j } from './lib/neo4j.js';
import { startServerProcess } from './lib/serverProcess.js';
import { round } from './lib/stats.js';

const SECONDS = Number(process.argv[2] ?? 5);
const ROUNDS = 3;
const log = (m: string): void => console.log(m);

async function plain(url: string, init: { method: 'GET' | 'POST'; path: string; body?: string }): Promise<RoundSamples> {
  const latencies: number[] = [];
  const instance = autocannon({
    url: `${url}${init.path}`,
    connections: 1,
    duration: SECONDS,
    requests: [{ method: init.method, headers: { 'content-type': 'application/json', accept: 'application/json' }, body: init.body }],
  });
  instance.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
    if (status < 300) latencies.push(ms);
  });
  const r = await instance;
  const errors = r.errors + r.timeouts + r.non2xx;
  return { latencies, requests: latencies.length + errors, seconds: r.duration, errors, bytes: 0 };
}

const r = readDataset();
if (!r.ok) throw new Error('seed/data is invalid');
const dataset = r.dataset;
const loadStart = loadAverage();
const neo = await startNeo4j('512m', '128m', log);
const db = benchExecutor(neo);
await applySchema(db);
await loadDataset(db, dataset, { reset: true });
const server = await startServerProcess(neo.connection, { log });
const driver = floorDriver(neo.connection);
const ops = workload(dataset, false);
const entity = ops.find((o) => o.name === 'entity')!;
const path = ops.find((o) => o.name === 'shortestPath')!;

const layers: [string, () => Promise<RoundSamples>][] = [
  ['GET /api/vocabulary (express, no database)', () => plain(server.url, { method: 'GET', path: '/api/vocabulary' })],
  ['POST /graphql { __typename } (+ Apollo, armor, context)', () => plain(server.url, { method: 'POST', path: '/graphql', body: '{"query":"{ __typename }"}' })],
  ['POST /graphql entity', () => runApi(server.url, entity, 1, SECONDS)],
  ['best Cypher entity (driver)', () => runBestSide(driver, entity, dataset.vocabulary, 1, SECONDS)],
  ['POST /graphql shortestPath', () => runApi(server.url, path, 1, SECONDS)],
  ['best Cypher shortestPath (driver)', () => runBestSide(driver, path, dataset.vocabulary, 1, SECONDS)],
];
try {
  // Warm-up: every layer once, uncounted.
  for (const [, run] of layers) await run();
  const samples = layers.map((): RoundSamples[] => []);
  for (let round_ = 0; round_ < ROUNDS; round_++) {
    const order = layers.map((_, i) => i);
    if (round_ % 2) order.reverse();
    for (const i of order) samples[i]!.push(await layers[i]![1]());
  }
  const rows = layers.map(([name], i) => ({ layer: name, ...side(samples[i]!) }));
  for (const row of rows) log(`${row.layer.padEnd(58)} p50 ${row.p50} ms  p90 ${row.p90} ms  ${row.requestsPerSecond} req/s  errors ${row.errors}`);
  const out = { date: new Date().toISOString(), machine: machineInfo(), loadAverageAtStart: loadStart, loadAverageAtEnd: loadAverage(), seconds: SECONDS, rounds: ROUNDS, rows };
  const dir = join(ROOT_DIR, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${out.date.slice(0, 10)}-overhead.json`);
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  log(`wrote ${file} (load average ${out.loadAverageAtStart} → ${out.loadAverageAtEnd}; ${round(SECONDS * ROUNDS * layers.length / 60, 1)} min measured)`);
} finally {
  await driver.close();
  await server.stop();
  await db.close();
  await neo.stop();
}
