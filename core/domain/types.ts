// Domain types shared by the loader, the repositories, GraphQL and the Cypher console.
// Everything here is plain data: Neo4j values are converted at the mapping boundary (core/db/mapping.ts).

export type ClaimStatus = 'stated' | 'estimate' | 'disputed' | 'forecast';

/** Where a claim comes from: what was said in the episode, or a cited public page. */
export type EvidenceSource = 'episode' | 'reference';

export interface Evidence {
  source: EvidenceSource;
  /** Episode evidence only: the chapter, second and speaker ('' / null for reference evidence). */
  chapter: string;
  chapterTitle?: string;
  atSeconds: number | null;
  speaker: string | null;
  note: string;
  /** The note in Chinese (required in seed/data; absent only in stores loaded before it existed). */
  noteZh?: string;
  /** Reference evidence only: the https address of the page, and who publishes it. */
  url?: string | null;
  publisher?: string | null;
}

export interface EntityDates {
  founded?: string;
  released?: string;
  announced?: string;
  effective?: string;
  published?: string;
  opened?: string;
}

/** One dated claim about an entity (seed/data/dates): one per entity, key and source kind. */
export interface DateClaimRecord {
  /** `<entity>--<key>--<source>`. */
  id: string;
  entity: string;
  key: string;
  value: string;
  source: EvidenceSource;
  evidence: Evidence[];
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
  /** The keys a date claim may use (founded, released, ...), labelled in both languages. */
  dateKeys: Record<string, { en: string; zh: string }>;
  /** The kinds of evidence (episode, reference), labelled in both languages. */
  evidenceSources: Record<string, { en: string; zh: string }>;
}

/** The whole validated dataset, ready to load. */
export interface Dataset {
  vocabulary: Vocabulary;
  episode: EpisodeRecord;
  entities: EntityRecord[];
  relationships: RelationshipRecord[];
  facts: FactRecord[];
  /** Date claims; each entity's `dates` holds the preferred value per key (the episode's, else a reference's). */
  dates: DateClaimRecord[];
}

/** The one way a YouTube link is written: the video, or the video from a second of it. */
export function youtubeUrl(youtubeId: string, atSeconds?: number | null): string {
  const video = `https://www.youtube.com/watch?v=${encodeURIComponent(youtubeId)}`;
  return atSeconds === undefined || atSeconds === null ? video : `${video}&t=${Math.max(0, Math.floor(atSeconds))}s`;
}

/** One statement the server ran for a request, as a GraphQL answer's `extensions.cypher` shows it. */
export interface TracedStatement {
  cypher: string;
  /** As JSON: driver integers as numbers. */
  params: Record<string, unknown>;
}
