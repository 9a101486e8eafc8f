// The view as URL query parameters, so a copied link restores it. Parsing never throws: a bad
// parameter is dropped and reported, and the rest of the link still applies.
import type { Key, Lang } from './i18n.js';
import { COLOR_BY, SIZE_RE, type ColorBy } from './styling/options.js';

export const LAYOUTS = ['fcose', 'concentric', 'circle', 'grid', 'breadthfirst'] as const;
export type LayoutName = (typeof LAYOUTS)[number];
export const TABS = ['details', 'path', 'console', 'query', 'compare', 'timeline'] as const;
export type Tab = (typeof TABS)[number];

export type Scope = 'overview' | 'all';

/** Zoom and pan of the canvas, rounded: a link restores what was on screen, not the sub-pixel. */
export interface Viewport {
  zoom: number;
  x: number;
  y: number;
}

export interface ViewState {
  id: string | null;
  rel: string | null;
  lang: Lang | null;
  hideKinds: string[];
  hideTypes: string[];
  hideStatus: string[];
  asOf: string | null;
  /** With asOf: keep entities that carry no date (the default; undated=hide drops them). */
  keepUndated: boolean;
  t: number | null;
  layout: LayoutName;
  /** The overview of the most connected entities (default) or the whole graph (view=all). */
  scope: Scope;
  /** The centre of focus mode; the selection (id) may move on to a neighbour while it stays. */
  focus: string | null;
  /** Nodes whose neighbours were expanded into the view, in the order they were. */
  expanded: string[];
  path: [string, string] | null;
  tab: Tab;
  metric: string | null;
  /** Styling by data (styling/): what sizes nodes (null: degree) and what colours them (null: kind). */
  size: string | null;
  color: ColorBy | null;
  viewport: Viewport | null;
  /** The guided tour's step (1-based chapter index), or not in the tour. */
  tour: number | null;
}

export interface ParamProblem {
  name: string;
  value: string;
  /** Said in the interface language (i18n.ts). */
  why: Key;
}

export const emptyState = (): ViewState => ({
  id: null, rel: null, lang: null, hideKinds: [], hideTypes: [], hideStatus: [], asOf: null, keepUndated: true,
  t: null, layout: 'fcose', scope: 'overview', focus: null, expanded: [], path: null, tab: 'details', metric: null, size: null, color: null, viewport: null, tour: null,
});

/** What a selection changes: these go into the history, so Back returns to the previous one. */
const HISTORY_KEYS = ['id', 'rel', 'focus', 'scope', 'tour'] as const;

const ID_RE = /^[a-z0-9][a-z0-9-]{0,120}$/;
/** A relationship id is opaque to the client (derived ids and explicit ones look different): only its characters are checked. */
const REL_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,300}$/;
const DATE_RE = /^\d{4}(-(0[1-9]|1[0-2]))?$/;
/** Kinds, statuses and relationship types as the API writes them; which exist, the vocabulary says (checkTerms). */
const TERM_RE = /^[A-Z][A-Z_]{1,40}$/;

function list(p: URLSearchParams, name: string): string[] {
  const v = p.get(name);
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

export function parse(search: string): { state: ViewState; problems: ParamProblem[] } {
  const p = new URLSearchParams(search);
  const s = emptyState();
  const problems: ParamProblem[] = [];
  const bad = (name: string, value: string, why: Key) => problems.push({ name, value, why });

  const id = p.get('id');
  // An id that is well-formed but unknown is only detected after asking the server.
  if (id !== null) ID_RE.test(id) ? (s.id = id) : bad('id', id, 'whyId');
  const rel = p.get('rel');
  if (rel !== null) REL_RE.test(rel) ? (s.rel = rel) : bad('rel', rel, 'whyRel');
  const lang = p.get('lang');
  if (lang !== null) lang === 'en' || lang === 'zh' ? (s.lang = lang) : bad('lang', lang, 'whyLang');

  for (const k of list(p, 'hide')) TERM_RE.test(k) ? s.hideKinds.push(k) : bad('hide', k, 'whyKind');
  for (const k of list(p, 'types')) TERM_RE.test(k) ? s.hideTypes.push(k) : bad('types', k, 'whyType');
  for (const k of list(p, 'status')) TERM_RE.test(k) ? s.hideStatus.push(k) : bad('status', k, 'whyStatus');

  const asOf = p.get('asOf');
  if (asOf !== null) DATE_RE.test(asOf) ? (s.asOf = asOf) : bad('asOf', asOf, 'whyAsOf');
  const tt = p.get('t');
  if (tt !== null) /^\d{1,6}$/.test(tt) ? (s.t = Number(tt)) : bad('t', tt, 'whyT');
  const layout = p.get('layout');
  if (layout !== null) (LAYOUTS as readonly string[]).includes(layout) ? (s.layout = layout as LayoutName) : bad('layout', layout, 'whyLayout');
  const focus = p.get('focus');
  // focus=1 is how older links said "focus on the selected entity".
  if (focus !== null) focus === '1' ? (s.focus = s.id) : ID_RE.test(focus) ? (s.focus = focus) : bad('focus', focus, 'whyId');
  for (const id of list(p, 'expand')) ID_RE.test(id) ? s.expanded.includes(id) || s.expanded.push(id) : bad('expand', id, 'whyId');
  const view = p.get('view');
  if (view !== null) view === 'all' ? (s.scope = 'all') : bad('view', view, 'whyView');
  const undated = p.get('undated');
  if (undated !== null) undated === 'hide' ? (s.keepUndated = false) : bad('undated', undated, 'whyUndated');
  const zoom = p.get('zoom');
  const pan = p.get('pan');
  if (zoom !== null || pan !== null) {
    const z = Number(zoom);
    const xy = (pan ?? '').split(',').map(Number);
    zoom !== null && z > 0 && z <= 10 && xy.length === 2 && xy.every(Number.isFinite)
      ? (s.viewport = { zoom: z, x: xy[0]!, y: xy[1]! })
      : bad('zoom', `${zoom ?? ''}&pan=${pan ?? ''}`, 'whyViewport');
  }
  const path = p.get('path');
  if (path !== null) {
    const ends = path.split(',');
    ends.length === 2 && ends.every((e) => ID_RE.test(e)) ? (s.path = [ends[0]!, ends[1]!]) : bad('path', path, 'whyPath');
  }
  const tab = p.get('tab');
  if (tab !== null) (TABS as readonly string[]).includes(tab) ? (s.tab = tab as Tab) : bad('tab', tab, 'whyTab');
  const metric = p.get('metric');
  if (metric !== null) /^[a-z0-9_]{1,80}$/.test(metric) ? (s.metric = metric) : bad('metric', metric, 'whyMetric');
  const tour = p.get('tour');
  if (tour !== null) /^[1-9]\d?$/.test(tour) ? (s.tour = Number(tour)) : bad('tour', tour, 'whyTour');
  const size = p.get('size');
  if (size !== null) SIZE_RE.test(size) ? (s.size = size === 'degree' ? null : size) : bad('size', size, 'whyMetric');
  const color = p.get('color');
  if (color !== null) (COLOR_BY as readonly string[]).includes(color) ? (s.color = color === 'kind' ? null : (color as ColorBy)) : bad('color', color, 'whyColor');
  return { state: s, problems };
}

/**
 * Which kinds and claim statuses exist is the server's vocabulary, known only once it has arrived:
 * then the link's others are dropped and reported like any bad parameter.
 */
export function checkTerms(
  s: Pick<ViewState, 'hideKinds' | 'hideStatus'>,
  vocabulary: { kinds: readonly string[]; statuses: readonly string[] },
): { patch: Pick<ViewState, 'hideKinds' | 'hideStatus'>; problems: ParamProblem[] } {
  const problems: ParamProblem[] = [];
  const keep = (values: string[], known: readonly string[], name: string, why: Key) =>
    values.filter((value) => {
      if (!known.includes(value)) problems.push({ name, value, why });
      return known.includes(value);
    });
  const patch = { hideKinds: keep(s.hideKinds, vocabulary.kinds, 'hide', 'whyKind'), hideStatus: keep(s.hideStatus, vocabulary.statuses, 'status', 'whyStatus') };
  return { patch, problems };
}

export function serialize(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.id) p.set('id', s.id);
  if (s.rel) p.set('rel', s.rel);
  if (s.lang) p.set('lang', s.lang);
  if (s.hideKinds.length) p.set('hide', s.hideKinds.join(','));
  if (s.hideTypes.length) p.set('types', s.hideTypes.join(','));
  if (s.hideStatus.length) p.set('status', s.hideStatus.join(','));
  if (s.asOf) p.set('asOf', s.asOf);
  if (!s.keepUndated) p.set('undated', 'hide');
  if (s.t !== null) p.set('t', String(s.t));
  if (s.layout !== 'fcose') p.set('layout', s.layout);
  if (s.scope === 'all') p.set('view', 'all');
  if (s.focus) p.set('focus', s.focus);
  if (s.expanded.length) p.set('expand', s.expanded.join(','));
  if (s.path) p.set('path', s.path.join(','));
  if (s.tab !== 'details') p.set('tab', s.tab);
  if (s.metric) p.set('metric', s.metric);
  if (s.tour) p.set('tour', String(s.tour));
  if (s.size) p.set('size', s.size);
  if (s.color) p.set('color', s.color);
  if (s.viewport) {
    p.set('zoom', String(Math.round(s.viewport.zoom * 100) / 100));
    p.set('pan', `${Math.round(s.viewport.x)},${Math.round(s.viewport.y)}`);
  }
  const q = p.toString().replace(/%2C/g, ',');
  return q ? `?${q}` : location.pathname;
}

/**
 * A new selection, focus or scope is a history entry, so Back returns to the previous one; filter
 * tweaks, zoom and pan replace the current entry instead of flooding the back button.
 */
export function write(s: ViewState, mode: 'auto' | 'replace' = 'auto'): void {
  const next = serialize(s);
  const current = location.search || location.pathname;
  if (next === current) return;
  const before = parse(location.search).state;
  const push = mode === 'auto' && HISTORY_KEYS.some((k) => before[k] !== s[k]);
  const url = next.startsWith('?') ? `${location.pathname}${next}` : next;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
