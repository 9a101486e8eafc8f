// Styling by data and the timeline, in Chromium against the real server and dataset: sizing by a fact
// metric makes the entities that state it bigger without any node covering another, the choice survives
// a reload; the timeline and the graph select and mark each other, on a laptop and on a phone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { param, useExplorer } from './harness.js';
import { measureView, settled } from './measure.js';

// The shared machine is loaded (8 helpers on 2 cores): the 5 s query limit is not what this file tests.
/** Waits until ?id= says id: the entity query behind a selection can take seconds on this loaded machine. */
const waitForId = (page: Page, id: string | null): Promise<boolean> =>
  page.waitForFunction((id) => new URL(location.href).searchParams.get('id') === id, id, { timeout: 45_000 }).then(
    () => true,
    () => false,
  );

const ex = useExplorer('styling-timeline', { QUERY_TIMEOUT_MS: '60000' });

/** On-screen width (px) of a node's body. */
const width = (page: Page, id: string) => page.evaluate((id) => (window as any).__cy.getElementById(id).renderedBoundingBox({ includeLabels: false }).w as number, id);

describe('styling by data', () => {
  it('sizes by gpu_count: xAI Colossus grows past a node without that fact, nothing overlaps, and it survives a reload', async () => {
    const page = await ex.open('/?id=xai-colossus');
    // A node on stage that states no GPU count (the legend calls it out), to compare with.
    const other = await page.evaluate(() => (window as any).__cy.getElementById('xai-colossus').neighborhood('node:visible').filter((n: any) => n.id() !== 'xai').first().id() as string);
    const before = { colossus: await width(page, 'xai-colossus'), other: await width(page, other) };

    await page.selectOption('#viz-size', 'gpu_count');
    await expect.poll(() => param(page, 'size')).toBe('gpu_count');
    await page.waitForSelector('#viz-legend [data-legend=size]');
    await settled(page);
    const sizes = await page.evaluate((other) => {
      const cy = (window as any).__cy;
      return { colossus: cy.getElementById('xai-colossus').data('vizSize'), other: cy.getElementById(other).data('vizSize') };
    }, other);
    expect(sizes.other).toBe(14); // no GPU count stated: the small default size
    const after = { colossus: await width(page, 'xai-colossus'), other: await width(page, other) };
    expect(after.colossus).toBeGreaterThan(after.other * 2);
    expect(after.colossus / after.other).toBeGreaterThan(before.colossus / before.other);
    const view = await measureView(page);
    expect(view.examples.filter((e) => e.startsWith('nodes'))).toEqual([]);
    expect(view.nodePairs).toBe(0);
    const legend = await page.locator('#viz-legend').innerText();
    expect(legend).toMatch(/GPU count, in [^,]+, log scale/);
    expect(legend).toMatch(/Small: no GPU count stated/);
    await page.selectOption('#viz-color', 'source');
    await expect.poll(() => param(page, 'color')).toBe('source');
    await page.waitForSelector('#viz-legend [data-legend=color] [data-key=episode]');
    await ex.shot(page, 'styling-legend');

    // The choice lives in the URL: a reload draws the same sizes, colours, controls and legend.
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    await page.waitForSelector('#viz-legend [data-legend=size]');
    await settled(page);
    expect(await page.inputValue('#viz-size')).toBe('gpu_count');
    expect(await page.inputValue('#viz-color')).toBe('source');
    expect(await page.evaluate(() => (window as any).__cy.getElementById('xai-colossus').data('vizSize'))).toBe(sizes.colossus);
    const reloaded = await measureView(page);
    expect(reloaded.nodePairs).toBe(0);
    ex.measured.styling = { other, before, after, sizes, nodesInView: view.nodes, nodePairs: view.nodePairs, reloadedNodePairs: reloaded.nodePairs };
  });

  it('explains the mapping in Chinese too', async () => {
    const page = await ex.open('/?lang=zh&size=gpu_count&color=status');
    await page.waitForSelector('#viz-legend [data-legend=color] [data-key=STATED]');
    const legend = await page.locator('#viz-legend').innerText();
    expect(legend).toMatch(/图例/);
    expect(legend).toMatch(/对数刻度/);
    expect(legend).toMatch(/陈述/);
    expect((await measureView(page)).nodePairs).toBe(0);
  });
});

describe('timeline', () => {
  it('selects in the graph from an event, and marks the events of a graph selection', async () => {
    const page = await ex.open('/?tab=timeline');
    const r1 = page.locator('.tl-event[data-entity="deepseek-r1"]').first();
    await r1.waitFor();
    // Episode dates and cited-page dates are told apart by marker and legend.
    expect(await page.locator('.tl-legend [data-legend=marks]').innerText()).toMatch(/said in the episode[\s\S]*from a cited page/);
    expect(await r1.getAttribute('data-source')).toBe('episode');
    await ex.shot(page, 'timeline');
    await r1.click();
    expect(await waitForId(page, 'deepseek-r1')).toBe(true);
    expect(await page.evaluate(() => (window as any).__cy.getElementById('deepseek-r1').selected())).toBe(true);
    await expect.poll(() => r1.getAttribute('class')).toMatch(/tl-on/);
    expect(param(page, 'tab')).toBe('timeline');

    // Now the other way: a click on a dated neighbour in the graph marks its events, not R1's.
    await settled(page);
    const dated = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.tl-event[data-entity]')].map((b) => b.dataset.entity!));
    const target = await page.evaluate((dated) => {
      const cy = (window as any).__cy;
      const n = cy.getElementById('deepseek-r1').neighborhood('node:visible').filter((m: any) => dated.includes(m.id()) && m.id() !== 'deepseek-r1').first();
      const p = n.renderedPosition();
      const box = cy.container().getBoundingClientRect();
      return { id: n.id() as string, x: box.left + p.x, y: box.top + p.y };
    }, dated);
    expect(target.id).toBeTruthy();
    await page.mouse.click(target.x, target.y);
    expect(await waitForId(page, target.id)).toBe(true);
    await expect.poll(() => page.locator(`.tl-event.tl-on[data-entity="${target.id}"]`).count()).toBeGreaterThan(0);
    expect(await page.locator('.tl-event.tl-on[data-entity="deepseek-r1"]').count()).toBe(0);
    expect(await page.locator('#tl-selected').innerText()).toMatch(/^Selected: /);
    ex.measured.timeline = { events: await page.locator('.tl-event').count(), graphSelected: target.id };
  });

  it('works on a 390×844 phone in Chinese: the panel scrolls, an event selects its entity', async () => {
    const page = await ex.open('/?tab=timeline&lang=zh', { width: 390, height: 844 }, true);
    await page.locator('.tl-event').first().waitFor();
    const fit = await page.evaluate(() => {
      const side = document.getElementById('side')!;
      return { scrolls: side.scrollHeight > side.clientHeight, overflowX: document.documentElement.scrollWidth > window.innerWidth };
    });
    expect(fit).toEqual({ scrolls: true, overflowX: false });
    expect(await page.locator('.tl-legend').innerText()).toMatch(/节目中所说/);
    await ex.shot(page, 'timeline-phone');
    const last = page.locator('.tl-event[data-entity]').last();
    const id = await last.getAttribute('data-entity');
    await last.scrollIntoViewIfNeeded();
    await last.tap();
    expect(await waitForId(page, id)).toBe(true);
  });
});
