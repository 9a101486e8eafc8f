// Turns raw YAML into a Dataset, or into a list of errors that each name file, line, entry and field.
// Pure: no database, no disk (reading is read.ts's job), so it is unit-tested directly.
import type { ChapterRecord, Dataset, EntityRecord, EpisodeRecord, Evidence, Vocabulary } from '../server/domain/types.js';
import type { RawDataset, Section, SourceEntry } from './read.js';
import { episodeSchema, vocabularySchema, type EpisodeInput } from './schema.js';
import { FORBIDDEN_CHAR } from './text.js';
import { checkEntities, checkFacts, checkRelationships } from './entries.js';
import { applyDates, checkDateClaims } from './dateClaims.js';
import { parseWith, type Checks, type DataError, type EpisodeContext } from './issues.js';

export type { DataError } from './issues.js';

const clip = (s: string, max: number): string => {
  if (s.length <= max) return s;
  // Keep the closing quote of a quoted name, so that the cut is visible as one.
  const quoted = s.startsWith('"') && s.endsWith('"');
  return quoted ? `${s.slice(0, max - 2)}…"` : `${s.slice(0, max - 1)}…`;
};
// Messages quote what the files say; a control character or bidi override must not reach the terminal as is.
const visible = (s: string): string =>
  s.replace(new RegExp(`[\\n\\t\\r]|${FORBIDDEN_CHAR.source}`, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);

export function formatError(e: DataError): string {
  const where = e.line ? `${e.file}:${e.line}` : e.file;
  const entry = e.entry ? ` entry ${clip(e.entry, 80)}` : '';
  const field = e.field ? ` field "${clip(e.field, 120)}"` : '';
  return visible(`${where}${entry}${field}: ${e.message}`);
}

export type ValidationResult =
  | { ok: true; dataset: Dataset; errors: [] }
  /** unchecked: checks skipped because a file they need could not be used (instead of one false error per reference). */
  | { ok: false; errors: DataError[]; unchecked: string[] };

function chapterRecords(ep: EpisodeInput): ChapterRecord[] {
  const chapters = ep.chapters.map((c, i) => ({
    id: c.id,
    index: i + 1,
    title: c.title,
    titleZh: c.titleZh ?? null,
    startSeconds: c.start,
    endSeconds: ep.durationSeconds,
  }));
  for (let i = 0; i + 1 < chapters.length; i++) chapters[i]!.endSeconds = chapters[i + 1]!.startSeconds;
  return chapters;
}

function checkChapters(src: SourceEntry, chapters: ChapterRecord[], durationSeconds: number, errors: DataError[]): void {
  const firstAt = new Map<string, number>();
  chapters.forEach((c, i) => {
    const at = (field: string) => ({ file: src.file, line: src.lineOf?.(['chapters', i]) ?? src.line, entry: `"${c.id}"`, field: `chapters.${i}.${field}` });
    const line = at('id').line;
    const first = firstAt.get(c.id);
    if (first !== undefined)
      errors.push({ ...at('id'), message: `duplicate id "${c.id}": first defined at ${src.file}:${first}, again at ${src.file}:${line}` });
    else firstAt.set(c.id, line);
    const prev = chapters[i - 1];
    if (prev && c.startSeconds <= prev.startSeconds) errors.push({ ...at('start'), message: 'chapters must be in order of start time' });
    if (c.startSeconds >= durationSeconds) errors.push({ ...at('start'), message: `is past the episode's end (${durationSeconds} s)` });
  });
  if (chapters[0] && chapters[0].startSeconds !== 0)
    errors.push({ file: src.file, line: src.lineOf?.(['chapters', 0, 'start']), field: 'chapters.0.start', message: 'the first chapter must start at 0' });
}

function checkEpisode(src: SourceEntry | null, errors: DataError[]): EpisodeContext | null {
  const ep = src && parseWith(episodeSchema, src, errors);
  if (!src || !ep) return null;
  const chapters = chapterRecords(ep);
  checkChapters(src, chapters, ep.durationSeconds, errors);
  // Field by field, in this order: the dataset's JSON is hashed (seed/load.ts) to tell whether Neo4j is current.
  const record: EpisodeRecord = {
    id: ep.id,
    number: ep.number,
    title: ep.title,
    titleZh: ep.titleZh ?? null,
    podcast: ep.podcast,
    published: ep.published,
    youtubeId: ep.youtubeId,
    durationSeconds: ep.durationSeconds,
    speakers: ep.speakers,
    chapters,
  };
  return { file: src.file, record, chapterIds: new Set(chapters.map((c) => c.id)), speakers: new Set(ep.speakers) };
}

function checkSpeakers(checks: Checks, src: SourceEntry): void {
  if (!checks.ep || !checks.entitiesComplete) return;
  checks.ep.record.speakers.forEach((s, i) => {
    const known = checks.entityKinds.has(s);
    const kind = checks.entityKinds.get(s);
    // An entity whose kind did not parse has its own error already.
    if (!known || (kind !== undefined && kind !== 'PERSON'))
      checks.errors.push({ file: src.file, line: src.lineOf?.(['speakers', i]), field: `speakers.${i}`, message: `speaker "${s}" must be a PERSON entity` });
  });
}

function brokenFiles(raw: RawDataset, section: Section): string[] {
  return [...new Set(raw.parseErrors.filter((e) => e.section === section).map((e) => e.file))];
}

function uncheckedNotes(raw: RawDataset, checks: Checks): string[] {
  const notes: string[] = [];
  const because = (section: Section, fallback: string): string => brokenFiles(raw, section).join(', ') || fallback;
  if (!checks.vocab) notes.push(`kinds, relationship types and units were not checked: ${because('vocabulary', raw.vocabulary?.file ?? 'vocabulary.yaml')} has errors`);
  if (!checks.ep) notes.push(`chapters, speakers and evidence times were not checked: ${because('episode', raw.episode?.file ?? 'episode.yaml')} has errors`);
  const entities = brokenFiles(raw, 'entities');
  if (entities.length)
    notes.push(`references to entities were not checked: ${entities.join(', ')} could not be read, and any id may be defined there`);
  return notes.map(visible);
}

/** Chapters and first mention of each entity, from the evidence that points at it. */
function deriveFromEvidence(dataset: Dataset): void {
  const byId = new Map(dataset.entities.map((e) => [e.id, e]));
  const touch = (id: string, evidence: Evidence[]): void => {
    const e: EntityRecord | undefined = byId.get(id);
    if (!e) return;
    for (const ev of evidence) {
      // A cited page has no chapter or second in the episode.
      if (ev.source !== 'episode' || ev.atSeconds === null) continue;
      if (ev.chapter && !e.chapters.includes(ev.chapter)) e.chapters.push(ev.chapter);
      if (e.firstSeconds === null || ev.atSeconds < e.firstSeconds) e.firstSeconds = ev.atSeconds;
    }
  };
  for (const r of dataset.relationships) {
    touch(r.source, r.evidence);
    touch(r.target, r.evidence);
  }
  for (const f of dataset.facts) touch(f.subject, f.evidence);
  const order = new Map(dataset.episode.chapters.map((c) => [c.id, c.index]));
  for (const e of dataset.entities) e.chapters.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

export function validateDataset(raw: RawDataset): ValidationResult {
  const errors: DataError[] = raw.parseErrors.map((e) => ({ file: e.file, line: e.line, message: e.message }));
  if (raw.refused) return { ok: false, errors, unchecked: [] };
  const vocab = raw.vocabulary && (parseWith(vocabularySchema, raw.vocabulary, errors) as Vocabulary | null);
  const checks: Checks = {
    errors,
    vocab,
    ep: checkEpisode(raw.episode, errors),
    entitiesComplete: brokenFiles(raw, 'entities').length === 0,
    entityKinds: new Map(),
  };
  const entities = checkEntities(raw.entities, checks);
  if (raw.episode) checkSpeakers(checks, raw.episode);
  const relationships = checkRelationships(raw.relationships, checks);
  const facts = checkFacts(raw.facts, checks);
  const dates = checkDateClaims(raw.dates, checks);
  if (errors.length > 0 || !vocab || !checks.ep) return { ok: false, errors, unchecked: uncheckedNotes(raw, checks) };
  const dataset: Dataset = { vocabulary: vocab, episode: checks.ep.record, entities, relationships, facts, dates };
  applyDates(entities, dates);
  deriveFromEvidence(dataset);
  return { ok: true, errors: [], dataset };
}
