// The canvas: one Cytoscape instance holding whatever has been loaded (the whole graph, expanded
// neighbourhoods, console results). Filters only hide elements, so turning one off is instant.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { getLang } from './i18n.js';
import { earliestDate, type GraphEdge, type GraphNode, type NodePosition, type TypeInfo } from './queries.js';
import type { ConsoleEdge, ConsoleNode } from './api.js';
import { LABELS_FROM_ZOOM, stylesheet } from './style.js';
import type { LayoutName } from './urlState.js';

cytoscape.use(fcose);

const DRAFT_ABOVE_NODES = 800;
/** Drawing every edge while panning 2,000 nodes costs ~0.4 s a frame; above this they hide while moving. */
const BIG_GRAPH_NODES = 1000;

export interface Visibility {
  hideKinds: Set<string>;
  hideTypes: Set<string>;
  hideStatus: Set<string>;
  asOf: string | null;
  t: number | null;
}

export class Canvas {
  readonly cy: cytoscape.Core;
  private typeLabels = new Map<string, { en: string; zh: string }>();
  private preset: Map<string, { x: number; y: number }> | null = null;
  private quietLabels = false;
  /** Empty or cleared, and not laid out since: what is added next will be fitted, i.e. zoomed out. */
  private awaitingLayout = true;
  private visibility: Visibility = { hideKinds: new Set(), hideTypes: new Set(), hideStatus: new Set(), asOf: null, t: null };

  constructor(container: HTMLElement) {
    this.cy = cytoscape({
      container,
      style: stylesheet({ cjk: getLang() === 'zh' }),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    this.cy.on('zoom', () => this.updateQuietLabels());
    this.cy.on('mouseover', 'edge', (e) => e.target.addClass('hover'));
    this.cy.on('mouseout', 'edge', (e) => e.target.removeClass('hover'));
    this.cy.on('mouseover', 'node', (e) => (e.target as cytoscape.NodeSingular).connectedEdges().addClass('hover'));
    this.cy.on('mouseout', 'node', (e) => (e.target as cytoscape.NodeSingular).connectedEdges().removeClass('hover'));
  }

  setTypeLabels(types: TypeInfo[]): void {
    for (const ti of types) this.typeLabels.set(ti.type, { en: ti.labelEn, zh: ti.labelZh });
    this.refreshLabels();
  }

  typeLabel(type: string): string {
    const l = this.typeLabels.get(type);
    return l ? l[getLang()] : type.toLowerCase().replace(/_/g, ' ');
  }

  /** Adds what is not there yet; returns the ids of the nodes that were new. */
  addSubgraph(sg: { nodes: GraphNode[]; edges: GraphEdge[] }, near?: string): string[] {
    const added: string[] = [];
    const anchor = near ? this.cy.getElementById(near) : null;
    const centre = anchor?.nonempty() ? anchor.position() : null;
    this.cy.batch(() => {
      const fresh = sg.nodes.filter((n) => this.cy.getElementById(n.id).empty());
      fresh.forEach((n, i) => {
        // New neighbours go on a ring around the node they came from, so the rest of the layout stays put.
        const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1);
        const r = 80 + fresh.length * 4;
        this.cy.add({
          group: 'nodes',
          data: {
            id: n.id, kind: n.kind, name: n.name, labelZh: n.labelZh, first: n.firstMentionSeconds,
            date: earliestDate(n.dates), display: n.name, degree: 0, isEntity: true,
          },
          ...(centre ? { position: { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) } } : {}),
        });
        added.push(n.id);
      });
      for (const e of sg.edges) this.addEdge(e.id, e.type, e.source.id, e.target.id, e.status);
      this.afterAdd();
    });
    return added;
  }

  addConsoleGraph(g: { nodes: ConsoleNode[]; edges: ConsoleEdge[] }): string[] {
    const added: string[] = [];
    const pan = this.cy.extent();
    this.cy.batch(() => {
      for (const n of g.nodes) {
        const existing = this.cy.getElementById(n.id);
        if (existing.nonempty()) {
          existing.addClass('console');
          continue;
        }
        this.cy.add({
          group: 'nodes',
          classes: 'console',
          data: { id: n.id, kind: n.isEntity ? n.kind : 'OTHER', name: n.name, labelZh: n.nameZh ?? n.name, display: n.name, degree: 0, first: null, date: null, isEntity: n.isEntity },
          position: { x: pan.x1 + Math.random() * pan.w, y: pan.y1 + Math.random() * pan.h },
        });
        added.push(n.id);
      }
      for (const e of g.edges) this.addEdge(e.id, e.type, e.source, e.target, null)?.addClass('console');
      this.afterAdd();
    });
    return added;
  }

  private addEdge(id: string, type: string, source: string, target: string, status: string | null): cytoscape.EdgeSingular | null {
    const existing = this.cy.getElementById(id);
    if (existing.nonempty()) return existing as cytoscape.EdgeSingular;
    if (this.cy.getElementById(source).empty() || this.cy.getElementById(target).empty()) return null;
    return this.cy.add({ group: 'edges', data: { id, source, target, type, status, display: type } });
  }

  /** Large graphs drop label text while zoomed out too far for labels to be drawn (see stylesheet). */
  private updateQuietLabels(assumeZoomedOut = false): void {
    const quiet = this.cy.nodes().length > BIG_GRAPH_NODES && (assumeZoomedOut || this.cy.zoom() < LABELS_FROM_ZOOM);
    if (quiet === this.quietLabels) return;
    this.quietLabels = quiet;
    this.restyle();
  }

  private styledFor = getLang();
  private restyle(): void {
    this.styledFor = getLang();
    this.cy.style(stylesheet({ quietLabels: this.quietLabels, cjk: this.styledFor === 'zh' }));
  }

  private afterAdd(): void {
    // Before the layout and its fit measure every label: a big graph will be shown zoomed out.
    this.updateQuietLabels(this.awaitingLayout);
    // hideEdgesOnViewport is an init option with no setter; the canvas renderer reads it on every frame,
    // so it follows the graph's size as neighbourhoods and console results are added.
    const renderer = (this.cy as unknown as { renderer?: () => { hideEdgesOnViewport?: boolean } | undefined }).renderer?.();
    if (renderer) renderer.hideEdgesOnViewport = this.cy.nodes().length > BIG_GRAPH_NODES;
    this.cy.nodes().forEach((n) => {
      n.data('degree', n.degree(false));
    });
    this.refreshLabels();
    this.applyVisibility(this.visibility);
  }

  refreshLabels(): void {
    if (this.styledFor !== getLang()) this.restyle();
    const zh = getLang() === 'zh';
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        n.data('display', zh ? (n.data('labelZh') as string) || (n.data('name') as string) : (n.data('name') as string));
      });
      this.cy.edges().forEach((e) => {
        e.data('display', this.typeLabel(e.data('type') as string));
      });
    });
  }

  applyVisibility(v: Visibility): void {
    this.visibility = v;
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const date = n.data('date') as string | null;
        const first = n.data('first') as number | null;
        const hidden =
          v.hideKinds.has(n.data('kind') as string) ||
          // Dates may be YYYY or YYYY-MM-DD: compare at the precision of the slider.
          (v.asOf !== null && date !== null && date.slice(0, v.asOf.length) > v.asOf) ||
          (v.t !== null && n.data('isEntity') === true && (first === null || first > v.t));
        n.toggleClass('hidden', hidden);
      });
      this.cy.edges().forEach((e) => {
        const hidden =
          v.hideTypes.has(e.data('type') as string) ||
          v.hideStatus.has((e.data('status') as string | null) ?? '') ||
          e.source().hasClass('hidden') ||
          e.target().hasClass('hidden');
        e.toggleClass('hidden', hidden);
      });
    });
  }

  visibleNodes(): cytoscape.NodeCollection {
    return this.cy.nodes().not('.hidden');
  }

  /** The server's layout of the whole graph, used by the first fcose layout while it covers every node. */
  setPresetPositions(positions: NodePosition[] | null | undefined): void {
    this.preset = positions?.length ? new Map(positions.map((p) => [p.id, { x: p.x, y: p.y }])) : null;
  }

  layout(name: LayoutName, fit = true, opts2: { preferPreset?: boolean } = {}): void {
    const eles = this.cy.elements().not('.hidden');
    if (eles.empty()) return;
    const nodes = eles.nodes();
    const preset = this.preset;
    if (name === 'fcose' && opts2.preferPreset && preset && nodes.toArray().every((n) => preset.has(n.id()))) {
      eles.layout({ name: 'preset', positions: (n: cytoscape.NodeSingular) => preset.get(n.id())!, fit, padding: 30, animate: false } as unknown as cytoscape.LayoutOptions).run();
      this.awaitingLayout = false;
      this.updateQuietLabels();
      return;
    }
    // fcose's spring phase grows with n²: beyond a few hundred nodes the spectral draft is the only
    // layout that finishes in seconds (2,000 nodes: ~3.5 s instead of ~40 s).
    const quality = nodes.length > DRAFT_ABOVE_NODES ? 'draft' : 'default';
    const opts: Record<string, unknown> =
      name === 'fcose'
        ? { name, quality, randomize: true, animate: false, fit, padding: 30, nodeRepulsion: 6500, idealEdgeLength: 80, nodeSeparation: 80, packComponents: true, numIter: 1500 }
        : name === 'concentric'
          ? { name, animate: false, fit, padding: 30, minNodeSpacing: 8, concentric: (n: cytoscape.NodeSingular) => n.degree(false), levelWidth: () => 4 }
          : { name, animate: false, fit, padding: 30 };
    eles.layout(opts as unknown as cytoscape.LayoutOptions).run();
    this.awaitingLayout = false;
    this.updateQuietLabels();
  }

  focusOn(id: string): boolean {
    const n = this.cy.getElementById(id);
    if (n.empty()) return false;
    this.cy.batch(() => {
      this.cy.elements().removeClass('highlight near show-label faded');
      this.cy.elements().unselect();
      n.select();
      n.addClass('highlight');
      const hood = n.closedNeighborhood();
      hood.addClass('near');
      n.connectedEdges().addClass('show-label');
    });
    if (n.hasClass('hidden')) return true;
    const zoom = Math.max(this.cy.zoom(), 1.1);
    this.cy.animate({ center: { eles: n }, zoom }, { duration: 250 });
    return true;
  }

  selectEdge(id: string): boolean {
    const e = this.cy.getElementById(id);
    if (e.empty()) return false;
    this.cy.elements().removeClass('highlight near show-label');
    this.cy.elements().unselect();
    e.select();
    e.connectedNodes().addClass('near');
    return true;
  }

  clearSelection(): void {
    this.cy.elements().removeClass('highlight near show-label faded');
    this.cy.elements().unselect();
  }

  markPath(nodeIds: string[], edgeIds: string[]): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass('path faded');
      const els = this.cy.collection();
      nodeIds.forEach((id) => els.merge(this.cy.getElementById(id)));
      edgeIds.forEach((id) => els.merge(this.cy.getElementById(id)));
      els.addClass('path');
      els.removeClass('hidden');
      this.cy.elements().not(els).addClass('faded');
    });
    const eles = this.cy.elements('.path');
    if (eles.nonempty()) this.cy.animate({ fit: { eles, padding: 60 } }, { duration: 300 });
  }

  clearPath(): void {
    this.cy.elements().removeClass('path faded');
    this.applyVisibility(this.visibility);
  }

  /** Hides leaf neighbours (degree 1 on the visible canvas) and removes what an expansion added. */
  collapse(id: string, addedByExpansion: string[]): void {
    const n = this.cy.getElementById(id);
    if (n.empty()) return;
    this.cy.batch(() => {
      for (const a of addedByExpansion) {
        const m = this.cy.getElementById(a);
        if (m.nonempty() && a !== id && !m.selected()) m.remove();
      }
      n.neighborhood('node').forEach((m) => {
        if (m.connectedEdges().not('.hidden').length <= 1) m.addClass('hidden');
      });
      n.connectedEdges().forEach((e) => {
        if (e.source().hasClass('hidden') || e.target().hasClass('hidden')) e.addClass('hidden');
      });
    });
  }

  clear(): void {
    this.cy.elements().remove();
    this.awaitingLayout = true;
  }

  toJSON(): unknown {
    const vis = this.cy.elements().not('.hidden');
    return {
      nodes: vis.nodes().map((n) => ({ id: n.id(), kind: n.data('kind') as string, name: n.data('name') as string, nameZh: n.data('labelZh') as string, position: n.position() })),
      edges: vis.edges().map((e) => ({ id: e.id(), type: e.data('type') as string, source: e.source().id(), target: e.target().id(), status: e.data('status') as string | null })),
    };
  }
}
