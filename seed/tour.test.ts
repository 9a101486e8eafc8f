// The tour file is data like any other: a step that points nowhere or lacks its Chinese is refused
// with file:line, entry and field, and a tour that skips a chapter is refused too.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from './dataset.js';
import { copyOf, MINIMAL, variant } from './testing.js';

const step = (chapter: string, extra = '') =>
  `- chapter: ${chapter}\n  focus: [acme]\n  caption:\n    en: "Acme makes the widget."\n    zh: "Acme 生产这个部件。"\n${extra}`;
const withTour = (text: string) => (d: string) => {
  mkdirSync(join(d, 'tour'), { recursive: true });
  writeFileSync(join(d, 'tour', 'steps.yaml'), text);
};

describe('tour steps', () => {
  it('attach a caption in both languages and focus entities to each chapter', () => {
    const r = readDataset(copyOfMinimalWith(step('one') + step('two')));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.dataset.episode.chapters.map((c) => [c.id, c.caption, c.captionZh, c.focus])).toEqual([
      ['one', 'Acme makes the widget.', 'Acme 生产这个部件。', ['acme']],
      ['two', 'Acme makes the widget.', 'Acme 生产这个部件。', ['acme']],
    ]);
  });

  it.each([
    ['a step without its Chinese caption', step('one').replace(/\n {4}zh: .*\n/, '\n') + step('two'), /tour\/steps\.yaml:\d+ entry "one" field "caption\.zh": is required/],
    ['an unknown chapter', step('one') + step('two') + step('three'), /tour\/steps\.yaml:\d+ entry "three" field "chapter": unknown chapter "three"/],
    ['an unknown focus entity', step('one').replace('[acme]', '[acme, nobody]') + step('two'), /tour\/steps\.yaml:\d+ entry "one" field "focus\.1": unknown entity "nobody"/],
    ['a chapter with two steps', step('one') + step('one') + step('two'), /entry "one" field "chapter": chapter "one" already has a tour step/],
    ['a chapter left out', step('one'), /entry "two" field "chapter": chapter "two" has no tour step/],
  ])('refuses %s with file, entry and field', (_name, text, expected) => {
    expect(variant(withTour(text)).errors.join('\n')).toMatch(expected);
  });
});

const copyOfMinimalWith = (text: string): string => copyOf(MINIMAL, withTour(text));
