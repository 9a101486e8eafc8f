// "Show the query": the GraphQL operation behind the current view, the Cypher it stands for, and a
// link that opens it in GraphiQL.
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import type { Operation } from './queries.js';

/** The server routes /graphql?query=… to the API itself, so the IDE link carries the query in the hash. */
export function ideLink(op: Operation): string {
  const p = new URLSearchParams({ query: op.graphql });
  const vars = Object.fromEntries(Object.entries(op.variables).filter(([, v]) => v !== null && v !== undefined));
  if (Object.keys(vars).length) p.set('variables', JSON.stringify(vars, null, 2));
  return `/graphql#${p.toString()}`;
}

export function renderQuery(root: HTMLElement, ops: { title: string; op: Operation }[]): void {
  replace(
    root,
    h('p', { class: 'muted' }, t('queryIntro')),
    ops.map(({ title, op }) =>
      h(
        'section',
        { class: 'query-block' },
        h('h3', {}, title),
        h('h4', {}, t('queryGraphql')),
        h('pre', { class: 'code', tabindex: 0 }, op.graphql),
        h('h4', {}, t('queryVariables')),
        h('pre', { class: 'code', tabindex: 0 }, JSON.stringify(op.variables, null, 2)),
        h('h4', {}, t('queryCypher')),
        h('pre', { class: 'code', tabindex: 0 }, op.cypher),
        h('a', { href: ideLink(op), target: '_blank', rel: 'noopener', class: 'ide-link' }, t('openIde')),
      ),
    ),
  );
}
