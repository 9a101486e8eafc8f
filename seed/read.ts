// Reads seed/data from disk: YAML documents with the line of every list entry, so that
// validation errors can point at "file:line".
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument, isSeq, isMap } from 'yaml';

export interface SourceEntry {
  file: string;
  line: number;
  index: number;
  value: unknown;
}

export interface RawDataset {
  root: string;
  vocabulary: SourceEntry | null;
  episode: SourceEntry | null;
  entities: SourceEntry[];
  relationships: SourceEntry[];
  facts: SourceEntry[];
  parseErrors: { file: string; line?: number; message: string }[];
}

function readYaml(path: string, raw: RawDataset): { value: unknown; lines: number[] } | null {
  const file = relative(process.cwd(), path) || path;
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (err) {
    raw.parseErrors.push({ file, message: `cannot read: ${(err as Error).message}` });
    return null;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const pos = e.linePos?.[0];
      raw.parseErrors.push({ file, line: pos?.line, message: `YAML: ${e.message.split('\n')[0]}` });
    }
    return null;
  }
  const lines: number[] = [];
  if (isSeq(doc.contents)) {
    for (const item of doc.contents.items) {
      const offset = (item as { range?: [number, number, number] }).range?.[0] ?? 0;
      lines.push(lineCounter.linePos(offset).line);
    }
  } else if (isMap(doc.contents)) {
    lines.push(1);
  }
  return { value: doc.toJS(), lines };
}

function listYaml(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort()
    .map((f) => join(dir, f));
}

function readList(root: string, dir: string, raw: RawDataset): SourceEntry[] {
  const out: SourceEntry[] = [];
  for (const path of listYaml(join(root, dir))) {
    const doc = readYaml(path, raw);
    if (!doc) continue;
    const file = relative(process.cwd(), path) || path;
    if (doc.value === null || doc.value === undefined) continue;
    if (!Array.isArray(doc.value)) {
      raw.parseErrors.push({ file, line: 1, message: 'must be a YAML list of entries (each starting with "- ")' });
      continue;
    }
    doc.value.forEach((value, index) => out.push({ file, line: doc.lines[index] ?? 1, index, value }));
  }
  return out;
}

function readSingle(root: string, name: string, raw: RawDataset): SourceEntry | null {
  const path = join(root, name);
  const file = relative(process.cwd(), path) || path;
  if (!existsSync(path)) {
    raw.parseErrors.push({ file, message: 'file is missing' });
    return null;
  }
  const doc = readYaml(path, raw);
  return doc ? { file, line: 1, index: 0, value: doc.value } : null;
}

export function readDataDir(root: string): RawDataset {
  const raw: RawDataset = {
    root,
    vocabulary: null,
    episode: null,
    entities: [],
    relationships: [],
    facts: [],
    parseErrors: [],
  };
  raw.vocabulary = readSingle(root, 'vocabulary.yaml', raw);
  raw.episode = readSingle(root, 'episode.yaml', raw);
  raw.entities = readList(root, 'entities', raw);
  raw.relationships = readList(root, 'relationships', raw);
  raw.facts = readList(root, 'facts', raw);
  return raw;
}
