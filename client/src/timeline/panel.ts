// The timeline tab: dated entities and relationships on a vertical time axis (by year, in date order),
// coloured by lane, with the date's source as the marker (filled: episode, ring: cited page, half: both).
// Linked both ways with the graph: picking an event selects it there; a selection marks its events here.
import './timeline.css';
import { gqlRetrying } from '../api.js';
import { byId, h, replace } from '../dom.js';
import { entityName, getLang } from '../i18n.js';
import { KIND_STYLE } from '../style.js';
import { actions, state, subscribe, type Change } from '../store.js';
import { LANES, byYear, eventKey, laneOf, sourceMark, touches, type Lane, type TimelineEvent } from './events.js';
import { tt } from './strings.js';

const END = 'id kind name labelZh: label(lang: ZH)';
export const TIMELINE = `query Timeline { timeline {
  date kind sources entity { ${END} }
  relationship { id type labelEn: label labelZh: label(lang: ZH) source { ${END} } target { ${END} } }
} }`;

export const LANE_COLORS: Record<Lane, string> = { models: KIND_STYLE.MODEL.color, rules: KIND_STYLE.POLICY.color, clusters: KIND_STYLE.DATACENTER.color, other: '#64748b' };

const slice: { events: TimelineEvent[] | null; loading: Promise<void> | null; error: string | null } = { events: null, loading: null, error: null };

export function subscribeTimeline(): void {
  subscribe(onChange);
  if (state.tab === 'timeline') void open();
}

function onChange(c: Change): void {
  if (c.kind === 'state' && 'tab' in c.patch && state.tab === 'timeline') void open();
  else if (c.kind === 'state' && ('id' in c.patch || 'rel' in c.patch)) mark(true);
  else if (c.kind === 'selection' && !c.loading) mark(true);
  else if (c.kind === 'lang' && slice.events) render();
}

async function open(): Promise<void> {
  if (!slice.events) {
    replace(panel(), h('p', { class: 'muted' }, tt('loading')));
    slice.loading ??= gqlRetrying<{ timeline: TimelineEvent[] }>(TIMELINE).then(
      (d) => void (slice.events = d.timeline),
      (err: unknown) => {
        // Shown once; opening the tab again asks again.
        slice.error = String((err as Error).message ?? err);
        slice.loading = null;
      },
    );
    await slice.loading;
  }
  render();
  slice.error = null;
  mark(true);
}

const panel = () => byId('panel-timeline');

function what(e: TimelineEvent): string {
  const r = e.relationship;
  if (!r) return entityName(e.entity);
  return `${entityName(r.source)} ${getLang() === 'zh' ? r.labelZh : r.labelEn} ${entityName(r.target)}`;
}

function pick(e: TimelineEvent): void {
  if (e.relationship) void actions.selectRelationship(e.relationship.id);
  else void actions.selectEntity(e.entity.id, { quiet: true });
}

function render(): void {
  const el = panel();
  if (slice.error) return replace(el, h('p', { class: 'error' }, slice.error));
  const events = slice.events ?? [];
  if (!events.length) return replace(el, h('p', { class: 'muted' }, tt('none')));
  const legend = h(
    'div',
    { class: 'tl-legend' },
    h('ul', { 'aria-label': tt('lanes'), 'data-legend': 'lanes' }, ...LANES.map((l) => h('li', {}, h('span', { class: 'swatch', style: `background:${LANE_COLORS[l]}` }), tt(l)))),
    h('ul', { 'aria-label': tt('marks'), 'data-legend': 'marks' }, ...(['episode', 'reference', 'both'] as const).map((m) => h('li', {}, h('span', { class: `tl-mark src-${m}` }), tt(m)))),
  );
  const axis = h(
    'ol',
    { class: 'tl-axis' },
    ...byYear(events).map(([year, list]) =>
      h(
        'li',
        { class: 'tl-year' },
        h('h3', {}, year),
        h(
          'ol',
          {},
          ...list.map((e) => {
            const lane = laneOf(e);
            const src = sourceMark(e.sources);
            return h(
              'li',
              {},
              h(
                'button',
                {
                  type: 'button',
                  class: `tl-event lane-${lane} src-${src}`,
                  style: `--lane:${LANE_COLORS[lane]}`,
                  'data-event': eventKey(e),
                  'data-entity': e.relationship ? null : e.entity.id,
                  'data-rel': e.relationship?.id ?? null,
                  'data-source': src,
                  title: `${tt(lane)} · ${tt(src)}`,
                  onclick: () => pick(e),
                },
                h('span', { class: `tl-mark src-${src}`, 'aria-label': tt(src) }),
                h('time', { datetime: e.date }, e.date),
                h('span', { class: 'tl-what' }, what(e)),
                h('span', { class: 'tl-key' }, tt(e.kind)),
              ),
            );
          }),
        ),
      ),
    ),
  );
  replace(el, h('p', { class: 'tl-help' }, tt('help'), ' ', tt('count', { n: events.length })), h('div', { class: 'tl-selected', id: 'tl-selected', hidden: true }), legend, axis);
}

/** Marks the selection's events; when the selection came from the graph, the first of them scrolls into view. */
function mark(scroll: boolean): void {
  const el = panel();
  if (!slice.events || state.tab !== 'timeline') return;
  let first: HTMLElement | null = null;
  let n = 0;
  const byKey = new Map(slice.events.map((e) => [eventKey(e), e]));
  el.querySelectorAll<HTMLButtonElement>('.tl-event').forEach((b) => {
    const e = byKey.get(b.dataset.event ?? '');
    const on = !!e && touches(e, state.id, state.rel);
    b.classList.toggle('tl-on', on);
    on ? b.setAttribute('aria-current', 'true') : b.removeAttribute('aria-current');
    if (on) {
      n++;
      first ??= b;
    }
  });
  const sel = el.querySelector<HTMLElement>('#tl-selected');
  if (sel) {
    const ev = slice.events.find((e) => touches(e, state.id, state.rel));
    const name = ev ? (state.rel && ev.relationship ? what(ev) : entityName(ev.entity.id === state.id ? ev.entity : ev.relationship!.source.id === state.id ? ev.relationship!.source : ev.relationship!.target)) : null;
    sel.hidden = !name;
    if (name) replace(sel, tt('selected', { name, n }), ' ', h('button', { type: 'button', onclick: () => actions.showTab('details') }, tt('details')));
  }
  if (scroll && first && !(first as HTMLElement).matches(':focus')) (first as HTMLElement).scrollIntoView({ block: 'nearest' });
}
