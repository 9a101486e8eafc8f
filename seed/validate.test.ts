// One fixture per class of bad input: each must be reported with file, line, entry and field, and
// the real dataset must pass.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from './dataset.js';
import { formatError } from './validate.js';
import { MINIMAL, readText, REAL, replaceIn, variant, writeBytes } from './testing.js';

const append = (dir: string, file: string, text: string) => writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8') + text);
const replace = (dir: string, file: string, from: string, to: string) =>
  writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(from, to));

describe('dataset validation', () => {
  it('accepts the minimal fixture and derives chapters from evidence times', () => {
    const r = readDataset(MINIMAL);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const widget = r.dataset.entities.find((e) => e.id === 'widget-1')!;
    expect(widget.chapters).toEqual(['one', 'two']);
    expect(widget.firstSeconds).toBe(100);
    expect(r.dataset.relationships[0]!.evidence[0]!.chapter).toBe('one');
  });

  it('accepts the real dataset in seed/data', () => {
    const r = readDataset();
    expect(r.ok ? [] : r.errors.map(formatError).slice(0, 5)).toEqual([]);
  });

  const cases: [string, (dir: string) => void, RegExp][] = [
    ['evidence without its Chinese note', (d) => replace(d, 'relationships/all.yaml', ', noteZh: Acme 设计了该部件。', ''), /relationships\/all\.yaml:1 entry "acme--DESIGNS--widget-1" field "evidence\.0\.noteZh": is required/],
    ['a qualifier without its Chinese', (d) => replace(d, 'facts/all.yaml', 'unit: W', 'unit: W\n  qualifier: peak draw'), /facts\/all\.yaml:1 entry "widget-1--power-capacity" field "qualifierZh": is required \(string\) when qualifier is given/],
    ['an unknown kind', (d) => replace(d, 'entities/people.yaml', 'kind: CHIP', 'kind: SPACESHIP'), /entities\/people\.yaml:\d+ entry "widget-1" field "kind": unknown kind "SPACESHIP"/],
    ['a claim status the vocabulary does not list', (d) => replace(d, 'relationships/all.yaml', 'target: widget-1', 'target: widget-1\n  status: rumoured'), /relationships\/all\.yaml:1 .*field "status": unknown claim status "rumoured"; allowed: stated, estimate, disputed, forecast/],
    ['an unknown relationship type', (d) => replace(d, 'relationships/all.yaml', 'DESIGNS', 'LOVES'), /relationships\/all\.yaml:1 .*field "type": unknown relationship type "LOVES"/],
    ['a dangling reference', (d) => replace(d, 'relationships/all.yaml', 'target: widget-1', 'target: widget-9'), /field "target": unknown entity "widget-9"/],
    ['a duplicate id', (d) => append(d, 'entities/people.yaml', '- id: acme\n  kind: COMPANY\n  name: Acme again\n  summary:\n    en: x\n    zh: x\n'), /people\.yaml:23 entry "acme" field "id": duplicate id "acme": first defined at .*people\.yaml:8, again at .*people\.yaml:23/],
    ['the same alias on two entities', (d) => replace(d, 'entities/people.yaml', 'aliases: []', 'aliases: [acme corp]'), /entry "widget-1" field "aliases\.0": alias "acme corp" already belongs to "acme"/],
    ['an unknown unit', (d) => replace(d, 'facts/all.yaml', 'unit: W', 'unit: horsepower'), /facts\/all\.yaml:1 entry "widget-1--power-capacity" field "unit": unknown unit "horsepower"/],
    ['missing evidence', (d) => writeFileSync(join(d, 'relationships/all.yaml'), '- type: DESIGNS\n  source: acme\n  target: widget-1\n  evidence: []\n'), /field "evidence": needs at least one piece of evidence/],
    ['a second past the episode end', (d) => replace(d, 'facts/all.yaml', 'at: 600', 'at: 5000'), /field "evidence\.0\.at": 5000 s is past the episode's end \(1000 s\)/],
    ['a malformed date', (d) => writeFileSync(join(d, 'dates/episode.yaml'), '- entity: acme\n  key: founded\n  value: 2024-13-45\n  evidence: [ { at: 100, speaker: host, note: x, noteZh: x } ]\n'), /dates\/episode\.yaml:1 entry "acme founded" field "value": must be a real date/],
    ['an unknown speaker', (d) => replace(d, 'facts/all.yaml', 'speaker: host', 'speaker: ghost'), /field "evidence\.0\.speaker": unknown speaker "ghost"/],
    ['broken YAML', (d) => append(d, 'facts/all.yaml', '  - : : [\n'), /facts\/all\.yaml:\d+: YAML:/],
    ['a chapter that disagrees with the time', (d) => replace(d, 'facts/all.yaml', 'at: 600,', 'at: 600, chapter: one,'), /says "one" but 600 s is in "two"/],
  ];
  it.each(cases)('reports %s with file, entry and field', (_name, edit, expected) => {
    const errors = variant(edit).errors;
    expect(errors.join('\n')).toMatch(expected);
  });
});

describe('field limits (the API refuses text over 200 characters)', () => {
  const long = (n: number, c = 'a') => c.repeat(n);
  it.each([
    ['a name', 'entities/people.yaml', 'name: Acme', `name: ${long(201, 'A')}`, '<dir>/entities/people.yaml:8 entry "acme" field "name": is 201 characters long; the limit is 200'],
    ['an alias', 'entities/people.yaml', 'aliases: [ACME Corp]', `aliases: [ACME Corp, ${long(250, 'b')}]`, '<dir>/entities/people.yaml:8 entry "acme" field "aliases.1": is 250 characters long; the limit is 200'],
    ['a summary', 'entities/people.yaml', 'en: A company.', `en: ${long(1001, 'x')}`, '<dir>/entities/people.yaml:8 entry "acme" field "summary.en": is 1001 characters long; the limit is 1000'],
    ['a note', 'facts/all.yaml', 'note: The widget draws 700 watts.', `note: ${long(401, 'n')}`, '<dir>/facts/all.yaml:1 entry "widget-1--power-capacity" field "evidence.0.note": is 401 characters long; the limit is 400'],
    ['a chapter title', 'episode.yaml', 'title: Two,', `title: ${long(201, 'T')},`, '<dir>/episode.yaml:11 entry "test-episode" field "chapters.1.title": is 201 characters long; the limit is 200'],
  ])('refuses %s over its limit, saying the limit and the length', (_what, file, from, to, expected) => {
    expect(variant((d) => replaceIn(d, file, from, to)).errors).toEqual([expected]);
  });

  it('refuses an id over 100 characters, and one that is not kebab-case, with both reasons', () => {
    const id = `Acme-${long(100)}`;
    const r = variant((d) => {
      replaceIn(d, 'entities/people.yaml', 'id: acme', `id: ${id}`);
      replaceIn(d, 'relationships/all.yaml', 'source: acme', `source: ${id}`);
    });
    const entry = `"${id.slice(0, 77)}…"`;
    expect(r.errors).toEqual([
      `<dir>/entities/people.yaml:8 entry ${entry} field "id": is 105 characters long; the limit is 100`,
      `<dir>/entities/people.yaml:8 entry ${entry} field "id": must be kebab-case: lowercase letters, digits and single dashes`,
      `<dir>/relationships/all.yaml:1 entry ${entry} field "source": is 105 characters long; the limit is 100`,
      `<dir>/relationships/all.yaml:1 entry ${entry} field "source": must be kebab-case: lowercase letters, digits and single dashes`,
    ]);
  });

  it('accepts text exactly at the limit', () => {
    expect(variant((d) => replaceIn(d, 'entities/people.yaml', 'name: Acme', `name: ${long(200, 'A')}`)).errors).toEqual([]);
  });
});

describe('every error of an entry', () => {
  it('reports shape errors and cross-file errors of one entry together', () => {
    const r = variant((d) =>
      replaceIn(d, 'relationships/all.yaml', 'type: DESIGNS\n  source: acme', 'type: LOVES\n  source: acme-9\n  since: 2025-02-30\n  colour: red'),
    );
    const at = '<dir>/relationships/all.yaml:1 entry "acme-9--LOVES--widget-1"';
    expect(r.errors).toEqual([
      `${at} field "since": must be a real date as YYYY, YYYY-MM or YYYY-MM-DD (got "2025-02-30")`,
      `${at}: unknown field(s) "colour"`,
      `${at} field "type": unknown relationship type "LOVES"; see seed/data/vocabulary.yaml`,
      `${at} field "source": unknown entity "acme-9" (dangling reference)`,
    ]);
  });

  it('keeps checking the evidence of an entry after one piece of it fails', () => {
    const r = variant((d) =>
      replaceIn(d, 'facts/all.yaml', '    - { at: 600, speaker: host, note: The widget draws 700 watts., noteZh: 该部件功耗 700 瓦。 }', '    - { at: soon, speaker: host, note: x, noteZh: x }\n    - { at: 5000, speaker: ghost, note: y, noteZh: y }'),
    );
    const at = '<dir>/facts/all.yaml:1 entry "widget-1--power-capacity"';
    expect(r.errors).toEqual([
      `${at} field "evidence.0.at": must be seconds (e.g. 266) or "m:ss" / "h:mm:ss"`,
      `${at} field "evidence.1.speaker": unknown speaker "ghost"; allowed: host`,
      `${at} field "evidence.1.at": 5000 s is past the episode's end (1000 s)`,
    ]);
  });

  it('does not call an entity with an error of its own "unknown" where it is referenced', () => {
    const r = variant((d) => replaceIn(d, 'entities/people.yaml', '  aliases: [ACME Corp]\n', '  aliases: [ACME Corp]\n  wikidata: nope\n'));
    expect(r.errors).toEqual(['<dir>/entities/people.yaml:8 entry "acme" field "wikidata": must look like Q12345']);
  });

  it('accepts only the vocabulary\'s own keys, not names inherited by every object', () => {
    const r = variant((d) => replaceIn(d, 'entities/people.yaml', 'kind: CHIP', 'kind: constructor'));
    expect(r.errors).toEqual([expect.stringMatching(/^<dir>\/entities\/people\.yaml:16 entry "widget-1" field "kind": unknown kind "constructor"; allowed: COMPANY, /)]);
  });
});

describe('duplicates name both places', () => {
  it('an entity id defined in two files', () => {
    const r = variant((d) => writeBytes(d, 'entities/more.yaml', '# more\n\n- id: widget-1\n  kind: CHIP\n  name: Widget again\n  summary:\n    en: x\n    zh: x\n'));
    expect(r.errors).toEqual([
      '<dir>/entities/people.yaml:16 entry "widget-1" field "id": duplicate id "widget-1": first defined at <dir>/entities/more.yaml:3, again at <dir>/entities/people.yaml:16',
    ]);
  });

  it('a relationship given twice', () => {
    const r = variant((d) => writeBytes(d, 'relationships/zz.yaml', `\n${readText(d, 'relationships/all.yaml')}`));
    expect(r.errors).toEqual([
      '<dir>/relationships/zz.yaml:2 entry "acme--DESIGNS--widget-1" field "id": duplicate id "acme--DESIGNS--widget-1": first defined at <dir>/relationships/all.yaml:1, again at <dir>/relationships/zz.yaml:2; merge the evidence or give an explicit id',
    ]);
  });

  it('a chapter id, with the line of each chapter', () => {
    const r = variant((d) => replaceIn(d, 'episode.yaml', '{ id: two, title: Two, start: 500 }', '{ id: one, title: Two, start: 500 }'));
    expect(r.errors).toEqual([
      '<dir>/episode.yaml:11 entry "one" field "chapters.1.id": duplicate id "one": first defined at <dir>/episode.yaml:10, again at <dir>/episode.yaml:11',
    ]);
  });
});

describe('dates are calendar dates', () => {
  it.each([
    ['2025-02-30', false],
    ['2023-02-29', false],
    ['2024-02-29', true],
    ['2025-04', true],
    ['2025', true],
  ])('%s', (date, ok) => {
    const r = variant((d) => replaceIn(d, 'relationships/all.yaml', 'target: widget-1', `target: widget-1\n  since: ${date}`));
    expect(r.errors).toEqual(ok ? [] : [`<dir>/relationships/all.yaml:1 entry "acme--DESIGNS--widget-1" field "since": must be a real date as YYYY, YYYY-MM or YYYY-MM-DD (got "${date}")`]);
  });
});

describe('one broken file, one error', () => {
  it('a broken entity file in the real dataset: its YAML error and one note, not an error per reference', () => {
    const r = variant((d) => replaceIn(d, 'entities/core.yaml', '- id:', '- id: ['), REAL);
    expect(r.errors).toEqual([
      '<dir>/entities/core.yaml:3: YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (column 3); 6 more YAML error(s) in this file may follow from it',
    ]);
    expect(r.unchecked).toEqual([
      'references to entities were not checked: <dir>/entities/core.yaml could not be read, and any id may be defined there',
    ]);
  });

  it('a broken relationship file in the real dataset: exactly its own error', () => {
    const r = variant((d) => writeBytes(d, 'relationships/lead-additions.yaml', `${readText(d, 'relationships/lead-additions.yaml')}\n- type: [\n`), REAL);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatch(/^<dir>\/relationships\/lead-additions\.yaml:\d+: YAML: /);
    expect(r.unchecked).toEqual([]);
  });

  it('a broken vocabulary: one error, the vocabulary checks skipped and said so', () => {
    const r = variant((d) => replaceIn(d, 'vocabulary.yaml', 'kinds:', 'kinds: ['), REAL);
    expect(r.errors).toEqual([
      '<dir>/vocabulary.yaml:6: YAML: Missing , between flow sequence items (column 3); 12 more YAML error(s) in this file may follow from it',
    ]);
    expect(r.unchecked).toEqual(['kinds, relationship types and units were not checked: <dir>/vocabulary.yaml has errors']);
  });
});
