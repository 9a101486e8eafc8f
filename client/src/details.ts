// The details panel: everything known about the selected entity or relationship, each claim with
// links to the second of the episode where it was said, or to the public page it cites (sources.ts).
import { formatTimestamp } from '../../core/domain/format.js';
import { h, replace } from './dom.js';
import { factValue, metricName, unitName } from './factFormat.js';
import { entityName, getLang, statusName, t, type Key } from './i18n.js';
import type { EntityDetail, Evidence, Fact, RelationshipDetail } from './queries.js';
import { KIND_STYLE } from './style.js';
import { evidenceLink, keeps, keptEvidence, sourceFilterControl, sourceMark } from './sources.js';

export interface DetailActions {
  selectEntity(id: string): void;
  selectRelationship(id: string): void;
  expand(id: string): void;
  collapse(id: string): void;
  focus(id: string): void;
  wholeGraph(): void;
  overview(): void;
  kindName(kind: string): string;
  /** Neighbours not on the canvas yet, or null when that is not known (focus mode). */
  hiddenNeighbours(id: string): number | null;
  isExpanded(id: string): boolean;
  /** The centre of focus mode, if any. */
  focused: string | null;
}

// Where there is no Chinese name, label(lang: ZH) is the original name: names are never left blank.
const zhOr = (zh: string | null | undefined, en: string | null | undefined) => (getLang() === 'zh' ? zh || en : en || zh) ?? '';

const DATE_KEYS: Record<string, Key> = { founded: 'dateFounded', released: 'dateReleased', announced: 'dateAnnounced', effective: 'dateEffective', published: 'datePublished', opened: 'dateOpened' };

function evidenceList(all: Evidence[]): HTMLElement {
  if (!all.length) return h('p', { class: 'muted' }, t('noEvidence'));
  const items = keptEvidence(all);
  if (!items.length) return h('p', { class: 'muted' }, t('sourceNone'));
  return h(
    'ul',
    { class: 'evidence' },
    items.map((ev) => h('li', { class: ev.source === 'REFERENCE' ? 'reference' : null }, evidenceLink(ev, zhOr), h('div', { class: 'note' }, zhOr(ev.noteZh, ev.note)))),
  );
}

const citesAPage = (items: Evidence[]): boolean => items.some((ev) => ev.source === 'REFERENCE');

/** Dated claims with their source (episode second or cited page); the plain dates where a server has no claims. */
function datesSection(e: EntityDetail): HTMLElement | null {
  const claims = e.dateClaims?.filter((c) => keeps(c.source));
  const items = claims
    ? claims.map((c) => h('li', {}, `${getLang() === 'zh' ? c.labelZh : DATE_KEYS[c.key] ? t(DATE_KEYS[c.key]!) : c.label}${t('colon')}${c.value} `, sourceMark(c.evidence[0])))
    : (Object.entries(e.dates).filter(([, v]) => v) as [string, string][]).map(([k, v]) => h('li', {}, `${DATE_KEYS[k] ? t(DATE_KEYS[k]!) : k}${t('colon')}${v}`));
  return items.length ? h('section', {}, h('h3', {}, t('dates')), h('ul', { class: 'plain dates' }, items)) : null;
}

function statusBadge(s: string | null): HTMLElement | null {
  return s ? h('span', { class: `badge status-${s.toLowerCase()}` }, statusName(s)) : null;
}

function factItem(f: Fact): HTMLElement {
  const qualifier = zhOr(f.qualifierZh, f.qualifier);
  const meta = [f.unit ? `${t('unit')}: ${unitName(f)}` : '', f.asOf ? `${t('asOfShort')} ${f.asOf}` : '', qualifier].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: 'fact' },
    h(
      'div',
      {},
      h('strong', {}, metricName(f)),
      `${t('colon')}`,
      h('span', { class: 'fact-value' }, factValue(f)),
      ' ',
      statusBadge(f.status),
      f.source === 'REFERENCE' ? h('span', { class: 'badge source-reference' }, t('citedSource')) : null,
    ),
    meta ? h('div', { class: 'muted small' }, meta) : null,
    h('details', {}, h('summary', {}, `${t('evidence')} (${f.evidence.length})`), evidenceList(f.evidence)),
  );
}

export function renderEntity(panel: HTMLElement, e: EntityDetail, act: DetailActions): void {
  const zh = getLang() === 'zh';
  const summary = zhOr(e.summaryZh, e.summary);
  const hidden = act.hiddenNeighbours(e.id);
  // The source filter appears where a cited page stands beside the episode; it then applies to every list.
  const cites = e.facts.some((f) => f.source === 'REFERENCE') || e.relationships.some((r) => citesAPage(r.evidence)) || !!e.dateClaims?.some((c) => c.source === 'REFERENCE');
  const facts = e.facts.filter((f) => keeps(f.source));
  const relationships = e.relationships.filter((r) => r.evidence.some((ev) => keeps(ev.source)));

  // Group relationships by type so a busy entity reads as a few headed lists.
  const groups = new Map<string, RelationshipDetail[]>();
  for (const r of relationships) groups.set(r.type, [...(groups.get(r.type) ?? []), r]);

  replace(
    panel,
    h(
      'article',
      { class: 'entity', 'data-entity-id': e.id },
      h(
        'header',
        {},
        h('h2', { id: 'details-title' }, entityName(e)),
        h('div', { class: 'muted' }, zh ? (e.labelZh !== e.name ? e.name : '') : (e.nameZh ?? '')),
        h('div', { class: 'kind-line' }, h('span', { class: 'swatch', style: `background:${KIND_STYLE[e.kind].color}` }), `${t('kind')}: ${act.kindName(e.kind)}`),
      ),
      h(
        'div',
        { class: 'actions' },
        // Says what it would add: in the whole graph every neighbour is already there.
        h(
          'button',
          { type: 'button', id: 'expand', disabled: hidden === 0, onclick: () => act.expand(e.id) },
          hidden === null ? t('expand') : hidden === 0 ? t('allNeighboursShownShort') : t('expandN', { n: hidden }),
        ),
        act.isExpanded(e.id) ? h('button', { type: 'button', id: 'collapse', onclick: () => act.collapse(e.id) }, t('collapse')) : null,
        act.focused
          ? h('button', { type: 'button', onclick: () => act.wholeGraph() }, t('wholeGraph'))
          : h('button', { type: 'button', id: 'focus', onclick: () => act.focus(e.id) }, t('focus')),
      ),
      cites ? sourceFilterControl(() => renderEntity(panel, e, act)) : null,
      summary ? h('section', {}, h('h3', {}, t('summary')), h('p', { class: 'summary' }, summary)) : null,
      e.aliases.length ? h('section', {}, h('h3', {}, t('aliases')), h('p', {}, e.aliases.join(' · '))) : null,
      datesSection(e),
      e.firstMentionUrl
        ? h('p', {}, `${t('firstMention')} `, h('a', { href: e.firstMentionUrl, target: '_blank', rel: 'noopener' }, formatTimestamp(e.firstMentionSeconds ?? 0)))
        : null,
      facts.length ? h('section', {}, h('h3', {}, `${t('facts')} (${facts.length})`), h('ul', { class: 'facts' }, facts.map(factItem))) : null,
      h(
        'section',
        {},
        h('h3', {}, `${t('relationships')} (${relationships.length})`),
        [...groups.entries()].map(([type, rels]) =>
          h(
            'div',
            { class: 'rel-group' },
            h('h4', {}, zh ? `${rels[0]!.labelZh}(${rels.length})` : `${rels[0]!.labelEn} (${rels.length})`, h('span', { class: 'rel-type' }, zh ? '' : ` · ${type}`)),
            h(
              'ul',
              { class: 'rels' },
              rels.map((r) => {
                const outgoing = r.source.id === e.id;
                const other = outgoing ? r.target : r.source;
                return h(
                  'li',
                  {},
                  h('span', { class: 'dir', 'aria-hidden': 'true' }, outgoing ? '→ ' : '← '),
                  h('button', { type: 'button', class: 'link', onclick: () => act.selectEntity(other.id) }, entityName(other)),
                  ' ',
                  statusBadge(r.status),
                  ' ',
                  h('button', { type: 'button', class: 'link small', onclick: () => act.selectRelationship(r.id) }, `${t('evidence')} (${r.evidence.length})`),
                  h('details', {}, h('summary', {}, t('evidence')), evidenceList(r.evidence)),
                );
              }),
            ),
          ),
        ),
      ),
    ),
  );
}

export function renderRelationship(panel: HTMLElement, r: RelationshipDetail, act: DetailActions): void {
  const zh = getLang() === 'zh';
  replace(
    panel,
    h(
      'article',
      { class: 'relationship', 'data-rel-id': r.id },
      h(
        'header',
        {},
        h(
          'h2',
          { id: 'details-title' },
          h('button', { type: 'button', class: 'link', onclick: () => act.selectEntity(r.source.id) }, entityName(r.source)),
          ` — ${zh ? r.labelZh : r.labelEn} → `,
          h('button', { type: 'button', class: 'link', onclick: () => act.selectEntity(r.target.id) }, entityName(r.target)),
        ),
        h('div', { class: 'muted' }, zh ? '' : r.type, ' ', statusBadge(r.status)),
        r.since || r.until ? h('div', {}, [r.since ? `${t('since')} ${r.since}` : '', r.until ? ` ${t('until')} ${r.until}` : ''].join('')) : null,
      ),
      citesAPage(r.evidence) ? sourceFilterControl(() => renderRelationship(panel, r, act)) : null,
      h('section', {}, h('h3', {}, `${t('evidence')} (${r.evidence.length})`), evidenceList(r.evidence)),
    ),
  );
}

export function renderMessage(panel: HTMLElement, message: string, kind: 'info' | 'error' = 'info'): void {
  replace(panel, h('p', { class: kind === 'error' ? 'message error' : 'message', role: kind === 'error' ? 'alert' : 'status' }, message));
}
