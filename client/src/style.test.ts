// The big-graph style: what a visitor of a 2,000-node graph sees zoomed out, and what Chinese labels need.
import { describe, expect, it } from 'vitest';
import { stylesheet } from './style.js';

type Rule = { selector: string; style: Record<string, unknown> };
const rule = (rules: unknown, selector: string) => (rules as Rule[]).filter((r) => r.selector === selector).at(-1)?.style ?? {};

describe('stylesheet', () => {
  it('labels every node normally, and only highlighted, selected and path nodes in the quiet style', () => {
    expect(rule(stylesheet(), 'node').label).toBe('data(display)');
    const quiet = stylesheet({ quietLabels: true });
    expect(rule(quiet, 'node').label).toBe('');
    expect(rule(quiet, 'node.highlight, node.near, node:selected, node.path').label).toBe('data(display)');
    expect(rule(quiet, 'edge')['curve-style']).toBe('haystack');
    expect(rule(stylesheet(), 'edge')['curve-style']).toBe('bezier');
  });

  it('wraps Chinese labels anywhere and English ones at spaces', () => {
    expect(rule(stylesheet({ cjk: true }), 'node')['text-overflow-wrap']).toBe('anywhere');
    expect(rule(stylesheet({ cjk: false }), 'node')['text-overflow-wrap']).toBe('whitespace');
  });
});
