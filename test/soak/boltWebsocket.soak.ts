// A web page on another origin, opened in Chromium on the same machine, tries to reach the local
// Neo4j through Bolt over WebSocket with the browser build of neo4j-driver: once without the
// password (as any page would), once with it (as if it had been stolen). Both must fail, the
// graph must be as it was; a page from an origin in NEO4J_BOLT_WEBSOCKET_ORIGINS may connect.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ROOT_DIR } from '../../core/config.js';
import { startLocalRunner } from '../../core/neo4j/localRunner.js';
import type { ProvisionedNeo4j } from '../../core/neo4j/types.js';
import { createExecutor } from '../../core/db/executor.js';
import { freePort } from '../../core/neo4j/ports.js';
import { launchChromium } from '../support/chromium.js';

const DRIVER_JS = readFileSync(join(ROOT_DIR, 'node_modules/neo4j-driver/lib/browser/neo4j-web.min.js'), 'utf8');
const store = mkdtempSync(join(tmpdir(), 'aig-soak-ws-'));
let neo4j: ProvisionedNeo4j;
let page: Server;
let pageOrigin = '';
let browser: Browser;

beforeAll(async () => {
  page = createServer((req, res) => {
    if (req.url === '/driver.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(DRIVER_JS);
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><script src="/driver.js"></script>');
  });
  await new Promise<void>((r) => page.listen(0, '127.0.0.1', () => r()));
  const addr = page.address();
  pageOrigin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((r) => page?.close(r));
  await neo4j?.stop();
  rmSync(store, { recursive: true, force: true });
});

async function attempt(uri: string, password: string): Promise<string> {
  const tab = await browser.newPage();
  try {
    await tab.goto(pageOrigin);
    return await tab.evaluate(
      async ({ uri, password }) => {
        const n = (window as unknown as { neo4j: any }).neo4j;
        const driver = n.driver(uri, n.auth.basic('neo4j', password), { connectionTimeout: 4000, maxTransactionRetryTime: 0, encrypted: false });
        try {
          await driver.executeQuery("CREATE (:PwnedFromBrowser) WITH 1 AS x LOAD CSV FROM 'file:///etc/hostname' AS r RETURN r");
          return 'WROTE';
        } catch (e) {
          return `refused: ${(e as Error).message.slice(0, 120)}`;
        } finally {
          await driver.close();
        }
      },
      { uri, password },
    );
  } finally {
    await tab.close();
  }
}

async function pwnedNodes(): Promise<number> {
  const db = createExecutor(neo4j.connection, { queryTimeoutMs: 5000 });
  try {
    const [row] = await db.read({ cypher: 'MATCH (n:PwnedFromBrowser) RETURN count(n) AS n', params: {} });
    return Number(row!.n);
  } finally {
    await db.close();
  }
}

describe('Bolt over WebSocket from a foreign web page', () => {
  it('is refused by default, even with the right password; nothing is written', async () => {
    neo4j = await startLocalRunner(loadConfig({ NEO4J_DATA_DIR: store, NEO4J_LOCAL_PORT: String(await freePort()) }).neo4j, { purpose: 'start', log: () => undefined });
    expect(await attempt(neo4j.connection.uri, '')).toMatch(/^refused/);
    expect(await attempt(neo4j.connection.uri, neo4j.connection.password)).toMatch(/^refused/);
    expect(await pwnedNodes()).toBe(0);
    await neo4j.stop();
  });

  it('connects from an origin that was asked for (and still needs the password)', async () => {
    neo4j = await startLocalRunner(
      loadConfig({ NEO4J_DATA_DIR: store, NEO4J_LOCAL_PORT: String(await freePort()), NEO4J_BOLT_WEBSOCKET_ORIGINS: pageOrigin }).neo4j,
      { purpose: 'start', log: () => undefined },
    );
    expect(await attempt(neo4j.connection.uri, 'wrong-password')).toMatch(/^refused/);
    // With the password the write goes through; LOAD CSV of a local file still fails (file URLs off).
    expect(await attempt(neo4j.connection.uri, neo4j.connection.password)).toMatch(/^refused: .*(file|URL|allow_csv)/i);
    expect(await pwnedNodes()).toBe(0);
  });
});
