// The "Most central / bottlenecks" lists, colouring by community and the download links, in Chromium
// against the real server and dataset.
import { describe, expect, it } from 'vitest';
import { useExplorer, waitForId } from './harness.js';

const ex = useExplorer('centrality');

describe('most central', () => {
  it('lists the top 10 by PageRank and by betweenness, and a click selects the entity', async () => {
    const page = await ex.open('/');
    await page.waitForSelector('#central-betweenness li:nth-child(10)');
    expect(await page.locator('#central-pagerank li').count()).toBe(10);
    const first = page.locator('#central-betweenness .central-item').first();
    const id = (await first.getAttribute('data-id'))!;
    await first.click();
    expect(await waitForId(page, id)).toBe(true);
    await ex.shot(page, 'centrality-en-1280x800');
  });

  it('colours nodes by community and back', async () => {
    const page = await ex.open('/');
    const colour = () => page.evaluate(() => (window as any).__cy.getElementById('tsmc').style('background-color') as string);
    const before = await colour();
    await page.check('#colour-community');
    await expect.poll(colour).not.toBe(before);
    await ex.shot(page, 'community-colours-en-1280x800');
    await page.uncheck('#colour-community');
    await expect.poll(colour).toBe(before);
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
});
