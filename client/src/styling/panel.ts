// The styling controls (in the filters panel: what sizes and what colours the nodes) and the legend
import './styling.css';
// over the canvas's corner. The choice lives in the view state (?size= & ?color=), so it survives a
// reload and travels with a copied link.
import { byId, h, replace } from '../dom.js';
import { getLang, statusName } from '../i18n.js';
import { errorText, notice } from '../notices.js';
import { canvas, stage } from '../scene.js';
import { firstViewShown, state, subscribe, update, type Change } from '../store.js';
import { applyColor, applySize, reflow, type ColorLegend, type SizeLegend } from './apply.js';
import { loadMetricNames, loadStylingData, slice } from './data.js';
import { COLOR_BY, GRAPH_MEASURES, type ColorBy } from './options.js';
import { st, type StyleKey } from './strings.js';

let legend: { size: SizeLegend | null; color: ColorLegend | null } = { size: null, color: null };
const controls = h('div', { class: 'filter-group viz-style', id: 'viz-style' });
const legendBox = h('div', { class: 'viz-legend', id: 'viz-legend', 'aria-live': 'polite', hidden: true });

export function subscribeStyling(): void {
  byId('filters-panel').append(controls);
  (byId('cy').parentElement ?? document.body).append(legendBox);
  renderControls();
  void firstViewShown.then(loadMetricNames).then(renderControlsIfIdle);
  subscribe(onChange);
  if (state.size || state.color) void restyle(true);
}

function onChange(c: Change): void {
  if (c.kind === 'state' && ('size' in c.patch || 'color' in c.patch)) void restyle('size' in c.patch);
  // Expansions, selections and console results add nodes; a new scope lays out anew: style them too.
  else if (c.kind === 'stage' && (state.size || state.color)) void restyle(!!state.size, true);
  else if (c.kind === 'lang') {
    renderControls();
    renderLegend();
  }
}

/** Restyles run one after another: a stage change during the first fetch must still be styled. */
let chain: Promise<void> = Promise.resolve();
/** The canvas was refitted for the URL's sizes once (the first view, laid out before the facts arrived). */
let fittedOnce = false;
function restyle(sizesChanged: boolean, fromStage = false): Promise<void> {
  chain = chain.then(() => doRestyle(sizesChanged, fromStage)).catch((err: unknown) => notice(errorText(err), 'error'));
  return chain;
}

async function doRestyle(sizesChanged: boolean, fromStage: boolean): Promise<void> {
  const data = state.size || state.color ? await loadStylingData() : slice.data;
  const cy = canvas.cy;
  legend = { size: applySize(cy, state.size, data), color: applyColor(cy, state.color, data) };
  if (sizesChanged && cy.nodes().nonempty()) {
    reflow(cy, stage.staged());
    // A user's change, or the first view: fit what grew. Later stage changes keep the user's viewport.
    if ((!fromStage || !fittedOnce) && stage.scope !== 'all' && !state.viewport) stage.fit(stage.staged());
    fittedOnce = true;
  }
  renderLegend();
  renderControls();
}

function metricOptions(): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const m of slice.metrics) seen.set(m.metric, getLang() === 'zh' ? m.labelZh : m.label);
  for (const f of slice.data?.facts ?? []) if (f.value !== null && !seen.has(f.metric)) seen.set(f.metric, getLang() === 'zh' ? f.metricZh : f.metricLabel);
  return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
}

function renderControls(): void {
  const sizeNow = state.size ?? 'degree';
  const measures = Object.keys(GRAPH_MEASURES).map((m) => ({ value: m, label: st(m as StyleKey) }));
  const metrics = metricOptions();
  // Before the facts are loaded, the URL's metric is still offered, so the select shows the choice.
  if (state.size && !metrics.some((m) => m.value === state.size) && !(state.size in GRAPH_MEASURES)) metrics.push({ value: state.size, label: state.size });
  const sizeSel = h(
    'select',
    { id: 'viz-size', 'aria-label': st('sizeBy'), onchange: (ev: Event) => update({ size: pickSize((ev.target as HTMLSelectElement).value) }, 'replace') },
    ...measures.map((o) => h('option', { value: o.value, selected: o.value === sizeNow }, o.label)),
    metrics.length ? h('optgroup', { label: '—' }, ...metrics.map((o) => h('option', { value: o.value, selected: o.value === sizeNow }, o.label))) : null,
  );
  const colorNow = state.color ?? 'kind';
  const colorSel = h(
    'select',
    { id: 'viz-color', 'aria-label': st('colorBy'), onchange: (ev: Event) => update({ color: pickColor((ev.target as HTMLSelectElement).value) }, 'replace') },
    ...COLOR_BY.map((c) => h('option', { value: c, selected: c === colorNow }, st(c))),
  );
  replace(
    controls,
    h('h3', { class: 'viz-title' }, st('styleTitle')),
    h('label', { class: 'viz-row' }, h('span', {}, st('sizeBy')), sizeSel),
    h('label', { class: 'viz-row' }, h('span', {}, st('colorBy')), colorSel),
  );
}

function renderControlsIfIdle(): void {
  if (document.activeElement?.id !== 'viz-size') renderControls();
}

const pickSize = (v: string): string | null => (v === 'degree' ? null : v);
const pickColor = (v: string): ColorBy | null => (v === 'kind' ? null : (v as ColorBy));
const fmt = (n: number) => new Intl.NumberFormat(getLang() === 'zh' ? 'zh-CN' : 'en-US', { maximumSignificantDigits: 3 }).format(n);

/** A swatch's words: a claim status is named as everywhere else (i18n.ts); the rest are the styling's own. */
const swatchName = (by: ColorBy, key: string): string => (by === 'status' && key !== 'NONE' ? statusName(key) : st(key as StyleKey));

function renderLegend(): void {
  const { size, color } = legend;
  legendBox.hidden = !state.size && !state.color;
  if (legendBox.hidden) return;
  const zh = getLang() === 'zh';
  const rows: HTMLElement[] = [];
  if (!state.size) rows.push(h('p', {}, st('sizeDegree')));
  else if (!size) rows.push(h('p', {}, st('loading')));
  else if (size.sized === 0) rows.push(h('p', { 'data-legend': 'size-none' }, st('sizeNone', { metric: size.by })));
  else {
    const metric = size.labels ? (zh ? size.labels.zh : size.labels.en) : st(size.by as StyleKey);
    const unit = size.labels ? ((zh ? size.labels.unitZh : size.labels.unitEn) ?? size.scale?.unit ?? '') : '';
    const range = size.scale ? { lo: fmt(size.scale.lo), hi: fmt(size.scale.hi) } : { lo: '', hi: '' };
    rows.push(h('p', { 'data-legend': 'size', class: 'viz-sizes' }, h('span', { class: 'dot small' }), h('span', { class: 'dot big' }), ' ', size.scale ? st('sizeMetric', { metric, unit, ...range, n: size.sized }) : st('sizeMeasure', { metric, ...range })));
    rows.push(h('p', { 'data-legend': 'size-without' }, h('span', { class: 'dot tiny' }), ' ', st('sizeWithout', { metric, n: size.without })));
    for (const o of size.scale?.otherUnits ?? []) rows.push(h('p', { 'data-legend': 'size-other-unit' }, st('sizeOtherUnits', { n: o.entities, unit: o.unit ?? '—' })));
  }
  if (!state.color) rows.push(h('p', {}, st('colorKind')));
  else if (!color) rows.push(h('p', {}, st('loading')));
  else {
    rows.push(h('p', {}, st(color.by === 'status' ? 'colorStatus' : 'colorSource')));
    rows.push(
      h('ul', { class: 'viz-swatches', 'data-legend': 'color' }, ...color.entries.map((e) => h('li', { 'data-key': e.key }, h('span', { class: 'swatch', style: `background:${e.color}` }), `${swatchName(color.by, e.key)} (${e.count})`))),
    );
  }
  replace(legendBox, h('strong', {}, st('legend')), ...rows);
}
