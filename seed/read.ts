// Reads seed/data from disk: YAML documents with the line of every list entry, so that
// validation errors can point at "file:line". Every file is sized with stat before it is read
// and checked byte by byte (text.ts) before it is parsed.
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isNode, isSeq, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { DATA_LIMITS } from './schema.js';
import { decodeDataFile } from './text.js';

export type Section = 'vocabulary' | 'episode' | 'entities' | 'relationships' | 'facts' | 'dates' | 'tour';

export interface SourceEntry {
  file: string;
  line: number;
  index: number;
  value: unknown;
  /** Single-file documents only (vocabulary, episode): the line of a field inside the entry. */
  lineOf?: (path: readonly PropertyKey[]) => number | undefined;
}

export interface ReadError {
  file: string;
  line?: number;
  message: string;
  /** The part of the dataset the file would have supplied; validation skips checks that need it. */
  section?: Section;
}

export interface RawDataset {
  root: string;
  vocabulary: SourceEntry | null;
  episode: SourceEntry | null;
  entities: SourceEntry[];
  relationships: SourceEntry[];
  facts: SourceEntry[];
  /** seed/data/dates/*.yaml: date claims, each with its evidence. */
  dates: SourceEntry[];
  /** Guided-tour steps (tour/*.yaml): one caption per chapter. */
  tour: SourceEntry[];
  parseErrors: ReadError[];
  /** True when the files were refused as a whole (too large in total) and none was read. */
  refused?: boolean;
}

export interface ReadLimits {
  fileBytes: number;
  totalBytes: number;
}

interface DataFile {
  path: string;
  file: string;
  section: Section;
  size: number;
}

interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
  value: unknown;
}

// The yaml library's default, stated here because it is what stops a "billion laughs" file: past this
// many alias expansions toJS throws instead of building an exponentially large value.
const MAX_ALIAS_COUNT = 100;

const LIST_SECTIONS = ['entities', 'relationships', 'facts', 'dates', 'tour'] as const;

const displayName = (path: string): string => relative(process.cwd(), path) || path;
const mib = (bytes: number): string => (bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MiB` : `${bytes} bytes`);

function listYaml(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

/** Records why a file cannot be used; null so that callers can `return refuse(...)`. */
function refuse(raw: RawDataset, f: Pick<DataFile, 'file' | 'section'>, message: string, line?: number): null {
  raw.parseErrors.push({ file: f.file, line, message, section: f.section });
  return null;
}

function statFile(path: string, section: Section, limits: ReadLimits, raw: RawDataset): DataFile | null {
  const file = displayName(path);
  const fail = (message: string) => refuse(raw, { file, section }, message);
  let st;
  try {
    st = statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return fail(code === 'ENOENT' ? 'file is missing' : `cannot read: ${(err as Error).message}`);
  }
  // A FIFO or device (/dev/zero behind a symlink) has no size to check and may never end.
  if (!st.isFile()) return fail('is not a regular file');
  if (st.size > limits.fileBytes)
    return fail(`is ${mib(st.size)}; a data file may be at most ${mib(limits.fileBytes)} (split it into several files)`);
  return { path, file, section, size: st.size };
}

/** Every file the dataset consists of, sized; null when together they are over the total limit. */
function planFiles(root: string, limits: ReadLimits, raw: RawDataset): DataFile[] | null {
  const candidates: [string, Section][] = [
    [join(root, 'vocabulary.yaml'), 'vocabulary'],
    [join(root, 'episode.yaml'), 'episode'],
    ...LIST_SECTIONS.flatMap((s) => listYaml(join(root, s)).map((p): [string, Section] => [p, s])),
  ];
  const files = candidates.flatMap(([p, s]) => statFile(p, s, limits, raw) ?? []);
  const total = files.reduce((n, f) => n + f.size, 0);
  if (total <= limits.totalBytes) return files;
  raw.parseErrors.push({
    file: displayName(root),
    message: `the data files add up to ${mib(total)}; the limit is ${mib(limits.totalBytes)} in total, so none was read`,
  });
  return null;
}

/** At most the size stat reported: a file that grows in between is refused rather than read without bound. */
function readBounded(f: DataFile): Buffer | null {
  const fd = openSync(f.path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size !== f.size) return null;
    const buf = Buffer.alloc(size + 1);
    let n = 0;
    for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, n);
    return n === size ? buf.subarray(0, size) : null;
  } finally {
    closeSync(fd);
  }
}

function readText(f: DataFile, raw: RawDataset): string | null {
  const fail = (message: string, line?: number) => refuse(raw, f, message, line);
  let bytes: Buffer | null;
  try {
    bytes = readBounded(f);
  } catch (err) {
    return fail(`cannot read: ${(err as Error).message}`);
  }
  if (!bytes) return fail('changed while it was being read; run again');
  const decoded = decodeDataFile(bytes);
  return decoded.ok ? decoded.text : fail(decoded.message, decoded.line);
}

function firstAliasLine(doc: Document, lineCounter: LineCounter): number | undefined {
  let line: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) line = lineCounter.linePos(node.range[0]).line;
      return visit.BREAK;
    },
  });
  return line;
}

function aliasMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (!/Excessive alias count/.test(message)) return `YAML: ${message}`;
  return `YAML: its aliases (*name) expand to more than ${MAX_ALIAS_COUNT} copies, the shape of a "billion laughs" attack; write the values out instead`;
}

/** The first YAML error only: later ones in the same file are mostly echoes of it. */
function firstYamlError(doc: Document): { line?: number; message: string } | null {
  const [first, ...rest] = doc.errors;
  if (!first) return null;
  const pos = first.linePos?.[0];
  const text =
    first.code === 'MULTIPLE_DOCS'
      ? 'a data file holds one YAML document; this "---" starts a second one'
      : first.message.split('\n')[0]!.replace(/ at line \d+, column (\d+):?$/, ' (column $1)');
  const more = rest.length ? `; ${rest.length} more YAML error(s) in this file may follow from it` : '';
  return { line: pos?.line, message: `YAML: ${text}${more}` };
}

function parseYaml(f: DataFile, text: string, raw: RawDataset): ParsedYaml | null {
  const fail = (message: string, line?: number) => refuse(raw, f, message, line);
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  } catch (err) {
    return fail(`YAML: ${(err as Error).message}`);
  }
  const bad = firstYamlError(doc);
  if (bad) return fail(bad.message, bad.line);
  try {
    return { doc, lineCounter, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (err) {
    return fail(aliasMessage(err), firstAliasLine(doc, lineCounter));
  }
}

function readYaml(f: DataFile, raw: RawDataset): ParsedYaml | null {
  const text = readText(f, raw);
  return text === null ? null : parseYaml(f, text, raw);
}

function entryLines(y: ParsedYaml): number[] {
  if (isSeq(y.doc.contents))
    return y.doc.contents.items.map((item) => y.lineCounter.linePos(isNode(item) && item.range ? item.range[0] : 0).line);
  return isMap(y.doc.contents) ? [1] : [];
}

function readListFile(f: DataFile, raw: RawDataset): SourceEntry[] {
  const y = readYaml(f, raw);
  if (!y || y.value === null || y.value === undefined) return [];
  if (!Array.isArray(y.value)) return refuse(raw, f, 'must be a YAML list of entries (each starting with "- ")', 1) ?? [];
  const lines = entryLines(y);
  return y.value.map((value, index) => ({ file: f.file, line: lines[index] ?? 1, index, value }));
}

function lineFinder(y: ParsedYaml): (path: readonly PropertyKey[]) => number | undefined {
  return (path) => {
    // A missing field has no node of its own: fall back to the closest enclosing one that exists.
    for (let p = [...path]; ; p = p.slice(0, -1)) {
      const node = p.length ? y.doc.getIn(p, true) : y.doc.contents;
      if (isNode(node) && node.range) return y.lineCounter.linePos(node.range[0]).line;
      if (p.length === 0) return undefined;
    }
  };
}

function readSingleFile(f: DataFile, raw: RawDataset): SourceEntry | null {
  const y = readYaml(f, raw);
  return y ? { file: f.file, line: 1, index: 0, value: y.value, lineOf: lineFinder(y) } : null;
}

export function readDataDir(root: string, limits: ReadLimits = DATA_LIMITS): RawDataset {
  const raw: RawDataset = { root, vocabulary: null, episode: null, entities: [], relationships: [], facts: [], dates: [], tour: [], parseErrors: [] };
  const files = planFiles(root, limits, raw);
  if (!files) return { ...raw, refused: true };
  for (const f of files) {
    if (f.section === 'vocabulary' || f.section === 'episode') raw[f.section] = readSingleFile(f, raw);
    else for (const entry of readListFile(f, raw)) raw[f.section].push(entry);
  }
  return raw;
}
