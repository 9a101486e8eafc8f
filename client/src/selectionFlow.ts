// Selecting an entity or a relationship: fetch its details, bring it on stage if the view did not
// hold it, mark its neighbourhood and keep it in view. Each selection is a history entry.
import type cytoscape from 'cytoscape';
import { gql, orIfNotFound } from './api.js';
import { t } from './i18n.js';
import { cullLabels } from './labels.js';
import { errorText, notice } from './notices.js';
import { entityOperation, relationshipOperation, type EntityDetail, type RelationshipDetail } from './queries.js';
import { canvas, stage } from './scene.js';
import { clearMarks, keepInView, markEdge, markEntity, showEdge } from './selection.js';
import { emit, record, shown, state, update } from './store.js';

/**
 * Puts the entity on stage if the view does not hold it (or held it only for the previous selection):
 * near what it is linked to, with its neighbours, so it is not alone.
 */
function bringEntity(n: cytoscape.NodeSingular): void {
  if (!n.hasClass('offstage') && !stage.broughtBy('selection').contains(n)) {
    stage.drop('selection');
    return;
  }
  stage.bring('selection', n.closedNeighborhood().nodes(), n);
}

/** Marks the selection of the state on the canvas again (after the view changed under it). */
export async function reapplySelection(opts: { quietView?: boolean } = {}): Promise<void> {
  const cy = canvas.cy;
  if (state.id) {
    const n = cy.getElementById(state.id);
    if (n.empty()) return;
    bringEntity(n);
    markEntity(cy, n);
    if (!opts.quietView) keepInView(cy, n);
  } else if (state.rel) {
    const e = cy.getElementById(state.rel);
    if (e.nonempty() && e.isEdge()) {
      stage.bring('selection', e.connectedNodes(), null);
      markEdge(cy, e);
      if (!opts.quietView) showEdge(cy, e);
    }
  }
  cullLabels(cy);
}

export async function selectEntity(id: string, opts: { quiet?: boolean; history?: 'auto' | 'replace' } = {}): Promise<boolean> {
  // The timeline stays open: it is linked with the graph and marks the selection's events.
  if (state.tab !== 'details' && state.tab !== 'timeline' && !opts.quiet) update({ tab: 'details' }, 'replace');
  emit({ kind: 'selection', loading: true });
  const op = entityOperation(id);
  record('selection', 'tabDetails', op);
  try {
    const data = await orIfNotFound(gql<{ entity: EntityDetail | null }>(op.graphql, op.variables), { entity: null });
    const e = data.entity;
    if (!e) {
      shown.current = null;
      update({ id: null, rel: null }, 'replace');
      emit({ kind: 'selection', error: t('unknownId', { id }) });
      notice(t('unknownId', { id }), 'error');
      return false;
    }
    if (canvas.cy.getElementById(e.id).empty()) {
      const added = canvas.addSubgraph({ nodes: [e], edges: e.relationships });
      if (added.length) canvas.cy.getElementById(e.id).addClass('offstage');
    }
    update({ id: e.id, rel: null }, opts.history ?? 'auto');
    shown.current = { kind: 'entity', data: e };
    await reapplySelection();
    emit({ kind: 'selection' });
    return true;
  } catch (err) {
    emit({ kind: 'selection', error: errorText(err) });
    return false;
  }
}

export async function selectRelationship(id: string, opts: { history?: 'auto' | 'replace' } = {}): Promise<void> {
  if (state.tab !== 'timeline') update({ tab: 'details' }, 'replace');
  emit({ kind: 'selection', loading: true });
  const op = relationshipOperation(id);
  record('selection', 'tabDetails', op);
  try {
    const data = await orIfNotFound(gql<{ relationship: RelationshipDetail | null }>(op.graphql, op.variables), { relationship: null });
    const r = data.relationship;
    if (!r) {
      update({ rel: null }, 'replace');
      emit({ kind: 'selection', error: `${t('notFound')}: ${id}` });
      notice(`${t('notFound')}: ${id}`, 'error');
      return;
    }
    stage.drop('selection');
    update({ rel: r.id, id: null }, opts.history ?? 'auto');
    shown.current = { kind: 'rel', data: r };
    await reapplySelection();
    emit({ kind: 'selection' });
  } catch (err) {
    emit({ kind: 'selection', error: errorText(err) });
  }
}

export function clearSelection(): void {
  shown.current = null;
  stage.drop('selection');
  clearMarks(canvas.cy);
  update({ id: null, rel: null });
  cullLabels(canvas.cy);
  emit({ kind: 'selection' });
}
