// A stable layout for a subgraph, computed with the explorer's own layout (Cytoscape + fcose, headless)
// so the browser can place nodes at once instead of running the layout itself: 1.7 s for the episode's
// ~400 nodes in Chromium, ~40 s for 2,000. Pure and deterministic (a seeded PRNG stands in for
// Math.random), so every visitor sees the same picture of the same graph.
import { createHash } from 'node:crypto';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { FCOSE_WHOLE_GRAPH, NODE_GAP, NODE_SIZE_STYLE, fcoseOptions, nodeSize } from '../../core/domain/layoutOptions.js';
import { removeOverlaps, spreadTo, type Box } from '../../core/domain/overlap.js';
import { prng } from '../../core/domain/prng.js';

cytoscape.use(fcose);

export interface LayoutInput {
  nodes: string[];
  edges: { id: string; source: string; target: string }[];
}

/** Rounded to whole pixels: plenty for a picture, and half the bytes on the wire. */
export type Positions = Map<string, { x: number; y: number }>;

export function layoutKey(input: LayoutInput): string {
  const h = createHash('sha1');
  for (const id of [...input.nodes].sort()) h.update(id).update('\0');
  h.update('\u0001');
  for (const id of input.edges.map((e) => e.id).sort()) h.update(id).update('\0');
  return h.digest('hex');
}

/** Degree within the subgraph, which is what the explorer sizes a node by once it holds this graph. */
export function degrees(input: LayoutInput): Map<string, number> {
  const ids = new Set(input.nodes);
  const degree = new Map<string, number>(input.nodes.map((id) => [id, 0]));
  for (const e of input.edges) if (ids.has(e.source) && ids.has(e.target)) for (const end of [e.source, e.target]) degree.set(end, degree.get(end)! + 1);
  return degree;
}

/**
 * The explorer's whole-graph layout (core/domain/layoutOptions.ts): fcose over nodes of their drawn size
 * (styleEnabled, or Cytoscape lays out 1×1 px points that the browser then draws 18–46 px wide), then
 * the overlap pass, so no two nodes share a pixel and a click lands on the node drawn there.
 */
export function computePositions(input: LayoutInput): Positions {
  const ids = new Set(input.nodes);
  const edges = input.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const degree = degrees(input);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: NODE_SIZE_STYLE, height: NODE_SIZE_STYLE, label: '' } }],
    elements: [
      ...input.nodes.map((id) => ({ group: 'nodes' as const, data: { id, degree: degree.get(id) ?? 0 } })),
      ...edges.map((e) => ({ group: 'edges' as const, data: { ...e } })),
    ],
  });
  const random = Math.random;
  Math.random = prng(459);
  try {
    cy.layout({ ...fcoseOptions(FCOSE_WHOLE_GRAPH, input.nodes.length, 'server'), fit: false } as unknown as cytoscape.LayoutOptions).run();
  } finally {
    Math.random = random;
  }
  const boxes: Box[] = cy.nodes().map((n) => {
    const half = nodeSize(degree.get(n.id()) ?? 0) / 2;
    const p = n.position();
    return { id: n.id(), x: p.x, y: p.y, left: -half, right: half, top: -half, bottom: half, priority: degree.get(n.id()) ?? 0 };
  });
  cy.destroy();
  spreadTo(boxes);
  // Rounding moves a node by up to half a pixel: the gap has room for it.
  removeOverlaps(boxes, { gap: NODE_GAP });
  return new Map(boxes.map((b) => [b.id, { x: Math.round(b.x), y: Math.round(b.y) }]));
}
