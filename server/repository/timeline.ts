// The timeline: every dated claim about an entity (seed/data/dates, the episode's and the cited pages'
// kept apart, so a date both state appears twice) and every relationship's since/until, by date.
import type { Executor } from '../../core/db/executor.js';
import type { EvidenceSource } from '../../core/domain/types.js';
import { entityProjection, relationshipProjection, toDateClaim, toEntity, toRelationship, type EntityNode, type RelationshipEdge } from './records.js';

export interface TimelineEntry {
  date: string;
  /** A date key (released, announced, effective, ...) or, for a relationship, since / until. */
  kind: string;
  /** The dated entity; for a relationship, its source end. */
  entity: EntityNode;
  /** Where the date comes from: the claim's source, or the kinds of evidence the relationship holds. */
  sources: EvidenceSource[];
  relationship: RelationshipEdge | null;
}

export async function timeline(db: Executor, kinds: string[]): Promise<TimelineEntry[]> {
  const [claims, rels] = await Promise.all([
    db.read({
      cypher: `MATCH (e:Entity)-[:HAS_DATE]->(d:DateClaim)
WHERE size($kinds) = 0 OR e.kind IN $kinds
RETURN ${entityProjection()} AS e, collect(d {.*}) AS claims`,
      params: { kinds },
    }),
    db.read({
      cypher: `MATCH (e:Entity)-[r]->(b:Entity)
WHERE (r.since IS NOT NULL OR r.until IS NOT NULL) AND (size($kinds) = 0 OR e.kind IN $kinds OR b.kind IN $kinds)
RETURN ${entityProjection()} AS e, ${relationshipProjection()} AS r`,
      params: { kinds },
    }),
  ]);
  const out: TimelineEntry[] = [];
  for (const row of claims) {
    const entity = toEntity(row.e as Record<string, unknown>);
    for (const c of (row.claims as Record<string, unknown>[]).map(toDateClaim)) out.push({ date: c.value, kind: c.key, entity, sources: [c.source], relationship: null });
  }
  for (const row of rels) {
    const entity = toEntity(row.e as Record<string, unknown>);
    const r = toRelationship(row.r as Record<string, unknown>);
    const sources = [...new Set(r.evidence.map((e) => e.source))].sort();
    if (r.since) out.push({ date: r.since, kind: 'since', entity, sources, relationship: r });
    if (r.until) out.push({ date: r.until, kind: 'until', entity, sources, relationship: r });
  }
  // By date as text ("2024" before "2024-12": a year sorts before the days in it), then stably by what it is.
  const rest = (e: TimelineEntry) => `${e.entity.id}|${e.kind}|${e.relationship?.id ?? ''}|${e.sources.join(',')}`;
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return out.sort((a, b) => cmp(a.date, b.date) || cmp(rest(a), rest(b)));
}
