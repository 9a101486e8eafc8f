// The last guard against labels drawn over each other: layouts already leave room for every label,
// but nodes can join a view where there is none (console results, expansions in a crowded area).
// A label that would touch a label kept earlier, or another node, is not drawn; the selected entity
// and its neighbours keep theirs first, then the most connected. Boxes are in model coordinates, so
// the answer does not change with zoom or pan.
import type cytoscape from 'cytoscape';
import { boxOf } from './layout.js';

type Rect = { x1: number; y1: number; x2: number; y2: number };
const touches = (a: Rect, b: Rect) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

const rank = (n: cytoscape.NodeSingular): number => (n.selected() ? 4 : n.hasClass('path') ? 3 : n.hasClass('near') ? 2 : n.hasClass('hub') ? 1 : 0);

export function cullLabels(cy: cytoscape.Core): number {
  const nodes = cy.nodes(':visible');
  const bodies = nodes.map((n) => ({ id: n.id(), r: rect(n, false) }));
  const order = nodes.toArray().sort((a, b) => rank(b) - rank(a) || b.degree(false) - a.degree(false) || a.id().localeCompare(b.id()));
  const kept: Rect[] = [];
  const hide: cytoscape.NodeSingular[] = [];
  const show: cytoscape.NodeSingular[] = [];
  for (const n of order) {
    const label = labelRect(n);
    // A hub's label in the zoomed-out whole graph may lie over small nodes (it has a background); never over another label.
    const clash = label !== null && (kept.some((k) => touches(k, label)) || (!n.hasClass('hub') && bodies.some((b) => b.id !== n.id() && touches(b.r, label))));
    if (clash) hide.push(n);
    else {
      if (label) kept.push(label);
      show.push(n);
    }
  }
  cy.batch(() => {
    for (const n of hide) n.addClass('label-hidden');
    for (const n of show) n.removeClass('label-hidden');
  });
  return hide.length;
}

function rect(n: cytoscape.NodeSingular, withLabel: boolean): Rect {
  const b = boxOf(n, withLabel);
  return { x1: b.x + b.left, y1: b.y + b.top, x2: b.x + b.right, y2: b.y + b.bottom };
}

function labelRect(n: cytoscape.NodeSingular): Rect | null {
  if (!(n as unknown as { pstyle(name: string): { strValue: string } }).pstyle('label').strValue) return null;
  const bb = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as cytoscape.BoundingBoxOptions);
  return bb.w > 0 ? { x1: bb.x1, y1: bb.y1, x2: bb.x2, y2: bb.y2 } : null;
}
