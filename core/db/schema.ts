// Applies cypher/schema.cypher statement by statement (schema commands cannot share a transaction).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR } from '../config.js';
import type { Executor } from './executor.js';

export const CYPHER_SCHEMA_FILE = join(ROOT_DIR, 'cypher', 'schema.cypher');

export function splitStatements(source: string): string[] {
  return source
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function applySchema(db: Executor, file = CYPHER_SCHEMA_FILE): Promise<number> {
  const statements = splitStatements(readFileSync(file, 'utf8'));
  for (const cypher of statements) await db.write({ cypher, params: {} }, { timeoutMs: 60_000 });
  await db.write({ cypher: 'CALL db.awaitIndexes(120)', params: {} }, { timeoutMs: 130_000 });
  return statements.length;
}
