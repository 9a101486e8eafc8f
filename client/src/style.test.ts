// The big-graph style: what a visitor of a 2,000-node graph sees zoomed out, and what Chinese labels need.
import { describe, expect, it } from 'vitest';
import { NODE_SIZE_STYLE } from '../../core/domain/layoutOptions.js';
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

  it('sizes nodes with the function the layouts use, and never changes a label\'s size after layout', () => {
    expect(rule(stylesheet(), 'node').width).toBe(NODE_SIZE_STYLE);
    // The overlap pass measured every label in the base style: a class making one bigger or bolder
    // would make it overlap its neighbours again.
    const rules = stylesheet() as unknown as Rule[];
    const resizing = rules.filter((r) => r.selector !== 'node' && /node/.test(r.selector) && ['font-size', 'font-weight', 'text-max-width', 'font-family'].some((k) => k in r.style));
    // The one exception: hub labels in the zoomed-out whole graph, set before their own overlap pass (hubLabels.ts).
    expect(resizing.map((r) => r.selector)).toEqual(['node.hub']);
  });

  it('wraps Chinese labels anywhere and English ones at spaces', () => {
    expect(rule(stylesheet({ cjk: true }), 'node')['text-overflow-wrap']).toBe('anywhere');
    expect(rule(stylesheet({ cjk: false }), 'node')['text-overflow-wrap']).toBe('whitespace');
  });
});
