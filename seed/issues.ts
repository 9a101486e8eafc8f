// What the validation steps share: the error shape, what is known so far, and zod issues turned into
// errors that name file, line, entry and field.
import type { z } from 'zod';
import type { EpisodeRecord, Vocabulary } from '../server/domain/types.js';
import type { SourceEntry } from './read.js';

export interface DataError {
  file: string;
  line?: number;
  entry?: string;
  field?: string;
  message: string;
}

export interface EpisodeContext {
  file: string;
  record: EpisodeRecord;
  chapterIds: Set<string>;
  speakers: Set<string>;
}

/** State of one validation run. A null part could not be used: the checks that need it are skipped, not failed. */
export interface Checks {
  errors: DataError[];
  vocab: Vocabulary | null;
  ep: EpisodeContext | null;
  /** False when an entity file could not be read: an id missing from the rest may be defined there. */
  entitiesComplete: boolean;
  /** Every entity id defined so far, with its kind if that parsed, including entries with errors of their own. */
  entityKinds: Map<string, string | undefined>;
}

export type At = Pick<DataError, 'file' | 'line' | 'entry'>;

/** Own keys only: a kind named "constructor" or "toString" is not in the vocabulary. */
export const has = (record: Record<string, unknown>, key: string): boolean => Object.hasOwn(record, key);

export function entryName(src: SourceEntry): string {
  const v = src.value as Record<string, unknown> | null;
  if (v && typeof v === 'object') {
    if (typeof v.id === 'string') return `"${v.id}"`;
    if (typeof v.type === 'string' && typeof v.source === 'string' && typeof v.target === 'string')
      return `"${v.source} ${v.type} ${v.target}"`;
    if (typeof v.subject === 'string' && typeof v.metric === 'string') return `"${v.subject} ${v.metric}"`;
    if (typeof v.chapter === 'string') return `"${v.chapter}"`;
  }
  return `#${src.index + 1}`;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.slice(0, 10).map((k) => `"${k.length > 60 ? `${k.slice(0, 59)}…` : k}"`);
    const more = issue.keys.length > 10 ? ` and ${issue.keys.length - 10} more` : '';
    const hint = issue.keys.some((k) => /\s/.test(k)) ? ' (a comma inside { } splits the text: quote it or use block style)' : '';
    return `unknown field(s) ${keys.join(', ')}${more}${hint}`;
  }
  return issue.message.replace(/^Invalid input: expected (\w+), received undefined$/, 'is required ($1)');
}

/** Every zod issue of the entry, not only the first. */
export function reportIssues(error: z.ZodError | undefined, src: SourceEntry, errors: DataError[], entry = entryName(src)): void {
  for (const issue of error?.issues ?? []) {
    const field = issue.path.map(String).join('.') || undefined;
    const line = src.lineOf?.(issue.path) ?? src.line;
    errors.push({ file: src.file, line, entry, field, message: issueMessage(issue) });
  }
}

export function parseWith<S extends z.ZodType>(schema: S, src: SourceEntry, errors: DataError[]): z.output<S> | null {
  const r = schema.safeParse(src.value);
  if (r.success) return r.data;
  reportIssues(r.error, src, errors);
  return null;
}

/**
 * The entry if it is valid as a whole (`full`), and in any case each field that is valid on its own
 * (`part`), so that the cross-file checks still run on an entry with a bad date or a typo in one field.
 * The caller reports `error`: it knows the entry's name (a relationship's or fact's id is derived).
 */
export function parseEntry<S extends z.ZodObject>(
  schema: S,
  src: SourceEntry,
): { full: z.output<S> | null; part: Partial<z.output<S>>; error?: z.ZodError } {
  const r = schema.safeParse(src.value);
  if (r.success) return { full: r.data, part: r.data };
  const part: Record<string, unknown> = {};
  const value = src.value;
  if (value && typeof value === 'object' && !Array.isArray(value))
    for (const [key, field] of Object.entries(schema.shape)) {
      const f = (field as z.ZodType).safeParse((value as Record<string, unknown>)[key]);
      if (f.success) part[key] = f.data;
    }
  return { full: null, part: part as Partial<z.output<S>>, error: r.error };
}

/** The items of a list field that are valid on their own, with their index for the field path. */
export function validItems<S extends z.ZodType>(schema: S, list: unknown): [number, z.output<S>][] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item, i): [number, z.output<S>][] => {
    const r = schema.safeParse(item);
    return r.success ? [[i, r.data]] : [];
  });
}
