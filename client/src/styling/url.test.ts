// The styling choice in the link: ?size= and ?color= come back, defaults stay out of the URL, bad ones are reported.
import { describe, expect, it } from 'vitest';
import { emptyState, parse, serialize } from '../urlState.js';

describe('styling in the URL', () => {
  it('round-trips size and colour, and leaves the defaults out', () => {
    const s = parse('?size=gpu_count&color=source').state;
    expect(s).toMatchObject({ size: 'gpu_count', color: 'source' });
    expect(serialize(s)).toBe('?size=gpu_count&color=source');
    expect(parse('?size=degree&color=kind').state).toMatchObject({ size: null, color: null });
    expect(serialize({ ...emptyState(), tab: 'timeline' })).toBe('?tab=timeline');
  });

  it('reports a colour it does not know and a malformed size', () => {
    const { state, problems } = parse('?color=rainbow&size=GPU%20count');
    expect(state).toMatchObject({ size: null, color: null });
    expect(problems.map((p) => [p.name, p.why])).toEqual([
      ['size', 'whyMetric'],
      ['color', 'whyColor'],
    ]);
  });
});
