// Placing nodes: fcose with the options shared with the server (layoutOptions.ts), the server's preset
// positions, and after every one of them the overlap pass over node and label boxes, so that no label
// covers another and a click lands on the node drawn under the pointer.
import type cytoscape from 'cytoscape';
import { FCOSE_OVERVIEW, FCOSE_WHOLE_GRAPH, NODE_GAP, fcoseOptions } from '../../core/domain/layoutOptions.js';
import { removeOverlaps, spreadTo, type Box } from '../../core/domain/overlap.js';
import type { LayoutName } from './urlState.js';

export type Position = { x: number; y: number };

/** The loaded nodes with these ids, as a collection (unknown ids are skipped). */
export function nodesById(cy: cytoscape.Core, ids: Iterable<string>): cytoscape.NodeCollection {
  const wanted = new Set(ids);
  return cy.nodes().filter((n) => wanted.has(n.id()));
}

export const PLACEMENT = {
  /** Space between the boxes of two labelled nodes (model px). */
  gap: NODE_GAP,
  /** Compaction rounds for the overview at most: enough to squeeze the whole graph's sparse positions. */
  compactRounds: 30,
  /**
   * Per round, the long side shrinks by this factor and the short side by the square root of it. Each
   * packs a little differently: an overview too big to read with the first is squeezed with the next.
   */
  compactFactors: [0.88, 0.9] as const,
  /** Rounds in a row that may gain nothing before it stops: an overlap pass can undo one squeeze and allow the next. */
  compactPatience: 3,
  /** Where a brought-in node starts before the overlap pass finds it a free spot: this far from its anchor. */
  ringGap: 70,
};

/** A node's box with its label (as drawn now), relative to its position. */
export function boxOf(n: cytoscape.NodeSingular, withLabel = true): Box {
  const p = n.position();
  const bb = n.boundingBox({ includeNodes: true, includeLabels: withLabel, includeEdges: false, includeOverlays: false } as cytoscape.BoundingBoxOptions);
  return { id: n.id(), x: p.x, y: p.y, left: bb.x1 - p.x, right: bb.x2 - p.x, top: bb.y1 - p.y, bottom: bb.y2 - p.y, priority: n.degree(false) };
}

/**
 * Moves the given nodes apart until no node or label box touches another. Pinned nodes stay where they
 * are (what the user already sees), the others find the nearest free spot, hubs first.
 */
export function declutter(cy: cytoscape.Core, nodes: cytoscape.NodeCollection, pinned: cytoscape.NodeCollection = cy.collection(), opts: { spread?: boolean } = {}): void {
  const pins = new Set(pinned.map((n) => n.id()));
  const all = nodes.union(pinned);
  const boxes = all.map((n) => ({ ...boxOf(n as cytoscape.NodeSingular), pinned: pins.has(n.id()) }));
  // Only a fresh layout is spread: positions a person already sees (pinned, preset) keep their scale.
  if (opts.spread && pinned.empty()) spreadTo(boxes);
  removeOverlaps(boxes, { gap: PLACEMENT.gap });
  applyPositions(cy, new Map(boxes.map((b) => [b.id, { x: b.x, y: b.y }])));
}

export function applyPositions(cy: cytoscape.Core, at: Map<string, Position>): void {
  cy.batch(() => {
    for (const [id, p] of at) {
      const n = cy.getElementById(id);
      if (n.nonempty()) n.position(p);
    }
  });
}

export function positionsOf(nodes: cytoscape.NodeCollection): Map<string, Position> {
  return new Map(nodes.map((n) => [n.id(), { ...n.position() }]));
}

/** The overview: fcose over the chosen nodes, labels counted, starting from where they are (deterministic). */
export function layoutOverview(cy: cytoscape.Core, nodes: cytoscape.NodeCollection, fromCurrent: boolean): void {
  const eles = nodes.union(nodes.edgesWith(nodes));
  eles.layout({ ...fcoseOptions(FCOSE_OVERVIEW, nodes.length, 'browser'), randomize: !fromCurrent, fit: false } as unknown as cytoscape.LayoutOptions).run();
  declutter(cy, nodes);
}

/**
 * Squeezes a layout towards the shape of the canvas, removing overlaps after each squeeze, for as long
 * as that lets the fit zoom in further: fcose leaves room a person would rather spend on bigger labels.
 */
export function compactToFit(cy: cytoscape.Core, nodes: cytoscape.NodeCollection, width: number, height: number, padding: number, factor: number = PLACEMENT.compactFactors[0]): void {
  const fitZoom = () => {
    const bb = nodes.boundingBox({ includeLabels: true } as cytoscape.BoundingBoxOptions);
    return Math.min((width - 2 * padding) / Math.max(bb.w, 1), (height - 2 * padding) / Math.max(bb.h, 1));
  };
  let best = { zoom: fitZoom(), at: positionsOf(nodes) };
  let idle = 0;
  for (let round = 0; round < PLACEMENT.compactRounds && idle < PLACEMENT.compactPatience; round++) {
    const bb = nodes.boundingBox({ includeLabels: true } as cytoscape.BoundingBoxOptions);
    const wide = bb.w / bb.h > width / height;
    const fx = wide ? factor : Math.sqrt(factor);
    const fy = wide ? Math.sqrt(factor) : factor;
    const cx = (bb.x1 + bb.x2) / 2;
    const cyy = (bb.y1 + bb.y2) / 2;
    cy.batch(() => nodes.forEach((n) => void n.position({ x: cx + (n.position().x - cx) * fx, y: cyy + (n.position().y - cyy) * fy })));
    declutter(cy, nodes);
    const zoom = fitZoom();
    if (zoom <= best.zoom * 1.005) {
      idle++;
      continue;
    }
    idle = 0;
    best = { zoom, at: positionsOf(nodes) };
  }
  applyPositions(cy, best.at);
}

/** The whole graph: the server's positions when it has them for every node, else fcose in the browser. */
export function layoutWhole(cy: cytoscape.Core, nodes: cytoscape.NodeCollection, preset: Map<string, Position> | null): void {
  if (preset && nodes.toArray().every((n) => preset.has(n.id()))) {
    applyPositions(cy, new Map(nodes.map((n): [string, Position] => [n.id(), preset.get(n.id())!])));
    declutter(cy, nodes);
    return;
  }
  nodes.union(nodes.edgesWith(nodes)).layout({ ...fcoseOptions(FCOSE_WHOLE_GRAPH, nodes.length, 'browser'), fit: false } as unknown as cytoscape.LayoutOptions).run();
  declutter(cy, nodes, cy.collection(), { spread: true });
}

/** The layout picker's other layouts, on the nodes on stage, then the same overlap pass. */
export function layoutNamed(cy: cytoscape.Core, name: LayoutName, nodes: cytoscape.NodeCollection, overview: boolean): void {
  if (name === 'fcose') {
    if (overview) layoutOverview(cy, nodes, false);
    else layoutWhole(cy, nodes, null);
    return;
  }
  const opts: Record<string, unknown> =
    name === 'concentric'
      ? { name, animate: false, fit: false, minNodeSpacing: 8, concentric: (n: cytoscape.NodeSingular) => n.degree(false), levelWidth: () => 4 }
      : { name, animate: false, fit: false };
  nodes.union(nodes.edgesWith(nodes)).layout({ ...opts, nodeDimensionsIncludeLabels: true } as unknown as cytoscape.LayoutOptions).run();
  declutter(cy, nodes);
}

/**
 * Nodes joining a view (a selection's neighbours, an expansion, a path, console results) start near
 * what they are linked to, and the overlap pass moves them, not what is already on screen, to free spots.
 */
export function placeNear(cy: cytoscape.Core, fresh: cytoscape.NodeCollection, anchor: cytoscape.NodeSingular | null, staged: cytoscape.NodeCollection): void {
  if (fresh.empty()) return;
  if (anchor && fresh.contains(anchor)) {
    // The anchor is new to the view itself: it goes first, among what it is linked to.
    placeNear(cy, anchor, null, staged);
    placeNear(cy, fresh.not(anchor), anchor, staged.union(anchor));
    return;
  }
  const others = staged.not(fresh);
  const centre = anchor?.position() ?? centroid((fresh.neighborhood('node') as cytoscape.NodeCollection).intersection(others) as cytoscape.NodeCollection) ?? viewportCentre(cy);
  const list = fresh.toArray().sort((a, b) => b.degree(false) - a.degree(false) || a.id().localeCompare(b.id()));
  const r = (anchor ? anchor.width() / 2 : 0) + PLACEMENT.ringGap;
  cy.batch(() => {
    list.forEach((n, i) => {
      const linked = (n.neighborhood('node') as cytoscape.NodeCollection).intersection(others).not(anchor ?? cy.collection()) as cytoscape.NodeCollection;
      const angle = (2 * Math.PI * i) / list.length;
      const ring = { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) };
      const c = linked.length >= 2 ? centroid(linked) : null;
      // Between its anchor and the other nodes it is linked to, so its edges stay short.
      n.position(c ? { x: (ring.x + c.x) / 2, y: (ring.y + c.y) / 2 } : ring);
    });
  });
  declutter(cy, fresh, others);
}

function centroid(nodes: cytoscape.NodeCollection): Position | null {
  if (nodes.empty()) return null;
  let x = 0;
  let y = 0;
  nodes.forEach((m) => {
    x += m.position().x;
    y += m.position().y;
  });
  const s = { x, y };
  return { x: s.x / nodes.length, y: s.y / nodes.length };
}

function viewportCentre(cy: cytoscape.Core): Position {
  const e = cy.extent();
  return { x: (e.x1 + e.x2) / 2, y: (e.y1 + e.y2) / 2 };
}
