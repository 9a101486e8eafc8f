// The "Most central / bottlenecks" lists, colouring by community and the download links, in Chromium
// against the real server and dataset.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useExplorer } from './harness.js';

const ex = useExplorer('centrality');

describe('most central', () => {
  it('lists the top 10 by PageRank and by betweenness, and a click selects the entity', async () => {
    const page = await ex.open('/');
    await page.waitForSelector('#central-betweenness li:nth-child(10)', { timeout: 45_000 });
    await page.waitForFunction(() => (window as any).__cy.nodes('[?isEntity]').length > 1, undefined, { timeout: 30_000 });
    expect(await page.locator('#central-pagerank li').count()).toBe(10);
    const first = page.locator('#central-betweenness .central-item').first();
    const id = (await first.getAttribute('data-id'))!;
    await first.click();
    // Selecting loads the entity's details first; a loaded machine can take longer than waitForId's 8 s.
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('id') === id, id, { timeout: 30_000 });
    await ex.shot(page, 'centrality-en-1280x800');
  });

  it('colours nodes by community and back', async () => {
    const page = await ex.open('/');
    await page.waitForFunction(() => (window as any).__cy.nodes('[?isEntity]').length > 0, undefined, { timeout: 30_000 });
    // Any entity on the canvas: the overview's members depend on the canvas size.
    const id = await page.evaluate(() => (window as any).__cy.nodes('[?isEntity]').first().id() as string);
    expect(id).toBeTruthy();
    const colour = () => page.evaluate((id) => (window as any).__cy.getElementById(id).style('background-color') as string, id);
    const before = await colour();
    await page.check('#colour-community');
    await expect.poll(colour, { timeout: 20_000 }).not.toBe(before);
    await ex.shot(page, 'community-colours-en-1280x800');
    await page.uncheck('#colour-community');
    await expect.poll(colour, { timeout: 20_000 }).toBe(before);
  });

  it('links the downloads in both languages, and they download', async () => {
    const page = await ex.open('/?lang=zh');
    const links = page.locator('#export-links a');
    expect(await links.count()).toBe(5);
    expect(await links.first().textContent()).toBe('实体(CSV)');
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(['/export/entities.csv', '/export/relationships.csv', '/export/facts.csv', '/export/graph.graphml', '/export/dataset.json']);
    const [download] = await Promise.all([page.waitForEvent('download'), links.nth(3).click()]);
    expect(download.suggestedFilename()).toBe('ai-industry-graph-graph.graphml');
    expect(await page.locator('.export-license a').getAttribute('href')).toBe('/export/LICENSE.txt');
  });

  it('saves what is on screen, and console results, as CSV that lists exactly those rows', async () => {
    const page = await ex.open('/');
    await page.waitForFunction(() => (window as any).__cy.nodes('[?isEntity]').length > 1, undefined, { timeout: 30_000 });
    const shown = await page.evaluate(() => (window as any).__cy.nodes(':visible').map((n: any) => n.id()).sort() as string[]);
    const [view] = await Promise.all([page.waitForEvent('download'), page.click('[data-export=view-entities]')]);
    expect(view.suggestedFilename()).toBe('ai-industry-graph-view-entities.csv');
    const lines = readFileSync((await view.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,kind,name,name_zh,degree');
    expect(lines.slice(1).map((l) => l.split(',')[0]!).sort()).toEqual(shown);

    await page.click('#tab-console');
    await page.click('#console-run');
    await page.waitForSelector('#console-result table tbody tr', { timeout: 30_000 });
    const rows = await page.locator('#console-result table tbody tr').count();
    const [res] = await Promise.all([page.waitForEvent('download'), page.click('#console-csv')]);
    const csv = readFileSync((await res.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv.length - 1).toBe(rows);
  });
});
