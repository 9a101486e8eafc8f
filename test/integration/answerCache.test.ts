// The entity page in one round trip, and answers of the loaded dataset (the episode with its speakers,
// the whole graph) served from memory only while the stored fingerprint is the one they were read under:
// after a seed the next request answers from the new data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { ENTITY, GRAPH, SEARCH } from '../../client/src/queries.js';
import { EXPLAIN_HEADER } from '../../server/graphql/context.js';
import { ANSWER_CACHE_HEADER } from '../../server/http/answerCache.js';
import type { Dataset } from '../../core/domain/types.js';
import type { RunningServer } from '../../app/start.js';
import { loadDataset } from '../../seed/load.js';
import { realDataset, testExecutor, withRealDataset } from '../support/db.js';
import { gql, startSeededServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startSeededServer();
});
afterAll(async () => {
  await server?.close();
  const db = testExecutor(60_000);
  await withRealDataset(db);
  await db.close();
});

async function counted(query: string, variables: Record<string, unknown>) {
  let statements = 0;
  const off = server.db.onStatement(() => statements++);
  try {
    const { body } = await gql(server.url, query, variables);
    expect(body.errors ?? []).toEqual([]);
    return { data: body.data!, statements };
  } finally {
    off();
  }
}

async function post(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { cache: res.headers.get(ANSWER_CACHE_HEADER), encoding: res.headers.get('content-encoding'), body: (await res.json()) as { data?: any; errors?: { extensions?: { code?: string } }[]; extensions?: { cypher?: unknown[] } } };
}

describe('finished answers of the loaded dataset', () => {
  it('serves the same request again from memory, byte for byte the same answer, in the encoding asked for', async () => {
    const vars = { id: 'tsmc' };
    const first = await post(ENTITY, vars);
    expect(first.cache).toBe('miss');
    await expect.poll(async () => (await post(ENTITY, vars)).cache).toBe('hit');
    const again = await post(ENTITY, vars);
    expect(again.body).toEqual(first.body);
    expect(again.encoding).toMatch(/^(br|gzip)$/);

    // A client that takes only gzip, or no encoding at all, gets what it can read.
    // node:http, not fetch: fetch decodes whatever arrives, so it could not show what was sent.
    const raw = (acceptEncoding: string) =>
      new Promise<{ encoding: string | null; bytes: Buffer }>((resolve, reject) => {
        const req = request(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': acceptEncoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: (res.headers['content-encoding'] as string | undefined) ?? null, bytes: Buffer.concat(chunks) }));
        });
        req.on('error', reject);
        req.end(JSON.stringify({ query: ENTITY, variables: vars }));
      });
    const gz = await raw('gzip');
    expect(gz.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.bytes).toString('utf8'))).toEqual(first.body);
    const plain = await raw('identity');
    expect(plain.encoding).toBeNull();
    expect(JSON.parse(plain.bytes.toString('utf8'))).toEqual(first.body);
  });

  it('never keeps an answer with errors, nor one that shows its Cypher', async () => {
    const path = 'query ($to: ID!) { shortestPath(from: "nvidia", to: $to) { nodes { id } } }';
    const bad = await post(path, { to: 'no-such-entity-anywhere' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await new Promise((r) => setTimeout(r, 200));
    const badAgain = await post(path, { to: 'no-such-entity-anywhere' });
    expect(badAgain.cache).toBe('miss');
    expect(badAgain.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const traced = await post(SEARCH, { text: 'nvidia' }, { [EXPLAIN_HEADER]: '1' });
    expect(traced.cache).toBeNull();
    expect(traced.body.extensions?.cypher?.length).toBeGreaterThan(0);
    const tracedAgain = await post(SEARCH, { text: 'nvidia' }, { [EXPLAIN_HEADER]: '1' });
    expect(tracedAgain.cache).toBeNull();
    expect(tracedAgain.body.extensions?.cypher?.length).toBeGreaterThan(0);
  });
});

describe('answers of the loaded dataset', () => {
  it("answers the explorer's entity query with one statement once the episode is known", async () => {
    await counted(ENTITY, { id: 'nvidia' });
    const { data, statements } = await counted(ENTITY, { id: 'deepseek-r1' });
    // The entity with facts, relationships and their ends in one statement; its dated claims (seed/data/dates)
    // come from a second, batched one (dateClaims loader) — not yet folded into the first. The answer
    // cache reads the fingerprint before (to look the answer up) and after (to keep it): 4.
    expect(statements).toBe(4);
    // Asked again: the fingerprint check only.
    await expect.poll(async () => (await counted(ENTITY, { id: 'deepseek-r1' })).statements).toBe(1);
    expect(data.entity.relationships.length).toBeGreaterThan(5);
    const ev = data.entity.relationships[0].evidence[0];
    expect(ev.speakerName).toMatch(/\w/);
    expect(ev.url).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=/);
  });

  it('serves a renamed entity and episode after a seed, not the cached ones', async () => {
    const query = GRAPH.replace(/\n\s*positions \{ id x y \}/, '');
    const first = await counted(query, {});
    const again = await counted(query, {});
    expect(again.data).toEqual(first.data);
    // The fingerprint check only, once the first answer is kept (that finishes after it was sent).
    await expect.poll(async () => (await counted(query, {})).statements).toBe(1);

    const real = realDataset();
    const changed: Dataset = structuredClone(real);
    changed.entities.find((e) => e.id === 'nvidia')!.name = 'NVIDIA (renamed for the test)';
    for (const e of changed.entities) if (changed.episode.speakers.includes(e.id)) e.name = `${e.name} (renamed)`;
    const db = testExecutor(60_000);
    try {
      await loadDataset(db, changed, { reset: true });
    } finally {
      await db.close();
    }

    const after = await counted(query, {});
    expect(after.data.graph.nodes.find((n: { id: string }) => n.id === 'nvidia').name).toBe('NVIDIA (renamed for the test)');
    const entity = await counted(ENTITY, { id: 'deepseek-r1' });
    const names = entity.data.entity.relationships.flatMap((r: { evidence: { speakerName: string }[] }) => r.evidence.map((e) => e.speakerName));
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((n: string) => n.endsWith('(renamed)'))).toBe(true);
  });
});
