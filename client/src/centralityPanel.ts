// "Most central / bottlenecks": the top 10 entities by PageRank and by betweenness (stored by the loader,
// see seed/centrality.ts), a click selects one; "colour by community" paints each node in its Louvain
// community's colour; and the data downloads (/export/*) with their licence. Mounted under the filters,
// self-contained: its strings are here in both languages, and it touches the canvas only through
// per-node style bypasses, which survive the canvas's own restyling.
import type cytoscape from 'cytoscape';
import { gqlRetrying } from './api.js';
import { downloadCsv } from './download.js';
import { h, replace } from './dom.js';
import { entityName, lookup, onLangChange, type Strings } from './i18n.js';

const STRINGS = {
  en: {
    title: 'Most central',
    byPagerank: 'By PageRank (most connected to the well connected)',
    byBetweenness: 'Bottlenecks: by betweenness (on most shortest paths)',
    colourByCommunity: 'Colour by community',
    community: 'community',
    downloads: 'Download the data',
    entitiesCsv: 'Entities (CSV)',
    relationshipsCsv: 'Relationships (CSV)',
    factsCsv: 'Facts with evidence (CSV)',
    graphml: 'Graph (GraphML, for Gephi / Cytoscape)',
    json: 'Everything (JSON)',
    license: 'Licence: CC BY 4.0, with attribution',
    viewHeading: 'What you see now',
    viewEntities: 'Entities in view (CSV)',
    viewRelationships: 'Relationships in view (CSV)',
    unavailable: 'Centrality is not available yet.',
  },
  zh: {
    title: '最核心的实体',
    byPagerank: '按 PageRank(与重要节点联系最多)',
    byBetweenness: '瓶颈:按介数中心性(位于最多最短路径上)',
    colourByCommunity: '按社区着色',
    community: '社区',
    downloads: '下载数据',
    entitiesCsv: '实体(CSV)',
    relationshipsCsv: '关系(CSV)',
    factsCsv: '事实及出处(CSV)',
    graphml: '图(GraphML,可用 Gephi / Cytoscape 打开)',
    json: '全部数据(JSON)',
    license: '许可:CC BY 4.0,需署名',
    viewHeading: '当前视图',
    viewEntities: '视图中的实体(CSV)',
    viewRelationships: '视图中的关系(CSV)',
    unavailable: '中心性数据暂不可用。',
  },
} as const;
type Key = keyof (typeof STRINGS)['en'];
export const CENTRALITY_STRINGS: Strings<Key> = STRINGS;
const s = lookup(CENTRALITY_STRINGS);

/** 12 colours that stay apart on white; communities past them (the smallest) share a grey. */
export const COMMUNITY_COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#393b79', '#637939', '#843c39'];
export const OTHER_COMMUNITY = '#9e9e9e';
export const communityColor = (c: number | null | undefined): string => (c === null || c === undefined ? OTHER_COMMUNITY : (COMMUNITY_COLORS[c] ?? OTHER_COMMUNITY));

interface Ranked {
  id: string;
  name: string;
  labelZh: string;
  kind: string;
  centrality: { pagerank: number; betweenness: number | null; community: number } | null;
}
const TOP = `query Central {
  pr: entities(first: 10, orderBy: PAGERANK) { nodes { ...R } }
  bc: entities(first: 10, orderBy: BETWEENNESS) { nodes { ...R } }
}
fragment R on Entity { id name labelZh: label(lang: ZH) kind centrality { pagerank betweenness community } }`;
const COMMUNITIES = `{ graph(limit: 20000) { nodes { id centrality { community } } } }`;

export const EXPORTS: { key: Key; href: string }[] = [
  { key: 'entitiesCsv', href: '/export/entities.csv' },
  { key: 'relationshipsCsv', href: '/export/relationships.csv' },
  { key: 'factsCsv', href: '/export/facts.csv' },
  { key: 'graphml', href: '/export/graph.graphml' },
  { key: 'json', href: '/export/dataset.json' },
];

/** A loaded server can time a query out (QUERY_TIMEOUT): these reads are worth a second and third try. */
/** The entities or relationships drawn right now (hidden and faded-out filter results left out), as CSV. */
function downloadView(cy: cytoscape.Core, what: 'entities' | 'relationships'): void {
  if (what === 'entities')
    downloadCsv('ai-industry-graph-view-entities.csv', [
      { name: 'id', value: (n: cytoscape.NodeSingular) => n.id() },
      { name: 'kind', value: (n) => n.data('kind') as string },
      { name: 'name', value: (n) => n.data('name') as string },
      { name: 'name_zh', value: (n) => n.data('labelZh') as string },
      { name: 'degree', value: (n) => n.data('degree') as number },
    ], cy.nodes(':visible').toArray());
  else
    downloadCsv('ai-industry-graph-view-relationships.csv', [
      { name: 'id', value: (e: cytoscape.EdgeSingular) => e.id() },
      { name: 'type', value: (e) => e.data('type') as string },
      { name: 'source', value: (e) => e.data('source') as string },
      { name: 'target', value: (e) => e.data('target') as string },
      { name: 'status', value: (e) => (e.data('status') as string | undefined) ?? '' },
    ], cy.edges(':visible').toArray());
}

export interface CentralityDeps {
  cy: cytoscape.Core;
  selectEntity: (id: string) => void;
  /** Where the section goes (the filters panel by default). */
  container?: HTMLElement;
  /** The list is asked for once this settles (the first view drawn; at once by default). */
  after?: Promise<void>;
}

export function mountCentrality(deps: CentralityDeps): void {
  const root = h('section', { id: 'central', class: 'central', 'aria-labelledby': 'central-title' });
  (deps.container ?? document.getElementById('filters-panel') ?? document.body).append(root);
  let top: { pr: Ranked[]; bc: Ranked[] } | null = null;
  let failed = false;
  let communities: Map<string, number> | null = null;
  let colouring = false;

  const paint = (nodes: cytoscape.NodeCollection) => {
    if (!communities) return;
    nodes.forEach((n) => {
      if (colouring) n.style('background-color', communityColor(communities!.get(n.id())));
      else n.removeStyle('background-color');
    });
  };
  deps.cy.on('add', 'node', (ev) => {
    if (colouring) paint(ev.target as cytoscape.NodeCollection);
  });

  async function setColouring(on: boolean): Promise<void> {
    colouring = on;
    if (on && !communities) {
      try {
        const d = await gqlRetrying<{ graph: { nodes: { id: string; centrality: { community: number } | null }[] } }>(COMMUNITIES);
        communities = new Map(d.graph.nodes.filter((n) => n.centrality).map((n) => [n.id, n.centrality!.community]));
      } catch {
        colouring = false;
        render();
        return;
      }
    }
    deps.cy.batch(() => paint(deps.cy.nodes()));
    root.dataset.colouring = String(colouring);
  }

  const item = (e: Ranked, value: number | null | undefined) =>
    h(
      'li',
      {},
      h(
        'button',
        { type: 'button', class: 'central-item', 'data-id': e.id, onclick: () => deps.selectEntity(e.id) },
        h('span', { class: 'swatch', style: `background:${communityColor(e.centrality?.community)}`, title: `${s('community')} ${e.centrality?.community ?? '?'}` }),
        entityName(e),
        h('span', { class: 'central-value' }, value === null || value === undefined ? '' : value.toFixed(3)),
      ),
    );

  function render(): void {
    const lists = top
      ? [
          h('h3', {}, s('byPagerank')),
          h('ol', { id: 'central-pagerank' }, top.pr.map((e) => item(e, e.centrality?.pagerank))),
          h('h3', {}, s('byBetweenness')),
          h('ol', { id: 'central-betweenness' }, top.bc.map((e) => item(e, e.centrality?.betweenness))),
        ]
      : failed
        ? [h('p', {}, s('unavailable'))]
        : [];
    const toggle = h('input', { type: 'checkbox', id: 'colour-community', checked: colouring, onchange: (ev: Event) => void setColouring((ev.target as HTMLInputElement).checked) });
    replace(
      root,
      h('h2', { id: 'central-title' }, s('title')),
      h('label', { class: 'central-toggle' }, toggle, ` ${s('colourByCommunity')}`),
      ...lists,
      h('h2', {}, s('downloads')),
      h('ul', { id: 'export-links', class: 'export-links' }, EXPORTS.map((x) => h('li', {}, h('a', { href: x.href, download: '' }, s(x.key))))),
      h('h3', {}, s('viewHeading')),
      h(
        'ul',
        { id: 'view-export', class: 'export-links' },
        h('li', {}, h('button', { type: 'button', class: 'link-button', 'data-export': 'view-entities', onclick: () => downloadView(deps.cy, 'entities') }, s('viewEntities'))),
        h('li', {}, h('button', { type: 'button', class: 'link-button', 'data-export': 'view-relationships', onclick: () => downloadView(deps.cy, 'relationships') }, s('viewRelationships'))),
      ),
      h('p', { class: 'export-license' }, h('a', { href: '/export/LICENSE.txt', target: '_blank', rel: 'license noopener' }, s('license'))),
    );
  }

  onLangChange(render);
  render();
  (deps.after ?? Promise.resolve())
    .then(() => gqlRetrying<{ pr: { nodes: Ranked[] }; bc: { nodes: Ranked[] } }>(TOP))
    .then((d) => {
      // An old store without centrality answers nulls: say so rather than list zeros.
      if (d.pr.nodes.some((e) => e.centrality)) top = { pr: d.pr.nodes, bc: d.bc.nodes };
      else failed = true;
    })
    .catch(() => (failed = true))
    .finally(render);
}
