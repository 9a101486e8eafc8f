// "Show the query": the GraphQL operation behind the current view, the Cypher the server ran for it
// (as the server reports it, never a copy kept here), and a link that opens it in GraphiQL.
import { explainCypher, type TracedStatement } from './api.js';
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

function statementBlocks(statements: TracedStatement[]): HTMLElement[] {
  return statements.flatMap((s) => [
    h('pre', { class: 'code', tabindex: 0 }, s.cypher),
    ...(Object.keys(s.params).length ? [h('h4', {}, t('queryParams')), h('pre', { class: 'code', tabindex: 0 }, JSON.stringify(s.params, null, 2))] : []),
  ]);
}

export function renderQuery(root: HTMLElement, ops: { title: string; op: Operation }[]): void {
  replace(
    root,
    h('p', { class: 'muted' }, t('queryIntro')),
    ops.map(({ title, op }) => {
      const cypher = h('div', { class: 'query-cypher', 'aria-busy': 'true' }, h('pre', { class: 'code' }, '…'));
      void explainCypher(op.graphql, op.variables).then(
        (statements) => replace(cypher, statementBlocks(statements)),
        () => replace(cypher, h('p', { class: 'muted' }, t('queryCypherFailed'))),
      ).finally(() => cypher.removeAttribute('aria-busy'));
      return h(
        'section',
        { class: 'query-block' },
        h('h3', {}, title),
        h('h4', {}, t('queryGraphql')),
        h('pre', { class: 'code', tabindex: 0 }, op.graphql),
        h('h4', {}, t('queryVariables')),
        h('pre', { class: 'code', tabindex: 0 }, JSON.stringify(op.variables, null, 2)),
        h('h4', {}, t('queryCypher')),
        cypher,
        h('a', { href: ideLink(op), target: '_blank', rel: 'noopener', class: 'ide-link' }, t('openIde')),
      );
    }),
  );
}
