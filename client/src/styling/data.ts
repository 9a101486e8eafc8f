// Styling by data, its store slice: the numbers and sources per entity that sizes and colours are made
// from, fetched once (facts, dated claims, relationships' evidence kinds) when a styling first needs them.
import { gqlRetrying } from '../api.js';
import { GRAPH_MEASURES, type MetricFact } from './options.js';

export interface StyleFact extends MetricFact {
  status: string | null;
  source: string;
  metricLabel: string;
  metricZh: string;
  unitLabel: string | null;
  unitZh: string | null;
}

export interface StylingData {
  facts: StyleFact[];
  /** Per entity, the kinds of evidence behind its facts, dates and relationships. */
  sources: Map<string, Set<string>>;
  /** Per graph measure (degree, ...), per entity. */
  measures: Map<string, Map<string, number>>;
}

const measureFields = Object.values(GRAPH_MEASURES).map((m) => m.query).join(' ');

// Two requests: as one they would exceed the server's query cost limit, which counts nesting and `first`
// (so facts keep the default page of 200: the dataset states 179; more would need paging on the server).
export const STYLING_FACTS = `query StylingFacts {
  facts { subject { id } metric value valueMax unit status source metricLabel metricZh: metricLabel(lang: ZH) unitLabel unitZh: unitLabel(lang: ZH) }
}`;
export const STYLING_SOURCES = `query StylingSources {
  graph { nodes { id ${measureFields} dateClaims { source } } edges { source { id } target { id } evidenceSources } }
}`;

interface Raw {
  facts: (Omit<StyleFact, 'subject'> & { subject: { id: string } })[];
  graph: { nodes: (Record<string, unknown> & { id: string; dateClaims: { source: string }[] })[]; edges: { source: { id: string }; target: { id: string }; evidenceSources: string[] }[] };
}

export const slice: { data: StylingData | null; loading: Promise<StylingData> | null; metrics: { metric: string; label: string; labelZh: string }[] } = { data: null, loading: null, metrics: [] };

/** The size picker's metrics, cheaply, before anyone asks for the facts themselves. */
export function loadMetricNames(): Promise<void> {
  return gqlRetrying<{ metrics: { metric: string; label: string; labelZh: string }[] }>('query MetricNames { metrics(minEntities: 2) { metric label labelZh: label(lang: ZH) } }').then(
    (d) => void (slice.metrics = d.metrics),
    () => undefined,
  );
}

export function loadStylingData(): Promise<StylingData> {
  slice.loading ??= Promise.all([gqlRetrying<Pick<Raw, 'facts'>>(STYLING_FACTS), gqlRetrying<Pick<Raw, 'graph'>>(STYLING_SOURCES)]).then(([a, b]) => {
    const raw: Raw = { ...a, ...b };
    const sources = new Map<string, Set<string>>();
    const add = (id: string, s: string) => (sources.get(id) ?? sources.set(id, new Set()).get(id)!).add(s);
    const facts = raw.facts.map((f) => ({ ...f, subject: f.subject.id }));
    for (const f of facts) add(f.subject, f.source);
    for (const n of raw.graph.nodes) for (const c of n.dateClaims) add(n.id, c.source);
    for (const e of raw.graph.edges)
      for (const s of e.evidenceSources) {
        add(e.source.id, s);
        add(e.target.id, s);
      }
    const measures = new Map<string, Map<string, number>>();
    for (const [name, m] of Object.entries(GRAPH_MEASURES)) measures.set(name, new Map(raw.graph.nodes.map((n) => [n.id, m.pick(n)])));
    slice.data = { facts, sources, measures };
    return slice.data;
  });
  // A failure is not remembered: the next styling change asks again.
  slice.loading.catch(() => void (slice.loading = null));
  return slice.loading;
}
