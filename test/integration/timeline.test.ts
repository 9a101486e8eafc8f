// The timeline query on the real seeded graph: every dated claim is an event with its source (the
// episode's and a cited page's never merged), and relationships' since/until are events too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../app/start.js';
import { gql, startSeededServer } from '../support/server.js';

let server: RunningServer;
beforeAll(async () => {
  // The shared test machine is loaded: the default 5 s query limit is not what this file tests.
  server = await startSeededServer({ QUERY_TIMEOUT_MS: '60000' });
});
afterAll(() => server?.close());

interface Ev {
  date: string;
  kind: string;
  sources: string[];
  entity: { id: string; kind: string; dateClaims: { key: string; value: string; source: string }[] };
  relationship: { id: string; type: string; since: string | null; until: string | null; source: { id: string }; target: { id: string } } | null;
}

async function events(kinds?: string[]): Promise<Ev[]> {
  const { body } = await gql(
    server.url,
    `query($kinds: [EntityKind!]) { timeline(kinds: $kinds) { date kind sources
      entity { id kind dateClaims { key value source } }
      relationship { id type since until source { id } target { id } } } }`,
    { kinds: kinds ?? null },
  );
  expect(body.errors ?? []).toEqual([]);
  return (body.data as { timeline: Ev[] }).timeline;
}

describe('timeline', () => {
  it('holds each dated claim once, as its own source says, in date order', async () => {
    const all = await events();
    const dated = all.filter((e) => !e.relationship);
    expect(dated.length).toBeGreaterThanOrEqual(10);
    // DeepSeek R1's release, as Nathan dates it in the episode.
    expect(dated).toContainEqual(expect.objectContaining({ date: '2025-01-20', kind: 'released', sources: ['EPISODE'], entity: expect.objectContaining({ id: 'deepseek-r1' }) }));
    // Every claim of every dated entity is one event with the same key, value and single source.
    for (const id of new Set(dated.map((e) => e.entity.id))) {
      const mine = dated.filter((e) => e.entity.id === id).map((e) => `${e.kind}=${e.date}@${e.sources.join()}`).sort();
      const claims = dated.find((e) => e.entity.id === id)!.entity.dateClaims.map((c) => `${c.key}=${c.value}@${c.source}`).sort();
      expect(mine).toEqual(claims);
    }
    const dates = all.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });

  it("serves relationships' since and until as events of the relationship", async () => {
    const rels = (await events()).filter((e) => e.relationship);
    const built = rels.find((e) => e.relationship!.source.id === 'high-flyer' && e.relationship!.target.id === 'high-flyer-a100-cluster');
    expect(built).toMatchObject({ date: '2021', kind: 'since', sources: ['EPISODE'], entity: { id: 'high-flyer' }, relationship: { type: 'BUILDS', since: '2021' } });
    for (const e of rels) expect(e.date).toBe(e.kind === 'since' ? e.relationship!.since : e.relationship!.until);
  });

  it('keeps only the kinds asked for (a relationship counts when either end is of that kind)', async () => {
    const policies = await events(['POLICY']);
    expect(policies.length).toBeGreaterThan(0);
    for (const e of policies) {
      if (!e.relationship) expect(e.entity.kind).toBe('POLICY');
    }
    expect(policies.some((e) => e.entity.id === 'us-export-controls-2022' && e.kind === 'effective' && e.date === '2022-10-07')).toBe(true);
  });
});
