// The GraphQL operations the explorer sends. The "Show the query" tab prints them with the Cypher the
// server reports running for them (queryPanel.ts); no Cypher is written here.

// Enum types come from the schema (npm run codegen); which kinds and statuses exist comes from the
// server's vocabulary at run time (kinds.ts).
import type { ClaimStatus, EntityKind, EvidenceSource } from '../../core/generated/schema.js';

export type { EvidenceSource };

export type Kind = EntityKind;
export type Status = ClaimStatus;

export interface Dates {
  founded: string | null;
  released: string | null;
  announced: string | null;
  effective: string | null;
  published: string | null;
  opened?: string | null;
}
export interface GraphNode {
  id: string;
  kind: Kind;
  name: string;
  labelZh: string;
  firstMentionSeconds: number | null;
  dates: Dates;
}
export interface GraphEdge {
  id: string;
  type: string;
  status: Status | null;
  since: string | null;
  source: { id: string };
  target: { id: string };
}
export interface NodePosition {
  id: string;
  x: number;
  y: number;
}
export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
  /** The server's stable layout (whole graph only); null while it is being computed. */
  positions?: NodePosition[] | null;
}
/**
 * Both languages travel at once, so switching the interface language needs no new request. The English
 * fields carry no alias: the server allows 15 aliases per request, and the entity query needs the rest.
 */
export interface Evidence {
  /** EPISODE: a second of the video (timestamp, speaker); REFERENCE: a cited page (url, publisher). */
  source: EvidenceSource;
  publisher: string | null;
  chapter: string | null;
  chapterZh: string | null;
  timestamp: string | null;
  atSeconds: number | null;
  speakerName: string | null;
  note: string;
  noteZh: string;
  url: string;
}
export interface Fact {
  id: string;
  metric: string;
  metricLabel: string;
  metricZh: string;
  display: string;
  displayZh: string;
  unit: string | null;
  unitLabel: string | null;
  unitZh: string | null;
  value: number | null;
  valueMax: number | null;
  approximate: boolean;
  status: Status | null;
  qualifier: string | null;
  qualifierZh: string | null;
  asOf: string | null;
  source: EvidenceSource;
  evidence: Evidence[];
  subject?: { id: string; name: string; labelZh: string; kind: Kind };
}
export interface RelationshipDetail {
  id: string;
  type: string;
  labelEn: string;
  labelZh: string;
  since: string | null;
  until: string | null;
  status: Status | null;
  source: { id: string; name: string; labelZh: string; kind: Kind };
  target: { id: string; name: string; labelZh: string; kind: Kind };
  evidence: Evidence[];
}
export interface DateClaim {
  key: string;
  label: string;
  labelZh: string;
  value: string;
  source: EvidenceSource;
  evidence: Evidence[];
}
export interface EntityDetail extends GraphNode {
  dateClaims?: DateClaim[];
  nameZh: string | null;
  aliases: string[];
  summary: string | null;
  summaryZh: string | null;
  wikidata: string | null;
  firstMentionUrl: string | null;
  degree: number;
  facts: Fact[];
  relationships: RelationshipDetail[];
}

const NODE_FIELDS = 'id kind name labelZh: label(lang: ZH) firstMentionSeconds dates { founded released announced effective published }';
const EDGE_FIELDS = 'id type status since source { id } target { id }';
const EVIDENCE = 'evidence { source publisher chapter chapterZh: chapter(lang: ZH) timestamp atSeconds speakerName note noteZh: note(lang: ZH) url }';
// Labels in both languages from the API (the vocabulary's), never from tables in the client.
const FACT_FIELDS =
  'id metric metricLabel metricZh: metricLabel(lang: ZH) display displayZh: display(lang: ZH) unit unitLabel unitZh: unitLabel(lang: ZH) value valueMax approximate status qualifier qualifierZh: qualifier(lang: ZH) asOf source';
const END = 'id name labelZh: label(lang: ZH) kind';
const REL_FIELDS = `id type labelEn: label(lang: EN) labelZh: label(lang: ZH) since until status source { ${END} } target { ${END} } ${EVIDENCE}`;

export interface Operation {
  graphql: string;
  variables: Record<string, unknown>;
}

export const GRAPH = `query Graph($kinds: [EntityKind!], $relationshipTypes: [String!], $asOf: String, $limit: Int) {
  graph(kinds: $kinds, relationshipTypes: $relationshipTypes, asOf: $asOf, limit: $limit) {
    nodes { ${NODE_FIELDS} }
    edges { ${EDGE_FIELDS} }
    truncated
    positions { id x y }
  }
}`;

/** Without a limit the server's default applies (the variable is left out, not sent as null). */
export function graphOperation(filters: { kinds: string[] | null; types: string[] | null; asOf: string | null }, limit?: number): Operation {
  return { graphql: GRAPH, variables: { kinds: filters.kinds, relationshipTypes: filters.types, asOf: filters.asOf, ...(limit ? { limit } : {}) } };
}

export const ENTITY = `query Entity($id: ID!) {
  entity(id: $id) {
    ${NODE_FIELDS}
    nameZh aliases wikidata firstMentionUrl degree
    summary summaryZh: summary(lang: ZH)
    dateClaims { key label labelZh: label(lang: ZH) value source evidence { source publisher timestamp speakerName note noteZh: note(lang: ZH) url } }
    facts { ${FACT_FIELDS} ${EVIDENCE} }
    relationships { ${REL_FIELDS} }
  }
}`;
export const entityOperation = (id: string): Operation => ({ graphql: ENTITY, variables: { id } });

export const RELATIONSHIP = `query Relationship($id: ID!) {
  relationship(id: $id) { ${REL_FIELDS} }
}`;
export const relationshipOperation = (id: string): Operation => ({ graphql: RELATIONSHIP, variables: { id } });

export const NEIGHBORHOOD = `query Neighborhood($id: ID!, $depth: Int) {
  neighborhood(id: $id, depth: $depth) {
    nodes { ${NODE_FIELDS} }
    edges { ${EDGE_FIELDS} }
    truncated
  }
}`;
export const neighborhoodOperation = (id: string, depth = 1): Operation => ({ graphql: NEIGHBORHOOD, variables: { id, depth } });

export const SHORTEST_PATH = `query ShortestPath($from: ID!, $to: ID!) {
  shortestPath(from: $from, to: $to) {
    nodes { ${NODE_FIELDS} }
    edges { ${EDGE_FIELDS} labelEn: label(lang: EN) labelZh: label(lang: ZH) }
  }
}`;
export const shortestPathOperation = (from: string, to: string): Operation => ({ graphql: SHORTEST_PATH, variables: { from, to } });

export const SEARCH = `query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) { score entity { id kind name labelZh: label(lang: ZH) aliases } }
}`;
export interface SearchHit {
  score: number;
  entity: { id: string; kind: Kind; name: string; labelZh: string; aliases: string[] };
}

export const METRICS = `query Metrics {
  metrics(minEntities: 2) {
    metric label labelZh: label(lang: ZH) units
    facts { ${FACT_FIELDS} subject { ${END} } ${EVIDENCE} }
  }
}`;
export interface Metric {
  metric: string;
  label: string;
  labelZh: string;
  units: string[];
  facts: Fact[];
}

export const EPISODE = `query Episode { episode { durationSeconds url } relationshipTypes { type labelEn: label(lang: EN) labelZh: label(lang: ZH) count } }`;
export interface TypeInfo {
  type: string;
  labelEn: string;
  labelZh: string;
  count: number;
}

/** The earliest date an entity carries, used by the "as of" slider; null means timeless. */
export function earliestDate(d: Dates): string | null {
  const all = [d.founded, d.released, d.announced, d.effective, d.published].filter((x): x is string => !!x);
  return all.length ? all.sort()[0]! : null;
}
