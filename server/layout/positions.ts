// A stable layout for a subgraph, computed with the explorer's own layout (Cytoscape + fcose, headless)
// so the browser can place nodes at once instead of running the layout itself: 1.7 s for the episode's
// ~400 nodes in Chromium, ~40 s for 2,000. Pure and deterministic (a seeded PRNG stands in for
// Math.random), so every visitor sees the same picture of the same graph.
import { createHash } from 'node:crypto';
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { prng } from '../domain/prng.js';

cytoscape.use(fcose);

export interface LayoutInput {
  nodes: string[];
  edges: { id: string; source: string; target: string }[];
}

/** Rounded to whole pixels: plenty for a picture, and half the bytes on the wire. */
export type Positions = Map<string, { x: number; y: number }>;

/** Above this many nodes the spring embedder's ~n² cost is skipped: spectral placement only. */
export const DRAFT_ABOVE_NODES = 1500;

export function layoutKey(input: LayoutInput): string {
  const h = createHash('sha1');
  for (const id of [...input.nodes].sort()) h.update(id).update('\0');
  h.update('\u0001');
  for (const id of input.edges.map((e) => e.id).sort()) h.update(id).update('\0');
  return h.digest('hex');
}

/** The same options as the explorer's fcose layout (client/src/graph.ts), so both pictures match. */
export function computePositions(input: LayoutInput): Positions {
  const ids = new Set(input.nodes);
  const edges = input.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  const degree = new Map<string, number>();
  for (const e of edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) ?? 0) + 1);
  const cy = cytoscape({
    headless: true,
    // Node sizes as the explorer draws them (client/src/style.ts), since fcose spaces nodes by size.
    style: [{ selector: 'node', style: { width: 'mapData(degree, 0, 40, 18, 46)', height: 'mapData(degree, 0, 40, 18, 46)' } }],
    elements: [
      ...input.nodes.map((id) => ({ group: 'nodes' as const, data: { id, degree: degree.get(id) ?? 0 } })),
      ...edges.map((e) => ({ group: 'edges' as const, data: { ...e } })),
    ],
  });
  const random = Math.random;
  Math.random = prng(459);
  try {
    cy.layout({
      name: 'fcose',
      quality: input.nodes.length > DRAFT_ABOVE_NODES ? 'draft' : 'default',
      randomize: true,
      animate: false,
      fit: false,
      nodeRepulsion: 6500,
      idealEdgeLength: 80,
      nodeSeparation: 80,
      packComponents: true,
      numIter: 1500,
    } as unknown as cytoscape.LayoutOptions).run();
  } finally {
    Math.random = random;
  }
  const out: Positions = new Map();
  cy.nodes().forEach((n) => {
    const p = n.position();
    out.set(n.id(), { x: Math.round(p.x), y: Math.round(p.y) });
  });
  cy.destroy();
  return out;
}
