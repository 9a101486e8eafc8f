// The explorer in a real browser against the real server and dataset: each test is one thing a
// user can see or do. Screenshots land in test-results/screenshots for a human to look at.
import { mkdirSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../app/start.js';
import { realDataset, testExecutor, withRealDataset } from '../support/db.js';
import { startTestServer } from '../support/server.js';
import { launchChromium } from '../support/chromium.js';

/** Every entity of the dataset: the counts the explorer must show follow the data. */
const ENTITIES = realDataset().entities.length;
const SHOTS = 'test-results/screenshots';
const db = testExecutor(60_000);
let server: RunningServer;
let browser: Browser;
let context: BrowserContext | null = null;

beforeAll(async () => {
  await build({ configFile: 'client/vite.config.ts', logLevel: 'warn' });
  await withRealDataset(db);
  server = await startTestServer();
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});

afterEach(async () => {
  await context?.close();
  context = null;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db.close();
});

async function open(path: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  context ??= await browser.newContext({ viewport, locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  // The client sets this once the graph is laid out and the URL state applied.
  await page.waitForSelector('body[data-ready=true]', { timeout: 45_000 });
  return page;
}

const nodeCount = (page: Page) => page.evaluate(() => (window as any).__cy.nodes().length as number);
const visibleCount = (page: Page) => page.evaluate(() => (window as any).__cy.nodes(':visible').length as number);

async function pick(page: Page, input: string, text: string, id: string): Promise<void> {
  await page.fill(input, text);
  const option = page.locator(`[role=option][data-id="${id}"]`);
  await option.first().waitFor();
  await option.first().click();
}

describe('the explorer', () => {
  it('opens on an overview of the most connected entities, with the whole graph one click away', async () => {
    const page = await open('/');
    expect(await nodeCount(page)).toBeGreaterThan(300);
    expect(await visibleCount(page)).toBeLessThan(70);
    expect(await page.locator('#cy canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#status-line').textContent()).toMatch(new RegExp(`most connected of ${ENTITIES} entities`));
    await page.screenshot({ path: `${SHOTS}/01-graph-1280.png` });
    await page.click('#show-all');
    await expect.poll(() => visibleCount(page)).toBe(ENTITIES);
    await expect.poll(() => page.locator('#status-line').textContent()).toMatch(new RegExp(`${ENTITIES} of ${ENTITIES} entities shown`));
    expect(new URL(page.url()).searchParams.get('view')).toBe('all');
  });

  it('searches in Chinese, picks NVIDIA and shows its details with the id in the URL', async () => {
    const page = await open('/');
    const box = page.getByRole('searchbox', { name: 'Search entities' });
    await box.fill('英伟达');
    await page.locator('[role=option][data-id="nvidia"]').click();
    await expect.poll(() => page.locator('#details-title').textContent()).toBe('NVIDIA');
    expect(new URL(page.url()).searchParams.get('id')).toBe('nvidia');
    expect(await page.evaluate(() => (window as any).__cy.getElementById('nvidia').selected())).toBe(true);
    await page.screenshot({ path: `${SHOTS}/02-nvidia-details.png` });
  });

  it('links evidence to the second of the YouTube video, in a new tab', async () => {
    const page = await open('/?id=nvidia');
    const link = page.locator('a.evidence-link').first();
    await link.waitFor({ state: 'attached' });
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=_1f-o0nqpEI&t=\d+s$/);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
  });

  it('expands a neighbourhood by double-clicking a node', async () => {
    const page = await open('/?id=nvidia&focus=1');
    const before = await nodeCount(page);
    expect(before).toBeLessThan(100);
    // Let the centring animation finish so the node stays under the pointer.
    await page.waitForFunction(() => !(window as any).__cy.animated());
    const target = await page.evaluate(() => {
      const cy = (window as any).__cy;
      const n = cy.getElementById('nvidia').neighborhood('node').sort((a: any, b: any) => a.id().localeCompare(b.id()))[0];
      const p = n.renderedPosition();
      return { id: n.id() as string, x: p.x as number, y: p.y as number };
    });
    const canvasBox = (await page.locator('#cy').boundingBox())!;
    await page.mouse.dblclick(canvasBox.x + target.x, canvasBox.y + target.y);
    await expect.poll(() => nodeCount(page), { timeout: 15_000 }).toBeGreaterThan(before);
    await page.screenshot({ path: `${SHOTS}/03-expanded.png` });
  });

  it('finds the shortest path between two entities and lists its steps', async () => {
    const page = await open('/?tab=path');
    await pick(page, '#path-from', 'DeepSeek', 'deepseek');
    await pick(page, '#path-to', 'ASML', 'asml');
    await page.click('#path-find');
    const steps = page.locator('.path-step');
    await steps.first().waitFor();
    expect(await steps.count()).toBeGreaterThan(0);
    expect(await steps.first().textContent()).toContain('DeepSeek');
    expect(await steps.last().textContent()).toContain('ASML');
    expect(new URL(page.url()).searchParams.get('path')).toBe('deepseek,asml');
    expect(await page.evaluate(() => (window as any).__cy.$('edge.path').length)).toBe(await steps.count());
    await page.screenshot({ path: `${SHOTS}/04-path.png` });
  });

  it('hides a kind when its filter is unchecked', async () => {
    const page = await open('/');
    const before = await visibleCount(page);
    await page.locator('input[name=kind][value=COMPANY]').uncheck();
    await expect.poll(() => visibleCount(page)).toBeLessThan(before);
    expect(await page.evaluate(() => (window as any).__cy.nodes('[kind = "COMPANY"]:visible').length)).toBe(0);
    expect(new URL(page.url()).searchParams.get('hide')).toBe('COMPANY');
  });

  it('switches the interface to Chinese and restores selection and language from a copied link', async () => {
    const page = await open('/?id=nvidia');
    await page.click('#lang-toggle');
    await expect.poll(() => page.locator('#tab-details').textContent()).toBe('详情');
    expect(await page.locator('#details-title').textContent()).toBe('英伟达');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.evaluate(() => (window as any).__cy.getElementById('nvidia').data('display'))).toBe('英伟达');
    await page.screenshot({ path: `${SHOTS}/05-chinese.png` });

    const copied = page.url();
    expect(new URL(copied).searchParams.get('lang')).toBe('zh');
    const again = await open(new URL(copied).pathname + new URL(copied).search);
    await expect.poll(() => again.locator('#details-title').textContent()).toBe('英伟达');
    expect(await again.locator('#lang-toggle').textContent()).toBe('English');
    expect(await again.evaluate(() => (window as any).__cy.getElementById('nvidia').selected())).toBe(true);
  });

  it('runs a read query in the Cypher console and refuses a write', async () => {
    const page = await open('/?tab=console');
    await page.click('#console-run');
    const rows = page.locator('#console-result table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/06-console.png` });

    await page.fill('#console-editor', "CREATE (n:Entity {id: 'e2e'}) RETURN n");
    await page.click('#console-run');
    const refusal = page.locator('#console-result .refusal');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('READ_ONLY');
  });

  it('shows the query behind the view, the Cypher the server ran for it, and a link to the GraphQL IDE', async () => {
    const page = await open('/?id=nvidia&tab=query');
    const link = page.locator('a.ide-link').first();
    await link.waitFor();
    expect(await link.getAttribute('href')).toMatch(/^\/graphql#query=/);
    expect(await page.locator('#panel-query pre').first().textContent()).toContain('graph(');
    // The Cypher is the server's own report of what it ran (extensions.cypher), not a copy in the client.
    const cypher = page.locator('#panel-query .query-cypher:not([aria-busy]) pre').first();
    await cypher.waitFor();
    expect(await cypher.textContent()).toMatch(/MATCH \(/);
  });

  it('compares a metric across entities as a bar chart', async () => {
    const page = await open('/?tab=compare&metric=gpu_count');
    await page.locator('#panel-compare svg.bars rect').first().waitFor();
    expect(await page.locator('#panel-compare svg.bars rect').count()).toBeGreaterThan(1);
    await page.screenshot({ path: `${SHOTS}/07-compare.png` });
  });

  it('explains an unknown id and still loads the graph', async () => {
    const page = await open('/?id=nope&hide=NOT_A_KIND');
    expect(await nodeCount(page)).toBeGreaterThan(300);
    const notices = page.locator('#notices .notice.error');
    await expect.poll(() => notices.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('“nope”'), expect.stringContaining('NOT_A_KIND')]),
    );
    expect(await page.locator('#panel-details').textContent()).toContain('nope');
    await page.screenshot({ path: `${SHOTS}/08-unknown-id.png` });
  });

  it('stacks the panels on a phone-sized screen', async () => {
    const page = await open('/?id=deepseek', { width: 390, height: 844 });
    const canvas = (await page.locator('.canvas-wrap').boundingBox())!;
    const side = (await page.locator('#side').boundingBox())!;
    expect(side.y).toBeGreaterThanOrEqual(canvas.y + canvas.height - 1);
    expect(side.width).toBeGreaterThan(350);
    await page.screenshot({ path: `${SHOTS}/09-mobile-390.png`, fullPage: false });
  });

  it('loads no GraphiQL code on the explorer page and serves its JS and CSS compressed', async () => {
    context ??= await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const assets: string[] = [];
    page.on('response', (r) => void (new URL(r.url()).pathname.startsWith('/assets/') && assets.push(new URL(r.url()).pathname)));
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready=true]', { timeout: 45_000 });
    expect(assets.filter((a) => /graphiql|codemirror/i.test(a))).toEqual([]);
    const sent: Record<string, { encoding: string | undefined; bytes: number; raw: number }> = {};
    for (const path of assets.filter((a) => /\.(js|css)$/.test(a))) {
      const get = (encoding: string) =>
        new Promise<{ encoding: string | undefined; bytes: number }>((done, fail) => {
          httpGet(`${server.url}${path}`, { headers: { 'accept-encoding': encoding } }, (res) => {
            let bytes = 0;
            res.on('data', (c: Buffer) => (bytes += c.length));
            res.on('end', () => done({ encoding: res.headers['content-encoding'], bytes }));
          }).on('error', fail);
        });
      const [packed, raw] = [await get('br, gzip'), await get('identity')];
      sent[path] = { ...packed, raw: raw.bytes };
    }
    const big = Object.values(sent).filter((s) => s.raw > 2048);
    expect(big.length).toBeGreaterThan(0);
    for (const s of big) {
      expect(['br', 'gzip']).toContain(s.encoding);
      expect(s.bytes).toBeLessThan(s.raw / 2);
    }
  });

  it('serves GraphiQL at /graphql to browsers', async () => {
    context ??= await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`${server.url}/graphql`);
    await page.locator('.graphiql-container').waitFor({ timeout: 30_000 });
    expect(await page.title()).toContain('GraphQL');
    await page.screenshot({ path: `${SHOTS}/10-graphiql.png` });
  });
});
