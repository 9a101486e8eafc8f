// What a selection looks like on the canvas: the entity and its neighbours stand out, everything else
// fades, and the view moves only as far as needed to show them.
import type cytoscape from 'cytoscape';
import { LABEL } from './style.js';

export const VIEW = {
  /** The selection counts as in view when it lies this far inside the canvas edges (px). */
  margin: 12,
  padding: 50,
  /** Moving to a selection never zooms out below readable labels, nor in beyond this. */
  minZoom: LABEL.readablePx / LABEL.fontSize,
  maxZoom: 1.6,
  durationMs: 250,
};

const SELECTION_CLASSES = 'highlight near faded';

export function clearMarks(cy: cytoscape.Core): void {
  cy.batch(() => {
    cy.elements().removeClass(SELECTION_CLASSES);
    cy.elements().unselect();
  });
}

/** Marks the entity, its neighbourhood ("near") and fades every other element on stage. */
export function markEntity(cy: cytoscape.Core, n: cytoscape.NodeSingular): void {
  cy.batch(() => {
    cy.elements().removeClass(SELECTION_CLASSES);
    cy.elements().unselect();
    n.select();
    n.addClass('highlight');
    const hood = n.closedNeighborhood();
    hood.addClass('near');
    cy.elements().not(hood).addClass('faded');
  });
}

export function markEdge(cy: cytoscape.Core, e: cytoscape.EdgeSingular): void {
  cy.batch(() => {
    cy.elements().removeClass(SELECTION_CLASSES);
    cy.elements().unselect();
    e.select();
    const ends = e.connectedNodes();
    ends.addClass('near');
    cy.elements().not(ends.union(e)).addClass('faded');
  });
}

const inside = (cy: cytoscape.Core, bb: { x1: number; y1: number; x2: number; y2: number }) =>
  bb.x1 >= VIEW.margin && bb.y1 >= VIEW.margin && bb.x2 <= cy.width() - VIEW.margin && bb.y2 <= cy.height() - VIEW.margin;

const fitZoomFor = (cy: cytoscape.Core, eles: cytoscape.NodeCollection) => {
  const bb = eles.boundingBox({ includeLabels: true } as cytoscape.BoundingBoxOptions);
  return Math.min((cy.width() - 2 * VIEW.padding) / Math.max(bb.w, 1), (cy.height() - 2 * VIEW.padding) / Math.max(bb.h, 1));
};

/**
 * Keeps a selected entity in view without moving the picture under the user's pointer more than
 * needed: nothing moves while it is on screen at a readable zoom; off screen, the view pans to it;
 * zoomed out too far to read (the whole graph), it zooms in on the neighbourhood.
 */
export function keepInView(cy: cytoscape.Core, n: cytoscape.NodeSingular): void {
  if (!n.visible()) return;
  const readable = cy.zoom() >= VIEW.minZoom - 1e-6;
  if (readable && inside(cy, n.renderedBoundingBox({ includeLabels: true } as cytoscape.BoundingBoxOptions))) return;
  cy.stop();
  if (readable) return void cy.animate({ center: { eles: n } }, { duration: VIEW.durationMs });
  // Just readable, and no closer: the neighbourhood stays around it when it fits.
  const hood = n.closedNeighborhood().nodes().filter(':visible') as cytoscape.NodeCollection;
  cy.animate({ zoom: VIEW.minZoom, center: { eles: fitZoomFor(cy, hood) >= VIEW.minZoom ? hood : n } }, { duration: VIEW.durationMs });
}

/**
 * After an expansion: shows the node and what it brought, zooming out no further than readable labels;
 * when they do not fit even then, the node is centred.
 */
export function showAround(cy: cytoscape.Core, n: cytoscape.NodeSingular, brought: cytoscape.NodeCollection): void {
  const nodes = brought.union(n).filter(':visible') as cytoscape.NodeCollection;
  if (nodes.empty()) return;
  if (inside(cy, nodes.renderedBoundingBox({ includeLabels: true } as cytoscape.BoundingBoxOptions))) return;
  const fit = fitZoomFor(cy, nodes);
  const zoom = Math.max(VIEW.minZoom, Math.min(VIEW.maxZoom, cy.zoom(), fit));
  cy.stop();
  cy.animate({ zoom, center: { eles: fit >= zoom ? nodes : n } }, { duration: VIEW.durationMs });
}

/** Brings both ends of a relationship into view, zooming out if they are far apart (it never zooms in past maxZoom). */
export function showEdge(cy: cytoscape.Core, e: cytoscape.EdgeSingular): void {
  const ends = e.connectedNodes().filter(':visible');
  if (ends.empty()) return;
  if (inside(cy, ends.renderedBoundingBox({ includeLabels: true } as cytoscape.BoundingBoxOptions)) && cy.zoom() >= VIEW.minZoom - 1e-6) return;
  cy.stop();
  cy.animate({ zoom: Math.min(VIEW.maxZoom, fitZoomFor(cy, ends)), center: { eles: ends } }, { duration: VIEW.durationMs });
}
