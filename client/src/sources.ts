// Where a claim comes from, as the details panel shows it: an episode moment (timestamp, chapter,
// speaker, linking to that second of the video) or a cited page (a "cited source" badge with the
// publisher and an external-link mark), and the filter that keeps one kind or both.
import { h } from './dom.js';
import { getLang, t } from './i18n.js';
import type { EvidenceSource, Evidence } from './queries.js';

export type SourceFilter = 'BOTH' | EvidenceSource;

// One choice for the whole panel, kept while the user moves from entity to entity.
let current: SourceFilter = 'BOTH';
export const sourceFilter = (): SourceFilter => current;

export const keeps = (source: EvidenceSource | undefined): boolean => current === 'BOTH' || (source ?? 'EPISODE') === current;
export const keptEvidence = (items: Evidence[]): Evidence[] => items.filter((ev) => keeps(ev.source));

/** Episode / cited pages / both; shown only where there is something of each kind to choose from. */
export function sourceFilterControl(onChange: () => void): HTMLElement {
  const option = (value: SourceFilter, label: string) => h('option', { value, selected: current === value }, label);
  return h(
    'label',
    { class: 'source-filter small' },
    `${t('sourceFilter')} `,
    h(
      'select',
      {
        id: 'source-filter',
        onchange: (ev: Event) => {
          current = (ev.target as HTMLSelectElement).value as SourceFilter;
          onChange();
        },
      },
      option('BOTH', t('sourceBoth')),
      option('EPISODE', t('sourceEpisode')),
      option('REFERENCE', t('sourceReference')),
    ),
  );
}

/** The link line of one evidence item. */
export function evidenceLink(ev: Evidence, zhOr: (zh: string | null | undefined, en: string | null | undefined) => string): HTMLElement {
  if (ev.source === 'REFERENCE')
    return h(
      'a',
      { href: ev.url, target: '_blank', rel: 'noopener noreferrer', class: 'evidence-link source-link', title: t('citedSourceTitle') },
      h('span', { class: 'badge source-reference' }, t('citedSource')),
      ev.publisher ? h('span', { class: 'publisher' }, ` ${ev.publisher}`) : null,
      h('span', { class: 'external', 'aria-hidden': 'true' }, ' ↗'),
    );
  return h(
    'a',
    { href: ev.url, target: '_blank', rel: 'noopener', class: 'evidence-link' },
    h('span', { class: 'ts' }, ev.timestamp ?? ''),
    ev.chapter || ev.chapterZh ? h('span', { class: 'chapter' }, ` · ${zhOr(ev.chapterZh, ev.chapter)}`) : null,
    ev.speakerName ? h('span', { class: 'speaker' }, ` · ${ev.speakerName}`) : null,
  );
}

/** A compact mark after a date: the moment of the episode, or the cited page. */
export function sourceMark(ev: Evidence | undefined): HTMLElement | null {
  if (!ev) return null;
  if (ev.source === 'REFERENCE')
    return h('a', { href: ev.url, target: '_blank', rel: 'noopener noreferrer', class: 'badge source-reference', title: t('citedSourceTitle') }, `${ev.publisher ?? t('citedSource')} ↗`);
  return h('a', { href: ev.url, target: '_blank', rel: 'noopener', class: 'ts small', title: getLang() === 'zh' ? (ev.noteZh ?? ev.note) : ev.note }, ev.timestamp ?? '');
}
