// Shortest path between two chosen entities: drawn on the canvas and written out step by step.
import { ApiError, gql } from './api.js';
import { h, replace } from './dom.js';
import { entityName, getLang, t } from './i18n.js';
import { shortestPathOperation, type GraphEdge, type GraphNode, type Operation } from './queries.js';
import { autocomplete, type Picked } from './search.js';

type PathEdge = GraphEdge & { labelEn: string; labelZh: string };
export interface PathResult {
  nodes: GraphNode[];
  edges: PathEdge[];
}

export interface PathHost {
  show(result: PathResult): void;
  clear(): void;
  selectEntity(id: string): void;
  setEnds(ends: [string, string] | null): void;
  recordOperation(op: Operation): void;
}

export class PathPanel {
  private from: Picked | null = null;
  private to: Picked | null = null;
  private last: PathResult | null = null;
  private readonly out: HTMLElement;
  private readonly fromBox: { set(hit: Picked | null): void };
  private readonly toBox: { set(hit: Picked | null): void };

  constructor(
    root: HTMLElement,
    private readonly host: PathHost,
  ) {
    const fromInput = h('input', { type: 'search', role: 'searchbox', id: 'path-from', 'data-i18n-label': 'pathFrom', 'data-i18n-placeholder': 'pathFrom', 'aria-label': t('pathFrom'), placeholder: t('pathFrom') });
    const toInput = h('input', { type: 'search', role: 'searchbox', id: 'path-to', 'data-i18n-label': 'pathTo', 'data-i18n-placeholder': 'pathTo', 'aria-label': t('pathTo'), placeholder: t('pathTo') });
    this.out = h('div', { id: 'path-result', 'aria-live': 'polite' });
    replace(
      root,
      h(
        'form',
        {
          class: 'path-form',
          onsubmit: (ev: Event) => {
            ev.preventDefault();
            void this.run();
          },
        },
        h('div', { class: 'ac-wrap' }, h('label', { for: 'path-from', 'data-i18n': 'pathFrom' }, t('pathFrom')), fromInput),
        h('div', { class: 'ac-wrap' }, h('label', { for: 'path-to', 'data-i18n': 'pathTo' }, t('pathTo')), toInput),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'submit', id: 'path-find', 'data-i18n': 'pathFind' }, t('pathFind')),
          h('button', { type: 'button', 'data-i18n': 'pathClear', onclick: () => this.reset() }, t('pathClear')),
        ),
      ),
      this.out,
    );
    this.fromBox = autocomplete(fromInput, (p) => (this.from = p));
    this.toBox = autocomplete(toInput, (p) => (this.to = p));
  }

  /** Restores both ends from a link; the names are filled in once the path comes back. */
  async restore(from: string, to: string): Promise<void> {
    this.from = { id: from, name: from, labelZh: from };
    this.to = { id: to, name: to, labelZh: to };
    await this.run();
  }

  private reset(): void {
    this.from = this.to = this.last = null;
    this.fromBox.set(null);
    this.toBox.set(null);
    replace(this.out);
    this.host.clear();
    this.host.setEnds(null);
  }

  async run(): Promise<void> {
    if (!this.from || !this.to) {
      replace(this.out, h('p', { class: 'message', role: 'status' }, t('pathNeedBoth')));
      return;
    }
    const op = shortestPathOperation(this.from.id, this.to.id);
    this.host.recordOperation(op);
    this.host.setEnds([this.from.id, this.to.id]);
    replace(this.out, h('p', { class: 'muted' }, t('loading')));
    try {
      const data = await gql<{ shortestPath: PathResult | null }>(op.graphql, op.variables);
      this.last = data.shortestPath;
      if (!this.last) {
        this.host.clear();
        replace(this.out, h('p', { class: 'message', role: 'status' }, t('pathNone')));
        return;
      }
      const ends = this.last.nodes;
      const first = ends[0];
      const last = ends[ends.length - 1];
      if (first) this.fromBox.set({ id: first.id, name: first.name, labelZh: first.labelZh });
      if (last) this.toBox.set({ id: last.id, name: last.name, labelZh: last.labelZh });
      this.host.show(this.last);
      this.render();
    } catch (err) {
      this.host.clear();
      replace(this.out, h('p', { class: 'message error', role: 'alert' }, err instanceof ApiError ? `${err.code}: ${err.message}` : String(err)));
    }
  }

  render(): void {
    const r = this.last;
    if (!r) return;
    const zh = getLang() === 'zh';
    const steps = r.edges.map((e, i) => {
      const a = r.nodes[i]!;
      const b = r.nodes[i + 1]!;
      const forward = e.source.id === a.id;
      const label = zh ? e.labelZh : e.labelEn;
      return h(
        'li',
        { class: 'path-step' },
        h('button', { type: 'button', class: 'link', onclick: () => this.host.selectEntity(a.id) }, entityName(a)),
        h('span', { class: 'rel' }, forward ? ` —${label}→ ` : ` ←${label}— `),
        h('button', { type: 'button', class: 'link', onclick: () => this.host.selectEntity(b.id) }, entityName(b)),
      );
    });
    replace(this.out, h('h3', {}, `${t('pathSteps')} (${r.edges.length})`), h('ol', { class: 'path-steps' }, steps));
  }
}
