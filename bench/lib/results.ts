// Where the side scripts (bulk.ts, crossover.ts, bigAnswers.ts) keep their figures: bench/results/<date>-<what>.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR } from '../../core/config.js';

export function datedResultFile(what: string): string {
  const dir = join(ROOT_DIR, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  return join(dir, `${new Date().toISOString().slice(0, 10)}-${what}.json`);
}

/** Adds rows to the day's file: runs of one day build up side by side. Returns the file. */
export function appendResults(what: string, rows: unknown[]): string {
  const file = datedResultFile(what);
  let previous: unknown[] = [];
  try {
    previous = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
  } catch {
    // No file yet today (or an unreadable one, which is then replaced).
  }
  writeFileSync(file, `${JSON.stringify([...previous, ...rows], null, 2)}\n`);
  return file;
}
