// The data out: CSV, GraphML and JSON downloads parsed with real parsers and counted against the API,
// the licence beside them, the host allowlist in front, and the CSV formula guard on hostile text.
import { request as httpRequest } from 'node:http';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../app/start.js';
import { loadDataset } from '../../seed/load.js';
import { realDataset, testExecutor, withRealDataset } from '../support/db.js';
import { gql, startTestServer } from '../support/server.js';

const db = testExecutor(60_000);
let server: RunningServer;
let api: { entities: number; relationships: number; facts: number };
beforeAll(async () => {
  await withRealDataset(db);
  server = await startTestServer();
  const { body } = await gql(server.url, '{ stats { entities relationships facts } }');
  api = body.data!.stats as typeof api;
});
afterAll(async () => {
  await server?.close();
  await withRealDataset(db); // the formula-guard test loads a doctored copy
  await db.close();
});

const get = async (path: string) => {
  const res = await fetch(`${server.url}${path}`);
  return { res, text: await res.text() };
};
type Row = Record<string, string>;
const csv = async (file: string): Promise<{ rows: Row[]; res: Response }> => {
  const { res, text } = await get(`/export/${file}`);
  expect(res.status).toBe(200);
  return { res, rows: parse(text, { bom: true, columns: true, relax_column_count: false }) as Row[] };
};

describe('CSV exports', () => {
  it('entities.csv has one row per entity the API counts, as a named attachment linking the licence', async () => {
    const { rows, res } = await csv('entities.csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ai-industry-graph-entities.csv"');
    expect(res.headers.get('link')).toBe('</export/LICENSE.txt>; rel="license"');
    expect(rows).toHaveLength(api.entities);
    expect(new Set(rows.map((r) => r.id)).size).toBe(api.entities);
    const tsmc = rows.find((r) => r.id === 'tsmc')!;
    expect(tsmc).toMatchObject({ name: 'TSMC', name_zh: '台积电', kind: 'COMPANY', kind_en: 'Company', kind_zh: '公司' });
    expect(Number(tsmc.pagerank)).toBeGreaterThan(0);
    const sum = rows.reduce((s, r) => s + Number(r.pagerank), 0);
    expect(Math.abs(sum - 1)).toBeLessThan(1e-6);
  });

  it('relationships.csv has one row per relationship, both names and labels in both languages, evidence with links', async () => {
    const { rows } = await csv('relationships.csv');
    const ids = new Set((await csv('entities.csv')).rows.map((r) => r.id));
    expect(rows).toHaveLength(api.relationships);
    for (const r of rows) {
      expect(ids.has(r.source) && ids.has(r.target)).toBe(true);
      expect(r.label_en && r.label_zh && r.source_name).toBeTruthy();
      expect(Number(r.evidence_count)).toBeGreaterThan(0);
      expect(r.evidence_url!.split(' | ')).toHaveLength(Number(r.evidence_count));
      expect(r.evidence_note_en && r.evidence_note_zh).toBeTruthy();
    }
  });

  it('facts.csv has one row per fact with the evidence columns: source, second, timestamp, speaker, url, note_en, note_zh', async () => {
    const { rows } = await csv('facts.csv');
    expect(rows).toHaveLength(api.facts);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['source', 'second', 'timestamp', 'speaker', 'url', 'note_en', 'note_zh', 'metric_en', 'metric_zh']));
    const r1 = rows.find((r) => r.subject === 'deepseek-r1' && r.metric === 'price_per_million_output_tokens')!;
    const { body } = await gql(server.url, '{ facts(subject: "deepseek-r1", metric: "price_per_million_output_tokens") { id evidence { timestamp speakerName url } } }');
    const viaApi = body.data!.facts.find((f: { id: string }) => f.id === r1.id).evidence[0];
    expect(r1).toMatchObject({ value: '2', unit: 'USD/1M tokens', source: 'episode', timestamp: viaApi.timestamp, speaker: viaApi.speakerName, url: viaApi.url });
    expect(r1.url).toBe('https://www.youtube.com/watch?v=_1f-o0nqpEI&t=7951s');
    for (const f of rows) expect(f.url && f.note_en && f.note_zh).toBeTruthy();
  });
});

describe('GraphML export', () => {
  it('parses with a real XML parser, with typed keys, and holds every node and edge the API counts', async () => {
    const { res, text } = await get('/export/graph.graphml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ai-industry-graph-graph.graphml"');
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['node', 'edge', 'data', 'key'].includes(name) }).parse(text);
    const g = doc.graphml.graph;
    expect(doc.graphml.xmlns).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(g.edgedefault).toBe('directed');
    expect(g.node).toHaveLength(api.entities);
    expect(g.edge).toHaveLength(api.relationships);
    const nodeIds = new Set((g.node as { id: string }[]).map((n) => n.id));
    for (const e of g.edge as { source: string; target: string }[]) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
    const keys = new Map((doc.graphml.key as { id: string; for: string; 'attr.name': string; 'attr.type': string }[]).map((k) => [k.id, k]));
    for (const k of keys.values()) expect(['string', 'int', 'long', 'float', 'double', 'boolean']).toContain(k['attr.type']);
    expect(keys.get('n_pagerank')).toMatchObject({ for: 'node', 'attr.name': 'pagerank', 'attr.type': 'double' });
    expect(keys.get('n_label')).toMatchObject({ for: 'node', 'attr.name': 'label' });
    const asml = (g.node as { id: string; data: { key: string; '#text': string | number }[] }[]).find((n) => n.id === 'asml')!;
    expect(asml.data.find((d) => d.key === 'n_label')!['#text']).toBe('ASML');
    expect(text).toContain('CC BY 4.0');
  });
});

describe('dataset.json and the licence', () => {
  it('dataset.json holds the same counts, the licence and the attribution', async () => {
    const { res, text } = await get('/export/dataset.json');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ai-industry-graph-dataset.json"');
    const doc = JSON.parse(text);
    expect(doc.counts).toEqual({ entities: api.entities, relationships: api.relationships, facts: api.facts });
    expect([doc.entities.length, doc.relationships.length, doc.facts.length]).toEqual([api.entities, api.relationships, api.facts]);
    expect(doc).toMatchObject({ license: 'CC BY 4.0', licenseText: '/export/LICENSE.txt' });
    expect(doc.attribution).toContain('https://www.youtube.com/watch?v=_1f-o0nqpEI');
    expect(doc.relationships[0].evidence[0].url).toMatch(/^https:\/\//);
  });

  it('LICENSE.txt names the licence and attributes the episode', async () => {
    const { res, text } = await get('/export/LICENSE.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toContain('Creative Commons Attribution 4.0');
    expect(text).toContain('Lex Fridman Podcast #459');
  });

  it('is behind the host allowlist like the rest of the app', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: new URL(server.url).port, path: '/export/entities.csv', headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });
});

describe('CSV formula guard', () => {
  it('prefixes cells starting with = + - @ with an apostrophe so a spreadsheet shows them as text', async () => {
    const d = structuredClone(realDataset());
    const tsmc = d.entities.find((e) => e.id === 'tsmc')!;
    tsmc.name = '=HYPERLINK("https://example.invalid","click")';
    tsmc.summaryEn = '+1+1';
    tsmc.aliases = ['@SUM(A1)'];
    d.facts[0]!.qualifier = '-2+3';
    await loadDataset(db, d);
    const entities = (await csv('entities.csv')).rows;
    const row = entities.find((r) => r.id === 'tsmc')!;
    expect(row.name).toBe(`'=HYPERLINK("https://example.invalid","click")`);
    expect(row.summary_en).toBe("'+1+1");
    expect(row.aliases).toBe("'@SUM(A1)");
    const fact = (await csv('facts.csv')).rows.find((r) => r.id === d.facts[0]!.id)!;
    expect(fact.qualifier_en).toBe("'-2+3");
    // The relationship file names TSMC through the same guard.
    const rel = (await csv('relationships.csv')).rows.find((r) => r.source === 'tsmc')!;
    expect(rel.source_name!.startsWith("'=")).toBe(true);
  });
});
