// Every root field and every error path of the GraphQL API, on the real seeded graph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../app/start.js';
import { gql, startSeededServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startSeededServer();
});
afterAll(() => server?.close());

const ok = async (query: string, variables: Record<string, unknown> = {}) => {
  const { status, body } = await gql(server.url, query, variables);
  expect(body.errors ?? []).toEqual([]);
  expect(status).toBe(200);
  return body.data!;
};
const code = async (query: string, variables: Record<string, unknown> = {}) => {
  const { body } = await gql(server.url, query, variables);
  return body.errors?.[0]?.extensions?.code;
};

describe('search', () => {
  it.each([
    ['英伟达', 'nvidia'],
    ['台积电', 'tsmc'],
    ['nvidia', 'nvidia'],
    ['NVDIA', 'nvidia'],
    ['R1', 'deepseek-r1'],
    ['deeps', 'deepseek'],
    ['幻方', 'high-flyer'],
  ])('"%s" finds %s first or near the top', async (text, id) => {
    const d = await ok('query($t: String!) { search(text: $t, first: 5) { score entity { id } } }', { t: text });
    expect(d.search.map((h: { entity: { id: string } }) => h.entity.id).slice(0, 5)).toContain(id);
  });

  it('filters by kind and ranks the exact name first', async () => {
    const d = await ok('{ search(text: "H800", kinds: [CHIP]) { entity { id kind } } }');
    expect(d.search[0].entity).toEqual({ id: 'nvidia-h800', kind: 'CHIP' });
    expect(d.search.every((h: { entity: { kind: string } }) => h.entity.kind === 'CHIP')).toBe(true);
  });

  it('treats quotes, backticks and Cypher fragments as text', async () => {
    for (const t of ["' OR 1=1 //", '`x` }) MATCH (n) DETACH DELETE n //', 'name:* AND *', '\u202e\u0000英伟达']) {
      const { status, body } = await gql(server.url, 'query($t: String!) { search(text: $t) { entity { id } } }', { t });
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    const d = await ok('{ stats { entities } }');
    expect(d.stats.entities).toBeGreaterThan(250);
  });
});

describe('entities and relationships', () => {
  it('returns a model with typed relationship fields, facts and evidence linking to YouTube', async () => {
    const d = await ok(`{ entity(id: "deepseek-r1") {
      id kind name label(lang: ZH) summary(lang: ZH) aliases degree firstMentionUrl
      ... on Model { developedBy { id } }
      facts { metric value unit display status evidence { chapter atSeconds speaker speakerName note url } }
      relationships(direction: OUT, first: 3) { type source { id } target { id } evidence { url } } } }`);
    const e = d.entity;
    expect(e.kind).toBe('MODEL');
    expect(e.aliases).toContain('R1');
    expect(e.developedBy.map((x: { id: string }) => x.id)).toContain('deepseek');
    const price = e.facts.find((f: { metric: string }) => f.metric === 'price_per_million_output_tokens');
    expect(price).toMatchObject({ value: 2, unit: 'USD/1M tokens' });
    expect(price.evidence[0].url).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=_1f-o0nqpEI&t=\d+s$/);
    expect(e.relationships.length).toBeLessThanOrEqual(3);
    expect(e.relationships.every((r: { source: { id: string } }) => r.source.id === 'deepseek-r1')).toBe(true);
  });

  it('answers typed fields on chips, people and policies', async () => {
    const d = await ok(`{
      h800: entity(id: "nvidia-h800") { ... on Chip { designedBy { id } variantOf { id } restrictedBy { id } } }
      dylan: entity(id: "dylan-patel") { ... on Person { worksAt { id } founded { id } } }
      nvidia: entity(id: "nvidia") { ... on Company { chips { id } } }
    }`);
    expect(d.h800.designedBy.map((x: { id: string }) => x.id)).toContain('nvidia');
    expect(d.nvidia.chips.length).toBeGreaterThan(2);
  });

  it('pages through entities of a kind with cursors', async () => {
    const first = await ok('{ entities(kind: CHIP, first: 3) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }');
    expect(first.entities.nodes).toHaveLength(3);
    expect(first.entities.pageInfo.hasNextPage).toBe(true);
    const next = await ok('query($a: String) { entities(kind: CHIP, first: 3, after: $a) { nodes { id } } }', { a: first.entities.pageInfo.endCursor });
    expect(next.entities.nodes[0].id > first.entities.nodes[2].id).toBe(true);
  });

  it('finds a relationship by id', async () => {
    const d = await ok('{ relationship(id: "deepseek--DEVELOPS--deepseek-r1") { type source { id } target { id } } }');
    expect(d.relationship).toEqual({ type: 'DEVELOPS', source: { id: 'deepseek' }, target: { id: 'deepseek-r1' } });
  });
});

describe('subgraphs', () => {
  it('returns a neighborhood with edges only among its nodes', async () => {
    const d = await ok('{ neighborhood(id: "nvidia-h800", depth: 2, limit: 40) { truncated nodes { id } edges { source { id } target { id } } } }');
    const ids = new Set(d.neighborhood.nodes.map((n: { id: string }) => n.id));
    expect(ids.has('nvidia-h800')).toBe(true);
    expect(ids.size).toBeLessThanOrEqual(41);
    for (const e of d.neighborhood.edges) expect(ids.has(e.source.id) && ids.has(e.target.id)).toBe(true);
  });

  it('filters a neighborhood by kind and relationship type', async () => {
    const d = await ok('{ neighborhood(id: "deepseek", kinds: [MODEL], relationshipTypes: ["DEVELOPS"]) { nodes { id kind } edges { type } } }');
    expect(d.neighborhood.nodes.filter((n: { id: string }) => n.id !== 'deepseek').every((n: { kind: string }) => n.kind === 'MODEL')).toBe(true);
    expect(d.neighborhood.edges.every((e: { type: string }) => e.type === 'DEVELOPS')).toBe(true);
  });

  it('finds a shortest path from ASML to DeepSeek over domain relationships', async () => {
    const d = await ok('{ shortestPath(from: "asml", to: "deepseek") { nodes { id } edges { type } } }');
    const nodes = d.shortestPath.nodes.map((n: { id: string }) => n.id);
    expect(nodes[0]).toBe('asml');
    expect(nodes.at(-1)).toBe('deepseek');
    expect(d.shortestPath.edges).toHaveLength(nodes.length - 1);
  });

  it('returns the whole graph, and less of it as of an earlier date', async () => {
    const all = await ok('{ graph { nodes { id } edges { id } truncated } }');
    const early = await ok('{ graph(asOf: "2023") { nodes { id } edges { id } } }');
    expect(all.graph.nodes.length).toBeGreaterThan(250);
    expect(all.graph.edges.length).toBeGreaterThan(500);
    expect(early.graph.nodes.length).toBeLessThan(all.graph.nodes.length);
    expect(early.graph.nodes.map((n: { id: string }) => n.id)).not.toContain('deepseek-r1');
  });

  it('cuts a graph over its limit to the most connected entities, listed by id, with only the edges among them', async () => {
    const all = await ok('{ graph { nodes { id degree } } }');
    const cut = await ok('{ graph(limit: 40) { truncated nodes { id degree } edges { source { id } target { id } } } }');
    expect(cut.graph.truncated).toBe(true);
    const ids = cut.graph.nodes.map((n: { id: string }) => n.id);
    expect(ids).toEqual([...ids].sort());
    // Exactly the 40 first by degree (ties by id): the first view's overview is drawn from them.
    const ranked = [...all.graph.nodes].sort((a: { id: string; degree: number }, b: { id: string; degree: number }) => b.degree - a.degree || (a.id < b.id ? -1 : 1));
    expect(new Set(ids)).toEqual(new Set(ranked.slice(0, 40).map((n: { id: string }) => n.id)));
    expect(ids).toContain('nvidia');
    const kept = new Set(ids);
    for (const e of cut.graph.edges) expect(kept.has(e.source.id) && kept.has(e.target.id)).toBe(true);
    expect(cut.graph.edges.length).toBeGreaterThan(40);
  });

  it('lays out the whole graph at start-up, so the explorer can place it at once, the same way every time', async () => {
    const q = '{ graph { nodes { id } positions { id x y } } }';
    const first = await ok(q);
    const ids = first.graph.nodes.map((n: { id: string }) => n.id).sort();
    expect(first.graph.positions.map((p: { id: string }) => p.id).sort()).toEqual(ids);
    expect((await ok(q)).graph.positions).toEqual(first.graph.positions);
  });

  it('answers positions: null for a graph it has not laid out yet, and computes it in the background', async () => {
    const q = '{ graph(kinds: [COMPANY]) { nodes { id } positions { id } } }';
    expect((await ok(q)).graph.positions).toBeNull();
    await expect.poll(async () => (await ok(q)).graph.positions?.length ?? 0, { timeout: 20_000, interval: 250 }).toBeGreaterThan(0);
  });
});

describe('facts, stats, episode', () => {
  it('compares a metric across entities', async () => {
    const d = await ok('{ facts(metric: "price_per_million_output_tokens") { subject { id } value unit } metrics { metric units facts { id } } }');
    const subjects = d.facts.map((f: { subject: { id: string } }) => f.subject.id);
    expect(subjects).toEqual(expect.arrayContaining(['deepseek-r1', 'openai-o1']));
    expect(d.metrics.length).toBeGreaterThan(3);
  });

  it('counts entities and relationships per kind and type', async () => {
    const d = await ok('{ stats { entities relationships facts chapters byKind { kind count } byType { type count } } relationshipTypes { type label(lang: ZH) count } }');
    expect(d.stats.chapters).toBe(25);
    expect(d.stats.byKind.reduce((s: number, k: { count: number }) => s + k.count, 0)).toBe(d.stats.entities);
    expect(d.stats.byKind.length).toBeGreaterThanOrEqual(10);
    expect(d.relationshipTypes.find((t: { type: string }) => t.type === 'RESTRICTS').label).toBe('限制');
  });

  it('describes the episode and its chapters with YouTube links', async () => {
    const d = await ok('{ episode { youtubeId title(lang: ZH) speakers { id } chapters { index title startSeconds url entities { id } } } timeline(kinds: [POLICY]) { date entity { id } } }');
    expect(d.episode.youtubeId).toBe('_1f-o0nqpEI');
    expect(d.episode.speakers.map((s: { id: string }) => s.id)).toEqual(['lex-fridman', 'dylan-patel', 'nathan-lambert']);
    expect(d.episode.chapters[4].url).toBe(`https://www.youtube.com/watch?v=_1f-o0nqpEI&t=${d.episode.chapters[4].startSeconds}s`);
    expect(d.episode.chapters[1].entities.length).toBeGreaterThan(5);
    expect(d.timeline.length).toBeGreaterThan(0);
  });
});

describe('errors carry codes and never stack traces', () => {
  it.each([
    ['unknown entity', '{ entity(id: "no-such-thing") { id } }', 'NOT_FOUND'],
    ['unknown neighborhood root', '{ neighborhood(id: "no-such-thing") { nodes { id } } }', 'NOT_FOUND'],
    ['unknown path end', '{ shortestPath(from: "nvidia", to: "nope") { nodes { id } } }', 'NOT_FOUND'],
    ['depth out of range', '{ neighborhood(id: "nvidia", depth: 9) { nodes { id } } }', 'BAD_USER_INPUT'],
    ['page size too large', '{ entities(first: 500) { nodes { id } } }', 'BAD_USER_INPUT'],
    ['unknown relationship type', '{ neighborhood(id: "nvidia", relationshipTypes: ["HATES"]) { nodes { id } } }', 'BAD_USER_INPUT'],
    ['malformed date', '{ graph(asOf: "last tuesday") { nodes { id } } }', 'BAD_USER_INPUT'],
    ['impossible date', '{ graph(asOf: "2025-02-30") { nodes { id } } }', 'BAD_USER_INPUT'],
    ['bad cursor', '{ entities(after: "garbage") { nodes { id } } }', 'BAD_USER_INPUT'],
    ['unknown kind', '{ entities(kind: SPACESHIP) { nodes { id } } }', 'GRAPHQL_VALIDATION_FAILED'],
    ['syntax error', '{ entity(id: ', 'GRAPHQL_VALIDATION_FAILED'],
    ['huge text', `{ search(text: "${'x'.repeat(5000)}") { score } }`, 'BAD_USER_INPUT'],
  ])('%s', async (_name, query, expected) => {
    const { body } = await gql(server.url, query);
    expect(body.errors?.[0]?.extensions?.code).toBe(expected);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at [A-Za-z]+ \(|node_modules/);
  });

  it('refuses a query deeper than the limit', async () => {
    let q = 'id';
    for (let i = 0; i < 12; i++) q = `relationships { source { ${q} } }`;
    expect(await code(`{ entity(id: "nvidia") { ${q} } }`)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: stats { entities }`).join(' ');
    expect(await code(`{ ${aliases} }`)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses batched requests and keeps CSRF prevention on', async () => {
    const batched = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ stats { entities } }' }, { query: '{ stats { entities } }' }]),
    });
    expect(batched.status).toBe(400);
    const csrf = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ stats { entities } }')}`);
    expect(csrf.status).toBe(400);
  });

  it('answers malformed JSON with a code', async () => {
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(/BAD_REQUEST|BAD_USER_INPUT/);
  });
});

describe('no N+1', () => {
  it('runs a bounded number of Cypher statements for 50 entities with relationships and evidence', async () => {
    let statements = 0;
    const off = server.db.onStatement(() => statements++);
    try {
      await ok(`{ entities(first: 50) { nodes { id name facts { metric evidence { url speakerName } }
        relationships { type source { name } target { name } evidence { chapter url speakerName } } } } }`);
    } finally {
      off();
    }
    // list + count + relationships + facts + endpoints + speakers + episode: one per shape, not per entity.
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(10);
  });
});

describe('health and security headers', () => {
  it('reports Neo4j reachable with counts', async () => {
    const res = await fetch(`${server.url}/health`);
    const body = (await res.json()) as { status: string; neo4j: { reachable: boolean }; entities: number; relationships: number };
    expect(res.status).toBe(200);
    expect(body.neo4j.reachable).toBe(true);
    expect(body.entities).toBeGreaterThan(250);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('both languages', () => {
  const CJK = /[\u4e00-\u9fff]/;

  it('gives every evidence note and chapter of every relationship in Chinese with lang: ZH, English by default', async () => {
    const d = await ok('{ graph(limit: 5000) { edges { evidence { note zh: note(lang: ZH) chapter chapterZh: chapter(lang: ZH) } } } }');
    const evidence = (d.graph.edges as { evidence: { note: string; zh: string; chapter: string; chapterZh: string }[] }[]).flatMap((e) => e.evidence);
    expect(evidence.length).toBeGreaterThan(900);
    expect(evidence.filter((e) => !CJK.test(e.zh)).map((e) => e.note)).toEqual([]);
    expect(evidence.filter((e) => e.zh === e.note)).toEqual([]);
    expect(evidence.filter((e) => !CJK.test(e.chapterZh ?? '') && e.chapter !== e.chapterZh).length).toBe(0);
  });

  it('gives every fact qualifier and evidence note in Chinese', async () => {
    const d = await ok('{ metrics(minEntities: 1) { facts { qualifier zh: qualifier(lang: ZH) evidence { zh: note(lang: ZH) } } } }');
    const facts = (d.metrics as { facts: { qualifier: string | null; zh: string | null; evidence: { zh: string }[] }[] }[]).flatMap((m) => m.facts);
    expect(facts.length).toBeGreaterThan(150);
    expect(facts.filter((f) => f.qualifier && !CJK.test(f.zh ?? '')).map((f) => f.qualifier)).toEqual([]);
    expect(facts.flatMap((f) => f.evidence).filter((e) => !CJK.test(e.zh))).toEqual([]);
  });

  it('labels every metric and writes every value in Chinese with lang: ZH', async () => {
    const d = await ok('{ metrics(minEntities: 1) { metric label zh: label(lang: ZH) facts { display displayZh: display(lang: ZH) metricLabel(lang: ZH) unitLabel(lang: ZH) } } }');
    const metrics = d.metrics as { metric: string; label: string; zh: string; facts: { display: string; displayZh: string; metricLabel: string; unitLabel: string | null }[] }[];
    expect(metrics.length).toBeGreaterThan(90);
    expect(metrics.filter((m) => !CJK.test(m.zh)).map((m) => m.metric)).toEqual([]);
    expect(metrics.filter((m) => m.label === m.metric && m.metric.includes('_')).map((m) => m.metric)).toEqual([]);
    const facts = metrics.flatMap((m) => m.facts);
    expect(facts.filter((f) => !CJK.test(f.metricLabel))).toEqual([]);
    // English words left in a Chinese value: only units that are the same in both (GB, TB, token, %).
    expect(facts.filter((f) => /\b(per|USD|parameters|GPUs|years|people)\b|\$/.test(f.displayZh)).map((f) => f.displayZh)).toEqual([]);
  });

  it('writes the Stargate investment as 约/亿 美元 in Chinese and $ in English', async () => {
    const d = await ok('{ facts(subject: "stargate", metric: "investment") { display zh: display(lang: ZH) } }');
    const facts = d.facts as { display: string; zh: string }[];
    expect(facts.map((f) => f.display)).toContain('$500B');
    expect(facts.map((f) => f.zh)).toContain('5000亿 美元');
  });
});
