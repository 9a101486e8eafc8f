// Selecting an entity or a relationship: fetch its details, bring it on stage if the view did not
// hold it, mark its neighbourhood and keep it in view. Each selection is a history entry.
import type cytoscape from 'cytoscape';
import { gql, orIfNotFound } from './api.js';
import { canvas, shown, stage, state, update } from './app.js';
import { byId } from './dom.js';
import { t } from './i18n.js';
import { cullLabels } from './labels.js';
import { errorText, notice } from './notices.js';
import { activateTab, rerenderDetails, updateStatus } from './panels.js';
import { entityOperation, relationshipOperation, type EntityDetail, type RelationshipDetail } from './queries.js';
import { clearMarks, keepInView, markEdge, markEntity, showEdge } from './selection.js';
import { renderMessage } from './details.js';
import { record } from './views.js';

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
  const panel = byId('panel-details');
  if (state.tab !== 'details' && !opts.quiet) activateTab('details');
  renderMessage(panel, t('loading'));
  const op = entityOperation(id);
  record('selection', 'tabDetails', op);
  try {
    const data = await orIfNotFound(gql<{ entity: EntityDetail | null }>(op.graphql, op.variables), { entity: null });
    const e = data.entity;
    if (!e) {
      shown.current = null;
      update({ id: null, rel: null }, 'replace');
      renderMessage(panel, t('unknownId', { id }), 'error');
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
    rerenderDetails();
    updateStatus();
    return true;
  } catch (err) {
    renderMessage(panel, errorText(err), 'error');
    return false;
  }
}

export async function selectRelationship(id: string, opts: { history?: 'auto' | 'replace' } = {}): Promise<void> {
  const panel = byId('panel-details');
  activateTab('details');
  renderMessage(panel, t('loading'));
  const op = relationshipOperation(id);
  record('selection', 'tabDetails', op);
  try {
    const data = await orIfNotFound(gql<{ relationship: RelationshipDetail | null }>(op.graphql, op.variables), { relationship: null });
    const r = data.relationship;
    if (!r) {
      update({ rel: null }, 'replace');
      renderMessage(panel, `${t('notFound')}: ${id}`, 'error');
      notice(`${t('notFound')}: ${id}`, 'error');
      return;
    }
    stage.drop('selection');
    update({ rel: r.id, id: null }, opts.history ?? 'auto');
    shown.current = { kind: 'rel', data: r };
    await reapplySelection();
    rerenderDetails();
    updateStatus();
  } catch (err) {
    renderMessage(panel, errorText(err), 'error');
  }
}

export function clearSelection(): void {
  shown.current = null;
  stage.drop('selection');
  clearMarks(canvas.cy);
  update({ id: null, rel: null });
  cullLabels(canvas.cy);
  rerenderDetails();
  updateStatus();
}
