// Maps plain property maps (already converted by db/mapping.ts) to domain records.
import type { ClaimStatus, EntityRecord, Evidence, FactRecord, RelationshipRecord } from '../../core/domain/types.js';

export interface EntityNode extends EntityRecord {
  degree: number;
}

export type RelationshipEdge = RelationshipRecord;

/** Cypher projection of an entity variable `e` (degree counts domain relationships only). */
export const entityProjection = (v = 'e'): string => `${v} {.*, degree: COUNT { (${v})--(:Entity) }}`;

/** Cypher projection of a relationship variable `r`, with its endpoints' ids. */
export const relationshipProjection = (v = 'r'): string =>
  `${v} {.*, type: type(${v}), source: startNode(${v}).id, target: endNode(${v}).id}`;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

export function toEntity(p: Record<string, unknown>): EntityNode {
  return {
    id: String(p.id),
    kind: String(p.kind),
    name: String(p.name),
    nameZh: str(p.nameZh),
    aliases: strList(p.aliases),
    summaryEn: str(p.summaryEn),
    summaryZh: str(p.summaryZh),
    wikidata: str(p.wikidata),
    dates: {
      founded: str(p.founded) ?? undefined,
      released: str(p.released) ?? undefined,
      announced: str(p.announced) ?? undefined,
      effective: str(p.effective) ?? undefined,
      published: str(p.published) ?? undefined,
    },
    firstSeconds: num(p.firstSeconds),
    chapters: strList(p.chapters),
    degree: num(p.degree) ?? 0,
  };
}

export function toEvidence(p: Record<string, unknown>): Evidence[] {
  const chapters = strList(p.evidenceChapter);
  const at = Array.isArray(p.evidenceAt) ? p.evidenceAt.map(Number) : [];
  const speakers = strList(p.evidenceSpeaker);
  const notes = strList(p.evidenceNote);
  const notesZh = strList(p.evidenceNoteZh);
  return notes.map((note, i) => ({ chapter: chapters[i] ?? '', atSeconds: at[i] ?? 0, speaker: speakers[i] ?? '', note, noteZh: notesZh[i] || undefined }));
}

export function toRelationship(p: Record<string, unknown>): RelationshipEdge {
  return {
    id: String(p.id),
    type: String(p.type),
    source: String(p.source),
    target: String(p.target),
    since: str(p.since),
    until: str(p.until),
    status: (str(p.status) ?? 'stated') as ClaimStatus,
    evidence: toEvidence(p),
  };
}

export function toFact(p: Record<string, unknown>): FactRecord {
  return {
    id: String(p.id),
    subject: String(p.subject),
    metric: String(p.metric),
    value: num(p.value),
    valueMax: num(p.valueMax),
    unit: str(p.unit),
    approximate: p.approximate === true,
    asOf: str(p.asOf),
    status: (str(p.status) ?? 'stated') as ClaimStatus,
    qualifier: str(p.qualifier),
    qualifierZh: str(p.qualifierZh),
    evidence: toEvidence(p),
  };
}
