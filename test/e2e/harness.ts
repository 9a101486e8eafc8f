// One real server, dataset and Chromium per test file, for the measuring end-to-end tests
// (legibility.test.ts, explorerState.test.ts).
// Each file's measurements go to test-results/<name>.json; SAVE_DOC_SCREENSHOTS=1 also refreshes
// docs/screenshots/.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { RunningServer } from '../../app/start.js';
import { testExecutor, withRealDataset } from '../support/db.js';
import { startTestServer } from '../support/server.js';
import { settled } from './measure.js';
import { launchChromium } from '../support/chromium.js';

const SHOTS = 'test-results/screenshots';
const DOC_SHOTS = process.env.SAVE_DOC_SCREENSHOTS === '1' ? 'docs/screenshots' : null;

export interface Explorer {
  /** What the tests measured, written out after the file. */
  measured: Record<string, unknown>;
  url(): string;
  open(path: string, viewport?: { width: number; height: number }, touch?: boolean): Promise<Page>;
  /** A screenshot in test-results; with SAVE_DOC_SCREENSHOTS=1 and forDocs, in docs/screenshots too. */
  shot(page: Page, name: string, forDocs?: boolean): Promise<void>;
}

export function useExplorer(name: string, serverEnv: Record<string, string> = {}): Explorer {
  const measured: Record<string, unknown> = {};
  const db = testExecutor(60_000);
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext | null = null;

  beforeAll(async () => {
    await build({ configFile: 'client/vite.config.ts', logLevel: 'warn' });
    await withRealDataset(db);
    server = await startTestServer(serverEnv);
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
    if (DOC_SHOTS) mkdirSync(DOC_SHOTS, { recursive: true });
  });

  afterEach(async () => {
    await context?.close();
    context = null;
  });

  afterAll(async () => {
    writeFileSync(`test-results/${name}.json`, `${JSON.stringify(measured, null, 2)}\n`);
    console.log(JSON.stringify(measured, null, 2));
    await browser?.close();
    await server?.close();
    await db.close();
  });

  return {
    measured,
    url: () => server.url,
    async open(path, viewport = { width: 1280, height: 800 }, touch = false) {
      context ??= await browser.newContext({ viewport, locale: 'en-US', hasTouch: touch, isMobile: touch });
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`);
      await page.waitForSelector('body[data-ready=true]', { timeout: 45_000 });
      await settled(page);
      return page;
    },
    async shot(page, name, forDocs = true) {
      await page.screenshot({ path: `${SHOTS}/${name}.png` });
      if (DOC_SHOTS && forDocs) await page.screenshot({ path: `${DOC_SHOTS}/${name}.png` });
    },
  };
}

export const param = (page: Page, name: string): string | null => new URL(page.url()).searchParams.get(name);

/** Waits until ?id= says id; false when it does not within 8 s (a click that selected something else). */
export const waitForId = (page: Page, id: string | null): Promise<boolean> =>
  page.waitForFunction((id) => new URL(location.href).searchParams.get('id') === id, id, { timeout: 8000 }).then(
    () => true,
    () => false,
  );
