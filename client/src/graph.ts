// The canvas: one Cytoscape instance holding whatever has been loaded (the whole graph, expanded
// neighbourhoods, console results). Filters and the stage only toggle classes, so they are instant;
// placing nodes is layout.ts's job and choosing which are on stage is stage.ts's.
import cytoscape from 'cytoscape';
import type { ConsoleEdge, ConsoleNode } from './api.js';
import { getLang } from './i18n.js';
import { earliestDate, type GraphEdge, type GraphNode, type TypeInfo } from './queries.js';
import { LABELS_FROM_ZOOM, stylesheet } from './style.js';

/**
 * fcose is a fifth of the bundle and the first view does not need it when the server sent positions:
 * it loads on the first layout that uses it (views.ts, commands.ts), or once the first view is up.
 */
let fcose: Promise<void> | null = null;
export const fcoseReady = (): Promise<void> => (fcose ??= import('cytoscape-fcose').then((m) => void cytoscape.use(m.default)));

/** Drawing every edge while panning 2,000 nodes costs ~0.4 s a frame; above this they hide while moving. */
const BIG_GRAPH_NODES = 1000;

export interface Visibility {
  hideKinds: Set<string>;
  hideTypes: Set<string>;
  hideStatus: Set<string>;
  asOf: string | null;
  /** With an "as of" date: whether entities without any date stay (the default) or go. */
  keepUndated: boolean;
  t: number | null;
}

export const noFilters = (): Visibility => ({ hideKinds: new Set(), hideTypes: new Set(), hideStatus: new Set(), asOf: null, keepUndated: true, t: null });

/** Why an entity is hidden by the time filters, for the counts the sliders show. */
export function hiddenByTime(date: string | null, first: number | null, v: Visibility): boolean {
  // Dates may be YYYY or YYYY-MM-DD: compare at the precision of the slider.
  if (v.asOf !== null && (date === null ? !v.keepUndated : date.slice(0, v.asOf.length) > v.asOf)) return true;
  // An entity never mentioned at a second of its own is not "not yet mentioned": it stays.
  return v.t !== null && first !== null && first > v.t;
}

export class Canvas {
  readonly cy: cytoscape.Core;
  private typeLabels = new Map<string, { en: string; zh: string }>();
  private quietLabels = false;
  /** Empty or cleared, and not laid out since: what is added next will be fitted, i.e. zoomed out. */
  awaitingLayout = true;
  private visibility: Visibility = noFilters();
  private styledFor = getLang();

  constructor(container: HTMLElement) {
    this.cy = cytoscape({
      container,
      style: stylesheet({ cjk: getLang() === 'zh' }),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    // Cytoscape notices window resizes only; the canvas also changes size when the page around it does.
    new ResizeObserver(() => this.cy.resize()).observe(container);
    this.cy.on('zoom', () => this.updateQuietLabels());
    this.cy.on('mouseover', 'edge', (e) => e.target.addClass('hover'));
    this.cy.on('mouseout', 'edge', (e) => e.target.removeClass('hover'));
    // A node's edges light up; their labels would cover the neighbours, so only a pointed-at edge shows one.
    this.cy.on('mouseover', 'node', (e) => (e.target as cytoscape.NodeSingular).connectedEdges().addClass('hover-near'));
    this.cy.on('mouseout', 'node', (e) => (e.target as cytoscape.NodeSingular).connectedEdges().removeClass('hover-near'));
  }

  setTypeLabels(types: TypeInfo[]): void {
    for (const ti of types) this.typeLabels.set(ti.type, { en: ti.labelEn, zh: ti.labelZh });
    this.refreshLabels();
  }

  typeLabel(type: string): string {
    const l = this.typeLabels.get(type);
    return l ? l[getLang()] : type.toLowerCase().replace(/_/g, ' ');
  }

  /** Adds what is not there yet; returns the ids of the nodes that were new (placed by the caller). */
  addSubgraph(sg: { nodes: GraphNode[]; edges: GraphEdge[] }): string[] {
    const added: string[] = [];
    // Degree and label go in with the node: setting them after the add restyles every node again,
    // which on the first view costs more than the add itself.
    const degree = new Map<string, number>();
    if (this.cy.nodes().empty()) for (const e of sg.edges) for (const end of [e.source.id, e.target.id]) degree.set(end, (degree.get(end) ?? 0) + 1);
    const zh = getLang() === 'zh';
    this.cy.batch(() => {
      for (const n of sg.nodes) {
        if (this.cy.getElementById(n.id).nonempty()) continue;
        this.cy.add({
          group: 'nodes',
          data: {
            id: n.id, kind: n.kind, name: n.name, labelZh: n.labelZh, first: n.firstMentionSeconds,
            date: earliestDate(n.dates), display: zh ? n.labelZh || n.name : n.name, degree: degree.get(n.id) ?? 0, isEntity: true,
          },
        });
        added.push(n.id);
      }
      for (const e of sg.edges) this.addEdge(e.id, e.type, e.source.id, e.target.id, e.status);
      this.afterAdd();
    });
    return added;
  }

  /** Console results: entities join the canvas as entities; other nodes (facts, chapters) are marked as such. */
  addConsoleGraph(g: { nodes: ConsoleNode[]; edges: ConsoleEdge[] }): string[] {
    const added: string[] = [];
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
    return this.cy.add({ group: 'edges', data: { id, source, target, type, status, display: this.typeLabel(type) } });
  }

  /** Large graphs drop label text while zoomed out too far for labels to be drawn (see stylesheet). */
  private updateQuietLabels(assumeZoomedOut = false): void {
    const quiet = this.cy.nodes().length > BIG_GRAPH_NODES && (assumeZoomedOut || this.cy.zoom() < LABELS_FROM_ZOOM);
    if (quiet === this.quietLabels) return;
    this.quietLabels = quiet;
    this.restyle();
  }

  private restyle(): void {
    this.styledFor = getLang();
    this.cy.style(stylesheet({ quietLabels: this.quietLabels, cjk: this.styledFor === 'zh' }));
  }

  private afterAdd(): void {
    // Before the layout and its fit measure every label: a big graph will be shown zoomed out.
    this.updateQuietLabels(this.awaitingLayout);
    // hideEdgesOnViewport is an init option with no setter; the canvas renderer reads it on every frame,
    // so it follows the graph's size as neighbourhoods and console results are added.
    // textureOnViewport likewise: a big graph pans and zooms as one cached picture, redrawn when it rests.
    const renderer = (this.cy as unknown as { renderer?: () => { hideEdgesOnViewport?: boolean; textureOnViewport?: boolean } | undefined }).renderer?.();
    if (renderer) renderer.hideEdgesOnViewport = renderer.textureOnViewport = this.cy.nodes().length > BIG_GRAPH_NODES;
    // The size a node is drawn at (and laid out by) follows its degree among what is loaded, as on the server.
    this.cy.nodes().forEach((n) => {
      const d = n.degree(false);
      if (n.data('degree') !== d) n.data('degree', d);
    });
    this.refreshLabels();
    this.applyVisibility(this.visibility);
  }

  refreshLabels(): void {
    if (this.styledFor !== getLang()) this.restyle();
    const zh = getLang() === 'zh';
    // Only what changes: an unchanged data field still restyles its element.
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const label = zh ? (n.data('labelZh') as string) || (n.data('name') as string) : (n.data('name') as string);
        if (n.data('display') !== label) n.data('display', label);
      });
      this.cy.edges().forEach((e) => {
        const label = this.typeLabel(e.data('type') as string);
        if (e.data('display') !== label) e.data('display', label);
      });
    });
  }

  applyVisibility(v: Visibility): void {
    this.visibility = v;
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const entity = n.data('isEntity') === true;
        const hidden = v.hideKinds.has(n.data('kind') as string) || (entity && hiddenByTime(n.data('date') as string | null, n.data('first') as number | null, v));
        if (n.hasClass('hidden') !== hidden) n.toggleClass('hidden', hidden);
      });
      this.cy.edges().forEach((e) => {
        const hidden =
          v.hideTypes.has(e.data('type') as string) ||
          v.hideStatus.has((e.data('status') as string | null) ?? '') ||
          e.source().hasClass('hidden') ||
          e.target().hasClass('hidden');
        if (e.hasClass('hidden') !== hidden) e.toggleClass('hidden', hidden);
      });
    });
  }

  /** Drawn now: on stage and not filtered out. */
  visibleNodes(): cytoscape.NodeCollection {
    return this.cy.nodes().not('.hidden, .offstage');
  }

  /** Entities only (console results may add facts and chapters). */
  entityNodes(): cytoscape.NodeCollection {
    return this.cy.nodes('[?isEntity]');
  }

  kindCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    this.entityNodes().forEach((n) => {
      const k = n.data('kind') as string;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    });
    return counts;
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

  clear(): void {
    this.cy.elements().remove();
    this.awaitingLayout = true;
  }

  toJSON(): unknown {
    const vis = this.cy.elements().not('.hidden, .offstage');
    return {
      nodes: vis.nodes().map((n) => ({ id: n.id(), kind: n.data('kind') as string, name: n.data('name') as string, nameZh: n.data('labelZh') as string, position: n.position() })),
      edges: vis.edges().map((e) => ({ id: e.id(), type: e.data('type') as string, source: e.source().id(), target: e.target().id(), status: e.data('status') as string | null })),
    };
  }
}
