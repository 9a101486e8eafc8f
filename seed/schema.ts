// Shape of the files in seed/data (zod), with the length limits of every field. Cross-file rules
// (references, uniqueness, vocabulary) live in validate.ts and entries.ts: they need the whole dataset.
import { z } from 'zod';
import { isCalendarDate } from '../core/domain/dates.js';
import { MAX_TEXT } from '../core/domain/limits.js';
import type { ClaimStatus } from '../core/domain/types.js';
import { FORBIDDEN_CHAR, describeForbiddenChar } from './text.js';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TIME_PATTERN = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/;

/**
 * Limits in characters (UTF-16 code units, as String.length counts them). `name` is the API's
 * (MAX_TEXT, core/domain/limits.ts). The rest leave several times the longest text in seed/data today
 * (summary 131, note 133, id 42).
 */
export const DATA_LIMITS = {
  id: 100,
  name: MAX_TEXT,
  summary: 1000,
  note: 400,
  qualifier: 200,
  caption: 600,
  focus: 12,
  url: 400,
  /** Bytes, checked with stat before a file is read: parsing costs ~75x the file's size in memory. */
  fileBytes: 8 * 1024 * 1024,
  totalBytes: 32 * 1024 * 1024,
} as const;

const tooLong = (max: number) => ({
  error: (iss: { input?: unknown }) => `is ${String((iss.input as string).length)} characters long; the limit is ${max}`,
});

// The files are checked byte by byte when read; this catches what YAML escapes ("\0", "\e", "\u202E") produce.
const clean = (s: string): boolean => !FORBIDDEN_CHAR.test(s);
const notClean = {
  error: (iss: { input?: unknown }) => {
    const m = FORBIDDEN_CHAR.exec(String(iss.input));
    return `contains the ${m ? describeForbiddenChar(m[0]) : 'control character'}, which is not allowed in text`;
  },
};
const noLoneSurrogates = (s: string): boolean => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, tooLong(max))
    .refine(clean, notClean)
    .refine(noLoneSurrogates, 'contains an unpaired UTF-16 surrogate (a broken "\\u" escape)');
const name = text(DATA_LIMITS.name);
const summary = text(DATA_LIMITS.summary);
const id = z
  .string()
  .max(DATA_LIMITS.id, tooLong(DATA_LIMITS.id))
  .regex(ID_PATTERN, 'must be kebab-case: lowercase letters, digits and single dashes');
/**
 * A relationship's or fact's own id: kebab-case parts joined by single or double dashes, like the
 * derived ones (`deepseek-v3--total-parameters--reference`).
 */
const recordId = z
  .string()
  .max(DATA_LIMITS.id, tooLong(DATA_LIMITS.id))
  .regex(/^[a-z0-9]+(?:--?[a-z0-9]+)*$/, 'must be kebab-case parts joined by "-" or "--" (lowercase letters and digits)');
/** A name compared against the vocabulary; bounded so that an "unknown ..." message stays readable. */
const term = z.string().min(1, 'must not be empty').max(DATA_LIMITS.id, tooLong(DATA_LIMITS.id)).refine(clean, notClean);
const date = z
  .union([z.string(), z.number(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)))
  .refine(isCalendarDate, {
    error: (iss) => `must be a real date as YYYY, YYYY-MM or YYYY-MM-DD (got "${String(iss.input).slice(0, 40)}")`,
  });

/** "1:02:03", "2:03" or a number of seconds. */
export function parseTime(v: string | number): number | null {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : null;
  const m = TIME_PATTERN.exec(v.trim());
  if (!m) return /^\d+$/.test(v.trim()) ? Number(v.trim()) : null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

const time = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const s = parseTime(v);
  if (s === null) {
    ctx.addIssue({ code: 'custom', message: 'must be seconds (e.g. 266) or "m:ss" / "h:mm:ss"' });
    return z.NEVER;
  }
  return s;
});

/** A public page: https only, a host with a dot, no spaces (the explorer opens it in a new tab). */
const httpsUrl = z
  .string()
  .max(DATA_LIMITS.url, tooLong(DATA_LIMITS.url))
  .refine((s) => {
    if (!/^https:\/\/[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$/.test(s)) return false;
    try {
      return new URL(s).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be the https:// address of a public page');

/** Fields that only one kind of evidence has: the other kind names them in its error. */
const EPISODE_ONLY = ['at', 'speaker', 'chapter'] as const;
const REFERENCE_ONLY = ['url', 'publisher'] as const;

/**
 * One item of evidence. Episode (the default when `source` is absent): at, speaker, note, noteZh.
 * Reference: url, publisher, note, noteZh, and none of the episode's fields. A `source` outside the
 * vocabulary's evidenceSources is reported by entries.ts, which has the vocabulary.
 */
export const evidenceSchema = z
  .object({
    source: term.optional(),
    at: time.optional(),
    speaker: id.optional(),
    chapter: id.optional(),
    url: httpsUrl.optional(),
    publisher: name.optional(),
    note: text(DATA_LIMITS.note),
    /** The same note in Chinese, in our words (shown with ?lang=zh). Required: many users read Chinese. */
    noteZh: text(DATA_LIMITS.note),
  })
  .strict()
  .superRefine((ev, ctx) => {
    const issue = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    if (ev.source === 'reference') {
      if (ev.url === undefined) issue('url', 'is required for reference evidence: the https:// address of the public page it cites');
      if (ev.publisher === undefined) issue('publisher', 'is required for reference evidence: a short name of who publishes the page (Wikidata, arXiv, ...)');
      for (const f of EPISODE_ONLY)
        if (ev[f] !== undefined) issue(f, 'reference evidence has no second, speaker or chapter: those belong to episode evidence');
    } else if (ev.source === undefined || ev.source === 'episode') {
      if (ev.at === undefined) issue('at', 'is required (the second on the video: 266, "4:26" or "1:02:03"); a cited page is `source: reference` with a url');
      if (ev.speaker === undefined) issue('speaker', 'is required (string)');
      for (const f of REFERENCE_ONLY)
        if (ev[f] !== undefined) issue(f, 'episode evidence has no url or publisher: give the cited page its own item with `source: reference`');
    }
  });

// Any term here; the validator checks it against the vocabulary's claimStatuses (the one list of them).
const status = term.transform((s) => s as ClaimStatus);

export const entitySchema = z
  .object({
    id,
    kind: term,
    name,
    nameZh: name.optional(),
    aliases: z.array(name).default([]),
    summary: z.object({ en: summary, zh: summary }).strict(),
    /** Refused with a pointer to seed/data/dates/ (entries.ts): dates carry their own evidence now. */
    dates: z.unknown().optional(),
    wikidata: z.string().regex(/^Q\d{1,12}$/, 'must look like Q12345').optional(),
    chapters: z.array(id).optional(),
  })
  .strict();

export const relationshipSchema = z
  .object({
    id: recordId.optional(),
    type: term,
    source: id,
    target: id,
    since: date.optional(),
    until: date.optional(),
    status: status.default('stated'),
    evidence: z.array(evidenceSchema).min(1, 'needs at least one piece of evidence'),
  })
  .strict();

export const factSchema = z
  .object({
    id: recordId.optional(),
    subject: id,
    metric: z.string().max(DATA_LIMITS.id, tooLong(DATA_LIMITS.id)).regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case'),
    value: z.number().finite(),
    valueMax: z.number().finite().optional(),
    unit: term,
    approximate: z.boolean().default(false),
    asOf: date.optional(),
    status: status.default('stated'),
    qualifier: text(DATA_LIMITS.qualifier).optional(),
    qualifierZh: text(DATA_LIMITS.qualifier).optional(),
    evidence: z.array(evidenceSchema).min(1, 'needs at least one piece of evidence'),
  })
  .strict()
  .refine((f) => !f.qualifier || !!f.qualifierZh, {
    message: 'is required (string) when qualifier is given: the same qualifier in Chinese',
    path: ['qualifierZh'],
  });

/** seed/data/dates/*.yaml: one dated claim about an entity, with evidence of one kind. */
export const dateClaimSchema = z
  .object({
    entity: id,
    key: term,
    value: date,
    evidence: z.array(evidenceSchema).min(1, 'needs at least one piece of evidence (episode or reference)'),
  })
  .strict();

export const chapterSchema = z
  .object({ id, title: name, titleZh: name.optional(), start: time })
  .strict();

export const episodeSchema = z
  .object({
    id,
    number: z.number().int(),
    title: name,
    titleZh: name.optional(),
    podcast: name,
    published: date,
    youtubeId: z.string().regex(/^[A-Za-z0-9_-]{11}$/, 'must be an 11-character YouTube id'),
    durationSeconds: z.number().int().positive(),
    speakers: z.array(id).min(1),
    chapters: z.array(chapterSchema).min(1),
  })
  .strict();

export const vocabularySchema = z
  .object({
    kinds: z.record(
      z.string().max(DATA_LIMITS.id, tooLong(DATA_LIMITS.id)).regex(/^[A-Z][A-Z_]*$/),
      z.object({ label: z.string().max(DATA_LIMITS.id, tooLong(DATA_LIMITS.id)).regex(/^[A-Z][A-Za-z]*$/), en: name, zh: name }).strict(),
    ),
    relationshipTypes: z.record(
      z.string().max(DATA_LIMITS.id, tooLong(DATA_LIMITS.id)).regex(/^[A-Z][A-Z_]*$/),
      z.object({ en: name, zh: name, description: summary }).strict(),
    ),
    claimStatuses: z.record(term, summary),
    units: z.record(term, summary),
    unitsZh: z.record(term, name),
    metrics: z.record(
      z.string().max(DATA_LIMITS.id, tooLong(DATA_LIMITS.id)).regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case'),
      z.object({ en: name, zh: name }).strict(),
    ),
    dateKeys: z.record(z.string().max(DATA_LIMITS.id, tooLong(DATA_LIMITS.id)).regex(/^[a-z][a-z_]*$/), z.object({ en: name, zh: name }).strict()),
    evidenceSources: z.record(z.string().max(DATA_LIMITS.id, tooLong(DATA_LIMITS.id)).regex(/^[a-z][a-z_]*$/), z.object({ en: name, zh: name }).strict()),
  })
  .strict()
  .superRefine((v, ctx) => {
    // Every unit needs its Chinese: the explorer writes it after every number in ?lang=zh.
    for (const unit of Object.keys(v.units))
      if (!Object.hasOwn(v.unitsZh, unit)) ctx.addIssue({ code: 'custom', path: ['unitsZh', unit], message: `unit "${unit}" has no Chinese (add it under unitsZh)` });
  });

/** One step of the guided tour: the chapter it shows, the entities it opens on, a caption in both languages. */
export const tourStepSchema = z
  .object({
    chapter: id,
    focus: z.array(id).min(1).max(DATA_LIMITS.focus, `lists at most ${DATA_LIMITS.focus} entities`),
    caption: z.object({ en: text(DATA_LIMITS.caption), zh: text(DATA_LIMITS.caption) }).strict(),
  })
  .strict();

export type TourStepInput = z.output<typeof tourStepSchema>;
export type EntityInput = z.output<typeof entitySchema>;
export type RelationshipInput = z.output<typeof relationshipSchema>;
export type FactInput = z.output<typeof factSchema>;
export type DateClaimInput = z.output<typeof dateClaimSchema>;
export type EvidenceInput = z.output<typeof evidenceSchema>;
export type EpisodeInput = z.output<typeof episodeSchema>;
