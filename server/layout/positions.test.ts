// The server-side layout the explorer places the whole graph with: every node gets a position, and the
// same graph always gets the same picture (visitors, screenshots and links agree).
import { describe, expect, it } from 'vitest';
import { NODE_GAP, nodeSize } from '../../core/domain/layoutOptions.js';
import { computePositions, degrees, layoutKey, type LayoutInput } from './positions.js';

const star: LayoutInput = {
  nodes: ['nvidia', 'tsmc', 'deepseek', 'openai', 'h800'],
  edges: [
    { id: 'nvidia--DESIGNS--h800', source: 'nvidia', target: 'h800' },
    { id: 'tsmc--FABRICATES--h800', source: 'tsmc', target: 'h800' },
    { id: 'deepseek--USES--h800', source: 'deepseek', target: 'h800' },
    { id: 'openai--COMPETES_WITH--deepseek', source: 'openai', target: 'deepseek' },
  ],
};

describe('computePositions', () => {
  it('places every node, at distinct whole-pixel positions', () => {
    const p = computePositions(star);
    expect([...p.keys()].sort()).toEqual([...star.nodes].sort());
    for (const { x, y } of p.values()) expect(Number.isInteger(x) && Number.isInteger(y)).toBe(true);
    expect(new Set([...p.values()].map(({ x, y }) => `${x},${y}`)).size).toBe(star.nodes.length);
  });

  it('gives the same graph the same layout every time, and leaves Math.random as it was', () => {
    const random = Math.random;
    expect([...computePositions(star)]).toEqual([...computePositions(star)]);
    expect(Math.random).toBe(random);
  });

  it('spaces nodes by the size the explorer draws them: no two overlap, even around a big hub', () => {
    // Two hubs with 60 leaves each, linked: the shape that piled 1×1 px points onto each other.
    const nodes = ['a', 'b', ...Array.from({ length: 120 }, (_, i) => `leaf${i}`)];
    const edges = [{ id: 'a-b', source: 'a', target: 'b' }, ...nodes.slice(2).map((id, i) => ({ id: `e${i}`, source: i % 2 ? 'a' : 'b', target: id }))];
    const input = { nodes, edges };
    const p = computePositions(input);
    const deg = degrees(input);
    const box = (id: string) => {
      const { x, y } = p.get(id)!;
      const half = nodeSize(deg.get(id)!) / 2;
      return { x1: x - half, x2: x + half, y1: y - half, y2: y + half };
    };
    let overlaps = 0;
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++) {
        const m = box(nodes[i]!);
        const n = box(nodes[j]!);
        // Rounded positions may lose half a pixel each: the layout keeps NODE_GAP, so 1 px must be left.
        if (m.x1 < n.x2 + NODE_GAP - 1 && n.x1 < m.x2 + NODE_GAP - 1 && m.y1 < n.y2 + NODE_GAP - 1 && n.y1 < m.y2 + NODE_GAP - 1) overlaps++;
      }
    expect(overlaps).toBe(0);
    expect(nodeSize(deg.get('a')!)).toBe(46);
  });

  it('ignores edges whose ends are not in the graph', () => {
    const p = computePositions({ ...star, edges: [...star.edges, { id: 'x', source: 'nvidia', target: 'missing' }] });
    expect(p.has('missing')).toBe(false);
  });
});

describe('layoutKey', () => {
  it('depends on which nodes and edges there are, not on their order', () => {
    const shuffled = { nodes: [...star.nodes].reverse(), edges: [...star.edges].reverse() };
    expect(layoutKey(shuffled)).toBe(layoutKey(star));
    expect(layoutKey({ ...star, edges: star.edges.slice(1) })).not.toBe(layoutKey(star));
  });
});
