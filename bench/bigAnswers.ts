// `npx tsx bench/bigAnswers.ts [atOnce,...]`: the server's memory while 32 clients at once ask for the
// whole graph of the 10k/50k store (5,000 nodes, ~5 MB of JSON each) with `Cache-Control: no-cache`, so
// every answer is resolved and sent, 3 waves of 32. One server per GRAPHQL_BIG_ANSWERS_AT_ONCE value
// (default: 1000 = no gate in effect, and the shipped 2), side by side on the same store.
// Writes bench/results/<date>-big-answers.json.
import { writeFileSync } from 'node:fs';
import { applySchema } from '../core/db/schema.js';
import { GRAPH_NO_POSITIONS } from './api.js';
import { install } from './datasets.js';
import { benchExecutor, startNeo4j } from './lib/neo4j.js';
import { startServerProcess } from './lib/serverProcess.js';
import { loadAverage } from './lib/machine.js';
import { datedResultFile } from './lib/results.js';
import { mib, round, sleep, summarize } from './lib/stats.js';

const sides = (process.argv[2] ?? '1000,2').split(',');
const WAVES = 3;
const CLIENTS = 32;
const neo = await startNeo4j('512m', '128m', console.log);
const db = benchExecutor(neo);
const rows: Record<string, unknown>[] = [];
try {
  await applySchema(db);
  await install(neo, db, '10k/50k', { keepMarker: true });
  for (const atOnce of sides) {
    const server = await startServerProcess(neo.connection, { dataset: '10k/50k', env: { GRAPHQL_BIG_ANSWERS_AT_ONCE: atOnce } });
    try {
      const body = JSON.stringify({ query: GRAPH_NO_POSITIONS, variables: {} });
      const ask = async () => {
        const t = performance.now();
        const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'cache-control': 'no-cache' }, body });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
        return performance.now() - t;
      };
      await sleep(1500);
      const idle = server.memory().at(-1)!;
      await ask();
      const from = server.memory().length;
      const t0 = performance.now();
      const times: number[] = [];
      for (let w = 0; w < WAVES; w++) times.push(...(await Promise.all(Array.from({ length: CLIENTS }, ask))));
      const wall = (performance.now() - t0) / 1000;
      await sleep(1000);
      const during = server.memory().slice(from);
      const peak = (k: keyof NodeJS.MemoryUsage) => mib(Math.max(...during.map((m) => m[k])));
      const t = summarize(times);
      const row = {
        atOnce: Number(atOnce),
        idleRssMiB: mib(idle.rss),
        peakRssMiB: peak('rss'),
        peakHeapUsedMiB: peak('heapUsed'),
        peakArrayBuffersMiB: peak('arrayBuffers'),
        p50Ms: round(t.p50, 0),
        maxMs: round(t.max, 0),
        wallSeconds: round(wall, 1),
        answers: t.n,
        loadAverage: loadAverage(),
      };
      console.log(JSON.stringify(row));
      rows.push(row);
    } finally {
      await server.stop();
    }
  }
} finally {
  await db.close();
  await neo.stop();
}
const file = datedResultFile('big-answers');
writeFileSync(file, `${JSON.stringify({ clients: CLIENTS, waves: WAVES, graph: '10k/50k whole graph, no-cache', rows }, null, 2)}\n`);
console.log(`wrote ${file}`);
