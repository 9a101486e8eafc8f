// "The explorer a person can read", measured in Chromium against the real server and dataset: what
// the first view draws (overlaps, readable labels), where clicks land, what a selection fades, the time
// controls, the Chinese details panel and the phone layout. The numbers go to
// test-results/legibility.json; SAVE_DOC_SCREENSHOTS=1 also refreshes docs/screenshots/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start.js';
import { testExecutor, withRealDataset } from '../support/db.js';
import { startTestServer } from '../support/server.js';
import { biggestVisible, measureView, renderedCentre, scriptShare, settled } from './measure.js';

const SHOTS = 'test-results/screenshots';
const DOC_SHOTS = process.env.SAVE_DOC_SCREENSHOTS === '1' ? 'docs/screenshots' : null;
const measured: Record<string, unknown> = {};
const db = testExecutor(60_000);
let server: RunningServer;
let browser: Browser;
let context: BrowserContext | null = null;

beforeAll(async () => {
  await build({ configFile: 'client/vite.config.ts', logLevel: 'warn' });
  await withRealDataset(db);
  server = await startTestServer();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SHOTS, { recursive: true });
  if (DOC_SHOTS) mkdirSync(DOC_SHOTS, { recursive: true });
});

afterEach(async () => {
  await context?.close();
  context = null;
});

afterAll(async () => {
  writeFileSync('test-results/legibility.json', `${JSON.stringify(measured, null, 2)}\n`);
  console.log(JSON.stringify(measured, null, 2));
  await browser?.close();
  await server?.close();
  await db.close();
});

async function open(path: string, viewport = { width: 1280, height: 800 }, touch = false): Promise<Page> {
  context ??= await browser.newContext({ viewport, locale: 'en-US', hasTouch: touch, isMobile: touch });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('body[data-ready=true]', { timeout: 45_000 });
  await settled(page);
  return page;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  if (DOC_SHOTS) await page.screenshot({ path: `${DOC_SHOTS}/${name}.png` });
}

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
const waitForId = (page: Page, id: string | null) =>
  page.waitForFunction((id) => new URL(location.href).searchParams.get('id') === id, id, { timeout: 8000 }).then(
    () => true,
    () => false,
  );

describe('the first view', () => {
  const views = [
    { name: 'en-1280x800', path: '/', viewport: { width: 1280, height: 800 } },
    { name: 'zh-1280x800', path: '/?lang=zh', viewport: { width: 1280, height: 800 } },
    { name: 'en-1920x1080', path: '/', viewport: { width: 1920, height: 1080 } },
    { name: 'zh-1920x1080', path: '/?lang=zh', viewport: { width: 1920, height: 1080 } },
  ];
  for (const v of views) {
    it(`draws no two nodes and no two labels over each other, with at least 25 readable labels (${v.name})`, async () => {
      const page = await open(v.path, v.viewport);
      const m = await measureView(page);
      measured[`firstView ${v.name}`] = m;
      if (v.viewport.width === 1280) await shot(page, `first-view-${v.name}`);
      expect(m.examples).toEqual([]);
      expect(m.nodePairs).toBe(0);
      expect(m.labelPairs).toBe(0);
      expect(m.labelOverNode).toBe(0);
      expect(m.readable).toBeGreaterThanOrEqual(25);
    });
  }

  it('selects the node drawn under the pointer: a click on each of the 12 biggest visible nodes', async () => {
    const page = await open('/');
    const targets = await biggestVisible(page, 12);
    const box = (await page.locator('#cy').boundingBox())!;
    const misses: string[] = [];
    for (const id of targets) {
      await settled(page);
      const p = await renderedCentre(page, id);
      if (!p.inside) {
        misses.push(`${id}: off screen`);
        continue;
      }
      await page.mouse.click(box.x + p.x, box.y + p.y);
      const hit = await waitForId(page, id);
      const selected = await page.evaluate(() => (window as any).__cy.nodes(':selected').map((n: any) => n.id()));
      if (!hit || selected.join() !== id) misses.push(`${id}: selected ${selected.join() || 'nothing'}, ?id=${param(page, 'id')}`);
    }
    measured.clicks = { targets, hits: targets.length - misses.length, misses };
    expect(targets).toHaveLength(12);
    expect(misses).toEqual([]);
  });

  it('shows name, kind and degree on hover', async () => {
    const page = await open('/');
    const box = (await page.locator('#cy').boundingBox())!;
    const p = await renderedCentre(page, 'nvidia');
    await page.mouse.move(box.x + p.x, box.y + p.y);
    const tip = page.locator('.tooltip');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.textContent()).toMatch(/^NVIDIA.*Company.*\d+ relationships$/);
  });
});

describe('selection', () => {
  it('fades at least 90% of the non-neighbours and keeps the entity in view', async () => {
    const page = await open('/');
    const box = (await page.locator('#cy').boundingBox())!;
    const p = await renderedCentre(page, 'deepseek');
    await page.mouse.click(box.x + p.x, box.y + p.y);
    expect(await waitForId(page, 'deepseek')).toBe(true);
    await settled(page);
    const r = await page.evaluate(() => {
      const cy = (window as any).__cy;
      const n = cy.getElementById('deepseek');
      const others = cy.nodes(':visible').not(n.closedNeighborhood());
      const q = n.renderedPosition();
      return { faded: others.filter('.faded').length, nonNeighbours: others.length, neighboursFaded: n.neighborhood('node.faded').length, inView: q.x > 0 && q.y > 0 && q.x < cy.width() && q.y < cy.height() };
    });
    measured.fade = { ...r, share: r.faded / r.nonNeighbours };
    expect(r.nonNeighbours).toBeGreaterThan(0);
    expect(r.faded / r.nonNeighbours).toBeGreaterThanOrEqual(0.9);
    expect(r.neighboursFaded).toBe(0);
    expect(r.inView).toBe(true);
  });

  it('brings a selected relationship into view', async () => {
    const page = await open('/?id=nvidia&view=all');
    // Look somewhere else first: the relationship's ends are off screen.
    await page.evaluate(() => {
      (window as any).__cy.viewport({ zoom: 2, pan: { x: 5000, y: 5000 } });
    });
    await page.locator('#panel-details ul.rels button.link.small').first().click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('rel') !== null);
    await page.waitForTimeout(100);
    await settled(page);
    const ends = await page.evaluate(() => {
      const cy = (window as any).__cy;
      const e = cy.getElementById(new URL(location.href).searchParams.get('rel'));
      return e.connectedNodes().map((n: any) => {
        const p = n.renderedPosition();
        return { id: n.id(), inside: p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height() };
      });
    });
    measured.relationshipInView = ends;
    expect(ends).toHaveLength(2);
    expect(ends.every((e: { inside: boolean }) => e.inside)).toBe(true);
  });

  it('puts each selection in the history: Back returns to the previous one, and focus keeps its centre', async () => {
    const page = await open('/?focus=nvidia&id=nvidia');
    const neighbour = await page.evaluate(() => (window as any).__cy.getElementById('nvidia').neighborhood('node').sort((a: any, b: any) => a.id().localeCompare(b.id()))[0].id());
    const box = (await page.locator('#cy').boundingBox())!;
    const p = await renderedCentre(page, neighbour);
    await page.mouse.click(box.x + p.x, box.y + p.y);
    expect(await waitForId(page, neighbour)).toBe(true);
    expect(param(page, 'focus')).toBe('nvidia');
    await page.goBack();
    expect(await waitForId(page, 'nvidia')).toBe(true);
    await expect.poll(() => page.locator('#details-title').textContent()).toBe('NVIDIA');
    expect(param(page, 'focus')).toBe('nvidia');
  });
});

describe('what joins the view', () => {
  it('places expanded neighbours in free space: still no overlapping nodes or labels', async () => {
    const page = await open('/?id=stargate');
    const before = await page.evaluate(() => (window as any).__cy.nodes(':visible').length);
    await page.click('#expand');
    await expect.poll(() => page.evaluate(() => (window as any).__cy.nodes(':visible').length)).toBeGreaterThan(before);
    await settled(page);
    const m = await measureView(page);
    const after = await page.evaluate(() => (window as any).__cy.nodes(':visible').length);
    measured.expand = { before, after, ...m };
    expect(m.examples).toEqual([]);
    await page.click('#collapse');
    await expect.poll(() => page.evaluate(() => (window as any).__cy.nodes(':visible').length)).toBe(before);
  });

  it('counts entities only, so console results never make "404 of 403"', async () => {
    const page = await open('/?tab=console');
    await page.selectOption('#console-examples', { index: 2 });
    await page.click('#console-run');
    await page.locator('#console-result table').waitFor();
    const status = (await page.locator('#status-line').textContent())!;
    const [shown, total] = status.match(/\d+/g)!.map(Number);
    const legend = await page.locator('#legend .count').evaluateAll((els) => els.reduce((s, e) => s + Number(e.textContent), 0));
    measured.console = { status, legend };
    expect(shown).toBeLessThanOrEqual(total!);
    expect(legend).toBe(total);
  });
});

describe('links', () => {
  it('keep the view: whole graph, zoom and pan (rounded) come back from the URL, and moving writes them', async () => {
    const page = await open('/?view=all&zoom=1.25&pan=-120,340');
    const v = await page.evaluate(() => {
      const cy = (window as any).__cy;
      return { zoom: cy.zoom(), pan: cy.pan(), visible: cy.nodes(':visible').length };
    });
    expect(v).toEqual({ zoom: 1.25, pan: { x: -120, y: 340 }, visible: 403 });
    await page.evaluate(() => {
      (window as any).__cy.viewport({ zoom: 0.8123, pan: { x: 10.4, y: 20.6 } });
    });
    await expect.poll(() => `${param(page, 'zoom')} ${param(page, 'pan')}`).toBe('0.81 10,21');
  });
});

describe('time controls', () => {
  it('replays to the whole episode again, plays, and leaves no stuck value in the URL', async () => {
    const page = await open('/?t=600');
    const early = await page.evaluate(() => (window as any).__cy.nodes('[?isEntity]:visible').length);
    await page.locator('#replay').evaluate((el: HTMLInputElement) => {
      el.value = el.max;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect.poll(() => page.locator('#replay-value').textContent()).toBe('whole episode');
    expect(param(page, 't')).toBeNull();
    const end = await page.evaluate(() => (window as any).__cy.nodes('[?isEntity]:visible').length);
    expect(end).toBeGreaterThan(early);
    // Entities never mentioned at a second of their own are said to stay, and do.
    expect(await page.locator('#unmentioned-note').textContent()).toMatch(/^\d+ entities have no first mention/);
    await page.click('#replay-play');
    await expect.poll(() => Number(param(page, 't') ?? -1), { timeout: 5000 }).toBeGreaterThan(0);
    await page.click('#replay-play');
    const paused = param(page, 't');
    await page.waitForTimeout(600);
    expect(param(page, 't')).toBe(paused);
    measured.replay = { visibleAt600s: early, visibleAtEnd: end, pausedAt: paused };
  });

  it('says how many entities have no date, and keeps or hides them on request', async () => {
    const page = await open('/?asOf=2024');
    const label = await page.locator('label:has(#keep-undated)').textContent();
    expect(label).toMatch(/^Keep the \d+ entities without a date$/);
    const kept = await page.evaluate(() => (window as any).__cy.nodes('[?isEntity]:visible').length);
    await page.locator('#keep-undated').uncheck();
    await expect.poll(() => param(page, 'undated')).toBe('hide');
    const dropped = await page.evaluate(() => (window as any).__cy.nodes('[?isEntity]:visible').length);
    expect(dropped).toBeLessThan(kept);
    measured.asOf = { label, visibleKept: kept, visibleUndatedHidden: dropped };
  });
});

describe('Chinese', () => {
  it('writes the Stargate details panel in Chinese: no English words but names and units', async () => {
    const page = await open('/?id=stargate&lang=zh');
    await expect.poll(() => page.locator('#details-title').textContent()).toBe('星际之门');
    const text = await page.locator('#panel-details').evaluate((el) => {
      el.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true));
      return (el as HTMLElement).innerText;
    });
    const graph = (await (
      await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ graph { nodes { name nameZh kind aliases } } }' }) })
    ).json()) as { data: { graph: { nodes: { name: string; nameZh: string | null; kind: string; aliases: string[] }[] } } };
    const names = graph.data.graph.nodes.flatMap((n) => [n.name, ...n.aliases, ...(n.nameZh ? [n.nameZh] : []), ...(n.kind === 'PERSON' ? n.name.split(/\s+/) : [])]);
    const vocabulary = (await (await fetch(`${server.url}/api/vocabulary`)).json()) as { units: Record<string, string> };
    const units = Object.keys(vocabulary.units).flatMap((u) => u.split(/[^A-Za-z]+/)).filter(Boolean);
    const r = scriptShare(text, names, units);
    measured.zhStargate = r;
    await page.screenshot({ path: `${SHOTS}/zh-stargate-details.png` });
    expect(r.cjk).toBeGreaterThan(200);
    expect(r.latinWords).toEqual([]);
  });
});

describe('search', () => {
  it('puts the entity meant first: exact name or alias, then prefix, then typos', async () => {
    const page = await open('/');
    const cases: [string, string][] = [
      ['Deepsek', 'deepseek'],
      ['deep seek', 'deepseek'],
      ['TMSC', 'tsmc'],
      ['nvda', 'nvidia'],
      ['英伟达', 'nvidia'],
    ];
    const got: Record<string, string[]> = {};
    for (const [text, id] of cases) {
      await page.fill('#search', text);
      const option = page.locator('#search ~ [role=listbox] [role=option][data-id]');
      await expect.poll(async () => (await option.count()) > 0 && (await page.locator('#search').inputValue()) === text).toBe(true);
      await page.waitForTimeout(400);
      got[text] = await option.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id!));
      expect(got[text]![0], `${text} → ${got[text]!.join(', ')}`).toBe(id);
    }
    measured.search = got;
  });

  it('tags results with the kind in the interface language', async () => {
    const page = await open('/?lang=zh');
    await page.fill('#search', 'TSMC');
    const kind = page.locator('#search ~ [role=listbox] [role=option][data-id="tsmc"] .ac-kind');
    await expect.poll(() => kind.textContent()).toBe('公司');
  });
});

describe('on a phone', () => {
  it('shares the screen between the canvas and a scrolling panel, and a tap selects the node under it', async () => {
    const page = await open('/', { width: 390, height: 844 }, true);
    await shot(page, 'first-view-phone-390x844');
    const target = (await biggestVisible(page, 1))[0]!;
    const box = (await page.locator('#cy').boundingBox())!;
    const p = await renderedCentre(page, target);
    await page.touchscreen.tap(box.x + p.x, box.y + p.y);
    expect(await waitForId(page, target)).toBe(true);
    await expect.poll(() => page.locator('#details-title').count()).toBe(1);
    const canvas = (await page.locator('.canvas-wrap').boundingBox())!;
    const side = await page.locator('#side').evaluate((el) => {
      const r = el.getBoundingClientRect();
      const before = el.scrollTop;
      el.scrollTop = 400;
      return { top: r.top, height: r.height, bottom: r.bottom, scrollHeight: el.scrollHeight, clientHeight: el.clientHeight, scrolled: el.scrollTop - before };
    });
    const page_ = await page.evaluate(() => ({ scrollHeight: document.documentElement.scrollHeight, innerHeight }));
    measured.phone = { tapped: target, canvas, side, page: page_ };
    expect(canvas.height).toBeGreaterThan(250);
    expect(side.top).toBeGreaterThanOrEqual(canvas.y + canvas.height - 1);
    expect(side.bottom).toBeLessThanOrEqual(844 + 1);
    expect(side.height).toBeGreaterThan(300);
    expect(side.scrollHeight).toBeGreaterThan(side.clientHeight);
    expect(side.scrolled).toBeGreaterThan(0);
    await page.locator('#side').evaluate((el) => (el.scrollTop = 0));
    await page.screenshot({ path: `${SHOTS}/phone-details.png` });
  });
});
