// Links: what the URL says comes back, bad parameters are reported in the interface language's terms.
import { describe, expect, it } from 'vitest';
import { checkTerms, emptyState, parse, serialize } from './urlState.js';

describe('parse', () => {
  it('reads the focus centre, and focus=1 as "focus on the selected entity" (older links)', () => {
    expect(parse('?id=nvidia&focus=1').state.focus).toBe('nvidia');
    expect(parse('?id=deepseek&focus=nvidia').state).toMatchObject({ id: 'deepseek', focus: 'nvidia' });
  });

  it('reads the expanded nodes in order, once each, and reports a bad one', () => {
    const r = parse('?expand=stargate,nvidia,stargate,Bad Id');
    expect(r.state.expanded).toEqual(['stargate', 'nvidia']);
    expect(r.problems.map((p) => [p.name, p.value])).toEqual([['expand', 'Bad Id']]);
  });

  it('reads the whole-graph view, undated=hide, zoom and pan', () => {
    const s = parse('?view=all&undated=hide&zoom=1.25&pan=-120,340').state;
    expect(s).toMatchObject({ scope: 'all', keepUndated: false, viewport: { zoom: 1.25, x: -120, y: 340 } });
  });

  it('drops bad values with a reason to show, and keeps the rest', () => {
    const r = parse('?id=nvidia&view=everything&zoom=-3&pan=a,b&focus=NOT AN ID');
    expect(r.state).toMatchObject({ id: 'nvidia', scope: 'overview', viewport: null, focus: null });
    expect(r.problems.map((p) => [p.name, p.why])).toEqual([
      ['focus', 'whyId'],
      ['view', 'whyView'],
      ['zoom', 'whyViewport'],
    ]);
  });
});

describe('relationship links', () => {
  it('take a relationship id as an opaque string: derived and explicit ids alike', () => {
    expect(parse('?rel=deepseek--DEVELOPS--deepseek-r1').state.rel).toBe('deepseek--DEVELOPS--deepseek-r1');
    expect(parse('?rel=nvidia-tsmc-supply-2024').state.rel).toBe('nvidia-tsmc-supply-2024');
    expect(parse('?rel=a b').problems.map((p) => p.why)).toEqual(['whyRel']);
  });
});

describe('kinds and statuses in a link', () => {
  const vocabulary = { kinds: ['COMPANY', 'MODEL'], statuses: ['STATED', 'FORECAST'] };

  it('are checked against the vocabulary once it has arrived: unknown ones are dropped and reported', () => {
    const { state } = parse('?hide=MODEL,SPACESHIP&status=FORECAST,RUMOURED');
    expect(state).toMatchObject({ hideKinds: ['MODEL', 'SPACESHIP'], hideStatus: ['FORECAST', 'RUMOURED'] });
    const checked = checkTerms(state, vocabulary);
    expect(checked.patch).toEqual({ hideKinds: ['MODEL'], hideStatus: ['FORECAST'] });
    expect(checked.problems).toEqual([
      { name: 'hide', value: 'SPACESHIP', why: 'whyKind' },
      { name: 'status', value: 'RUMOURED', why: 'whyStatus' },
    ]);
  });

  it('are reported at once when they cannot be a kind or status at all', () => {
    expect(parse('?hide=company&status=1').problems.map((p) => [p.name, p.why])).toEqual([
      ['hide', 'whyKind'],
      ['status', 'whyStatus'],
    ]);
  });
});

describe('serialize', () => {
  it('round-trips a view, zoom rounded to 0.01 and pan to whole pixels', () => {
    const s = { ...emptyState(), id: 'deepseek', focus: 'nvidia', expanded: ['tsmc', 'asml'], scope: 'all' as const, keepUndated: false, t: 600, viewport: { zoom: 0.81234, x: 10.4, y: -20.6 } };
    const q = serialize(s);
    expect(q).toBe('?id=deepseek&undated=hide&t=600&view=all&focus=nvidia&expand=tsmc,asml&zoom=0.81&pan=10,-21');
    expect(parse(q).state).toMatchObject({ id: 'deepseek', focus: 'nvidia', expanded: ['tsmc', 'asml'], scope: 'all', keepUndated: false, t: 600, viewport: { zoom: 0.81, x: 10, y: -21 } });
  });
});
