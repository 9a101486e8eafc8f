// Deterministic synthetic datasets with the real data's schema and evidence shape, for load, query
// and render benchmarks beyond the ~400 entities of the episode. Same seed and sizes, same Dataset,
// byte for byte: results from two runs (or two machines) describe the same graph.
//
// What is copied from the real dataset: the vocabulary (kinds, relationship types, units), the episode
// and its chapters, the three speakers (evidence points at them), the mix of kinds, relationship types,
// claim statuses, evidence counts per relationship and fact, and the fact metrics with their units.
// What is invented: names (from a syllable alphabet, so full-text search has real words to find),
// Chinese names, summaries, notes, and the wiring, which is skewed so that hubs exist as in the real graph.
import { prng } from '../server/domain/prng.js';
import type { ClaimStatus, Dataset, EntityRecord, Evidence, FactRecord, RelationshipRecord } from '../server/domain/types.js';

export interface SyntheticSize {
  entities: number;
  relationships: number;
  /** Facts per entity; the real dataset has about 0.46. */
  factsPerEntity?: number;
  seed?: number;
}

/** Picks keys in proportion to their counts: the synthetic mix follows the real one. */
function weighted<K>(counts: Map<K, number>): (r: number) => K {
  const keys = [...counts.keys()];
  const total = [...counts.values()].reduce((s, n) => s + n, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const k of keys) {
    acc += counts.get(k)! / total;
    cumulative.push(acc);
  }
  return (r) => {
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r < cumulative[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return keys[lo]!;
  };
}

function tally<T, K>(items: T[], key: (t: T) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const it of items) out.set(key(it), (out.get(key(it)) ?? 0) + 1);
  return out;
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ver', 'an', 'tu', 'rex', 'sol', 'ni', 'qua', 'zen', 'ori', 'pax', 'del', 'ty', 'mor', 'vi', 'sha', 'len', 'cor'];
const SUFFIX: Record<string, string[]> = {
  COMPANY: ['Labs', 'Systems', 'AI', 'Semiconductor', 'Cloud'],
  MODEL: ['7B', '70B', 'Pro', 'Mini', 'Reasoner'],
  CHIP: ['X100', 'H20', 'Edge', 'Tensor', 'Core'],
  POLICY: ['Export Rule', 'Act', 'Directive', 'Framework'],
  DATACENTER: ['Cluster', 'Campus', 'Site'],
  TECHNIQUE: ['Attention', 'Distillation', 'Sampling', 'Parallelism'],
  BENCHMARK: ['Bench', 'Eval', 'Arena'],
};
const HANZI = '智算芯模型云数据中心光刻晶圆训练推理开源策略出口管制集群电力深度学习注意力专家混合芯片公司实验室国家政策'.split('');
const WORDS = ['frontier', 'cluster', 'training', 'inference', 'export', 'wafer', 'reasoning', 'sparse', 'latency', 'fab', 'capex', 'token', 'cooling', 'power', 'supply', 'open', 'weights', 'policy', 'yield', 'memory'];

function title(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function syntheticDataset(real: Dataset, size: SyntheticSize): Dataset {
  const { entities: nEntities, relationships: nRels } = size;
  const rand = prng(size.seed ?? 459);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const chapters = real.episode.chapters;
  const speakers = real.episode.speakers;

  const kindOf = weighted(tally(real.entities, (e) => e.kind));
  const typeOf = weighted(tally(real.relationships, (r) => r.type));
  const relStatus = weighted(tally(real.relationships, (r) => r.status));
  const relEvidenceCount = weighted(tally(real.relationships, (r) => r.evidence.length));
  const factStatus = weighted(tally(real.facts, (f) => f.status));
  const factEvidenceCount = weighted(tally(real.facts, (f) => f.evidence.length));
  const metrics = [...new Map(real.facts.map((f) => [f.metric, f.unit])).entries()];
  const chaptersPerEntity = weighted(tally(real.entities, (e) => Math.max(1, Math.min(3, e.chapters.length))));

  const evidence = (count: number): Evidence[] =>
    Array.from({ length: count }, () => {
      const ch = pick(chapters);
      return {
        source: 'episode' as const,
        chapter: ch.id,
        chapterTitle: ch.title,
        atSeconds: ch.startSeconds + Math.floor(rand() * Math.max(1, ch.endSeconds - ch.startSeconds)),
        speaker: pick(speakers),
        note: `${title(pick(WORDS))} ${pick(WORDS)} and ${pick(WORDS)}: the speaker ties the two together when discussing ${pick(WORDS)} ${pick(WORDS)}.`,
        noteZh: `说话人在谈到${pick(WORDS)}时把两者联系在一起。`,
      };
    });

  // The speakers stay real entities so that evidence.speakerName resolves exactly as in production.
  const entities: EntityRecord[] = real.entities.filter((e) => speakers.includes(e.id)).map((e) => ({ ...e }));
  const usedIds = new Set(entities.map((e) => e.id));
  for (let i = 0; entities.length < nEntities; i++) {
    const kind = kindOf(rand());
    const stem = title(pick(SYLLABLES) + pick(SYLLABLES)) + (rand() < 0.5 ? pick(SYLLABLES) : '');
    const suffix = SUFFIX[kind] ? pick(SUFFIX[kind]) : title(pick(WORDS));
    const name = `${stem} ${suffix} ${i}`;
    const id = `syn-${kind.toLowerCase()}-${i}`;
    if (usedIds.has(id)) continue;
    usedIds.add(id);
    const zh = Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(HANZI)).join('');
    const aliasCount = rand() < 0.3 ? 0 : rand() < 0.75 ? 1 : 2;
    const nChapters = chaptersPerEntity(rand());
    const start = Math.floor(rand() * (chapters.length - nChapters + 1));
    const dated = rand() < 0.03;
    entities.push({
      id,
      kind,
      name,
      nameZh: rand() < 0.99 ? `${zh}${i}` : null,
      aliases: Array.from({ length: aliasCount }, (_, k) => (k === 0 ? `${stem} ${i}` : `${stem.toLowerCase()}-${suffix.toLowerCase()}`)),
      summaryEn: `${name} is a ${kind.toLowerCase()} in the ${pick(WORDS)} and ${pick(WORDS)} story of the episode.`,
      summaryZh: `${zh}是节目中关于${pick(HANZI)}${pick(HANZI)}的${pick(HANZI)}${pick(HANZI)}。`,
      wikidata: rand() < 0.15 ? `Q${100000 + i}` : null,
      dates: dated ? { [pick(['founded', 'released', 'announced', 'effective', 'published'])]: String(2015 + Math.floor(rand() * 11)) } : {},
      firstSeconds: rand() < 0.98 ? Math.floor(rand() * real.episode.durationSeconds) : null,
      chapters: chapters.slice(start, start + nChapters).map((c) => c.id),
    });
  }

  // Skewed ends: the target's index follows u^2.2, so low indices collect most edges (the hubs),
  // while sources spread more evenly; the result has a long-tailed degree like the real graph.
  const relationships: RelationshipRecord[] = [];
  const seen = new Set<string>();
  const maxAttempts = nRels * 20 + 1000;
  for (let attempt = 0; relationships.length < nRels && attempt < maxAttempts; attempt++) {
    const s = entities[Math.floor(Math.pow(rand(), 1.3) * nEntities)]!;
    const t = entities[Math.floor(Math.pow(rand(), 2.2) * nEntities)]!;
    if (s.id === t.id) continue;
    const type = typeOf(rand());
    const id = `${s.id}--${type}--${t.id}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const dated = rand() < 0.005;
    relationships.push({
      id,
      type,
      source: s.id,
      target: t.id,
      since: dated ? String(2018 + Math.floor(rand() * 7)) : null,
      until: null,
      status: relStatus(rand()) as ClaimStatus,
      evidence: evidence(relEvidenceCount(rand())),
    });
  }
  if (relationships.length < nRels) throw new Error(`could only place ${relationships.length} of ${nRels} distinct relationships among ${nEntities} entities`);

  const facts: FactRecord[] = [];
  const nFacts = Math.round(nEntities * (size.factsPerEntity ?? real.facts.length / real.entities.length));
  for (let i = 0; i < nFacts; i++) {
    const subject = entities[Math.floor(rand() * nEntities)]!;
    const [metric, unit] = pick(metrics);
    const value = Math.round(rand() * 10 ** (1 + Math.floor(rand() * 9)));
    const ranged = rand() < 0.18;
    facts.push({
      id: `${subject.id}--${metric.replace(/_/g, '-')}--${i}`,
      subject: subject.id,
      metric,
      value,
      valueMax: ranged ? value * 2 : null,
      unit,
      approximate: rand() < 0.66,
      asOf: rand() < 0.12 ? String(2020 + Math.floor(rand() * 6)) : null,
      status: factStatus(rand()) as ClaimStatus,
      ...(rand() < 0.86 ? { qualifier: `${pick(WORDS)} ${pick(WORDS)}, as said on air`, qualifierZh: '节目中所说' } : { qualifier: null, qualifierZh: null }),
      evidence: evidence(factEvidenceCount(rand())),
    });
  }

  return { vocabulary: real.vocabulary, episode: real.episode, entities, relationships, facts, dates: [] };
}

/** Search words that exist in synthetic names, for the API benchmark's search queries. */
export const SYNTHETIC_SEARCH_TEXTS = ['kalo', 'Labs', 'verzen', 'Reasoner', '智算', 'Cluster 12', 'solni', 'Tensor'];
