// `npm run bench [-- load api client memory] [--quick] [--name NAME] [--readme] [--no-big]`
// Runs the benchmarks of issue 7 on the benchmark's own throwaway Neo4j instances and writes
// bench/results/<name>.json; a full run of every part also rewrites the summary in bench/README.md.
// Not part of `npm test`: a full run takes about 40 minutes on a 2-core machine.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Executor } from '../core/db/executor.js';
import { applySchema } from '../core/db/schema.js';
import { ROOT_DIR } from '../core/config.js';
import { benchApi, type ApiScaleResult, type OpName } from './api.js';
import { BULK_ROW, type BulkRow } from './bulk.js';
import { benchClientGraph, buildClient, launchChromium } from './client.js';
import { benchLoadScale } from './load.js';
import { loadAverage, machineInfo } from './lib/machine.js';
import { benchExecutor, neo4jMemory, startNeo4j, type BenchNeo4j } from './lib/neo4j.js';
import { startServerProcess } from './lib/serverProcess.js';
import { round } from './lib/stats.js';
import { parseArgs, PARTS } from './args.js';
import { dataset, install } from './datasets.js';
import { evaluateTargets, summaryMarkdown, writeSummary, type BenchResult } from './report.js';

const args = parseArgs(process.argv.slice(2));

// Re-reporting a stored run (after a change to the report, or to look at an old one) measures nothing.
if (args.from) {
  const stored = JSON.parse(readFileSync(args.from, 'utf8')) as BenchResult;
  stored.targets = evaluateTargets(stored);
  const md = summaryMarkdown(stored);
  console.log(md);
  if (args.readme) writeSummary(join(ROOT_DIR, 'bench', 'README.md'), md);
  process.exit(0);
}
const t0 = performance.now();
const log = (m: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(5)}s] ${m}`);

const Q = args.quick;
const settings = {
  heap: process.env.NEO4J_HEAP || '512m',
  pageCache: process.env.NEO4J_PAGECACHE || '128m',
  bigHeaps: (process.env.BENCH_BIG_HEAPS ?? '').split(',').map((h) => h.trim()).filter(Boolean),
  bigPageCache: process.env.BENCH_BIG_PAGECACHE || '1g',
  load: { realRepeats: Q ? 1 : 3, naiveSample: Q ? 150 : 1000, naiveBudgetMs: Q ? 8_000 : 30_000, big: args.big },
  api: {
    concurrencies: [1, 32],
    rounds: Number(process.env.BENCH_ROUNDS) || (Q ? 1 : 3),
    roundSeconds: Number(process.env.BENCH_ROUND_SECONDS) || (Q ? 3 : 5),
    warmupSeconds: Q ? 2 : 4,
    scales: process.env.BENCH_API_SCALES?.split(',') ?? (Q ? ['real'] : ['real', '10k/50k']),
    // BENCH_OPS=entity,graph: only some operations (one at a time keeps a shared machine usable).
    ops: (process.env.BENCH_OPS?.split(',').filter(Boolean) ?? []) as OpName[],
  },
  client: { graphs: process.env.BENCH_CLIENT_GRAPHS?.split(',') ?? (Q ? ['real', '2k'] : ['real', '2k', '10k']), repeats: Q ? 1 : 3, timeoutMs: Q ? 120_000 : 300_000, harnessTimeoutMs: Q ? 90_000 : 150_000 },
};

const result: BenchResult = {
  name: args.name ?? `${new Date().toISOString().slice(0, 10)}-${Q ? 'quick' : 'full'}${args.parts.length < PARTS.length ? `-${args.parts.join('-')}` : ''}`,
  quick: Q,
  parts: args.parts,
  machine: machineInfo(),
  settings,
  errors: [],
};

async function part(name: string, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    const message = (err as Error).stack?.split('\n').slice(0, 3).join(' ') ?? String(err);
    log(`${name} FAILED: ${message}`);
    result.errors.push({ part: name, message });
  }
}

async function withNeo4j<T>(heap: string, pageCache: string, fn: (neo: BenchNeo4j, db: Executor, monitor: Executor) => Promise<T>): Promise<T> {
  const neo = await startNeo4j(heap, pageCache, log);
  const db = benchExecutor(neo);
  const monitor = benchExecutor(neo, 15_000);
  try {
    await applySchema(db);
    return await fn(neo, db, monitor);
  } finally {
    await db.close();
    await monitor.close();
    await neo.stop();
    log(`neo4j (${heap}) stopped`);
  }
}

log(`bench ${result.name}: parts ${args.parts.join(', ')}${Q ? ' (quick)' : ''}; ${result.machine.cores} cores, load average ${result.machine.loadAverage1mAtStart}`);

// 1. Optional (BENCH_BIG_HEAPS=2g,4g): the 100k/500k load again on Neo4j with larger heaps, each alone,
// to see whether more memory changes the rate of a load that commits batch by batch.
if (args.parts.includes('load') && settings.load.big) {
  let naiveDone = false;
  for (const heap of settings.bigHeaps) {
    await part(`load 100k/500k (heap ${heap})`, () =>
      withNeo4j(heap, settings.bigPageCache, async (neo, db, monitor) => {
        const d = dataset('100k/500k');
        log(`load 100k/500k on heap ${neo.heap}, page cache ${neo.pageCache}`);
        const r = await benchLoadScale(neo, db, monitor, '100k/500k', d, {
          repeats: 1,
          reload: false,
          naiveSample: naiveDone ? 0 : settings.load.naiveSample,
          naiveBudgetMs: settings.load.naiveBudgetMs,
          log,
        });
        naiveDone ||= r.naive !== undefined;
        result.load = [...(result.load ?? []), r];
        log(`neo4j after 100k on ${heap}: ${JSON.stringify(await neo4jMemory(monitor, neo))}`);
      }),
    );
  }
}

// 2. Everything else on one Neo4j with the shipped defaults (NEO4J_HEAP=512m, NEO4J_PAGECACHE=128m).
{
  await withNeo4j(settings.heap, settings.pageCache, async (neo, db, monitor) => {
    if (args.parts.includes('load')) {
      await part('load', async () => {
        const scales: [string, number][] = [['real', settings.load.realRepeats], ['10k/50k', 1]];
        for (const [scale, repeats] of scales) {
          log(`load ${scale}`);
          const r = await benchLoadScale(neo, db, monitor, scale, dataset(scale), {
            repeats,
            reload: scale === 'real',
            naiveSample: settings.load.naiveSample,
            naiveBudgetMs: settings.load.naiveBudgetMs,
            log,
          });
          result.load = [...(result.load ?? []), r];
        }
        if (settings.load.big) {
          // Above seed/load.ts's single-transaction threshold the loader commits batch by batch, so the
          // shipped 512 MB heap must be enough.
          log('load 100k/500k on the default heap');
          const r = await benchLoadScale(neo, db, monitor, '100k/500k', dataset('100k/500k'), {
            repeats: 1,
            reload: false,
            naiveSample: settings.load.naiveSample,
            naiveBudgetMs: settings.load.naiveBudgetMs,
            log,
          });
          result.load = [...(result.load ?? []), r];
          await db.verify().catch(() => {
            throw new Error('Neo4j died during the 100k load on the default heap; later parts cannot run on it');
          });
        }
      });
    }

    const apiRuns: ApiScaleResult[] = [];
    const wantsApi = args.parts.includes('api') || args.parts.includes('memory');
    if (wantsApi) {
      await part('api', async () => {
        const scales = args.parts.includes('api') ? settings.api.scales : ['real'];
        for (const scale of scales) {
          log(`api ${scale}: installing the dataset`);
          // Served like a store seeded with this graph: its marker kept, so the answer caches apply as for the
          // real one (the API's computed side sends Cache-Control: no-cache to measure the path without them).
          const d = await install(neo, db, scale, { keepMarker: true });
          const server = await startServerProcess(neo.connection, { log, ...(scale === 'real' ? {} : { dataset: scale }) });
          try {
            const before = await neo4jMemory(monitor, neo);
            const start = performance.now();
            const r = await benchApi(scale, d, scale !== 'real', db, monitor, neo.connection, neo, server, { ...settings.api, log });
            const seconds = (performance.now() - start) / 1000;
            const after = await neo4jMemory(monitor, neo);
            apiRuns.push(r);
            const errors = r.results.reduce((s, x) => s + x.api.errors, 0);
            const mem = { ...after, peakHeapDuringApiMiB: r.neo4jPeakHeapMiB, apiErrors: errors, gcShareOfApiTime: round((after.gcSeconds - before.gcSeconds) / seconds, 4) };
            result.memory ??= { serverRssPeakMiB: 0, serverRssMedianUnderLoadMiB: 0, serverRssIdleMiB: 0, neo4jReal: null, neo4jSynthetic: null };
            if (scale === 'real') result.memory.neo4jReal = mem;
            else result.memory.neo4jSynthetic = mem;
            log(`neo4j after api ${scale}: ${JSON.stringify(mem)}`);
          } finally {
            await server.stop();
          }
        }
        if (args.parts.includes('api')) result.api = apiRuns;
        if (result.memory && apiRuns.length) {
          result.memory.serverRssPeakMiB = Math.max(...apiRuns.map((a) => a.serverRssPeakMiB));
          result.memory.serverRssMedianUnderLoadMiB = Math.max(...apiRuns.map((a) => a.serverRssMedianUnderLoadMiB));
          result.memory.serverRssIdleMiB = Math.max(...apiRuns.map((a) => a.serverRssIdleMiB));
        }
        if (!args.parts.includes('memory')) delete result.memory;
      });
    }

    if (args.parts.includes('client')) {
      await part('client', async () => {
        log('client: building the explorer and the harness');
        const built = await buildClient();
        const browser = await launchChromium();
        result.machine.chromium = `Chromium ${browser.version()}`;
        try {
          for (const graph of settings.client.graphs) {
            // What a visitor of a store seeded with this graph meets: its answers cached like the real one's.
            const d = await install(neo, db, graph, { keepMarker: true });
            const server = await startServerProcess(neo.connection, { clientDir: built.dir, log, dataset: graph });
            try {
              // fcose on thousands of nodes takes minutes here: the harness runs each combination once, the
              // renderer comparison at 2k uses the spectral (draft) layout so it measures drawing, and the
              // software WebGL (SwiftShader) is too slow to try at 10k.
              const runs: { renderer: 'canvas' | 'webgl'; layout: string }[] =
                graph === 'real'
                  ? [
                      { renderer: 'canvas', layout: 'fcose' },
                      { renderer: 'webgl', layout: 'fcose' },
                      { renderer: 'canvas', layout: 'fcose-draft' },
                      { renderer: 'canvas', layout: 'grid' },
                      { renderer: 'canvas', layout: 'preset' },
                    ]
                  : graph === '2k'
                    ? [
                        { renderer: 'canvas', layout: 'fcose-300' },
                        { renderer: 'canvas', layout: 'fcose-draft' },
                        { renderer: 'webgl', layout: 'fcose-draft' },
                        { renderer: 'canvas', layout: 'fcose-draft-quiet' },
                        { renderer: 'canvas', layout: 'preset-quiet' },
                      ]
                    : [{ renderer: 'canvas', layout: 'fcose-draft' }, { renderer: 'canvas', layout: 'fcose-draft-quiet' }];
              const r = await benchClientGraph(browser, server.url, graph, { entities: d.entities.length, relationships: d.relationships.length }, {
                repeats: graph === '10k' ? 1 : settings.client.repeats,
                timeoutMs: settings.client.timeoutMs,
                harnessTimeoutMs: settings.client.harnessTimeoutMs,
                harness: { limit: 20_000, runs },
                log,
              });
              result.client = [...(result.client ?? []), r];
            } finally {
              await server.stop();
            }
          }
        } finally {
          await browser.close();
          built.remove();
        }
      });
    }
  });
}

// 3. The bulk path at 100k/500k, last and alone: the importer's threads need the machine to themselves.
if (args.parts.includes('load') && settings.load.big)
  await part('bulk 100k/500k', async () => {
    log('bulk 100k/500k: CSVs, the offline importer, the runner on the new store');
    // In a process of its own, as on a first `npm start`: this one holds every synthetic graph of the run by now,
    // and its garbage collection slowed the CSV stage and the hash twofold (61.5 s instead of ~45 s end to end).
    const out = execFileSync(join(ROOT_DIR, 'node_modules', '.bin', 'tsx'), [join(ROOT_DIR, 'bench', 'bulk.ts'), '100k', '--row-only'], {
      cwd: ROOT_DIR,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 16 * 1024 * 1024,
    });
    const row = out.split('\n').find((l) => l.startsWith(BULK_ROW));
    if (!row) throw new Error('bench/bulk.ts printed no result row');
    result.bulk = [JSON.parse(row.slice(BULK_ROW.length)) as BulkRow];
  });

result.machine.loadAverage1mAtEnd = loadAverage();
result.machine.durationMinutes = round((performance.now() - t0) / 60_000, 1);
result.targets = evaluateTargets(result);
const dir = join(ROOT_DIR, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${result.name}.json`);
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
const md = summaryMarkdown(result);
console.log(`\n${md}\n`);
log(`wrote ${file}`);
if (args.readme) {
  writeSummary(join(ROOT_DIR, 'bench', 'README.md'), md);
  log('updated the summary in bench/README.md');
}
