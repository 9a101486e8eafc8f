// Filter controls: kinds (doubling as the legend, with counts of what is loaded), relationship types,
// claim status, and the time filters (timeControls.ts).
import { h, replace, svg } from './dom.js';
import { getLang, statusName, t } from './i18n.js';
import { kinds, statuses } from './kinds.js';
import type { TypeInfo } from './queries.js';
import { KIND_STYLE } from './style.js';
import { renderTimeControls, type TimeInput } from './timeControls.js';
import type { ViewState } from './urlState.js';

export interface FilterInput extends TimeInput {
  kindName(kind: string): string;
  kindCounts: Map<string, number>;
  types: TypeInfo[];
  /** Handlers read the live state: the panel is not re-rendered on every change, so sliders keep focus. */
  current(): ViewState;
  onChange(patch: Partial<ViewState>): void;
}

const POLY: Record<string, string> = {
  diamond: '7,1 13,7 7,13 1,7',
  octagon: '4,1 10,1 13,4 13,10 10,13 4,13 1,10 1,4',
  hexagon: '4,1 10,1 13,7 10,13 4,13 1,7',
  star: '7,1 8.8,5.2 13,5.5 9.8,8.3 10.8,13 7,10.5 3.2,13 4.2,8.3 1,5.5 5.2,5.2',
  triangle: '7,1 13,13 1,13',
  vee: '1,1 7,5 13,1 7,13',
  'round-pentagon': '7,1 13,5.5 10.7,13 3.3,13 1,5.5',
  'round-tag': '1,2 9,2 13,7 9,12 1,12',
};

export function shapeIcon(kind: string): SVGElement {
  const s = KIND_STYLE[kind as keyof typeof KIND_STYLE] ?? KIND_STYLE.OTHER;
  const common = { fill: s.color, stroke: '#fff', 'stroke-width': 1 };
  const shape = POLY[s.shape]
    ? svg('polygon', { points: POLY[s.shape]!, ...common })
    : s.shape === 'ellipse'
      ? svg('circle', { cx: 7, cy: 7, r: 6, ...common })
      : svg('rect', { x: 1, y: 2, width: 12, height: 10, rx: s.shape === 'barrel' ? 4 : s.shape === 'round-rectangle' ? 2 : 0, ...common });
  return svg('svg', { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true', class: 'shape' }, shape);
}

function toggle(list: string[], value: string, hide: boolean): string[] {
  const set = new Set(list);
  hide ? set.add(value) : set.delete(value);
  return [...set];
}

export function renderFilters(root: HTMLElement, f: FilterInput): void {
  const s = f.current();
  const zh = getLang() === 'zh';
  // The vocabulary's kinds; should it not have arrived, those of what is loaded.
  const kindList: string[] = kinds().length ? kinds() : [...f.kindCounts.keys()].sort();
  const times = h('div', { class: 'filter-group sliders' });
  renderTimeControls(times, f);

  replace(
    root,
    h(
      'fieldset',
      { class: 'filter-group', id: 'legend' },
      h('legend', {}, `${t('legend')} · ${t('kinds')}`),
      kindList.map((k) =>
        h(
          'label',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            name: 'kind',
            value: k,
            checked: !s.hideKinds.includes(k),
            'aria-label': f.kindName(k),
            onchange: (ev: Event) => f.onChange({ hideKinds: toggle(f.current().hideKinds, k, !(ev.target as HTMLInputElement).checked) }),
          }),
          shapeIcon(k),
          h('span', {}, f.kindName(k)),
          h('span', { class: 'count' }, String(f.kindCounts.get(k) ?? 0)),
        ),
      ),
    ),
    h(
      'fieldset',
      { class: 'filter-group' },
      h('legend', {}, t('statuses')),
      statuses().map((st) =>
        h(
          'label',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            name: 'status',
            value: st,
            checked: !s.hideStatus.includes(st),
            onchange: (ev: Event) => f.onChange({ hideStatus: toggle(f.current().hideStatus, st, !(ev.target as HTMLInputElement).checked) }),
          }),
          h('span', { class: `line-sample status-${st.toLowerCase()}`, 'aria-hidden': 'true' }),
          h('span', {}, statusName(st)),
        ),
      ),
    ),
    times,
    h(
      'details',
      { class: 'filter-group', open: s.hideTypes.length > 0 },
      h('summary', {}, `${t('relTypes')} (${f.types.length - s.hideTypes.length}/${f.types.length})`),
      f.types.map((ti) =>
        h(
          'label',
          { class: 'check' },
          h('input', {
            type: 'checkbox',
            name: 'type',
            value: ti.type,
            checked: !s.hideTypes.includes(ti.type),
            onchange: (ev: Event) => f.onChange({ hideTypes: toggle(f.current().hideTypes, ti.type, !(ev.target as HTMLInputElement).checked) }),
          }),
          h('span', {}, zh ? ti.labelZh : ti.labelEn),
          h('span', { class: 'count' }, String(ti.count)),
        ),
      ),
    ),
  );
}
