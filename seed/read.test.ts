// The bytes of a data file before they are YAML: encoding, control characters, size, and YAML that
// is broken or hostile. Each refusal names the file and, where there is one, the line.
import { mkdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataDir } from './read.js';
import { copyOf, MINIMAL, readText, replaceIn, validateCopy, variant, writeBytes } from './testing.js';

const PEOPLE = 'entities/people.yaml';
const ENTITIES_UNCHECKED = 'references to entities were not checked: <dir>/entities/people.yaml could not be read, and any id may be defined there';

/** people.yaml with `bytes` in place of the first occurrence of `marker` (line 10 holds "name: Acme"). */
function withBytes(marker: string, bytes: number[]): (dir: string) => void {
  return (dir) => {
    const text = Buffer.from(readText(dir, PEOPLE));
    const at = text.indexOf(marker);
    writeBytes(dir, PEOPLE, Buffer.concat([text.subarray(0, at), Buffer.from(bytes), text.subarray(at + Buffer.byteLength(marker))]));
  };
}

describe('text encoding', () => {
  it.each([
    ['a lone 0xFF', [0x41, 0xff], 'byte 0xFF at column 10'],
    ['a stray continuation byte', [0x41, 0x80], 'byte 0x80 at column 10'],
    ['an overlong "/"', [0xc0, 0xaf], 'byte 0xC0 at column 9'],
    ['an encoded UTF-16 surrogate', [0xed, 0xa0, 0x80], 'byte 0xED at column 9'],
    ['a sequence cut short', [0xe9, 0x98], 'byte 0xE9 at column 9'],
    ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 'byte 0xF4 at column 9'],
  ])('refuses invalid UTF-8 (%s) at the line of the first bad byte, instead of loading U+FFFD', (_what, bytes, where) => {
    const r = variant(withBytes('Acme\n', [...bytes, 0x0a]));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(new RegExp(`^<dir>/entities/people\\.yaml:10: is not valid UTF-8: ${where} \\(byte \\d+ of the file\\); save the file as UTF-8$`));
    expect(r.unchecked).toEqual([ENTITIES_UNCHECKED]);
  });

  it('counts lines past multi-byte characters (阿克米 on line 11 before a bad byte on line 12)', () => {
    const r = variant(withBytes('[ACME Corp]', [0x5b, 0x41, 0xff, 0x5d]));
    expect(r.errors).toEqual([
      expect.stringMatching(/^<dir>\/entities\/people\.yaml:12: is not valid UTF-8: byte 0xFF at column 14 /),
    ]);
  });

  it('accepts and strips a UTF-8 byte order mark', () => {
    const r = variant((d) => writeBytes(d, PEOPLE, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(readText(d, PEOPLE))])));
    expect(r).toEqual({ ok: true, errors: [], unchecked: [] });
  });

  it('accepts CRLF line ends and tabs inside text', () => {
    const r = variant((d) => {
      writeBytes(d, PEOPLE, readText(d, PEOPLE).replace('name: Acme', 'name: "Acme\tInc"').replaceAll('\n', '\r\n'));
    });
    expect(r).toEqual({ ok: true, errors: [], unchecked: [] });
  });

  it('names UTF-16 as such', () => {
    const r = variant((d) => writeBytes(d, PEOPLE, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readText(d, PEOPLE), 'utf16le')])));
    expect(r.errors).toEqual(['<dir>/entities/people.yaml:1: is UTF-16, not UTF-8: save it as UTF-8']);
  });

  it.each([
    ['NUL', '\u0000', 'control character U+0000'],
    ['ESC (terminal escapes)', '\u001b', 'control character U+001B'],
    ['DEL', '\u007f', 'control character U+007F'],
    ['a C1 control', '\u0085', 'control character U+0085'],
    ['a right-to-left override', '\u202e', 'invisible bidirectional-text control U+202E'],
  ])('refuses %s in a file with file:line', (_what, ch, described) => {
    const r = variant((d) => replaceIn(d, PEOPLE, 'name: Acme', `name: Ac${ch}me`));
    expect(r.errors).toEqual([`<dir>/entities/people.yaml:10: ${described} at column 11 is not allowed in a data file (only tab, line feed and carriage return)`]);
  });

  it('refuses a control character that a YAML escape puts into a value, naming entry and field', () => {
    const r = variant((d) => replaceIn(d, PEOPLE, 'name: Acme', 'name: "Ac\\0me"'));
    expect(r.errors).toEqual(['<dir>/entities/people.yaml:8 entry "acme" field "name": contains the control character U+0000, which is not allowed in text']);
  });

  it('refuses an unpaired surrogate from a \\u escape', () => {
    const r = variant((d) => replaceIn(d, PEOPLE, 'name: Acme', 'name: "Acme \\uD800"'));
    expect(r.errors).toEqual(['<dir>/entities/people.yaml:8 entry "acme" field "name": contains an unpaired UTF-16 surrogate (a broken "\\u" escape)']);
  });

  it('shows a control character inside a quoted value escaped, so it cannot act on the terminal', () => {
    const r = variant((d) => replaceIn(d, PEOPLE, 'kind: CHIP', 'kind: "\\e[31mCHIP"'));
    expect(r.errors).toEqual(['<dir>/entities/people.yaml:16 entry "widget-1" field "kind": contains the control character U+001B, which is not allowed in text']);
  });
});

describe('size limits, checked before a byte is read', () => {
  it('refuses a 60 MB file in milliseconds (sparse: it takes no disk and nothing is read)', () => {
    const dir = copyOf(MINIMAL);
    writeFileSync(join(dir, 'entities/huge.yaml'), '');
    truncateSync(join(dir, 'entities/huge.yaml'), 60 * 1024 * 1024);
    const t0 = performance.now();
    const r = validateCopy(dir);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(r.errors).toEqual(['<dir>/entities/huge.yaml: is 60.0 MiB; a data file may be at most 8.0 MiB (split it into several files)']);
    expect(r.unchecked).toEqual(['references to entities were not checked: <dir>/entities/huge.yaml could not be read, and any id may be defined there']);
  });

  it('refuses files that are each under the limit but too large together, and reads none of them', () => {
    const r = variant((d) => {
      for (let i = 0; i < 5; i++) {
        writeFileSync(join(d, `facts/big-${i}.yaml`), '');
        truncateSync(join(d, `facts/big-${i}.yaml`), 7 * 1024 * 1024);
      }
    });
    expect(r.errors).toEqual(['<dir>: the data files add up to 35.0 MiB; the limit is 32.0 MiB in total, so none was read']);
  });

  it('uses the limits given to readDataDir, to the byte', () => {
    const dir = copyOf(MINIMAL);
    const files = ['vocabulary.yaml', 'episode.yaml', 'entities/people.yaml', 'relationships/all.yaml', 'facts/all.yaml', 'dates/episode.yaml'];
    const sizes = files.map((f) => statSync(join(dir, f)).size);
    const largest = Math.max(...sizes);
    const total = sizes.reduce((a, b) => a + b, 0);
    const errors = (fileBytes: number, totalBytes: number) => readDataDir(dir, { fileBytes, totalBytes }).parseErrors.map((e) => e.message);
    expect(errors(largest, total)).toEqual([]);
    expect(errors(largest - 1, total)).toEqual([`is ${largest} bytes; a data file may be at most ${largest - 1} bytes (split it into several files)`]);
    expect(errors(largest, total - 1)).toEqual([`the data files add up to ${total} bytes; the limit is ${total - 1} bytes in total, so none was read`]);
  });

  it('refuses something that is not a regular file', () => {
    const r = variant((d) => mkdirSync(join(d, 'entities/folder.yaml')));
    expect(r.errors).toEqual(['<dir>/entities/folder.yaml: is not a regular file']);
  });
});

describe('YAML', () => {
  it('reports only the first YAML error of a file, with its line, then reads the next file', () => {
    const r = variant((d) => {
      replaceIn(d, PEOPLE, '  kind: COMPANY', '  kind: [COMPANY');
      writeBytes(d, 'facts/all.yaml', `${readText(d, 'facts/all.yaml')}  - : : [\n`);
    });
    expect(r.errors).toEqual([
      '<dir>/entities/people.yaml:10: YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (column 3); 4 more YAML error(s) in this file may follow from it',
      expect.stringMatching(/^<dir>\/facts\/all\.yaml:7: YAML: /),
    ]);
  });

  it('refuses a "billion laughs" alias bomb quickly, at the line of its first alias', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9).fill(`*${'abcdefghij'[i - 1]}`).join(',')}]`);
    const t0 = performance.now();
    const r = variant((d) => writeBytes(d, 'facts/bomb.yaml', `- subject: acme\n  x:\n${levels.map((l) => `    ${l}\n`).join('')}`));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.errors).toEqual([
      '<dir>/facts/bomb.yaml:4: YAML: its aliases (*name) expand to more than 100 copies, the shape of a "billion laughs" attack; write the values out instead',
    ]);
  });

  it('refuses an alias to an anchor that does not exist', () => {
    const r = variant((d) => replaceIn(d, PEOPLE, 'aliases: [ACME Corp]', 'aliases: *nowhere'));
    expect(r.errors).toEqual([expect.stringMatching(/^<dir>\/entities\/people\.yaml:12: YAML: .*nowhere/)]);
  });

  it('refuses nesting deep enough to exhaust the stack, without crashing', () => {
    const r = variant((d) => writeBytes(d, 'facts/deep.yaml', `- ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`));
    expect(r.errors).toEqual([expect.stringMatching(/^<dir>\/facts\/deep\.yaml:1: YAML: Maximum call stack size exceeded/)]);
  });

  it('refuses two YAML documents in one file', () => {
    const r = variant((d) => writeBytes(d, 'facts/all.yaml', `${readText(d, 'facts/all.yaml')}---\n- x: 1\n`));
    expect(r.errors).toEqual(['<dir>/facts/all.yaml:7: YAML: a data file holds one YAML document; this "---" starts a second one']);
  });

  it('refuses a list file that holds a mapping, without an error per reference to its entities', () => {
    const r = variant((d) => writeBytes(d, PEOPLE, 'id: acme\nkind: COMPANY\n'));
    expect(r.errors).toEqual(['<dir>/entities/people.yaml:1: must be a YAML list of entries (each starting with "- ")']);
    expect(r.unchecked).toEqual([ENTITIES_UNCHECKED]);
  });

  it('points a shape error in a single-document file at the line of the field', () => {
    const r = variant((d) => replaceIn(d, 'episode.yaml', 'durationSeconds: 1000', 'durationSeconds: lots'));
    expect(r.errors).toEqual(['<dir>/episode.yaml:7 entry "test-episode" field "durationSeconds": Invalid input: expected number, received string']);
    expect(r.unchecked).toEqual(['chapters, speakers and evidence times were not checked: <dir>/episode.yaml has errors']);
  });
});
