// Shape of the files in seed/data (zod). Cross-file rules (references, uniqueness, vocabulary)
// live in validate.ts because they need the whole dataset.
import { z } from 'zod';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const DATE_PATTERN = /^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
const TIME_PATTERN = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/;

const id = z.string().regex(ID_PATTERN, 'must be kebab-case: lowercase letters, digits and single dashes');
const text = z.string().trim().min(1, 'must not be empty');
const date = z
  .union([z.string(), z.number(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)))
  .refine((v) => DATE_PATTERN.test(v) && isRealDate(v), 'must be a real date as YYYY, YYYY-MM or YYYY-MM-DD');

function isRealDate(v: string): boolean {
  const [y, m, d] = v.split('-').map(Number);
  if (m === undefined || d === undefined) return true;
  const dt = new Date(Date.UTC(y!, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

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

export const evidenceSchema = z
  .object({
    at: time,
    speaker: id,
    note: text.max(400, 'keep notes short: at most 400 characters'),
    chapter: id.optional(),
  })
  .strict();

const status = z.enum(['stated', 'estimate', 'disputed', 'forecast']);

export const entitySchema = z
  .object({
    id,
    kind: z.string(),
    name: text,
    nameZh: text.optional(),
    aliases: z.array(text).default([]),
    summary: z.object({ en: text, zh: text }).strict(),
    dates: z
      .object({
        founded: date.optional(),
        released: date.optional(),
        announced: date.optional(),
        effective: date.optional(),
        published: date.optional(),
      })
      .strict()
      .optional(),
    wikidata: z.string().regex(/^Q\d+$/, 'must look like Q12345').optional(),
    chapters: z.array(id).optional(),
  })
  .strict();

export const relationshipSchema = z
  .object({
    id: id.optional(),
    type: z.string(),
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
    id: id.optional(),
    subject: id,
    metric: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case'),
    value: z.number().finite(),
    valueMax: z.number().finite().optional(),
    unit: z.string(),
    approximate: z.boolean().default(false),
    asOf: date.optional(),
    status: status.default('stated'),
    qualifier: text.max(200).optional(),
    evidence: z.array(evidenceSchema).min(1, 'needs at least one piece of evidence'),
  })
  .strict();

export const chapterSchema = z
  .object({ id, title: text, titleZh: text.optional(), start: time })
  .strict();

export const episodeSchema = z
  .object({
    id,
    number: z.number().int(),
    title: text,
    titleZh: text.optional(),
    podcast: text,
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
      z.string().regex(/^[A-Z][A-Z_]*$/),
      z.object({ label: z.string().regex(/^[A-Z][A-Za-z]*$/), en: text, zh: text }).strict(),
    ),
    relationshipTypes: z.record(
      z.string().regex(/^[A-Z][A-Z_]*$/),
      z.object({ en: text, zh: text, description: text }).strict(),
    ),
    claimStatuses: z.record(z.string(), text),
    units: z.record(z.string(), text),
  })
  .strict();

export type EntityInput = z.output<typeof entitySchema>;
export type RelationshipInput = z.output<typeof relationshipSchema>;
export type FactInput = z.output<typeof factSchema>;
export type EvidenceInput = z.output<typeof evidenceSchema>;
