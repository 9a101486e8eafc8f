// The tour's own canvas: one chapter's entities and relationships, laid out to be read. It is a
// second Canvas (graph.ts) so it draws like the explorer, but it never touches the explorer's canvas,
// stage or URL: leaving the tour shows the explorer exactly as it was.
import type cytoscape from 'cytoscape';
import { Canvas } from '../graph.js';
import { applyPositions, compactToFit, declutter, layoutOverview, type Position } from '../layout.js';
import type { Subgraph, TypeInfo } from '../queries.js';

const FIT = {
  padding: 28,
  /** A chapter of three entities is not blown up to fill the screen. */
  maxZoom: 1.8,
};

/** The focus entities stand out by border and weight; both are set before the layout measures labels. */
const FOCUS_STYLE = { 'border-width': 4, 'border-color': '#0f172a', 'font-weight': 'bold', 'z-index': 10 } as const;

export class StepCanvas {
  readonly canvas: Canvas;

  constructor(container: HTMLElement) {
    this.canvas = new Canvas(container);
    // A tap selects nothing here: the tour is read, and the explorer is one click away.
    this.canvas.cy.autounselectify(true);
    // The canvas changes size with the window (and appears from display:none): keep the step in view.
    this.canvas.cy.on('resize', () => this.fit());
  }

  get cy(): cytoscape.Core {
    return this.canvas.cy;
  }

  setTypeLabels(types: TypeInfo[]): void {
    this.canvas.setTypeLabels(types);
  }

  /** Replaces what is drawn with one step's graph, focus entities emphasised, and fits it to the canvas. */
  show(graph: Subgraph, focus: string[]): void {
    const cy = this.cy;
    cy.stop();
    this.canvas.clear();
    this.canvas.addSubgraph(graph);
    const focusSet = new Set(focus);
    cy.batch(() => cy.nodes().forEach((n) => void n.toggleClass('tour-focus', focusSet.has(n.id()))));
    this.emphasise();
    this.layout(graph.positions ?? null);
  }

  /** Labels follow the interface language; their boxes change, so the step is laid out again. */
  relabel(): void {
    this.canvas.refreshLabels();
    this.emphasise();
    this.layout(null, true);
  }

  fit(): void {
    const cy = this.cy;
    const nodes = cy.nodes();
    // No cy.resize() here: fit runs on Cytoscape's own resize event, and resizing would fire it again.
    if (nodes.empty()) return;
    cy.fit(nodes, FIT.padding);
    if (cy.zoom() > FIT.maxZoom) {
      cy.zoom(FIT.maxZoom);
      cy.center(nodes);
    }
  }

  private emphasise(): void {
    // The stylesheet is rebuilt when the language changes (graph.ts), so the rule is added again each time.
    this.cy.style().selector('node.tour-focus').style(FOCUS_STYLE).update();
  }

  /**
   * Starts from the server's layout when it covers every node, else from a circle in id order, so each
   * visit to a step gives the same picture; then fcose with label boxes, the overlap pass and the squeeze
   * towards the canvas's shape that the explorer's overview uses.
   */
  private layout(preset: { id: string; x: number; y: number }[] | null, fromCurrent = false): void {
    const cy = this.cy;
    const nodes = cy.nodes();
    if (nodes.empty()) return;
    cy.resize();
    if (!fromCurrent) {
      const at = new Map<string, Position>((preset ?? []).map((p) => [p.id, { x: p.x, y: p.y }]));
      if (!nodes.toArray().every((n) => at.has(n.id()))) {
        at.clear();
        const ids = nodes.map((n) => n.id()).sort();
        const r = 40 * Math.sqrt(ids.length);
        ids.forEach((id, i) => at.set(id, { x: r * Math.cos((2 * Math.PI * i) / ids.length), y: r * Math.sin((2 * Math.PI * i) / ids.length) }));
      }
      applyPositions(cy, at);
    }
    layoutOverview(cy, nodes, true);
    compactToFit(cy, nodes, Math.max(cy.width(), 1), Math.max(cy.height(), 1), FIT.padding);
    declutter(cy, nodes);
    this.fit();
  }
}
