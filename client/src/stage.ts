// What the canvas shows of what is loaded. The first view is an overview of the most connected
// entities, each labelled and legible; the whole graph is one click away; focus shows one
// neighbourhood. Selections, expansions, paths and console results bring their nodes on stage.
import type cytoscape from 'cytoscape';
import { PLACEMENT, applyPositions, compactToFit, declutter, layoutNamed, layoutOverview, layoutWhole, nodesById, placeNear, positionsOf, type Position } from './layout.js';
import { nodeSize } from '../../core/domain/layoutOptions.js';
import { LABEL } from './style.js';
import type { LayoutName } from './urlState.js';

export type Scope = 'overview' | 'all' | 'focus';

export const OVERVIEW = {
  /** How many entities the overview holds: one per this many square pixels of canvas, within min..max. */
  areaPerNode: 9500,
  /** A phone's canvas is tried with this many too: the first view should name two dozen entities anywhere. */
  minNodes: 25,
  maxNodes: 56,
  /** An overview whose fit would draw labels below readable size drops its least connected (1 in 25 at a time), down to this many. */
  floorNodes: 12,
  shrinkBy: 0.96,
  fitPadding: 24,
  /** A canvas narrower than this (a phone) keeps a thinner margin: its pixels go to labels. */
  narrowBelowPx: 500,
  narrowFitPadding: 8,
  /** A fit never zooms in beyond this: a sparse view is not blown up, a single node does not fill the screen. */
  maxFitZoom: 1.6,
};

/** At this zoom an ordinary label is drawn at the size a person can read. */
const READABLE_ZOOM = LABEL.readablePx / LABEL.fontSize;

export class Stage {
  scope: Scope = 'overview';
  private core: cytoscape.NodeCollection;
  /** Nodes brought on stage for a reason ("selection", "expand:<id>", "path", "console"). */
  private extras = new Map<string, cytoscape.NodeCollection>();
  private preset: Map<string, Position> | null = null;
  private overviewAt: { key: string; at: Map<string, Position> } | null = null;

  constructor(private readonly cy: cytoscape.Core) {
    this.core = cy.collection();
  }

  setPreset(positions: { id: string; x: number; y: number }[] | null | undefined): void {
    this.preset = positions?.length ? new Map(positions.map((p) => [p.id, { x: p.x, y: p.y }])) : null;
  }

  /** The server's positions place every loaded node: the overview and the whole graph need no fcose. */
  presetCoversAll(): boolean {
    return this.preset !== null && this.cy.nodes().toArray().every((n) => this.preset!.has(n.id()));
  }

  /** On stage now (filters aside). */
  staged(): cytoscape.NodeCollection {
    return this.cy.nodes().not('.offstage');
  }

  overviewSize(): number {
    const area = this.cy.width() * this.cy.height();
    return Math.max(OVERVIEW.minNodes, Math.min(OVERVIEW.maxNodes, Math.round(area / OVERVIEW.areaPerNode)));
  }

  /**
   * The most connected entities (ties broken by id, so every visitor gets the same set), each linked to
   * another one of them: a hub whose neighbours are all elsewhere would float alone and shrink the fit.
   */
  private pickCore(size: number): cytoscape.NodeCollection {
    // Filters aside: the replay and the kind filters then hide and reveal within one stable picture.
    const degree = new Map<string, number>();
    const entities = (this.cy.nodes('[?isEntity]') as cytoscape.NodeCollection).toArray();
    for (const n of entities) degree.set(n.id(), n.degree(false));
    const ranked = entities.sort((a, b) => degree.get(b.id())! - degree.get(a.id())! || a.id().localeCompare(b.id()));
    let chosen = ranked.slice(0, size);
    for (let round = 0; round < 3; round++) {
      const ids = new Set(chosen.map((n) => n.id()));
      const linked = chosen.filter((n) => n.neighborhood('node').toArray().some((m) => ids.has(m.id())));
      if (linked.length === chosen.length) break;
      const rest = ranked.filter((n) => !ids.has(n.id()));
      chosen = [...linked, ...rest.slice(0, size - linked.length)];
    }
    return nodesById(this.cy, chosen.map((n) => n.id()));
  }

  showOverview(lang: string): void {
    this.scope = 'overview';
    this.extras.clear();
    let core = this.pickCore(this.overviewSize());
    const key = `${lang}|${this.cy.width()}x${this.cy.height()}|${core.map((n) => n.id()).join(',')}`;
    if (this.overviewAt?.key === key) {
      core = nodesById(this.cy, this.overviewAt.at.keys());
      this.putOnStage(core);
      applyPositions(this.cy, this.overviewAt.at);
    } else {
      // Fewer entities, each readable, say more than many too small to read: a small canvas (a phone)
      // drops the least connected until the fit draws labels at a readable size.
      for (;;) {
        this.putOnStage(core);
        let readable = false;
        for (const factor of PLACEMENT.compactFactors) {
          this.placeOverview(core, factor);
          if ((readable = this.fitZoom(core) >= READABLE_ZOOM)) break;
        }
        if (readable || core.length <= OVERVIEW.floorNodes) break;
        core = this.pickCore(Math.max(OVERVIEW.floorNodes, Math.min(core.length - 1, Math.floor(core.length * OVERVIEW.shrinkBy))));
      }
      this.overviewAt = { key, at: positionsOf(core) };
    }
    this.core = core;
    this.fit(core);
  }

  /** Each class change restyles its node: touch only what moves on or off stage. */
  private putOnStage(core: cytoscape.NodeCollection): void {
    this.cy.batch(() => {
      this.cy.nodes().not(core).not('.offstage').addClass('offstage');
      core.filter('.offstage').removeClass('offstage');
    });
  }

  private placeOverview(core: cytoscape.NodeCollection, factor: number): void {
    // Starting from the server's whole-graph positions keeps the overview the same on every visit.
    const fromPreset = this.preset !== null && core.toArray().every((n) => this.preset!.has(n.id()));
    // Those positions already place hubs by what links them: squeezing them until they fill the
    // canvas (compactToFit, overlaps removed each round) reads as well as a new fcose run, in a tenth
    // of the time, and the first view needs no fcose at all.
    if (fromPreset) {
      applyPositions(this.cy, new Map(core.map((n): [string, Position] => [n.id(), this.preset!.get(n.id())!])));
      declutter(this.cy, core);
    } else layoutOverview(this.cy, core, false);
    compactToFit(this.cy, core, this.cy.width(), this.cy.height(), this.padding(), factor);
  }

  /** The zoom fit() would choose for these nodes, labels included. */
  private fitZoom(nodes: cytoscape.NodeCollection): number {
    const bb = nodes.not('.hidden').boundingBox({ includeLabels: true } as cytoscape.BoundingBoxOptions);
    const pad = this.padding();
    return Math.min(OVERVIEW.maxFitZoom, (this.cy.width() - 2 * pad) / Math.max(bb.w, 1), (this.cy.height() - 2 * pad) / Math.max(bb.h, 1));
  }

  private padding(): number {
    return this.cy.width() < OVERVIEW.narrowBelowPx ? OVERVIEW.narrowFitPadding : OVERVIEW.fitPadding;
  }

  showAll(): void {
    this.scope = 'all';
    this.extras.clear();
    this.cy.nodes().removeClass('offstage');
    layoutWhole(this.cy, this.cy.nodes(), this.preset);
    this.fitByPositions(this.cy.nodes());
  }

  /**
   * Fits by positions and node sizes, not by drawn boxes: Cytoscape's fit measures every label, which
   * at thousands of nodes is most of the time to a first frame, and the labels are not drawn that far
   * out anyway (min-zoomed-font-size).
   */
  fitByPositions(nodes: cytoscape.NodeCollection): void {
    const visible = nodes.not('.hidden, .offstage');
    if (visible.empty()) return;
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    visible.forEach((n) => {
      const p = n.position();
      const r = nodeSize(n.data('degree') as number) / 2;
      x1 = Math.min(x1, p.x - r);
      y1 = Math.min(y1, p.y - r);
      x2 = Math.max(x2, p.x + r);
      y2 = Math.max(y2, p.y + r);
    });
    const pad = this.padding();
    const zoom = Math.min(OVERVIEW.maxFitZoom, (this.cy.width() - 2 * pad) / Math.max(x2 - x1, 1), (this.cy.height() - 2 * pad) / Math.max(y2 - y1, 1));
    const z = Math.max(this.cy.minZoom(), Math.min(this.cy.maxZoom(), zoom));
    this.cy.viewport({ zoom: z, pan: { x: this.cy.width() / 2 - z * ((x1 + x2) / 2), y: this.cy.height() / 2 - z * ((y1 + y2) / 2) } });
  }

  /** The canvas holds one neighbourhood (main.ts loads it): lay all of it out. */
  showFocus(layout: LayoutName): void {
    this.scope = 'focus';
    this.extras.clear();
    this.cy.nodes().removeClass('offstage');
    layoutNamed(this.cy, layout, this.cy.nodes(), true);
    this.fit(this.cy.nodes());
  }

  /** The layout picker and "Re-run layout": the nodes on stage, laid out again. */
  relayout(layout: LayoutName): void {
    const nodes = this.staged();
    if (nodes.empty()) return;
    if (this.scope === 'all' && layout === 'fcose') layoutWhole(this.cy, nodes, this.preset);
    else layoutNamed(this.cy, layout, nodes, this.scope !== 'all');
    if (this.scope !== 'all') compactToFit(this.cy, nodes, this.cy.width(), this.cy.height(), this.padding());
    if (this.scope === 'overview') this.overviewAt = null;
    this.fit(nodes);
  }

  /** Labels changed (language): their boxes did too, so the overlap pass runs again. */
  relabel(): void {
    this.overviewAt = null;
    declutter(this.cy, this.staged());
  }

  /**
   * Puts nodes on stage for a reason, placed near the anchor. A later bring for the same reason replaces
   * the earlier one: what it held and the new one does not leaves the stage. Returns the nodes that
   * were not on stage before.
   */
  bring(reason: string, nodes: cytoscape.NodeCollection, anchor: cytoscape.NodeSingular | null, added: cytoscape.NodeCollection = this.cy.collection()): cytoscape.NodeCollection {
    const previous = this.extras.get(reason) ?? this.cy.collection();
    // Newly loaded nodes have no position yet; off-stage ones have a stale one.
    const fresh = nodes.filter((n) => n.hasClass('offstage')).union(added);
    const before = this.staged().not(fresh).not('.hidden');
    this.extras.set(reason, fresh.union(nodes.intersection(previous)));
    this.release(previous.not(nodes));
    fresh.removeClass('offstage');
    placeNear(this.cy, fresh, anchor, before);
    return fresh;
  }

  /** Takes off stage what a reason brought (unless another reason or the overview still holds it). */
  drop(reason: string): cytoscape.NodeCollection {
    const mine = this.extras.get(reason);
    if (!mine) return this.cy.collection();
    this.extras.delete(reason);
    return this.release(mine);
  }

  private release(nodes: cytoscape.NodeCollection): cytoscape.NodeCollection {
    const held = [...this.extras.values()].reduce((acc, c) => acc.union(c), this.core);
    const leaving = nodes.not(held);
    if (this.scope === 'overview') leaving.addClass('offstage');
    return leaving;
  }

  /** The overview's own nodes that are drawn now (filters aside from the rest). */
  coreShown(): number {
    return this.scope === 'overview' ? this.core.not('.hidden, .offstage').length : 0;
  }

  broughtBy(reason: string): cytoscape.NodeCollection {
    return this.extras.get(reason) ?? this.cy.collection();
  }

  /** Fits the nodes with the overview's padding, never zooming in so far that one node fills the screen. */
  fit(nodes: cytoscape.NodeCollection, maxZoom = OVERVIEW.maxFitZoom): void {
    const visible = nodes.not('.hidden, .offstage');
    if (visible.empty()) return;
    this.cy.fit(visible, this.padding());
    if (this.cy.zoom() > maxZoom) {
      this.cy.zoom(maxZoom);
      this.cy.center(visible);
    }
  }
}
