// The side panels (details, query, compare), the filters and the status line under the canvas. They
// subscribe to the store and render what it holds; what a user does in them goes to the store's commands.
import { renderCompare } from './compare.js';
import { renderEntity, renderMessage, renderRelationship, type DetailActions } from './details.js';
import { byId, h, replace } from './dom.js';
import { renderFilters } from './filters.js';
import { hiddenByTime } from './graph.js';
import { t } from './i18n.js';
import { kindName } from './kinds.js';
import { errorText } from './notices.js';
import { renderQuery } from './queryPanel.js';
import { canvas, stage } from './scene.js';
import { FILTER_KEYS, actions, meta, ops, shown, state, subscribe, update, visibility, type Change } from './store.js';
import { TABS, type Tab } from './urlState.js';
import { hiddenNeighbours, isExpanded } from './views.js';

/** What the details panel offers, from the store's commands. */
const detailActions: DetailActions = {
  selectEntity: (id) => void actions.selectEntity(id),
  selectRelationship: (id) => void actions.selectRelationship(id),
  expand: (id) => void actions.expand(id),
  collapse: (id) => actions.collapse(id),
  focus: (id) => void actions.focus(id),
  wholeGraph: () => void actions.wholeGraph(),
  overview: () => void actions.overview(),
  kindName,
  hiddenNeighbours,
  isExpanded,
  get focused() {
    return state.focus;
  },
};

/** The panels follow the store from now on; the tab of the URL is shown at once. */
export function subscribePanels(): void {
  showTab(state.tab);
  rerenderDetails();
  subscribe(onChange);
}

function onChange(c: Change): void {
  if (c.kind === 'state') {
    if ('tab' in c.patch) showTab(state.tab);
    if (FILTER_KEYS.some((k) => k in c.patch)) updateStatus();
  } else if (c.kind === 'stage') {
    updateStatus();
    showFilters();
    rerenderDetails();
  } else if (c.kind === 'selection') {
    selectionError = c.error ?? null;
    if (c.loading) renderMessage(byId('panel-details'), t('loading'));
    else if (c.error) renderMessage(byId('panel-details'), c.error, 'error');
    else {
      rerenderDetails();
      updateStatus();
    }
  } else if (c.kind === 'ops') {
    if (state.tab === 'query') showQueries();
  } else if (c.kind === 'lang') {
    updateStatus();
    showFilters();
    rerenderDetails();
    if (state.tab === 'query') showQueries();
    if (state.tab === 'compare') void showCompare();
  }
}

function showTab(tab: Tab): void {
  document.querySelectorAll<HTMLButtonElement>('[role=tab]').forEach((b) => {
    const on = b.dataset.tab === tab;
    b.setAttribute('aria-selected', String(on));
    b.tabIndex = on ? 0 : -1;
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
        update({ metric }, 'replace');
        void showCompare();
      },
      (id) => void actions.selectEntity(id),
    );
  } catch (err) {
    renderMessage(byId('panel-compare'), errorText(err), 'error');
  }
}

/** Why the last selection failed (an unknown id in a link): kept until the next selection. */
let selectionError: string | null = null;

function rerenderDetails(): void {
  const panel = byId('panel-details');
  const s = shown.current;
  if (!s) renderMessage(panel, selectionError ?? t('detailsEmpty'), selectionError ? 'error' : 'info');
  else if (s.kind === 'entity') renderEntity(panel, s.data, detailActions);
  else renderRelationship(panel, s.data, detailActions);
}

function showFilters(): void {
  const entities = canvas.entityNodes();
  const dates = entities.map((n) => n.data('date') as string | null);
  const years = dates.filter((d): d is string => !!d).map((d) => Number(d.slice(0, 4)));
  const range: [number, number] = years.length ? [Math.min(...years), Math.max(...years)] : [2015, 2025];
  renderFilters(byId('filters'), {
    kindName,
    kindCounts: canvas.kindCounts(),
    types: meta.types,
    years: range,
    duration: meta.duration,
    undated: dates.filter((d) => !d).length,
    unmentioned: entities.filter((n) => n.data('first') === null).length,
    current: () => state,
    onChange: (patch) => update(patch),
  });
}

/** "48 of 403 entities shown", how many the time filters hold back, and the way to the rest. */
function updateStatus(): void {
  const entities = canvas.entityNodes();
  const shownCount = entities.not('.hidden, .offstage').length;
  const total = Math.max(meta.totalEntities, entities.length);
  const line = byId('status-line');
  const v = visibility();
  const heldBack = state.asOf !== null || state.t !== null ? entities.filter((n) => hiddenByTime(n.data('date'), n.data('first'), v)).length : 0;
  const core = stage.coreShown();
  const parts: (HTMLElement | string)[] = [stage.scope === 'overview' ? t('overviewLine', { n: core, total }) : t('nodesShown', { n: shownCount, total })];
  if (stage.scope === 'overview' && shownCount > core) parts.push(` ${t('plusBrought', { n: shownCount - core })}`);
  if (heldBack) parts.push(` · ${t('heldBackByTime', { n: heldBack })}`);
  const button =
    stage.scope === 'all'
      ? h('button', { type: 'button', id: 'show-overview', onclick: () => void actions.overview() }, t('showOverview'))
      : h('button', { type: 'button', id: 'show-all', onclick: () => void actions.wholeGraph() }, t('wholeGraph'));
  replace(line, h('span', {}, ...parts), button);
}
