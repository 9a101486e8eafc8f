// One fixture per class of bad input: each must be reported with file, entry and field, and
// the real dataset must pass.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetFromDisk } from './dataset.js';
import { formatError } from './validate.js';

const MINIMAL = join(import.meta.dirname, '..', 'test', 'fixtures', 'minimal');

function variant(edit: (dir: string) => void): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'aig-data-'));
  cpSync(MINIMAL, dir, { recursive: true });
  edit(dir);
  const r = loadDatasetFromDisk(dir);
  return r.ok ? [] : r.errors.map(formatError);
}
const append = (dir: string, file: string, text: string) => writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8') + text);
const replace = (dir: string, file: string, from: string, to: string) =>
  writeFileSync(join(dir, file), readFileSync(join(dir, file), 'utf8').replace(from, to));

describe('dataset validation', () => {
  it('accepts the minimal fixture and derives chapters from evidence times', () => {
    const r = loadDatasetFromDisk(MINIMAL);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const widget = r.dataset.entities.find((e) => e.id === 'widget-1')!;
    expect(widget.chapters).toEqual(['one', 'two']);
    expect(widget.firstSeconds).toBe(100);
    expect(r.dataset.relationships[0]!.evidence[0]!.chapter).toBe('one');
  });

  it('accepts the real dataset in seed/data', () => {
    const r = loadDatasetFromDisk();
    expect(r.ok ? [] : r.errors.map(formatError).slice(0, 5)).toEqual([]);
  });

  const cases: [string, (dir: string) => void, RegExp][] = [
    ['an unknown kind', (d) => replace(d, 'entities/people.yaml', 'kind: CHIP', 'kind: SPACESHIP'), /entities\/people\.yaml:\d+ entry "widget-1" field "kind": unknown kind "SPACESHIP"/],
    ['an unknown relationship type', (d) => replace(d, 'relationships/all.yaml', 'DESIGNS', 'LOVES'), /relationships\/all\.yaml:1 .*field "type": unknown relationship type "LOVES"/],
    ['a dangling reference', (d) => replace(d, 'relationships/all.yaml', 'target: widget-1', 'target: widget-9'), /field "target": unknown entity "widget-9"/],
    ['a duplicate id', (d) => append(d, 'entities/people.yaml', '- id: acme\n  kind: COMPANY\n  name: Acme again\n  summary:\n    en: x\n    zh: x\n'), /entry "acme" field "id": duplicate id, already defined at .*people\.yaml:\d+/],
    ['the same alias on two entities', (d) => replace(d, 'entities/people.yaml', 'aliases: []', 'aliases: [acme corp]'), /entry "widget-1" field "aliases\.0": alias "acme corp" already belongs to "acme"/],
    ['an unknown unit', (d) => replace(d, 'facts/all.yaml', 'unit: W', 'unit: horsepower'), /facts\/all\.yaml:1 entry "widget-1--power-capacity" field "unit": unknown unit "horsepower"/],
    ['missing evidence', (d) => writeFileSync(join(d, 'relationships/all.yaml'), '- type: DESIGNS\n  source: acme\n  target: widget-1\n  evidence: []\n'), /field "evidence": needs at least one piece of evidence/],
    ['a second past the episode end', (d) => replace(d, 'facts/all.yaml', 'at: 600', 'at: 5000'), /field "evidence\.0\.at": 5000 s is past the episode's end \(1000 s\)/],
    ['a malformed date', (d) => replace(d, 'entities/people.yaml', "  aliases: [ACME Corp]\n", '  aliases: [ACME Corp]\n  dates: { founded: 2024-13-45 }\n'), /entry "acme" field "dates\.founded": must be a real date/],
    ['an unknown speaker', (d) => replace(d, 'facts/all.yaml', 'speaker: host', 'speaker: ghost'), /field "evidence\.0\.speaker": unknown speaker "ghost"/],
    ['broken YAML', (d) => append(d, 'facts/all.yaml', '  - : : [\n'), /facts\/all\.yaml:\d+: YAML:/],
    ['a chapter that disagrees with the time', (d) => replace(d, 'facts/all.yaml', 'at: 600,', 'at: 600, chapter: one,'), /says "one" but 600 s is in "two"/],
  ];
  it.each(cases)('reports %s with file, entry and field', (_name, edit, expected) => {
    const errors = variant(edit);
    expect(errors.join('\n')).toMatch(expected);
  });
});
