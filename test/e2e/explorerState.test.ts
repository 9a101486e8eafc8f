// The explorer's state a person relies on, measured in Chromium against the real server and dataset:
// links (view, zoom, pan, expansions), the time controls, the Chinese details panel and search ranking. The numbers
// go to test-results/explorer-state.json.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { realDataset } from '../support/db.js';
import { param, useExplorer } from './harness.js';
import { scriptShare, settled } from './measure.js';

// What is drawn and where clicks land, not how fast (the benchmark's part): a loaded shared machine
// must not turn a slow query into a failed measurement.
const ex = useExplorer('explorer-state', { QUERY_TIMEOUT_MS: '20000' });

describe('links', () => {
  it('keep the view: whole graph, zoom and pan (rounded) come back from the URL, and moving writes them', async () => {
    const page = await ex.open('/?view=all&zoom=1.25&pan=-120,340');
    const v = await page.evaluate(() => {
      const cy = (window as any).__cy;
      return { zoom: cy.zoom(), pan: cy.pan(), visible: cy.nodes(':visible').length };
    });
    expect(v).toEqual({ zoom: 1.25, pan: { x: -120, y: 340 }, visible: realDataset().entities.length });
    await page.evaluate(() => {
      (window as any).__cy.viewport({ zoom: 0.8123, pan: { x: 10.4, y: 20.6 } });
    });
    await expect.poll(() => `${param(page, 'zoom')} ${param(page, 'pan')}`).toBe('0.81 10,21');
  });

  it('keep the expansions: a copied link shows the same nodes, and collapsing takes the expansion out of the URL', async () => {
    const page = await ex.open('/?id=stargate');
    await page.click('#expand');
    await expect.poll(() => param(page, 'expand'), { timeout: 15_000 }).toBe('stargate');
    await settled(page);
    const shown = (p: Page) => p.evaluate(() => (window as any).__cy.nodes(':visible').map((n: any) => n.id()).sort().join() as string);
    const expanded = await shown(page);
    const again = await ex.open(new URL(page.url()).search);
    await expect.poll(() => shown(again), { timeout: 15_000 }).toBe(expanded);
    expect(param(again, 'expand')).toBe('stargate');
    await again.click('#collapse');
    await expect.poll(() => param(again, 'expand'), { timeout: 15_000 }).toBeNull();
    ex.measured.expandLink = { url: new URL(page.url()).search, nodes: expanded.split(',').length };
  });
});

describe('time controls', () => {
  it('replays to the whole episode again, plays, and leaves no stuck value in the URL', async () => {
    const page = await ex.open('/?t=600');
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
    ex.measured.replay = { visibleAt600s: early, visibleAtEnd: end, pausedAt: paused };
  });

  it('says how many entities have no date, and keeps or hides them on request', async () => {
    const page = await ex.open('/?asOf=2024');
    const label = await page.locator('label:has(#keep-undated)').textContent();
    expect(label).toMatch(/^Keep the \d+ entities without a date$/);
    const kept = await page.evaluate(() => (window as any).__cy.nodes('[?isEntity]:visible').length);
    await page.locator('#keep-undated').uncheck();
    await expect.poll(() => param(page, 'undated')).toBe('hide');
    const dropped = await page.evaluate(() => (window as any).__cy.nodes('[?isEntity]:visible').length);
    expect(dropped).toBeLessThan(kept);
    ex.measured.asOf = { label, visibleKept: kept, visibleUndatedHidden: dropped };
  });
});

const ACRONYMS_IN_CHINESE = ['AI', 'GPU', 'CPU', 'TPU', 'API', 'HBM'];

describe('Chinese', () => {
  // Names and units may stay in Latin script; every other word of the panel is Chinese, and the
  // metric, unit, value, qualifier, evidence note and chapter strings are the API's (lang: ZH).
  it.each([
    ['stargate', '星际之门'],
    ['deepseek', '深度求索'],
    ['xai-colossus', null],
  ])('writes the %s details panel in Chinese: no English words but names and units', async (id, title) => {
    const page = await ex.open(`/?id=${id}&lang=zh`);
    await expect.poll(() => page.locator('[data-entity-id] #details-title').count()).toBe(1);
    if (title) expect(await page.locator('#details-title').textContent()).toBe(title);
    const text = await page.locator('#panel-details').evaluate((el) => {
      el.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true));
      // A cited page's publisher ("Semafor", "Just Security") is a name, like an entity's: not counted.
      el.querySelectorAll('.publisher, a.source-reference').forEach((p) => p.remove());
      return (el as HTMLElement).innerText;
    });
    const graph = (await (
      await fetch(`${ex.url()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ graph { nodes { name nameZh kind aliases } } }' }) })
    ).json()) as { data: { graph: { nodes: { name: string; nameZh: string | null; kind: string; aliases: string[] }[] } } };
    const names = graph.data.graph.nodes.flatMap((n) => [n.name, ...n.aliases, ...(n.nameZh ? [n.nameZh] : []), ...(n.kind === 'PERSON' ? n.name.split(/\s+/) : [])]);
    const vocabulary = (await (await fetch(`${ex.url()}/api/vocabulary`)).json()) as { units: Record<string, string> };
    const units = Object.keys(vocabulary.units).flatMap((u) => u.split(/[^A-Za-z]+/)).filter(Boolean);
    // Chinese writes these acronyms in Latin letters too ("AI 硬件", "GPU 数量"): they are not English left over.
    const r = scriptShare(text, names, [...units, ...ACRONYMS_IN_CHINESE]);
    ex.measured[`zh-${id}`] = r;
    await ex.shot(page, `zh-${id}-details`, false);
    // What Latin is left comes from the data's own Chinese (a note saying "all-reduce" or "CEO"), never from the UI.
    const zhData = JSON.stringify(
      await (
        await fetch(`${ex.url()}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: `{ entity(id: "${id}") { summary(lang: ZH) facts { qualifier(lang: ZH) evidence { note(lang: ZH) chapter(lang: ZH) } } relationships { evidence { note(lang: ZH) chapter(lang: ZH) } } } }`,
          }),
        })
      ).json(),
    );
    expect(r.cjk).toBeGreaterThan(100);
    expect(r.latinWords.filter((w) => !zhData.includes(w))).toEqual([]);
    expect(r.share).toBeGreaterThanOrEqual(0.97);
  });
});

describe('search', () => {
  it('puts the entity meant first: exact name or alias, then prefix, then typos', async () => {
    const page = await ex.open('/');
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
    ex.measured.search = got;
  });

  it('tags results with the kind in the interface language', async () => {
    const page = await ex.open('/?lang=zh');
    await page.fill('#search', 'TSMC');
    const kind = page.locator('#search ~ [role=listbox] [role=option][data-id="tsmc"] .ac-kind');
    await expect.poll(() => kind.textContent()).toBe('公司');
  });
});
