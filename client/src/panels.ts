// The side panels (details, query, compare), the filters and the status line under the canvas.
import { canvas, meta, ops, shown, stage, state, update, visibility } from './app.js';
import { renderCompare } from './compare.js';
import { renderEntity, renderMessage, renderRelationship, type DetailActions } from './details.js';
import { byId, h, replace } from './dom.js';
import { renderFilters } from './filters.js';
import { hiddenByTime } from './graph.js';
import { t } from './i18n.js';
import { kindName } from './kinds.js';
import { errorText } from './notices.js';
import { renderQuery } from './queryPanel.js';
import { TABS, type Tab } from './urlState.js';

let actions: DetailActions | null = null;
export const setActions = (a: DetailActions): void => void (actions = a);

export function activateTab(tab: Tab, focus = false): void {
  state.tab = tab;
  update({ tab }, 'replace');
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

export function showQueries(): void {
  const order = ['view', 'selection', 'expand', 'path'];
  const list = order.flatMap((k) => {
    const o = ops.get(k);
    return o ? [{ title: t(o.titleKey), op: o.op }] : [];
  });
  renderQuery(byId('panel-query'), list);
}

export async function showCompare(): Promise<void> {
  try {
    await renderCompare(
      byId('panel-compare'),
      state.metric,
      (metric) => {
        update({ metric }, 'replace');
        void showCompare();
      },
      (id) => actions?.selectEntity(id),
    );
  } catch (err) {
    renderMessage(byId('panel-compare'), errorText(err), 'error');
  }
}

export function rerenderDetails(): void {
  const panel = byId('panel-details');
  const s = shown.current;
  if (!s || !actions) renderMessage(panel, t('detailsEmpty'));
  else if (s.kind === 'entity') renderEntity(panel, s.data, actions);
  else renderRelationship(panel, s.data, actions);
}

export function showFilters(): void {
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
export function updateStatus(): void {
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
      ? h('button', { type: 'button', id: 'show-overview', onclick: () => actions?.overview() }, t('showOverview'))
      : h('button', { type: 'button', id: 'show-all', onclick: () => actions?.wholeGraph() }, t('wholeGraph'));
  replace(line, h('span', {}, ...parts), button);
}
