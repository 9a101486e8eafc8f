// Read + validate in one call, and summaries of a dataset for humans.
import { resolve } from 'node:path';
import { ROOT_DIR } from '../core/config.js';
import type { Dataset } from '../core/domain/types.js';
import { readDataDir } from './read.js';
import { validateDataset, type ValidationResult } from './validate.js';

export const DEFAULT_DATA_DIR = resolve(ROOT_DIR, 'seed', 'data');

/** Reads and validates the data files; nothing is written (seed/load.ts's loadDataset writes to Neo4j). */
export function readDataset(dir: string = DEFAULT_DATA_DIR): ValidationResult {
  return validateDataset(readDataDir(dir));
}

export function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const it of items) out[key(it)] = (out[key(it)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

export function describeDataset(d: Dataset): string {
  const lines: string[] = [];
  const table = (title: string, counts: Record<string, number>): void => {
    lines.push(`${title}:`);
    for (const [k, n] of Object.entries(counts)) lines.push(`  ${k.padEnd(24)} ${String(n).padStart(5)}`);
  };
  lines.push(
    `${d.entities.length} entities, ${d.relationships.length} relationships, ${d.facts.length} facts, ${d.episode.chapters.length} chapters`,
  );
  table('entities by kind', countBy(d.entities, (e) => e.kind));
  table('relationships by type', countBy(d.relationships, (r) => r.type));
  table('facts by unit', countBy(d.facts, (f) => f.unit ?? ''));
  return lines.join('\n');
}
