// Reference evidence and seed/data/dates: what the validator accepts, and each bad entry refused with
// file:line, entry and field (issue 14: Chinese, a URL, one kind of evidence per figure, a source per date).
import { describe, expect, it } from 'vitest';
import { readDataset } from './dataset.js';
import { copyOf, MINIMAL, replaceIn, variant, writeBytes } from './testing.js';

const WIKI = 'https://www.wikidata.org/wiki/Q1';
const ref = (extra = '') =>
  `{ source: reference, url: "${WIKI}", publisher: Wikidata, note: "Wikidata gives 2024 as the release year.", noteZh: "Wikidata 记载其发布年份为 2024 年。"${extra} }`;
const referenceFact = (evidence: string) =>
  `- id: widget-1--power-capacity--reference\n  subject: widget-1\n  metric: power_capacity\n  value: 750\n  unit: W\n  evidence:\n    - ${evidence}\n`;
const referenceDate = (evidence: string) => `- entity: widget-1\n  key: released\n  value: 2024-12-02\n  evidence:\n    - ${evidence}\n`;

describe('reference evidence and date claims that are valid', () => {
  it('keeps a reference fact beside the episode fact, and a reference date beside the episode date', () => {
    const dir = copyOf(MINIMAL, (d) => {
      writeBytes(d, 'facts/reference.yaml', referenceFact(ref()));
      writeBytes(d, 'dates/reference.yaml', referenceDate(ref()));
    });
    const r = readDataset(dir);
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    const facts = r.dataset.facts.filter((f) => f.subject === 'widget-1').map((f) => [f.id, f.value, f.evidence[0]!.source]);
    expect(facts).toEqual([
      ['widget-1--power-capacity', 700, 'episode'],
      ['widget-1--power-capacity--reference', 750, 'reference'],
    ]);
    const evidence = r.dataset.facts[1]!.evidence[0]!;
    expect(evidence).toMatchObject({ source: 'reference', url: WIKI, publisher: 'Wikidata', atSeconds: null, speaker: null, chapter: '' });
    expect(r.dataset.dates.map((d) => [d.id, d.value])).toEqual([
      ['widget-1--released--episode', '2024-12'],
      ['widget-1--released--reference', '2024-12-02'],
    ]);
    // The entity's own date is the episode's; the reference's stays a claim of its own.
    expect(r.dataset.entities.find((e) => e.id === 'widget-1')!.dates).toEqual({ released: '2024-12' });
  });

  it('uses a reference date when the episode gives none', () => {
    const dir = copyOf(MINIMAL, (d) => {
      writeBytes(d, 'dates/episode.yaml', '');
      writeBytes(d, 'dates/reference.yaml', referenceDate(ref()));
    });
    const r = readDataset(dir);
    expect(r.ok && r.dataset.entities.find((e) => e.id === 'widget-1')!.dates).toEqual({ released: '2024-12-02' });
  });
});

describe('bad reference evidence and dates are refused with file:line, entry and field', () => {
  const fact = '<dir>/facts/reference.yaml:1 entry "widget-1--power-capacity--reference"';
  const date = '<dir>/dates/reference.yaml:1 entry "widget-1 released"';

  it('a reference item without its Chinese note', () => {
    const r = variant((d) => writeBytes(d, 'facts/reference.yaml', referenceFact(ref().replace(/, noteZh: "[^"]*"/, ''))));
    expect(r.errors).toEqual([`${fact} field "evidence.0.noteZh": is required (string)`]);
  });

  it('a date entry without its Chinese note', () => {
    const r = variant((d) => replaceIn(d, 'dates/episode.yaml', ', noteZh: "主持人说该部件于 12 月推出。"', ''));
    expect(r.errors).toEqual(['<dir>/dates/episode.yaml:1 entry "widget-1 released" field "evidence.0.noteZh": is required (string)']);
  });

  it('a reference item without a URL, or with a plain http one', () => {
    const missing = variant((d) => writeBytes(d, 'facts/reference.yaml', referenceFact(ref().replace(`url: "${WIKI}", `, ''))));
    expect(missing.errors).toEqual([
      `${fact} field "evidence.0.url": is required for reference evidence: the https:// address of the public page it cites`,
    ]);
    const http = variant((d) => writeBytes(d, 'facts/reference.yaml', referenceFact(ref().replace('https://', 'http://'))));
    expect(http.errors).toEqual([`${fact} field "evidence.0.url": must be the https:// address of a public page`]);
  });

  it('a reference item with a second or a speaker, and an episode item with a url', () => {
    const r = variant((d) => writeBytes(d, 'facts/reference.yaml', referenceFact(ref(', at: 100, speaker: host'))));
    expect(r.errors).toEqual([
      `${fact} field "evidence.0.at": reference evidence has no second, speaker or chapter: those belong to episode evidence`,
      `${fact} field "evidence.0.speaker": reference evidence has no second, speaker or chapter: those belong to episode evidence`,
    ]);
    const e = variant((d) => replaceIn(d, 'facts/all.yaml', 'speaker: host,', `speaker: host, url: "${WIKI}",`));
    expect(e.errors).toEqual([
      '<dir>/facts/all.yaml:1 entry "widget-1--power-capacity" field "evidence.0.url": episode evidence has no url or publisher: give the cited page its own item with `source: reference`',
    ]);
  });

  it('an evidence source outside the vocabulary', () => {
    const r = variant((d) => writeBytes(d, 'facts/reference.yaml', referenceFact(ref().replace('source: reference', 'source: rumour'))));
    expect(r.errors).toEqual([`${fact} field "evidence.0.source": unknown evidence source "rumour"; allowed: episode, reference`]);
  });

  it('a fact mixing episode and reference evidence, and a date doing the same', () => {
    const r = variant((d) => replaceIn(d, 'facts/all.yaml', '700 瓦。 }', `700 瓦。 }\n    - ${ref()}`));
    expect(r.errors).toEqual([
      '<dir>/facts/all.yaml:1 entry "widget-1--power-capacity" field "evidence.1.source": reference evidence merged into an episode fact: a fact holds one kind of evidence; give the reference figure its own fact (id: widget-1--power-capacity--reference) in facts/reference.yaml',
    ]);
    const d2 = variant((d) => replaceIn(d, 'dates/episode.yaml', '12 月推出。" }', `12 月推出。" }\n    - ${ref()}`));
    expect(d2.errors).toEqual([
      '<dir>/dates/episode.yaml:1 entry "widget-1 released" field "evidence.1.source": reference evidence merged into an episode date: a date holds one kind of evidence; give the other source its own entry (one per entity, key and source)',
    ]);
  });

  it('a date without evidence, or with none given at all', () => {
    const empty = variant((d) => writeBytes(d, 'dates/reference.yaml', '- entity: widget-1\n  key: released\n  value: 2024-12-02\n  evidence: []\n'));
    expect(empty.errors).toEqual([`${date} field "evidence": needs at least one piece of evidence (episode or reference)`]);
    const none = variant((d) => writeBytes(d, 'dates/reference.yaml', '- entity: widget-1\n  key: released\n  value: 2024-12-02\n'));
    expect(none.errors).toEqual([`${date} field "evidence": is required (array)`]);
  });

  it('a date of an unknown entity, with an unknown key, or not on the calendar', () => {
    const r = variant((d) => writeBytes(d, 'dates/reference.yaml', referenceDate(ref()).replace('widget-1', 'widget-9').replace('released', 'retired').replace('2024-12-02', '2024-02-30')));
    expect(r.errors).toEqual([
      '<dir>/dates/reference.yaml:1 entry "widget-9 retired" field "value": must be a real date as YYYY, YYYY-MM or YYYY-MM-DD (got "2024-02-30")',
      '<dir>/dates/reference.yaml:1 entry "widget-9 retired" field "entity": unknown entity "widget-9" (dangling reference)',
      '<dir>/dates/reference.yaml:1 entry "widget-9 retired" field "key": unknown date key "retired"; allowed: founded, released, announced, effective, published, opened (dateKeys in vocabulary.yaml)',
    ]);
  });

  it('two dates for the same entity, key and source', () => {
    const r = variant((d) => writeBytes(d, 'dates/reference.yaml', referenceDate(ref()) + referenceDate(ref())));
    expect(r.errors).toEqual([
      '<dir>/dates/reference.yaml:6 entry "widget-1 released" field "key": a second reference date "released" for "widget-1": first at <dir>/dates/reference.yaml:1, again at <dir>/dates/reference.yaml:6; keep one entry per entity, key and source (merge the evidence)',
    ]);
  });

  it('an inline dates map on an entity, pointing to seed/data/dates', () => {
    const r = variant((d) => replaceIn(d, 'entities/people.yaml', '  aliases: [ACME Corp]\n', '  aliases: [ACME Corp]\n  dates: { founded: 2020 }\n'));
    expect(r.errors).toEqual([
      '<dir>/entities/people.yaml:8 entry "acme" field "dates": inline dates are not read any more: give each date an entry in seed/data/dates/*.yaml ({ entity, key, value, evidence }) so that it carries its source',
    ]);
  });
});
