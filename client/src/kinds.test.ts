// The explorer's kinds and statuses are the vocabulary the server serves (seed/data/vocabulary.yaml):
// this fails when the vocabulary gains or loses a kind or status the explorer cannot draw, colour or name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import type { Vocabulary } from '../../core/domain/types.js';
import { setLang, statusName } from './i18n.js';
import { isRelationshipType, kindName, kinds, setVocabulary, statuses } from './kinds.js';
import { KIND_STYLE } from './style.js';
import { FIRMNESS, STATUS_COLORS } from './styling/options.js';

const vocabulary = parse(readFileSync(join(import.meta.dirname, '..', '..', 'seed', 'data', 'vocabulary.yaml'), 'utf8')) as Vocabulary;

afterEach(() => {
  setVocabulary(null);
  setLang('en');
});

describe("the explorer's kinds and statuses", () => {
  it("are the vocabulary's, in its order, as the API writes them", () => {
    setVocabulary(vocabulary);
    expect(kinds()).toEqual(Object.keys(vocabulary.kinds));
    expect(statuses()).toEqual(Object.keys(vocabulary.claimStatuses).map((s) => s.toUpperCase()));
    expect(kinds()).toContain('COMPANY');
    expect(statuses()).toContain('STATED');
  });

  it('each have a shape and colour, and no style is left for a kind the vocabulary dropped', () => {
    setVocabulary(vocabulary);
    expect(Object.keys(KIND_STYLE).filter((k) => k !== 'OTHER').sort()).toEqual([...kinds()].sort());
  });

  it('each status has a colour, a firmness rank and a name in both languages', () => {
    setVocabulary(vocabulary);
    expect(Object.keys(STATUS_COLORS).filter((k) => k !== 'NONE').sort()).toEqual([...statuses()].sort());
    expect([...FIRMNESS].sort()).toEqual([...statuses()].sort());
    setLang('zh');
    for (const s of statuses()) expect(statusName(s)).not.toBe(s.toLowerCase());
  });

  it('names kinds from the vocabulary in the interface language', () => {
    setVocabulary(vocabulary);
    expect(kindName('ORGANIZATION')).toBe('Organization');
    setLang('zh');
    expect(kindName('ORGANIZATION')).toBe(vocabulary.kinds.ORGANIZATION!.zh);
  });

  it("tell the dataset's relationships from other edges a console result draws", () => {
    setVocabulary(vocabulary);
    expect(isRelationshipType('DEVELOPS')).toBe(true);
    expect(isRelationshipType('HAS_CHAPTER')).toBe(false);
  });

  it('are none before the vocabulary has arrived (the legend then lists what is loaded)', () => {
    expect(kinds()).toEqual([]);
    expect(statuses()).toEqual([]);
    expect(kindName('DATACENTER')).toBe('Datacenter');
  });
});
