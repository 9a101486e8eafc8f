// The view as URL query parameters, so a copied link restores it. Parsing never throws: a bad
// parameter is dropped and reported, and the rest of the link still applies.
import { KINDS, STATUSES } from './queries.js';
import type { Lang } from './i18n.js';

export const LAYOUTS = ['fcose', 'concentric', 'circle', 'grid', 'breadthfirst'] as const;
export type LayoutName = (typeof LAYOUTS)[number];
export const TABS = ['details', 'path', 'console', 'query', 'compare'] as const;
export type Tab = (typeof TABS)[number];

export interface ViewState {
  id: string | null;
  rel: string | null;
  lang: Lang | null;
  hideKinds: string[];
  hideTypes: string[];
  hideStatus: string[];
  asOf: string | null;
  t: number | null;
  layout: LayoutName;
  focus: boolean;
  path: [string, string] | null;
  tab: Tab;
  metric: string | null;
}

export interface ParamProblem {
  name: string;
  value: string;
  why: string;
}

export const emptyState = (): ViewState => ({
  id: null, rel: null, lang: null, hideKinds: [], hideTypes: [], hideStatus: [],
  asOf: null, t: null, layout: 'fcose', focus: false, path: null, tab: 'details', metric: null,
});

const ID_RE = /^[a-z0-9][a-z0-9-]{0,120}$/;
const REL_RE = /^[a-z0-9-]+--[A-Z_]+--[a-z0-9-]+$/;
const DATE_RE = /^\d{4}(-(0[1-9]|1[0-2]))?$/;
const TYPE_RE = /^[A-Z][A-Z_]{1,40}$/;

function list(p: URLSearchParams, name: string): string[] {
  const v = p.get(name);
  return v ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
}

export function parse(search: string): { state: ViewState; problems: ParamProblem[] } {
  const p = new URLSearchParams(search);
  const s = emptyState();
  const problems: ParamProblem[] = [];
  const bad = (name: string, value: string, why: string) => problems.push({ name, value, why });

  const id = p.get('id');
  // An id that is well-formed but unknown is only detected after asking the server.
  if (id !== null) ID_RE.test(id) ? (s.id = id) : bad('id', id, 'not an entity id');
  const rel = p.get('rel');
  if (rel !== null) REL_RE.test(rel) ? (s.rel = rel) : bad('rel', rel, 'not a relationship id');
  const lang = p.get('lang');
  if (lang !== null) lang === 'en' || lang === 'zh' ? (s.lang = lang) : bad('lang', lang, 'use en or zh');

  for (const k of list(p, 'hide')) (KINDS as readonly string[]).includes(k) ? s.hideKinds.push(k) : bad('hide', k, 'unknown kind');
  for (const k of list(p, 'types')) TYPE_RE.test(k) ? s.hideTypes.push(k) : bad('types', k, 'not a relationship type');
  for (const k of list(p, 'status')) (STATUSES as readonly string[]).includes(k) ? s.hideStatus.push(k) : bad('status', k, 'unknown status');

  const asOf = p.get('asOf');
  if (asOf !== null) DATE_RE.test(asOf) ? (s.asOf = asOf) : bad('asOf', asOf, 'use YYYY or YYYY-MM');
  const tt = p.get('t');
  if (tt !== null) /^\d{1,6}$/.test(tt) ? (s.t = Number(tt)) : bad('t', tt, 'seconds as a whole number');
  const layout = p.get('layout');
  if (layout !== null) (LAYOUTS as readonly string[]).includes(layout) ? (s.layout = layout as LayoutName) : bad('layout', layout, 'unknown layout');
  s.focus = p.get('focus') === '1';
  const path = p.get('path');
  if (path !== null) {
    const ends = path.split(',');
    ends.length === 2 && ends.every((e) => ID_RE.test(e)) ? (s.path = [ends[0]!, ends[1]!]) : bad('path', path, 'use path=from-id,to-id');
  }
  const tab = p.get('tab');
  if (tab !== null) (TABS as readonly string[]).includes(tab) ? (s.tab = tab as Tab) : bad('tab', tab, 'unknown tab');
  const metric = p.get('metric');
  if (metric !== null) /^[a-z0-9_]{1,80}$/.test(metric) ? (s.metric = metric) : bad('metric', metric, 'not a metric name');
  return { state: s, problems };
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
  if (s.t !== null) p.set('t', String(s.t));
  if (s.layout !== 'fcose') p.set('layout', s.layout);
  if (s.focus) p.set('focus', '1');
  if (s.path) p.set('path', s.path.join(','));
  if (s.tab !== 'details') p.set('tab', s.tab);
  if (s.metric) p.set('metric', s.metric);
  const q = p.toString().replace(/%2C/g, ',');
  return q ? `?${q}` : location.pathname;
}

/** replaceState, not pushState: filter tweaks should not flood the back button. */
export function write(s: ViewState): void {
  const next = serialize(s);
  const current = location.search || location.pathname;
  if (next !== current) history.replaceState(null, '', next.startsWith('?') ? `${location.pathname}${next}` : next);
}
