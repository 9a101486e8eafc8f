// Wires the explorer together: URL state in, data from the API, the canvas and the panels out.
import './styles.css';
import { ApiError, gql, onConnectionChange, orIfNotFound, vocabulary, type Vocabulary } from './api.js';
import { renderCompare } from './compare.js';
import { ConsolePanel } from './consolePanel.js';
import { renderEntity, renderMessage, renderRelationship, type DetailActions } from './details.js';
import { byId, download, h } from './dom.js';
import { renderFilters } from './filters.js';
import { Canvas } from './graph.js';
import { applyStatic, defaultLang, getLang, setLang, t, type Key } from './i18n.js';
import { PathPanel, type PathResult } from './path.js';
import {
  EPISODE, KINDS, entityOperation, graphOperation, neighborhoodOperation, relationshipOperation,
  type EntityDetail, type Operation, type RelationshipDetail, type Subgraph, type TypeInfo,
} from './queries.js';
import { renderQuery } from './queryPanel.js';
import { autocomplete } from './search.js';
import { LAYOUTS, TABS, parse, write, type LayoutName, type Tab, type ViewState } from './urlState.js';

const parsed = parse(location.search);
const state: ViewState = parsed.state;
setLang(state.lang ?? defaultLang());
document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';

const canvas = new Canvas(byId('cy'));
const ops = new Map<string, { titleKey: Key; op: Operation }>();
const expansions = new Map<string, string[]>();
let vocab: Vocabulary | null = null;
let types: TypeInfo[] = [];
let duration = 4 * 3600;
let totalEntities = 0;
let shown: { kind: 'entity'; data: EntityDetail } | { kind: 'rel'; data: RelationshipDetail } | null = null;

declare global {
  interface Window {
    __cy?: unknown;
    __explorer?: { state: ViewState; canvas: Canvas };
  }
}
// Test hook: end-to-end tests read node counts and positions from here.
window.__cy = canvas.cy;
window.__explorer = { state, canvas };

// ---- notices and the connection banner ----

function notice(text: string, kind: 'info' | 'error' = 'info'): void {
  const el = h(
    'div',
    { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h('span', {}, text),
    h('button', { type: 'button', class: 'dismiss', 'aria-label': 'Dismiss', onclick: () => el.remove() }, '×'),
  );
  byId('notices').append(el);
}

onConnectionChange(({ down, retryInSeconds }) => {
  const banner = byId('banner');
  if (down) {
    banner.textContent = t('serverDown', { s: retryInSeconds });
    banner.hidden = false;
  } else {
    banner.textContent = t('serverBack');
    setTimeout(() => (banner.hidden = true), 1500);
  }
});

// ---- state ----

function visibility() {
  return { hideKinds: new Set(state.hideKinds), hideTypes: new Set(state.hideTypes), hideStatus: new Set(state.hideStatus), asOf: state.asOf, t: state.t };
}

function updateStatus(): void {
  const n = canvas.visibleNodes().length;
  byId('status-line').textContent = t('nodesShown', { n, total: totalEntities || canvas.cy.nodes().length });
}

function record(slot: string, titleKey: Key, op: Operation): void {
  ops.set(slot, { titleKey, op });
  if (state.tab === 'query') showQueries();
}

function recordView(): void {
  if (state.focus && state.id) record('view', 'focus', neighborhoodOperation(state.id));
  else {
    const kinds = state.hideKinds.length ? KINDS.filter((k) => !state.hideKinds.includes(k)) : null;
    const tys = state.hideTypes.length ? types.map((x) => x.type).filter((x) => !state.hideTypes.includes(x)) : null;
    record('view', 'wholeGraph', graphOperation({ kinds, types: tys, asOf: state.asOf }));
  }
}

function update(patch: Partial<ViewState>): void {
  Object.assign(state, patch);
  write(state);
  if ('hideKinds' in patch || 'hideTypes' in patch || 'hideStatus' in patch || 'asOf' in patch || 't' in patch) {
    canvas.applyVisibility(visibility());
    updateStatus();
    recordView();
  }
}

// ---- panels ----

function activateTab(tab: Tab, focus = false): void {
  state.tab = tab;
  write(state);
  document.querySelectorAll<HTMLButtonElement>('[role=tab]').forEach((b) => {
    const on = b.dataset.tab === tab;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
    if (on && focus) b.focus();
  });
  for (const name of TABS) byId(`panel-${name}`).hidden = name !== tab;
  if (tab === 'query') showQueries();
  if (tab === 'compare') void showCompare();
}

function showQueries(): void {
  const order = ['view', 'selection', 'expand', 'path'];
  const list = order.flatMap((k) => {
    const o = ops.get(k);
    return o ? [{ title: t(o.titleKey), op: o.op }] : [];
  });
  renderQuery(byId('panel-query'), list);
}

async function showCompare(): Promise<void> {
  try {
    await renderCompare(
      byId('panel-compare'),
      state.metric,
      (metric) => {
        update({ metric });
        void showCompare();
      },
      (id) => void selectEntity(id),
    );
  } catch (err) {
    renderMessage(byId('panel-compare'), errorText(err), 'error');
  }
}

const errorText = (err: unknown): string => (err instanceof ApiError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err));

function kindName(kind: string): string {
  const k = vocab?.kinds[kind];
  if (!k) return kind.charAt(0) + kind.slice(1).toLowerCase();
  return getLang() === 'zh' ? k.zh : k.en.replace(/\s*\(.*\)$/, '');
}

const actions: DetailActions = {
  selectEntity: (id) => void selectEntity(id),
  selectRelationship: (id) => void selectRelationship(id),
  expand: (id) => void expand(id),
  collapse: (id) => collapse(id),
  focus: (id) => void focusOn(id),
  wholeGraph: () => void wholeGraph(),
  kindName,
  get focused() {
    return state.focus;
  },
};

function rerenderDetails(): void {
  const panel = byId('panel-details');
  if (!shown) renderMessage(panel, t('detailsEmpty'));
  else if (shown.kind === 'entity') renderEntity(panel, shown.data, actions);
  else renderRelationship(panel, shown.data, actions);
}

function showFilters(): void {
  const counts = new Map<string, number>();
  canvas.cy.nodes().forEach((n) => {
    const k = n.data('kind') as string;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  });
  const years = canvas.cy
    .nodes()
    .map((n) => n.data('date') as string | null)
    .filter((d): d is string => !!d)
    .map((d) => Number(d.slice(0, 4)));
  const range: [number, number] = years.length ? [Math.min(...years), Math.max(...years)] : [2015, 2025];
  renderFilters(byId('filters'), { kindName, kindCounts: counts, types, years: range, duration, state, current: () => state, onChange: update });
}

// ---- selection ----

async function selectEntity(id: string, opts: { quiet?: boolean } = {}): Promise<boolean> {
  const panel = byId('panel-details');
  if (state.tab !== 'details' && !opts.quiet) activateTab('details');
  renderMessage(panel, t('loading'));
  const op = entityOperation(id);
  record('selection', 'tabDetails', op);
  try {
    const data = await orIfNotFound(gql<{ entity: EntityDetail | null }>(op.graphql, op.variables), { entity: null });
    const e = data.entity;
    if (!e) {
      shown = null;
      update({ id: null, rel: null });
      renderMessage(panel, t('unknownId', { id }), 'error');
      notice(t('unknownId', { id }), 'error');
      return false;
    }
    if (canvas.cy.getElementById(e.id).empty()) canvas.addSubgraph({ nodes: [e], edges: e.relationships });
    update({ id: e.id, rel: null });
    canvas.focusOn(e.id);
    shown = { kind: 'entity', data: e };
    rerenderDetails();
    return true;
  } catch (err) {
    renderMessage(panel, errorText(err), 'error');
    return false;
  }
}

async function selectRelationship(id: string): Promise<void> {
  const panel = byId('panel-details');
  activateTab('details');
  renderMessage(panel, t('loading'));
  const op = relationshipOperation(id);
  record('selection', 'tabDetails', op);
  try {
    const data = await orIfNotFound(gql<{ relationship: RelationshipDetail | null }>(op.graphql, op.variables), { relationship: null });
    const r = data.relationship;
    if (!r) {
      update({ rel: null });
      renderMessage(panel, `${t('notFound')}: ${id}`, 'error');
      notice(`${t('notFound')}: ${id}`, 'error');
      return;
    }
    update({ rel: r.id, id: null });
    canvas.selectEdge(r.id);
    shown = { kind: 'rel', data: r };
    rerenderDetails();
  } catch (err) {
    renderMessage(panel, errorText(err), 'error');
  }
}

function clearSelection(): void {
  shown = null;
  canvas.clearSelection();
  update({ id: null, rel: null });
  rerenderDetails();
}

// ---- expand, collapse, focus ----

async function expand(id: string): Promise<void> {
  const op = neighborhoodOperation(id);
  record('expand', 'expand', op);
  try {
    const data = await gql<{ neighborhood: Subgraph }>(op.graphql, op.variables);
    canvas.applyVisibility(visibility());
    const added = canvas.addSubgraph(data.neighborhood, id);
    expansions.set(id, [...(expansions.get(id) ?? []), ...added]);
    updateStatus();
  } catch (err) {
    notice(errorText(err), 'error');
  }
}

function collapse(id: string): void {
  canvas.collapse(id, expansions.get(id) ?? []);
  expansions.delete(id);
  updateStatus();
}

async function focusOn(id: string): Promise<void> {
  const op = neighborhoodOperation(id);
  try {
    const data = await gql<{ neighborhood: Subgraph }>(op.graphql, op.variables);
    canvas.clear();
    expansions.clear();
    canvas.addSubgraph(data.neighborhood);
    update({ focus: true, id });
    recordView();
    canvas.layout(state.layout);
    canvas.focusOn(id);
    rerenderDetails();
    updateStatus();
  } catch (err) {
    notice(errorText(err), 'error');
  }
}

function fetchWholeGraph(): Promise<Subgraph> {
  const op = graphOperation({ kinds: null, types: null, asOf: null });
  return gql<{ graph: Subgraph }>(op.graphql, op.variables).then((d) => d.graph);
}

async function loadWholeGraph(pending: Promise<Subgraph> = fetchWholeGraph()): Promise<void> {
  const graph = await pending;
  canvas.clear();
  expansions.clear();
  canvas.addSubgraph(graph);
  canvas.setPresetPositions(graph.positions);
  totalEntities = Math.max(totalEntities, graph.nodes.length);
  if (graph.truncated) notice(t('graphTruncated', { n: graph.nodes.length }));
}

async function wholeGraph(): Promise<void> {
  await loadWholeGraph();
  update({ focus: false });
  recordView();
  canvas.layout(state.layout, true, { preferPreset: true });
  if (state.id) canvas.focusOn(state.id);
  rerenderDetails();
  updateStatus();
}

// ---- language ----

function applyLanguage(): void {
  applyStatic();
  document.title = `${t('title')} · Lex Fridman #459`;
  canvas.refreshLabels();
  showFilters();
  rerenderDetails();
  pathPanel.render();
  consolePanel.renderExamples();
  updateStatus();
  if (state.tab === 'query') showQueries();
  if (state.tab === 'compare') void showCompare();
}

// ---- wiring ----

const pathPanel = new PathPanel(byId('panel-path'), {
  show(r: PathResult) {
    canvas.addSubgraph(r);
    canvas.markPath(r.nodes.map((n) => n.id), r.edges.map((e) => e.id));
    updateStatus();
  },
  clear: () => canvas.clearPath(),
  selectEntity: (id) => void selectEntity(id, { quiet: true }),
  setEnds: (ends) => update({ path: ends }),
  recordOperation: (op) => record('path', 'tabPath', op),
});

const consolePanel = new ConsolePanel(byId('panel-console'), {
  merge(graph) {
    const added = canvas.addConsoleGraph(graph);
    updateStatus();
    return added.length + graph.nodes.length - added.length;
  },
});

autocomplete(byId<HTMLInputElement>('search'), (hit) => void selectEntity(hit.id));

document.querySelectorAll<HTMLButtonElement>('[role=tab]').forEach((b) => {
  b.addEventListener('click', () => activateTab(b.dataset.tab as Tab));
  b.addEventListener('keydown', (ev) => {
    // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
    if (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft') return;
    const i = TABS.indexOf(state.tab);
    activateTab(TABS[(i + (ev.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!, true);
  });
});

const layoutSelect = byId<HTMLSelectElement>('layout');
layoutSelect.value = state.layout;
layoutSelect.addEventListener('change', () => {
  update({ layout: layoutSelect.value as LayoutName });
  canvas.layout(state.layout);
});
byId('relayout').addEventListener('click', () => canvas.layout(state.layout));
byId('fit').addEventListener('click', () => canvas.cy.fit(canvas.visibleNodes(), 30));
byId('lang-toggle').addEventListener('click', () => {
  setLang(getLang() === 'zh' ? 'en' : 'zh');
  update({ lang: getLang() });
  applyLanguage();
});
byId('export-png').addEventListener('click', () => {
  const blob = canvas.cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2, maxWidth: 8000, maxHeight: 8000 });
  download('ai-industry-graph.png', blob);
});
byId('export-json').addEventListener('click', () => {
  const body = { source: location.href, exportedAt: new Date().toISOString(), state, ...(canvas.toJSON() as object) };
  download('ai-industry-graph.json', new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }));
});
byId('copy-link').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(location.href);
    notice(t('copied'));
  } catch {
    // Clipboard access needs a secure context or permission; the link is still worth showing.
    notice(location.href);
  }
});

canvas.cy.on('tap', 'node', (ev) => {
  const id = ev.target.id() as string;
  if (ev.target.data('isEntity') === false) return;
  void selectEntity(id);
});
canvas.cy.on('tap', 'edge', (ev) => {
  const id = ev.target.id() as string;
  if (/--[A-Z_]+--/.test(id)) void selectRelationship(id);
});
canvas.cy.on('tap', (ev) => {
  if (ev.target === canvas.cy) clearSelection();
});
canvas.cy.on('dbltap', 'node', (ev) => void expand(ev.target.id() as string));

document.addEventListener('keydown', (ev) => {
  const target = ev.target as HTMLElement;
  const typing = target.closest('input, textarea, select, [contenteditable]') !== null;
  if (ev.key === '/' && !typing) {
    ev.preventDefault();
    byId('search').focus();
  } else if (ev.key === 'Escape') {
    if (typing) (target as HTMLInputElement).blur();
    clearSelection();
  }
});

// ---- start ----

async function start(): Promise<void> {
  applyStatic();
  document.title = `${t('title')} · Lex Fridman #459`;
  for (const p of parsed.problems) notice(t('badParam', { name: p.name, value: p.value, why: p.why }), 'error');
  if (!(LAYOUTS as readonly string[]).includes(state.layout)) state.layout = 'fcose';
  activateTab(state.tab);
  rerenderDetails();

  // The graph does not depend on the episode or the vocabulary: all three travel at once.
  const focus = state.focus && state.id !== null;
  const early = focus ? null : fetchWholeGraph();
  early?.catch(() => undefined);
  const [meta, voc] = await Promise.all([
    gql<{ episode: { durationSeconds: number }; relationshipTypes: TypeInfo[] }>(EPISODE).catch(() => null),
    vocabulary().catch(() => null),
  ]);
  if (meta) {
    duration = meta.episode.durationSeconds;
    types = meta.relationshipTypes;
    canvas.setTypeLabels(types);
  }
  vocab = voc;

  try {
    if (state.focus && state.id) {
      const op = neighborhoodOperation(state.id);
      const data = await gql<{ neighborhood: Subgraph }>(op.graphql, op.variables);
      canvas.addSubgraph(data.neighborhood);
      if (data.neighborhood.nodes.length === 0) {
        // An unknown id in focus mode would leave an empty canvas: fall back to the whole graph.
        state.focus = false;
        await loadWholeGraph();
      }
    } else {
      await loadWholeGraph(early ?? undefined);
    }
  } catch (err) {
    notice(errorText(err), 'error');
  }
  canvas.applyVisibility(visibility());
  recordView();
  showFilters();
  canvas.layout(state.layout, true, { preferPreset: true });
  byId('loading').hidden = true;
  updateStatus();

  if (state.id) await selectEntity(state.id, { quiet: true });
  else if (state.rel) await selectRelationship(state.rel);
  if (state.path) await pathPanel.restore(state.path[0], state.path[1]);
  document.body.dataset.ready = 'true';
}

void start();
