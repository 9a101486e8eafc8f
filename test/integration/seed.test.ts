// The loader on the real Neo4j: counts match the files, a second load changes nothing, a failed load
// leaves the previous graph whole, and the seed summary's headline numbers are in the graph as said.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetHash, loadDataset } from '../../seed/load.js';
import { graphStats, storedDataset } from '../../server/repository/stats.js';
import { fingerprint, realDataset, testExecutor, withRealDataset } from '../support/db.js';
import { startTestServer } from '../support/server.js';

const db = testExecutor(60_000);
beforeAll(() => withRealDataset(db));
afterAll(async () => {
  await withRealDataset(db);
  await db.close();
});

const facts = async (subject: string, metric: string) =>
  db.read({
    cypher: 'MATCH (:Entity {id: $subject})-[:HAS_FACT]->(f:Fact {metric: $metric}) RETURN f.value AS value, f.valueMax AS valueMax, f.unit AS unit, f.status AS status, f.evidenceAt AS at, f.evidenceSpeaker AS speakers ORDER BY f.value',
    params: { subject, metric },
  });

describe('seed loading', () => {
  it('loads exactly what the files contain', async () => {
    const d = realDataset();
    const counts = await graphStats(db);
    expect(counts.entities).toBe(d.entities.length);
    expect(counts.relationships).toBe(d.relationships.length);
    expect(counts.facts).toBe(d.facts.length);
  });

  it('gives identical counts and properties when run twice', async () => {
    const before = await fingerprint(db);
    await loadDataset(db, realDataset());
    expect(await fingerprint(db)).toEqual(before);
  });

  it('leaves the previous graph whole when a load fails half-way', async () => {
    const before = await fingerprint(db);
    const broken = { ...realDataset(), entities: realDataset().entities.slice(0, 10) };
    await expect(
      loadDataset(db, broken, {
        reset: true,
        afterStatement: (i) => {
          if (i === 3) throw new Error('simulated crash mid-load');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(await fingerprint(db)).toEqual(before);
  });

  it('removes what the files no longer contain', async () => {
    const d = realDataset();
    const smaller = { ...d, entities: d.entities, relationships: d.relationships.slice(1), facts: d.facts.slice(1) };
    const counts = await loadDataset(db, smaller);
    expect(counts.relationships).toBe(d.relationships.length - 1);
    expect(counts.facts).toBe(d.facts.length - 1);
    await loadDataset(db, d);
  });
});

// Datasets too large for one transaction (100k entities needs GBs of Neo4j heap) commit batch by batch;
// the real dataset is pushed down that path here by lowering the threshold.
describe('loads that commit batch by batch', () => {
  const batched = { singleTransactionRows: 100 };

  it('build the same graph as one transaction, into an empty store and over an existing graph', async () => {
    const oneTransaction = await fingerprint(db);
    const logs: string[] = [];
    await loadDataset(db, realDataset(), { ...batched, reset: true, log: (m) => logs.push(m) });
    expect(logs[0]).toMatch(/committing batch by batch/);
    expect(await fingerprint(db)).toEqual(oneTransaction);
    await loadDataset(db, realDataset(), batched);
    expect(await fingerprint(db)).toEqual(oneTransaction);
    expect(await storedDataset(db)).toEqual({ hash: datasetHash(realDataset()), loading: null });
  });

  it('prune what the files no longer contain, and move an entity to its new kind', async () => {
    const d = realDataset();
    const moved = { ...d.entities[0]!, kind: d.entities[0]!.kind === 'COMPANY' ? 'PERSON' : 'COMPANY' };
    const smaller = { ...d, entities: [moved, ...d.entities.slice(1)], relationships: d.relationships.slice(2), facts: d.facts.slice(3) };
    const counts = await loadDataset(db, smaller, batched);
    expect([counts.relationships, counts.facts]).toEqual([d.relationships.length - 2, d.facts.length - 3]);
    const [row] = await db.read({ cypher: 'MATCH (e:Entity {id: $id}) RETURN labels(e) AS labels', params: { id: moved.id } });
    const label = d.vocabulary.kinds[moved.kind]!.label;
    expect([...(row?.labels as string[])].sort()).toEqual(['Entity', label].sort());
    await loadDataset(db, d);
  });

  it('mark an interrupted load, and the next start loads the dataset again', async () => {
    const whole = await fingerprint(db);
    await expect(
      loadDataset(db, realDataset(), {
        ...batched,
        reset: true,
        afterStatement: (_i, st) => {
          if (st.label === 'relationships') throw new Error('simulated crash mid-load');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(await storedDataset(db)).toEqual({ hash: null, loading: datasetHash(realDataset()) });
    expect((await graphStats(db)).facts).toBe(0);

    const server = await startTestServer();
    await server.close();
    expect(await fingerprint(db)).toEqual(whole);
    expect(await storedDataset(db)).toEqual({ hash: datasetHash(realDataset()), loading: null });
  }, 120_000);
});

describe('headline numbers of the seed summary, as the episode states them', () => {
  it('R1 at about $2 and o1 at about $60 per million output tokens, about 27x apart', async () => {
    const r1 = await facts('deepseek-r1', 'price_per_million_output_tokens');
    const o1 = await facts('openai-o1', 'price_per_million_output_tokens');
    expect(r1.map((f) => f.value)).toContain(2);
    expect(o1.map((f) => f.value)).toContain(60);
    expect(r1[0]!.unit).toBe('USD/1M tokens');
    const ratio = await facts('deepseek-r1', 'price_ratio');
    expect(ratio.map((f) => f.value)).toContain(27);
  });

  it('V3 uses 8 of 256 experts', async () => {
    expect((await facts('deepseek-v3', 'experts_total')).map((f) => f.value)).toContain(256);
    expect((await facts('deepseek-v3', 'experts_active')).map((f) => f.value)).toContain(8);
  });

  it('V3 has far more total than active parameters (about 37 billion active)', async () => {
    const total = await facts('deepseek-v3', 'total_parameters');
    const active = await facts('deepseek-v3', 'active_parameters');
    expect(active.map((f) => f.value)).toContain(37e9);
    expect(total[0]!.value!).toBeGreaterThan(15 * 37e9);
  });

  it('keeps the claimed final-run cost beside the far larger compute DeepSeek is estimated to have', async () => {
    const cost = await facts('deepseek-v3', 'training_cost');
    expect(cost.some((f) => Number(f.value) >= 5e6 && Number(f.value) <= 6e6)).toBe(true);
    // The episode contests the figure: at least one of the cost facts is marked disputed.
    expect(cost.map((f) => f.status)).toContain('disputed');
    const gpus = await facts('deepseek', 'gpu_count');
    expect(gpus.map((f) => [f.value, f.status])).toContainEqual([50000, 'estimate']);
    expect(gpus.map((f) => f.value)).toContain(10000);
  });

  it("Stargate's money and power are in the graph with units", async () => {
    const rows = await db.read({
      cypher: "MATCH (:Entity {id: 'stargate'})-[:HAS_FACT]->(f:Fact) RETURN f.unit AS unit, f.value AS value",
      params: {},
    });
    const units = new Set(rows.map((r) => r.unit));
    expect(units.has('USD')).toBe(true);
    expect(units.has('MW') || units.has('GW')).toBe(true);
  });

  it('every relationship, fact and date carries evidence: a chapter, a second and a speaker for the episode, an https page for a reference', async () => {
    // Per item, by its source: a relationship may hold both kinds.
    const bad = (v: string) => `size(coalesce(${v}.evidenceNote, [])) = 0 OR size(${v}.evidenceSpeaker) <> size(${v}.evidenceNote)
  OR any(i IN range(0, size(${v}.evidenceNote) - 1) WHERE
    CASE coalesce(${v}.evidenceSource[i], 'episode')
      WHEN 'episode' THEN ${v}.evidenceChapter[i] = '' OR ${v}.evidenceSpeaker[i] = '' OR ${v}.evidenceAt[i] < 0
      ELSE NOT coalesce(${v}.evidenceUrl[i], '') STARTS WITH 'https://' END)`;
    const [row] = await db.read({
      cypher: `CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE ${bad('r')} RETURN count(r) AS badRels }
CALL () { MATCH (f:Fact) WHERE ${bad('f')} RETURN count(f) AS badFacts }
CALL () { MATCH (d:DateClaim) WHERE ${bad('d')} OR NOT (:Entity)-[:HAS_DATE]->(d) RETURN count(d) AS badDates }
CALL () { MATCH (d:DateClaim) RETURN count(d) AS dates }
RETURN badRels, badFacts, badDates, dates`,
      params: {},
    });
    expect(row).toEqual({ badRels: 0, badFacts: 0, badDates: 0, dates: realDataset().dates.length });
  });

});
