// Domain types shared by the loader, the repositories, GraphQL and the Cypher console.
// Everything here is plain data: Neo4j values are converted at the mapping boundary (server/db/mapping.ts).

export type ClaimStatus = 'stated' | 'estimate' | 'disputed' | 'forecast';
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['stated', 'estimate', 'disputed', 'forecast'];

export interface Evidence {
  chapter: string;
  chapterTitle?: string;
  atSeconds: number;
  speaker: string;
  note: string;
  /** The note in Chinese (required in seed/data; absent only in stores loaded before it existed). */
  noteZh?: string;
}

export interface EntityDates {
  founded?: string;
  released?: string;
  announced?: string;
  effective?: string;
  published?: string;
}

export interface EntityRecord {
  id: string;
  kind: string;
  name: string;
  nameZh: string | null;
  aliases: string[];
  summaryEn: string | null;
  summaryZh: string | null;
  wikidata: string | null;
  dates: EntityDates;
  firstSeconds: number | null;
  chapters: string[];
}

export interface RelationshipRecord {
  id: string;
  type: string;
  source: string;
  target: string;
  since: string | null;
  until: string | null;
  status: ClaimStatus;
  evidence: Evidence[];
}

export interface FactRecord {
  id: string;
  subject: string;
  metric: string;
  value: number | null;
  valueMax: number | null;
  unit: string | null;
  approximate: boolean;
  asOf: string | null;
  status: ClaimStatus;
  qualifier: string | null;
  qualifierZh: string | null;
  evidence: Evidence[];
}

export interface ChapterRecord {
  id: string;
  index: number;
  title: string;
  titleZh: string | null;
  startSeconds: number;
  endSeconds: number;
  /** The guided tour's caption for this chapter (null when the dataset has no tour). */
  caption: string | null;
  captionZh: string | null;
  /** Entities the tour step opens on. */
  focus: string[];
}

export interface EpisodeRecord {
  id: string;
  number: number;
  title: string;
  titleZh: string | null;
  podcast: string;
  published: string;
  youtubeId: string;
  durationSeconds: number;
  speakers: string[];
  chapters: ChapterRecord[];
}

export interface Vocabulary {
  kinds: Record<string, { label: string; en: string; zh: string }>;
  relationshipTypes: Record<string, { en: string; zh: string; description: string }>;
  claimStatuses: Record<string, string>;
  units: Record<string, string>;
  /** Each unit as written after a number in Chinese. */
  unitsZh: Record<string, string>;
  /** Every metric a fact may use, labelled in both languages. */
  metrics: Record<string, { en: string; zh: string }>;
}

/** The whole validated dataset, ready to load. */
export interface Dataset {
  vocabulary: Vocabulary;
  episode: EpisodeRecord;
  entities: EntityRecord[];
  relationships: RelationshipRecord[];
  facts: FactRecord[];
}

export function youtubeUrl(youtubeId: string, atSeconds: number): string {
  return `https://www.youtube.com/watch?v=${encodeURIComponent(youtubeId)}&t=${Math.max(0, Math.floor(atSeconds))}s`;
}
