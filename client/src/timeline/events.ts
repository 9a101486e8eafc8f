// The timeline's events, the pure part: which lane an event goes in (model releases, rules, clusters
// and fabs, the rest), where its date comes from (episode / cited page / both), and the year headings.
import type { Kind } from '../queries.js';

export interface End {
  id: string;
  kind: Kind;
  name: string;
  labelZh: string;
}

export interface TimelineEvent {
  date: string;
  /** released, announced, effective, founded, published, opened; since / until for a relationship. */
  kind: string;
  sources: string[];
  entity: End;
  relationship: { id: string; type: string; labelEn: string; labelZh: string; source: End; target: End } | null;
}

export const LANES = ['models', 'rules', 'clusters', 'other'] as const;
export type Lane = (typeof LANES)[number];

const LANE_OF_KIND: Partial<Record<Kind, Lane>> = { MODEL: 'models', POLICY: 'rules', DATACENTER: 'clusters' };

/** A relationship's event goes in the lane of whichever end is a model, a rule or a cluster (the target first). */
export function laneOf(e: TimelineEvent): Lane {
  const ends = e.relationship ? [e.relationship.target, e.relationship.source] : [e.entity];
  for (const end of ends) {
    const lane = LANE_OF_KIND[end.kind];
    if (lane) return lane;
  }
  return 'other';
}

export type SourceMark = 'episode' | 'reference' | 'both';

export function sourceMark(sources: string[]): SourceMark {
  const s = new Set(sources.map((x) => x.toLowerCase()));
  return s.has('episode') && s.has('reference') ? 'both' : s.has('reference') ? 'reference' : 'episode';
}

/** Events touch an entity when it is the dated one or either end of the dated relationship. */
export function touches(e: TimelineEvent, id: string | null, rel: string | null): boolean {
  if (rel) return e.relationship?.id === rel;
  if (!id) return false;
  return e.entity.id === id || e.relationship?.source.id === id || e.relationship?.target.id === id;
}

/** Events by year, in date order (the server sorts them; a year-only date comes before that year's days). */
export function byYear(events: TimelineEvent[]): [string, TimelineEvent[]][] {
  const years = new Map<string, TimelineEvent[]>();
  for (const e of events) {
    const y = e.date.slice(0, 4);
    (years.get(y) ?? years.set(y, []).get(y)!).push(e);
  }
  return [...years].sort((a, b) => a[0].localeCompare(b[0]));
}

/** A stable key for an event's element, so tests and links can name it. */
export const eventKey = (e: TimelineEvent): string => `${e.relationship?.id ?? e.entity.id}:${e.kind}:${e.date}:${sourceMark(e.sources)}`;
