// One error vocabulary: every code lives in core/domain/errors.ts with its HTTP status, and one mapping
// reads the error classes' own codes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError, MemoryLimitError, QueryTimeoutError } from '../db/errors.js';
import { CODE, ERRORS, errorAnswer, errorLine } from './errors.js';

const ROOT = join(import.meta.dirname, '..', '..');
const LAYERS = ['core', 'app', 'server', 'seed', 'cypher', 'client/src'];

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) {
      if (e.name !== 'generated' && e.name !== 'node_modules') sources(path, out);
    } else if (/\.tsx?$/.test(e.name) && !/\.test\.ts$|\.d\.ts$/.test(e.name)) out.push(path);
  }
  return out;
}

describe('the error vocabulary', () => {
  it('is the only place an error code is written as a string', () => {
    const literal = new RegExp(`['"\`](${Object.keys(ERRORS).join('|')})['"\`]`);
    const offenders = LAYERS.flatMap((l) => sources(l))
      .filter((f) => f !== 'core/domain/errors.ts')
      .flatMap((f) =>
        readFileSync(join(ROOT, f), 'utf8')
          .split('\n')
          .map((line, i) => ({ at: `${f}:${i + 1}`, line }))
          .filter(({ line }) => literal.test(line) && !line.trimStart().startsWith('//')),
      )
      .map(({ at, line }) => `${at}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });

  it('answers with the code the error class names and the status the table gives it', () => {
    expect(errorAnswer(new QueryTimeoutError('too slow'))).toEqual({ code: 'QUERY_TIMEOUT', status: 400, message: 'too slow' });
    expect(errorAnswer(new DatabaseUnavailableError('down'))).toMatchObject({ code: CODE.SERVICE_UNAVAILABLE, status: 503 });
    expect(errorAnswer(new MemoryLimitError('big')).status).toBe(ERRORS.MEMORY_LIMIT.status);
    // Anything that does not name a code is ours, and says nothing about the server.
    expect(errorAnswer(new RangeError('Maximum call stack size exceeded'))).toEqual({ code: 'INTERNAL_SERVER_ERROR', status: 500, message: 'internal error' });
  });

  it('gives the CLIs the same code in their failure line', () => {
    expect(errorLine(new DatabaseUnavailableError('the graph database is not reachable'))).toBe('[SERVICE_UNAVAILABLE] the graph database is not reachable');
    expect(errorLine(new Error('NEO4J_PROVIDER=x must be "local" or "docker"'))).toBe('NEO4J_PROVIDER=x must be "local" or "docker"');
  });
});
