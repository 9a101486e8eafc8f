// Episode and reference evidence through GraphQL: Chinese for every evidence note of the real graph;
// on a small fixture with cited pages, reference evidence carries its URL and no second, and the
// episode's figure and a cited page's figure for one metric (or one date) stay two separate claims.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetFromDisk } from '../../seed/dataset.js';
import { loadDataset } from '../../seed/load.js';
import { copyOf, MINIMAL, replaceIn, writeBytes } from '../../seed/testing.js';
import { ENTITY, RELATIONSHIP } from '../../client/src/queries.js';
import type { RunningServer } from '../../server/start.js';
import { realDataset, testExecutor, withRealDataset } from '../support/db.js';
import { gql, startTestServer } from '../support/server.js';

const db = testExecutor(60_000);
let server: RunningServer;
beforeAll(async () => {
  await withRealDataset(db);
  // The whole graph with every evidence note is one big read: room for a machine busy with other work.
  server = await startTestServer({ QUERY_TIMEOUT_MS: '30000' });
});
afterAll(async () => {
  await server?.close();
  await withRealDataset(db);
  await db.close();
});

const ok = async (query: string, variables: Record<string, unknown> = {}) => {
  const { status, body } = await gql(server.url, query, variables);
  expect(body.errors ?? []).toEqual([]);
  expect(status).toBe(200);
  return body.data!;
};

interface Ev { source: string; note: string; zh: string; url: string; atSeconds: number | null; speaker: string | null; timestamp: string | null; publisher: string | null }
const EVIDENCE = 'evidence { source note zh: note(lang: ZH) url atSeconds speaker timestamp publisher }';
const CJK = /[\u3400-\u9fff]/;

describe('the real graph', () => {
  it('serves a Chinese note for every evidence item of every relationship, fact and date', async () => {
    // Several requests: one would be over the API's query cost limit.
    const NOTES = 'evidence { note zh: note(lang: ZH) }';
    const stats = (await ok('{ stats { relationships facts } }')).stats;
    const g = await ok(`{ graph(limit: 5000) { truncated edges { id ${NOTES} } } }`);
    const f = { facts: (await ok(`{ metrics(minEntities: 1) { facts { id ${NOTES} } } }`)).metrics.flatMap((m: { facts: unknown[] }) => m.facts) };
    const dated = [...new Set(realDataset().dates.map((c) => c.entity))];
    const nodes = await Promise.all(dated.map(async (id) => (await ok(`{ entity(id: "${id}") { id dateClaims { key ${NOTES} } } }`)).entity));
    expect(g.graph.truncated).toBe(false);
    expect(g.graph.edges).toHaveLength(stats.relationships);
    expect(f.facts).toHaveLength(stats.facts);
    const items: [string, Ev][] = [
      ...g.graph.edges.flatMap((r: { id: string; evidence: Ev[] }) => r.evidence.map((e): [string, Ev] => [r.id, e])),
      ...f.facts.flatMap((x: { id: string; evidence: Ev[] }) => x.evidence.map((e): [string, Ev] => [x.id, e])),
      ...nodes.flatMap((x: { id: string; dateClaims: { key: string; evidence: Ev[] }[] }) =>
        x.dateClaims.flatMap((c) => c.evidence.map((e): [string, Ev] => [`${x.id} ${c.key}`, e]))),
    ];
    expect(nodes.flatMap((x: { dateClaims: unknown[] }) => x.dateClaims)).toHaveLength(realDataset().dates.length);
    expect(items.length).toBeGreaterThan(1000);
    expect(items.filter(([, e]) => !CJK.test(e.zh) || e.zh === e.note).map(([id]) => id)).toEqual([]);
  });

  it("keeps V3's release as the episode states it, with the second and the speaker", async () => {
    const d = await ok(`{ entity(id: "deepseek-v3") { dates { released } dateClaims(source: EPISODE) { key label(lang: ZH) value source ${EVIDENCE} } } }`);
    expect(d.entity.dates.released).toBe('2024-12-26');
    const claim = d.entity.dateClaims.find((c: { key: string }) => c.key === 'released');
    expect(claim).toMatchObject({ value: '2024-12-26', source: 'EPISODE', label: '发布' });
    expect(claim.evidence[0]).toMatchObject({ source: 'EPISODE', atSeconds: 256, speaker: 'nathan-lambert', timestamp: '4:16', publisher: null });
    expect(claim.evidence[0].url).toMatch(/youtube\.com\/watch\?v=_1f-o0nqpEI&t=256s$/);
  });
});

const WIKI = 'https://www.wikidata.org/wiki/Q1';
const cited = (note: string, zh: string) => `{ source: reference, url: "${WIKI}", publisher: Wikidata, note: "${note}", noteZh: "${zh}" }`;

describe('a graph with cited pages beside the episode (fixture)', () => {
  beforeAll(async () => {
    const dir = copyOf(MINIMAL, (d) => {
      writeBytes(d, 'facts/reference.yaml', `- id: widget-1--power-capacity--reference\n  subject: widget-1\n  metric: power_capacity\n  value: 750\n  unit: W\n  evidence:\n    - ${cited('The page lists 750 watts.', '该页面列出 750 瓦。')}\n`);
      writeBytes(d, 'dates/reference.yaml', `- entity: widget-1\n  key: released\n  value: 2024-12-02\n  evidence:\n    - ${cited('The page gives 2 December 2024.', '该页面记载为 2024 年 12 月 2 日。')}\n- entity: acme\n  key: founded\n  value: "1999"\n  evidence:\n    - ${cited('The page gives 1999 as the founding year.', '该页面记载成立于 1999 年。')}\n`);
      replaceIn(d, 'relationships/all.yaml', 'noteZh: Acme 设计了该部件。 }', `noteZh: Acme 设计了该部件。 }\n    - ${cited('The page names Acme as the designer.', '该页面称 Acme 为设计方。')}`);
    });
    const r = loadDatasetFromDisk(dir);
    if (!r.ok) throw new Error(`fixture invalid: ${JSON.stringify(r.errors)}`);
    await loadDataset(db, r.dataset, { reset: true });
  });

  it('keeps the episode figure and the cited figure for one metric as two facts, each with its source', async () => {
    const d = await ok(`{ all: facts(subject: "widget-1", metric: "power_capacity") { id value source ${EVIDENCE} }
      episode: facts(subject: "widget-1", source: EPISODE) { id }
      reference: facts(subject: "widget-1", source: REFERENCE) { id }
      entity(id: "widget-1") { facts(source: REFERENCE) { id } } }`);
    expect(d.all.map((f: { id: string; value: number; source: string }) => [f.id, f.value, f.source])).toEqual([
      ['widget-1--power-capacity--reference', 750, 'REFERENCE'],
      ['widget-1--power-capacity', 700, 'EPISODE'],
    ]);
    expect(d.episode).toEqual([{ id: 'widget-1--power-capacity' }]);
    expect(d.reference).toEqual([{ id: 'widget-1--power-capacity--reference' }]);
    expect(d.entity.facts).toEqual([{ id: 'widget-1--power-capacity--reference' }]);
  });

  it('gives reference evidence its URL and publisher and no second, speaker or chapter', async () => {
    const d = await ok(`{ facts(subject: "widget-1", source: REFERENCE) { evidence { source url atSeconds timestamp speaker speakerName chapter chapterId publisher note(lang: ZH) } } }`);
    expect(d.facts[0].evidence).toEqual([
      { source: 'REFERENCE', url: WIKI, atSeconds: null, timestamp: null, speaker: null, speakerName: null, chapter: null, chapterId: null, publisher: 'Wikidata', note: '该页面列出 750 瓦。' },
    ]);
  });

  it('keeps both dates of one key, prefers the episode in dates, and falls back to the reference', async () => {
    const d = await ok(`{ widget: entity(id: "widget-1") { dates { released } dateClaims { key label value source evidence { source url atSeconds } }
        cited: dateClaims(source: REFERENCE) { value } }
      acme: entity(id: "acme") { dates { founded } dateClaims { label(lang: ZH) value source } } }`);
    expect(d.widget.dates.released).toBe('2024-12');
    expect(d.widget.dateClaims).toEqual([
      { key: 'released', label: 'released', value: '2024-12', source: 'EPISODE', evidence: [{ source: 'EPISODE', url: expect.stringMatching(/&t=600s$/), atSeconds: 600 }] },
      { key: 'released', label: 'released', value: '2024-12-02', source: 'REFERENCE', evidence: [{ source: 'REFERENCE', url: WIKI, atSeconds: null }] },
    ]);
    expect(d.widget.cited).toEqual([{ value: '2024-12-02' }]);
    expect(d.acme).toEqual({ dates: { founded: '1999' }, dateClaims: [{ label: '成立', value: '1999', source: 'REFERENCE' }] });
  });

  it("answers the explorer's own entity and relationship queries, sources and date claims included", async () => {
    const d = await ok(ENTITY, { id: 'widget-1' });
    expect(d.entity.facts.map((f: { source: string }) => f.source).sort()).toEqual(['EPISODE', 'REFERENCE']);
    expect(d.entity.dateClaims.map((c: { source: string; label: string; labelZh: string }) => [c.source, c.label, c.labelZh])).toEqual([
      ['EPISODE', 'released', '发布'],
      ['REFERENCE', 'released', '发布'],
    ]);
    const r = await ok(RELATIONSHIP, { id: 'acme--DESIGNS--widget-1' });
    expect(r.relationship.evidence.map((e: { source: string; publisher: string | null }) => [e.source, e.publisher])).toEqual([
      ['EPISODE', null],
      ['REFERENCE', 'Wikidata'],
    ]);
  });

  it('marks each item of a relationship that holds both kinds, and filters relationships by evidence source', async () => {
    const d = await ok(`{ entity(id: "acme") {
      all: relationships { id evidenceSources evidence { source url } }
      cited: relationships(evidenceSource: REFERENCE) { id } } }`);
    const [rel] = d.entity.all;
    expect(rel.evidenceSources).toEqual(['EPISODE', 'REFERENCE']);
    expect(rel.evidence.map((e: { source: string }) => e.source)).toEqual(['EPISODE', 'REFERENCE']);
    expect(rel.evidence[1].url).toBe(WIKI);
    expect(d.entity.cited).toEqual([{ id: 'acme--DESIGNS--widget-1' }]);
  });
});
