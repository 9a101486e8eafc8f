// Every table of interface words says everything in both languages: the same keys, the same
// placeholders, and a Chinese value that is not just the English left untranslated.
import { afterEach, describe, expect, it } from 'vitest';
import { CENTRALITY_STRINGS } from './centralityPanel.js';
import { STRINGS, lookup, setLang, type Strings } from './i18n.js';
import { STYLE_STRINGS } from './styling/strings.js';
import { TIMELINE_STRINGS } from './timeline/strings.js';
import { TOUR_STRINGS } from './tour/strings.js';

const TABLES: Record<string, Strings<string>> = {
  explorer: STRINGS,
  tour: TOUR_STRINGS,
  styling: STYLE_STRINGS,
  timeline: TIMELINE_STRINGS,
  centrality: CENTRALITY_STRINGS,
};
/** Names and formats, the same in both languages. */
const SAME_IN_BOTH = new Set(['PNG', 'JSON', 'Cypher', 'GraphQL', 'PageRank']);

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterEach(() => setLang('en'));

describe.each(Object.entries(TABLES))('the %s strings', (_name, table) => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(table.zh).sort()).toEqual(Object.keys(table.en).sort());
  });

  it('fill the same placeholders in both languages', () => {
    for (const key of Object.keys(table.en)) expect([key, placeholders(table.zh[key]!)]).toEqual([key, placeholders(table.en[key]!)]);
  });

  it('are translated: a Chinese value equals the English one only for names', () => {
    const untranslated = Object.keys(table.en).filter((k) => table.zh[k] === table.en[k] && !SAME_IN_BOTH.has(table.en[k]!));
    expect(untranslated).toEqual([]);
  });
});

describe('lookup', () => {
  const say = lookup({ en: { hello: 'Hello, {name}: {n} new' }, zh: { hello: '{name},你好:{n} 条新消息' } });

  it('answers in the language current at the call, with placeholders filled', () => {
    expect(say('hello', { name: 'Ada', n: 3 })).toBe('Hello, Ada: 3 new');
    setLang('zh');
    expect(say('hello', { name: 'Ada', n: 3 })).toBe('Ada,你好:3 条新消息');
  });

  it('reads a key no table has as itself', () => {
    expect(lookup<string>({ en: {}, zh: {} })('published')).toBe('published');
  });
});
