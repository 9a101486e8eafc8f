// Compare: one metric across every entity it was stated for, as a plain SVG bar chart. Bars are
// scaled per unit, since "USD" and "USD/1M tokens" on one axis would be meaningless.
import { gql } from './api.js';
import { h, replace, svg } from './dom.js';
import { factValue, metricName, unitName } from './factFormat.js';
import { entityName, statusName, t } from './i18n.js';
import { METRICS, type Metric } from './queries.js';
import { KIND_STYLE } from './style.js';

let cache: Metric[] | null = null;

export async function renderCompare(root: HTMLElement, chosen: string | null, onChoose: (metric: string) => void, onSelect: (id: string) => void): Promise<void> {
  if (!cache) {
    replace(root, h('p', { class: 'muted' }, t('loading')));
    cache = (await gql<{ metrics: Metric[] }>(METRICS)).metrics;
  }
  const metrics = cache;
  const current = metrics.find((m) => m.metric === chosen) ?? metrics[0];
  const select = h(
    'select',
    { id: 'compare-metric', 'aria-label': t('compareMetric'), onchange: (ev: Event) => onChoose((ev.target as HTMLSelectElement).value) },
    metrics.map((m) => h('option', { value: m.metric, selected: m.metric === current?.metric }, `${metricName(m)} (${m.facts.length})`)),
  );
  if (!current) {
    replace(root, h('p', { class: 'muted' }, t('notFound')));
    return;
  }
  const facts = [...current.facts].filter((f) => f.value !== null).sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const maxByUnit = new Map<string, number>();
  for (const f of facts) maxByUnit.set(f.unit ?? '', Math.max(maxByUnit.get(f.unit ?? '') ?? 0, f.value ?? 0));

  const rowH = 22;
  const labelW = 150;
  const barW = 150;
  const chart = svg(
    'svg',
    { class: 'bars', width: '100%', viewBox: `0 0 ${labelW + barW + 110} ${facts.length * rowH + 4}`, role: 'img', 'aria-label': `${metricName(current)}: ${facts.length}` },
    ...facts.map((f, i) => {
      const max = maxByUnit.get(f.unit ?? '') || 1;
      const w = Math.max(2, ((f.value ?? 0) / max) * barW);
      const y = i * rowH + 2;
      const name = f.subject ? entityName(f.subject) : '';
      const color = f.subject ? KIND_STYLE[f.subject.kind].color : '#999';
      return svg(
        'g',
        {},
        svg('text', { x: labelW - 6, y: y + 14, 'text-anchor': 'end', class: 'bar-label' }, name.length > 22 ? `${name.slice(0, 21)}…` : name),
        svg('rect', { x: labelW, y: y + 3, width: w, height: rowH - 8, fill: color, rx: 2 }),
        svg('text', { x: labelW + w + 4, y: y + 14, class: 'bar-label' }, factValue(f)),
        svg('title', {}, `${name}: ${factValue(f)}`),
      );
    }),
  );
  replace(
    root,
    h('label', { for: 'compare-metric' }, t('compareMetric')),
    select,
    h('p', { class: 'muted small' }, `${t('compareIntro')} (${current.units.map((u) => unitName(current.facts.find((f) => f.unit === u) ?? { unit: u, unitLabel: u, unitZh: u })).join(t('listSep'))})`),
    chart,
    h(
      'ol',
      { class: 'compare-list' },
      facts.map((f) =>
        h(
          'li',
          {},
          f.subject ? h('button', { type: 'button', class: 'link', onclick: () => onSelect(f.subject!.id) }, entityName(f.subject)) : null,
          `${t('colon')}${factValue(f)}`,
          f.unit ? h('span', { class: 'muted small' }, ` [${unitName(f)}]`) : null,
          f.status ? h('span', { class: `badge status-${f.status.toLowerCase()}` }, statusName(f.status)) : null,
          f.evidence[0] ? h('a', { href: f.evidence[0].url, target: '_blank', rel: 'noopener', class: 'small' }, ` ${f.evidence[0].timestamp ?? t('evidence')}`) : null,
        ),
      ),
    ),
  );
}
