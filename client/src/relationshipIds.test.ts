// Relationship ids are opaque to the explorer: the server may derive one (source--TYPE--target) or a
// dataset entry may give its own, and clicking, links and the details panel must work for both. This
// fails when client code reads an id's parts again.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

/** An id's separator in a pattern or a string the code splits or builds by. */
const READS_ID_PARTS = /--\[A-Z|--\$\{|\}--|split\(\s*['"`]--|['"`]--['"`]/;

describe('the client', () => {
  it('never takes a relationship id apart', () => {
    const offending = sources(SRC).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ at: `${relative(SRC, file)}:${i + 1}`, line }))
        .filter(({ line }) => READS_ID_PARTS.test(line)),
    );
    expect(offending.map((o) => `${o.at} ${o.line.trim()}`)).toEqual([]);
  });

  it('is checked by a pattern that catches the old parsing', () => {
    expect(READS_ID_PARTS.test("if (/--[A-Z_]+--/.test(id)) select(id);")).toBe(true);
    expect(READS_ID_PARTS.test("const [source, type, target] = id.split('--');")).toBe(true);
    expect(READS_ID_PARTS.test('const id = `${a}--${type}--${b}`;')).toBe(true);
    expect(READS_ID_PARTS.test("style: `--lane:${color}`")).toBe(false);
  });
});
