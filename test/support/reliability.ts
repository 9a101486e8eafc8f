// Shared by the fast reliability suites (test/integration/reliability.*.test.ts; the slow half is
// test/soak): one real Neo4j of the run, the seeded graph, a server with the shipped timeout, and
// request helpers that wait a bounded time ("answers quickly" is a bound here, never a measured speed).
import { afterAll, beforeAll, inject } from 'vitest';
import type { RunningServer } from '../../app/start.js';
import { fingerprint, testExecutor, withRealDataset } from './db.js';
import { startTestServer } from './server.js';

export const db = testExecutor(60_000);
export const neo4jConn = inject('neo4j');
export const boltUrl = new URL(neo4jConn.uri);
export const loopbackNeo4j = ['127.0.0.1', 'localhost', '[::1]'].includes(boltUrl.hostname);
/** Set by useReliabilityServer's beforeAll (ES module bindings are live). */
export let server: RunningServer;
/** The graph's fingerprint before the suite: nothing the suite sends may change it. */
export let before: Record<string, unknown>;

/** Registers the file's beforeAll/afterAll: the real dataset, a server, the fingerprint. */
export function useReliabilityServer(): void {
  beforeAll(async () => {
    await withRealDataset(db);
    // The shipped 5 s timeout: a tighter one turns a busy shared machine into spurious QUERY_TIMEOUTs.
    server = await startTestServer({ QUERY_TIMEOUT_MS: '5000' });
    before = await fingerprint(db);
  });
  afterAll(async () => {
    await server?.close();
    await db.close();
  });
}

export type Answer = { status: number; code: string | undefined; text: string; json: any };

/** Every request waits at most `ms`: "answers quickly" is a bound here, never a measured speed. */
export async function send(url: string, init: RequestInit & { ms?: number } = {}): Promise<Answer> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(init.ms ?? 5000) });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  // Express answers {error: {code}}, Apollo {errors: [{extensions: {code}}]}.
  const code = json?.error?.code ?? json?.errors?.[0]?.extensions?.code;
  return { status: res.status, code, text, json };
}
export const postGraphql = (base: string, body: string, headers: Record<string, string> = {}) =>
  send(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
export const postCypher = (base: string, query: string, params: Record<string, unknown> = {}, ms = 5000) =>
  send(`${base}/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, params }), ms });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
