// Turns raw YAML into a Dataset, or into a list of errors that each name file, line, entry and field.
// Pure: no database, no disk (reading is read.ts's job), so it is unit-tested directly.
import type { z } from 'zod';
import type {
  ChapterRecord,
  Dataset,
  EntityRecord,
  EpisodeRecord,
  Evidence,
  FactRecord,
  RelationshipRecord,
  Vocabulary,
} from '../server/domain/types.js';
import type { RawDataset, SourceEntry } from './read.js';
import {
  entitySchema,
  episodeSchema,
  factSchema,
  relationshipSchema,
  vocabularySchema,
  type EvidenceInput,
} from './schema.js';

export interface DataError {
  file: string;
  line?: number;
  entry?: string;
  field?: string;
  message: string;
}

export function formatError(e: DataError): string {
  const where = e.line ? `${e.file}:${e.line}` : e.file;
  const entry = e.entry ? ` entry ${e.entry}` : '';
  const field = e.field ? ` field "${e.field}"` : '';
  return `${where}${entry}${field}: ${e.message}`;
}

export type ValidationResult = { ok: true; dataset: Dataset; errors: [] } | { ok: false; errors: DataError[] };

function entryName(src: SourceEntry): string {
  const v = src.value as Record<string, unknown> | null;
  if (v && typeof v === 'object') {
    if (typeof v.id === 'string') return `"${v.id}"`;
    if (typeof v.type === 'string' && typeof v.source === 'string' && typeof v.target === 'string')
      return `"${v.source} ${v.type} ${v.target}"`;
    if (typeof v.subject === 'string' && typeof v.metric === 'string') return `"${v.subject} ${v.metric}"`;
  }
  return `#${src.index + 1}`;
}

function parseWith<S extends z.ZodType>(schema: S, src: SourceEntry, errors: DataError[]): z.output<S> | null {
  const r = schema.safeParse(src.value);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    const field = issue.path.map(String).join('.') || undefined;
    const message =
      issue.code === 'unrecognized_keys'
        ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}` +
          (issue.keys.some((k) => /\s/.test(k)) ? ' (a comma inside { } splits the text: quote it or use block style)' : '')
        : issue.message.replace(/^Invalid input: expected (\w+), received undefined$/, 'is required ($1)');
    errors.push({ file: src.file, line: src.line, entry: entryName(src), field, message });
  }
  return null;
}

function chapterAt(chapters: ChapterRecord[], at: number): ChapterRecord | undefined {
  let found: ChapterRecord | undefined;
  for (const c of chapters) if (c.startSeconds <= at) found = c;
  return found;
}

export function validateDataset(raw: RawDataset): ValidationResult {
  const errors: DataError[] = raw.parseErrors.map((e) => ({ file: e.file, line: e.line, message: e.message }));
  if (!raw.vocabulary || !raw.episode) return { ok: false, errors };

  const vocab = parseWith(vocabularySchema, raw.vocabulary, errors) as Vocabulary | null;
  const ep = parseWith(episodeSchema, raw.episode, errors);
  if (!vocab || !ep) return { ok: false, errors };

  // Episode and chapters.
  const epFile = raw.episode.file;
  const chapters: ChapterRecord[] = [];
  const chapterIds = new Set<string>();
  ep.chapters.forEach((c, i) => {
    if (chapterIds.has(c.id)) errors.push({ file: epFile, entry: `"${c.id}"`, field: `chapters.${i}.id`, message: 'duplicate chapter id' });
    chapterIds.add(c.id);
    const prev = chapters[chapters.length - 1];
    if (prev && c.start <= prev.startSeconds)
      errors.push({ file: epFile, entry: `"${c.id}"`, field: `chapters.${i}.start`, message: 'chapters must be in order of start time' });
    if (c.start >= ep.durationSeconds)
      errors.push({ file: epFile, entry: `"${c.id}"`, field: `chapters.${i}.start`, message: `is past the episode's end (${ep.durationSeconds} s)` });
    chapters.push({ id: c.id, index: i + 1, title: c.title, titleZh: c.titleZh ?? null, startSeconds: c.start, endSeconds: ep.durationSeconds });
  });
  if (chapters[0] && chapters[0].startSeconds !== 0)
    errors.push({ file: epFile, field: 'chapters.0.start', message: 'the first chapter must start at 0' });
  for (let i = 0; i + 1 < chapters.length; i++) chapters[i]!.endSeconds = chapters[i + 1]!.startSeconds;

  const episode: EpisodeRecord = {
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

  // Entities.
  const entities = new Map<string, EntityRecord>();
  const entitySource = new Map<string, SourceEntry>();
  const aliasOwner = new Map<string, string>();
  for (const src of raw.entities) {
    const e = parseWith(entitySchema, src, errors);
    if (!e) continue;
    const at = { file: src.file, line: src.line, entry: `"${e.id}"` };
    if (!vocab.kinds[e.kind])
      errors.push({ ...at, field: 'kind', message: `unknown kind "${e.kind}"; allowed: ${Object.keys(vocab.kinds).join(', ')}` });
    const prev = entitySource.get(e.id);
    if (prev) {
      errors.push({ ...at, field: 'id', message: `duplicate id, already defined at ${prev.file}:${prev.line}` });
      continue;
    }
    for (const [i, c] of (e.chapters ?? []).entries())
      if (!chapterIds.has(c)) errors.push({ ...at, field: `chapters.${i}`, message: `unknown chapter "${c}"` });
    const names = new Set([e.name, ...e.aliases].map((a) => a.toLowerCase()));
    for (const [i, alias] of e.aliases.entries()) {
      const key = alias.toLowerCase();
      const owner = aliasOwner.get(key);
      if (owner && owner !== e.id)
        errors.push({ ...at, field: `aliases.${i}`, message: `alias "${alias}" already belongs to "${owner}"` });
    }
    for (const key of names) if (!aliasOwner.has(key)) aliasOwner.set(key, e.id);
    entitySource.set(e.id, src);
    entities.set(e.id, {
      id: e.id,
      kind: e.kind,
      name: e.name,
      nameZh: e.nameZh ?? null,
      aliases: e.aliases,
      summaryEn: e.summary.en,
      summaryZh: e.summary.zh,
      wikidata: e.wikidata ?? null,
      dates: e.dates ?? {},
      firstSeconds: null,
      chapters: [...(e.chapters ?? [])],
    });
  }

  ep.speakers.forEach((s, i) => {
    const p = entities.get(s);
    if (!p || p.kind !== 'PERSON')
      errors.push({ file: epFile, field: `speakers.${i}`, message: `speaker "${s}" must be a PERSON entity` });
  });

  const speakers = new Set(ep.speakers);
  const checkEvidence = (list: EvidenceInput[], src: SourceEntry, entry: string, field = 'evidence'): Evidence[] =>
    list.map((ev, i) => {
      const at = { file: src.file, line: src.line, entry };
      if (!speakers.has(ev.speaker))
        errors.push({ ...at, field: `${field}.${i}.speaker`, message: `unknown speaker "${ev.speaker}"; allowed: ${[...speakers].join(', ')}` });
      if (ev.at > ep.durationSeconds)
        errors.push({ ...at, field: `${field}.${i}.at`, message: `${ev.at} s is past the episode's end (${ep.durationSeconds} s)` });
      const chapter = chapterAt(chapters, ev.at);
      if (ev.chapter && !chapterIds.has(ev.chapter))
        errors.push({ ...at, field: `${field}.${i}.chapter`, message: `unknown chapter "${ev.chapter}"` });
      else if (ev.chapter && chapter && ev.chapter !== chapter.id)
        errors.push({ ...at, field: `${field}.${i}.chapter`, message: `says "${ev.chapter}" but ${ev.at} s is in "${chapter.id}"` });
      return { chapter: chapter?.id ?? '', chapterTitle: chapter?.title, atSeconds: ev.at, speaker: ev.speaker, note: ev.note };
    });

  const touch = (id: string, evidence: Evidence[]): void => {
    const e = entities.get(id);
    if (!e) return;
    for (const ev of evidence) {
      if (ev.chapter && !e.chapters.includes(ev.chapter)) e.chapters.push(ev.chapter);
      if (e.firstSeconds === null || ev.atSeconds < e.firstSeconds) e.firstSeconds = ev.atSeconds;
    }
  };

  // Relationships.
  const relationships: RelationshipRecord[] = [];
  const relSource = new Map<string, SourceEntry>();
  for (const src of raw.relationships) {
    const r = parseWith(relationshipSchema, src, errors);
    if (!r) continue;
    const rid = r.id ?? `${r.source}--${r.type}--${r.target}`;
    const entry = `"${rid}"`;
    const at = { file: src.file, line: src.line, entry };
    let bad = false;
    if (!vocab.relationshipTypes[r.type]) {
      errors.push({ ...at, field: 'type', message: `unknown relationship type "${r.type}"; see seed/data/vocabulary.yaml` });
      bad = true;
    }
    for (const end of ['source', 'target'] as const)
      if (!entities.has(r[end])) {
        errors.push({ ...at, field: end, message: `unknown entity "${r[end]}" (dangling reference)` });
        bad = true;
      }
    if (r.source === r.target) errors.push({ ...at, field: 'target', message: 'a relationship cannot point at its own source' });
    if (r.since && r.until && r.until < r.since) errors.push({ ...at, field: 'until', message: 'is before "since"' });
    const prev = relSource.get(rid);
    if (prev) {
      errors.push({ ...at, field: 'id', message: `duplicate relationship, already at ${prev.file}:${prev.line}; merge the evidence or give an explicit id` });
      continue;
    }
    relSource.set(rid, src);
    const evidence = checkEvidence(r.evidence, src, entry);
    if (bad) continue;
    touch(r.source, evidence);
    touch(r.target, evidence);
    relationships.push({
      id: rid,
      type: r.type,
      source: r.source,
      target: r.target,
      since: r.since ?? null,
      until: r.until ?? null,
      status: r.status,
      evidence,
    });
  }

  // Facts.
  const facts: FactRecord[] = [];
  const factSource = new Map<string, SourceEntry>();
  const autoIdCount = new Map<string, number>();
  for (const src of raw.facts) {
    const f = parseWith(factSchema, src, errors);
    if (!f) continue;
    let fid = f.id;
    if (!fid) {
      const base = `${f.subject}--${f.metric.replace(/_/g, '-')}`;
      const n = (autoIdCount.get(base) ?? 0) + 1;
      autoIdCount.set(base, n);
      fid = n === 1 ? base : `${base}--${n}`;
    }
    const entry = `"${fid}"`;
    const at = { file: src.file, line: src.line, entry };
    let bad = false;
    if (!entities.has(f.subject)) {
      errors.push({ ...at, field: 'subject', message: `unknown entity "${f.subject}" (dangling reference)` });
      bad = true;
    }
    if (!vocab.units[f.unit]) {
      errors.push({ ...at, field: 'unit', message: `unknown unit "${f.unit}"; allowed: ${Object.keys(vocab.units).join(', ')}` });
      bad = true;
    }
    if (f.valueMax !== undefined && f.valueMax < f.value)
      errors.push({ ...at, field: 'valueMax', message: 'must not be below "value"' });
    const prev = factSource.get(fid);
    if (prev) {
      errors.push({ ...at, field: 'id', message: `duplicate fact id, already at ${prev.file}:${prev.line}` });
      continue;
    }
    factSource.set(fid, src);
    const evidence = checkEvidence(f.evidence, src, entry);
    if (bad) continue;
    touch(f.subject, evidence);
    facts.push({
      id: fid,
      subject: f.subject,
      metric: f.metric,
      value: f.value,
      valueMax: f.valueMax ?? null,
      unit: f.unit,
      approximate: f.approximate,
      asOf: f.asOf ?? null,
      status: f.status,
      qualifier: f.qualifier ?? null,
      evidence,
    });
  }

  if (errors.length > 0) return { ok: false, errors };
  const order = new Map(chapters.map((c) => [c.id, c.index]));
  for (const e of entities.values()) e.chapters.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { ok: true, errors: [], dataset: { vocabulary: vocab, episode, entities: [...entities.values()], relationships, facts } };
}
