// Test helpers for the seed tests: a throwaway copy of a dataset, edited, then validated; messages
// come back exactly as the CLI prints them, with the copy's path replaced by "<dir>".
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { readDataset } from './dataset.js';
import { formatError } from './validate.js';

export const MINIMAL = join(import.meta.dirname, '..', 'test', 'fixtures', 'minimal');
export const REAL = join(import.meta.dirname, 'data');

export function copyOf(base: string, edit: (dir: string) => void = () => undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'aig-data-'));
  cpSync(base, dir, { recursive: true });
  edit(dir);
  return dir;
}

export interface Outcome {
  ok: boolean;
  errors: string[];
  unchecked: string[];
}

export function validateCopy(dir: string): Outcome {
  const r = readDataset(dir);
  const shown = relative(process.cwd(), dir) || dir;
  const clean = (s: string) => s.split(shown).join('<dir>');
  return r.ok
    ? { ok: true, errors: [], unchecked: [] }
    : { ok: false, errors: r.errors.map((e) => clean(formatError(e))), unchecked: r.unchecked.map(clean) };
}

export const variant = (edit: (dir: string) => void, base = MINIMAL): Outcome => validateCopy(copyOf(base, edit));

export const writeBytes = (dir: string, file: string, bytes: Uint8Array | string): void => writeFileSync(join(dir, file), bytes);
export const readText = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
export function replaceIn(dir: string, file: string, from: string, to: string): void {
  const before = readText(dir, file);
  if (!before.includes(from)) throw new Error(`test setup: "${from}" is not in ${file}`);
  writeFileSync(join(dir, file), before.replace(from, to));
}
