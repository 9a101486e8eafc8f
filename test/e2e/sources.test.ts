// The details panel in Chromium, on a small graph with cited pages beside the episode: a cited page
// reads as a "cited source" badge with its publisher (not a timestamp), in both languages, and the
// episode / cited pages / both filter keeps one kind of facts, dates and evidence.
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../seed/load.js';
import type { RunningServer } from '../../app/start.js';
import { launchChromium } from '../support/chromium.js';
import { testExecutor, withRealDataset } from '../support/db.js';
import { referenceFixture, WIKI } from '../support/referenceFixture.js';
import { startTestServer } from '../support/server.js';

const db = testExecutor(60_000);
let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  await build({ configFile: 'client/vite.config.ts', logLevel: 'warn' });
  // After the server: its start-up loads seed/data when the stored graph differs from the files.
  server = await startTestServer();
  await loadDataset(db, referenceFixture(), { reset: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await withRealDataset(db);
  await db.close();
});

async function details(path: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })).newPage();
  const logs: string[] = [];
  page.on('console', (m) => logs.push(m.text()));
  page.on('pageerror', (e) => logs.push(String(e)));
  await page.goto(`${server.url}${path}`);
  try {
    await page.waitForSelector('article.entity[data-entity-id="widget-1"]', { timeout: 45_000 });
  } catch (err) {
    throw new Error(`${String(err)}\n${logs.join('\n')}\n${await page.evaluate(() => (document.querySelector("#panel-details") ?? document.body).outerHTML.slice(0, 3000))}`);
  }
  return page;
}

const facts = (page: Page) => page.$$eval('article.entity li.fact .fact-value', (els) => els.map((e) => e.textContent));

describe('cited pages in the details panel', () => {
  it('shows a cited page as a badge with its publisher and a link to the page, not as a timestamp', async () => {
    const page = await details('/?id=widget-1');
    const links = await page.$$eval('article.entity a.source-link', (els) => els.map((a) => ({ href: a.getAttribute('href'), text: a.textContent })));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l).toEqual({ href: WIKI, text: 'Cited source Wikidata ↗' });
    expect(await page.$$eval('article.entity li.reference .ts', (els) => els.length)).toBe(0);
    expect(await page.textContent('article.entity ul.dates')).toContain('Wikidata ↗');
    await page.context().close();
  });

  it('filters facts, dates and evidence by source, and says it in Chinese', async () => {
    const page = await details('/?id=widget-1&lang=zh');
    expect((await facts(page)).length).toBe(2);
    expect(await page.textContent('article.entity a.source-link')).toContain('引用来源');
    await page.selectOption('#source-filter', 'EPISODE');
    await page.waitForFunction(() => document.querySelectorAll('article.entity li.fact').length === 1);
    expect(await page.$$eval('article.entity a.source-link', (els) => els.length)).toBe(0);
    await page.selectOption('#source-filter', 'REFERENCE');
    await page.waitForFunction(() => !document.querySelector('article.entity li.fact a.evidence-link:not(.source-link)'));
    expect(await facts(page)).toEqual([expect.stringContaining('750')]);
    expect(await page.$eval('#source-filter', (s) => (s as HTMLSelectElement).value)).toBe('REFERENCE');
    await page.context().close();
  });
});
