// The guided tour as a client meets it through GraphQL: one step per chapter, in order, captioned in
// both languages, each with its own part of the graph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../app/start.js';
import { gql, startSeededServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startSeededServer();
});
afterAll(() => server?.close());

interface Step {
  id: string;
  index: number;
  url: string;
  en: string;
  zh: string;
  focus: { id: string }[];
  graph: { nodes: { id: string }[]; edges: { source: { id: string }; target: { id: string }; evidence: { chapterId: string }[] }[] };
}

const hanShare = (s: string) => {
  const letters = [...s].filter((c) => /[\p{L}]/u.test(c));
  return letters.filter((c) => /\p{Script=Han}/u.test(c)).length / letters.length;
};

describe('guided tour', () => {
  let steps: Step[];
  beforeAll(async () => {
    const { body } = await gql(
      server.url,
      '{ episode { chapters { id index url en: caption zh: caption(lang: ZH) focus { id } } } }',
    );
    expect(body.errors ?? []).toEqual([]);
    steps = (body.data as { episode: { chapters: Step[] } }).episode.chapters;
    // One step at a time, as the explorer asks for them (by the step number a ?tour=N link carries).
    for (const s of steps) {
      const r = await gql(
        server.url,
        'query($n: Int!) { chapter(index: $n) { id graph { nodes { id } edges { source { id } target { id } evidence { chapterId } } } } }',
        { n: s.index },
      );
      expect(r.body.errors ?? []).toEqual([]);
      const ch = (r.body.data as { chapter: { id: string; graph: Step['graph'] } }).chapter;
      expect(ch.id).toBe(s.id);
      s.graph = ch.graph;
    }
  });

  it('finds a step by id, and says clearly when neither or both of id and index are given', async () => {
    const one = await gql(server.url, '{ chapter(id: "stargate") { index } }');
    expect(one.body.data).toEqual({ chapter: { index: 24 } });
    const both = await gql(server.url, '{ chapter(id: "stargate", index: 3) { index } }');
    expect(both.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('has a step for each of the 25 chapters, in episode order, each linking to its YouTube start', () => {
    expect(steps.map((s) => s.index)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    for (const s of steps) expect(s.url).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=_1f-o0nqpEI&t=\d+s$/);
  });

  it('captions every step in English and in Chinese (mostly Han script, not English)', () => {
    for (const s of steps) {
      expect(s.en.length).toBeGreaterThan(40);
      expect(hanShare(s.zh), s.id).toBeGreaterThan(0.5);
    }
  });

  it("shows each chapter's own relationships and all its focus entities", () => {
    for (const s of steps) {
      const ids = new Set(s.graph.nodes.map((n) => n.id));
      expect(s.focus.length, s.id).toBeGreaterThan(0);
      for (const f of s.focus) expect(ids.has(f.id), `${s.id}: focus ${f.id}`).toBe(true);
      expect(s.graph.edges.length, s.id).toBeGreaterThan(0);
      for (const e of s.graph.edges) {
        expect(ids.has(e.source.id) && ids.has(e.target.id)).toBe(true);
        expect(e.evidence.some((ev) => ev.chapterId === s.id), s.id).toBe(true);
      }
    }
  });
});
