// Client benchmark: headless Chromium opens the explorer and measures the time from navigation to
// `document.body.dataset.ready === 'true'` (set by client/src/main.ts once the graph is fetched, laid
// out and the URL state applied), then the first frame after it and the cost of a frame while zooming.
// A harness page (bench/harness) does the same on one Cytoscape instance with the canvas or the WebGL renderer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { ROOT_DIR } from '../core/config.js';
import { median, round } from './lib/stats.js';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Builds the explorer and the harness into a temporary directory: a rebuild of dist/ by anyone else
 * cannot change what is measured, and no bundle lands in the tree for the linter to trip over.
 */
export async function buildClient(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'aig-bench-client-'));
  await build({ configFile: join(ROOT_DIR, 'client', 'vite.config.ts'), logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  await build({
    configFile: false,
    root: join(ROOT_DIR, 'bench', 'harness'),
    base: '/bench-harness/',
    logLevel: 'warn',
    publicDir: false,
    build: { outDir: join(dir, 'bench-harness'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface ExplorerRun {
  readyMs: number;
  firstFrameAfterReadyMs: number;
  /** The page's scripts had run this far: the first GraphQL request left. */
  firstRequestMs: number;
  /** Each GraphQL request before ready: start, end, time to first byte (the server's share), size. */
  requests?: { startMs: number; endMs: number; waitMs: number; kB: number }[];
  /** When the last GraphQL response before "ready" had arrived: the rest is the browser's work. */
  dataMs: number;
  nodes: number;
  edges: number;
  zoomFrameMs: number;
  jsHeapMiB: number;
}

// Runs in the page before its scripts: timestamps the moment the client marks itself ready.
const READY_PROBE = `
new MutationObserver(() => {
  if (document.body && document.body.dataset.ready === 'true' && window.__readyAt === undefined) {
    window.__readyAt = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__frameAt = performance.now(); }));
  }
}).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });`;

// Runs in the page once it is ready. A string, not a function: tsx would wrap inner functions in a
// `__name` helper that does not exist in the page.
const MEASURE_AFTER_READY = `(async () => {
  const cy = window.__cy;
  const readyAt = window.__readyAt;
  const gql = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/graphql') && e.responseEnd <= readyAt);
  const steps = 10;
  const base = cy.zoom();
  const centre = { x: cy.width() / 2, y: cy.height() / 2 };
  const t0 = performance.now();
  for (let i = 0; i < steps; i++) {
    cy.zoom({ level: base * (1 + 0.8 * Math.sin((Math.PI * i) / steps)), renderedPosition: centre });
    await new Promise((r) => requestAnimationFrame(r));
  }
  return {
    readyMs: readyAt,
    firstFrameAfterReadyMs: window.__frameAt - readyAt,
    firstRequestMs: Math.min(...gql.map((e) => e.startTime)),
    dataMs: Math.max(0, ...gql.map((e) => e.responseEnd)),
    requests: gql.map((e) => ({ startMs: Math.round(e.startTime), endMs: Math.round(e.responseEnd), waitMs: Math.round(e.responseStart - e.requestStart), kB: Math.round(e.encodedBodySize / 1024) })),
    nodes: cy.nodes().length,
    edges: cy.edges().length,
    zoomFrameMs: (performance.now() - t0) / steps,
    jsHeapMiB: ((performance.memory && performance.memory.usedJSHeapSize) || 0) / 1024 / 1024,
  };
})()`;

export async function measureExplorer(browser: Browser, url: string, timeoutMs: number): Promise<ExplorerRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.addInitScript(READY_PROBE);
    await page.goto(`${url}/`, { timeout: timeoutMs });
    await page.waitForFunction(() => (window as any).__frameAt !== undefined, undefined, { timeout: timeoutMs, polling: 100 });
    return (await page.evaluate(MEASURE_AFTER_READY)) as ExplorerRun;
  } finally {
    await context.close();
  }
}

export interface HarnessRun {
  renderer: 'canvas' | 'webgl';
  layout: string;
  nodes: number;
  edges: number;
  fetchMs: number;
  addMs: number;
  layoutMs: number;
  firstDrawMs: number;
  readyMs: number;
  frameMs: number;
  error?: string;
}

export async function measureHarness(browser: Browser, url: string, renderer: 'canvas' | 'webgl', limit: number, layout: string, timeoutMs: number): Promise<HarnessRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/bench-harness/index.html?renderer=${renderer}&limit=${limit}&layout=${layout}`, { timeout: timeoutMs });
    await page.waitForFunction(() => (window as any).__bench !== undefined, undefined, { timeout: timeoutMs, polling: 200 });
    return (await page.evaluate('window.__bench')) as HarnessRun;
  } finally {
    await context.close();
  }
}

export interface ClientGraphResult {
  graph: string;
  entities: number;
  relationships: number;
  explorer: { runs: ExplorerRun[]; readyMsMedian: number; interactiveMsMedian: number; error?: string };
  harness: HarnessRun[];
}

export async function benchClientGraph(
  browser: Browser,
  url: string,
  graph: string,
  counts: { entities: number; relationships: number },
  opts: { repeats: number; timeoutMs: number; harnessTimeoutMs: number; harness: { limit: number; runs: { renderer: 'canvas' | 'webgl'; layout: string }[] }; log: (m: string) => void },
): Promise<ClientGraphResult> {
  const runs: ExplorerRun[] = [];
  let error: string | undefined;
  // One navigation first, not counted: a freshly started server and Neo4j answer their first requests
  // several times slower (the JIT compiles as it goes; measured: 1.45 s to first byte cold, ~0.3 s
  // warm), and the API part warms both of its sides the same way.
  await measureExplorer(browser, url, opts.timeoutMs).catch(() => undefined);
  for (let i = 0; i < opts.repeats; i++) {
    try {
      const r = await measureExplorer(browser, url, opts.timeoutMs);
      const rounded = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? round(v, 1) : v])) as unknown as ExplorerRun;
      runs.push(rounded);
      opts.log(`  client ${graph} #${i + 1}: ready ${rounded.readyMs} ms (first request ${rounded.firstRequestMs} ms, data ${rounded.dataMs} ms), ${rounded.nodes} nodes / ${rounded.edges} edges, frame ${rounded.zoomFrameMs} ms, heap ${rounded.jsHeapMiB} MiB`);
    } catch (err) {
      error = `not ready within ${opts.timeoutMs / 1000}s: ${(err as Error).message.split('\n')[0]}`;
      opts.log(`  client ${graph}: ${error}`);
      break;
    }
  }
  const harness: HarnessRun[] = [];
  for (const { renderer, layout } of opts.harness.runs) {
    try {
      const h = await measureHarness(browser, url, renderer, opts.harness.limit, layout, opts.harnessTimeoutMs);
      const rounded = Object.fromEntries(Object.entries(h).map(([k, v]) => [k, typeof v === 'number' ? round(v, 1) : v])) as unknown as HarnessRun;
      harness.push(rounded);
      opts.log(`  harness ${graph} ${renderer}/${layout}: ${rounded.nodes} nodes, layout ${rounded.layoutMs} ms, first draw ${rounded.firstDrawMs} ms, ready ${rounded.readyMs} ms, frame ${rounded.frameMs} ms`);
    } catch (err) {
      const error = (err as Error).message.split('\n')[0]!;
      harness.push({ renderer, layout, error } as HarnessRun);
      opts.log(`  harness ${graph} ${renderer}/${layout}: ${error}`);
    }
  }
  return {
    graph,
    ...counts,
    explorer: {
      runs,
      readyMsMedian: round(median(runs.map((r) => r.readyMs)), 0),
      interactiveMsMedian: round(median(runs.map((r) => r.readyMs + r.firstFrameAfterReadyMs)), 0),
      ...(error ? { error } : {}),
    },
    harness,
  };
}

