// Styling by data, the pure part: what may size and colour the nodes, and how a value becomes a size
// or a colour. No DOM and no store, so urlState.ts can validate ?size= and ?color= against it.
import type { ClaimStatus } from '../../../core/generated/schema.js';

/** Measures of the graph itself, read from each entity. Adding one (e.g. PageRank once
 * `Entity.centrality` exists) is one line here: its GraphQL selection and how to read the number. */
export const GRAPH_MEASURES = {
  degree: { query: 'degree', pick: (e: Record<string, unknown>) => Number(e.degree ?? 0) },
  // pagerank: { query: 'centrality { pagerank }', pick: (e) => Number((e.centrality as { pagerank: number }).pagerank) },
  // betweenness: { query: 'centrality { betweenness }', pick: (e) => Number((e.centrality as { betweenness: number }).betweenness) },
} as const;

/** What colours nodes; kind is the default (the stylesheet's own colours). Community joins with centrality. */
export const COLOR_BY = ['kind', 'status', 'source'] as const;
export type ColorBy = (typeof COLOR_BY)[number];

/** ?size= takes a graph measure or a metric name (validated like ?metric=). */
export const SIZE_RE = /^[a-z0-9_]{1,80}$/;

export const SIZE_RANGE = {
  /** Entities without the chosen metric: smaller than any sized node, still a click target. */
  without: 14,
  min: 24,
  max: 72,
} as const;

/** A node's size from its value: log scale, as GPU counts and dollars span several orders of magnitude. */
export function sizeFor(value: number, lo: number, hi: number): number {
  if (!(value > 0) || !(lo > 0) || hi <= lo) return (SIZE_RANGE.min + SIZE_RANGE.max) / 2;
  const f = (Math.log(value) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
  return Math.round(SIZE_RANGE.min + Math.max(0, Math.min(1, f)) * (SIZE_RANGE.max - SIZE_RANGE.min));
}

export interface MetricFact {
  subject: string;
  metric: string;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
}

export interface MetricScale {
  metric: string;
  /** The one unit compared: the one most entities state the metric in. */
  unit: string | null;
  /** Per entity, its largest stated value in that unit (the upper end of a range). */
  values: Map<string, number>;
  lo: number;
  hi: number;
  /** Entities stating the metric only in another unit: not sized, never compared across units. */
  otherUnits: { unit: string | null; entities: number }[];
}

/** The metric's values per entity, in one unit only. Null when no entity states it with a number. */
export function metricScale(facts: MetricFact[], metric: string): MetricScale | null {
  const byUnit = new Map<string | null, Map<string, number>>();
  for (const f of facts) {
    const v = f.valueMax ?? f.value;
    if (f.metric !== metric || v === null || !Number.isFinite(v)) continue;
    const m = byUnit.get(f.unit) ?? new Map<string, number>();
    m.set(f.subject, Math.max(m.get(f.subject) ?? -Infinity, v));
    byUnit.set(f.unit, m);
  }
  if (byUnit.size === 0) return null;
  const ranked = [...byUnit].sort((a, b) => b[1].size - a[1].size || String(a[0]).localeCompare(String(b[0])));
  const [unit, values] = ranked[0]!;
  const nums = [...values.values()].filter((v) => v > 0);
  const otherUnits = ranked.slice(1).map(([u, m]) => ({ unit: u, entities: [...m.keys()].filter((id) => !values.has(id)).length })).filter((o) => o.entities > 0);
  return { metric, unit, values, lo: nums.length ? Math.min(...nums) : 0, hi: nums.length ? Math.max(...nums) : 0, otherUnits };
}

/** One colour per status of the schema (checked by the compiler), and one for entities without facts. */
export const STATUS_COLORS: Record<ClaimStatus | 'NONE', string> = {
  STATED: '#16a34a',
  ESTIMATE: '#f59e0b',
  FORECAST: '#7c3aed',
  DISPUTED: '#dc2626',
  NONE: '#cbd5e1',
};
/** Least firm first: an entity takes the least firm status among its facts. Every status has a rank (kinds.test.ts). */
export const FIRMNESS = ['DISPUTED', 'FORECAST', 'ESTIMATE', 'STATED'] as const satisfies readonly ClaimStatus[];

export function leastFirm(statuses: Iterable<string | null>): ClaimStatus | 'NONE' {
  const have = new Set([...statuses].map((s) => s ?? 'STATED'));
  return FIRMNESS.find((s) => have.has(s)) ?? 'NONE';
}

export const SOURCE_COLORS = { episode: '#2563eb', reference: '#16a34a', both: '#f59e0b', none: '#cbd5e1' } as const;
export type SourceClass = keyof typeof SOURCE_COLORS;

/** Said in the episode, stated by a cited page, or both: over an entity's facts, dates and relationships. */
export function sourceClass(sources: Iterable<string>): SourceClass {
  const s = new Set([...sources].map((x) => x.toLowerCase()));
  const ep = s.has('episode');
  const ref = s.has('reference');
  return ep && ref ? 'both' : ep ? 'episode' : ref ? 'reference' : 'none';
}
