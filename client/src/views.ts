// Which view the canvas shows: the overview (first view), the whole graph, or one entity's
// neighbourhood (focus); and expanding or collapsing a node's neighbours within it.
import { gql } from './api.js';
import { fetchGraph, type GraphLoad } from './firstRequests.js';
import { fcoseReady } from './graph.js';
import { getLang, t } from './i18n.js';
import { updateHubLabels } from './hubLabels.js';
import { notice, errorText } from './notices.js';
import { kinds } from './kinds.js';
import { graphOperation, neighborhoodOperation, type Subgraph } from './queries.js';
import { canvas, stage } from './scene.js';
import { emit, meta, record, state, update, visibility } from './store.js';
import { nodesById } from './layout.js';
import { showAround } from './selection.js';
import { reapplySelection } from './selectionFlow.js';

/** Nodes each expansion added to the canvas (not just to the stage), so collapsing can remove them again. */
const addedBy = new Map<string, string[]>();
/** What of the graph the canvas holds: none of it (focus), the first view's part, or all the server sends. */
let loaded: 'none' | 'first' | 'whole' = 'none';

export function recordView(): void {
  if (state.focus) record('view', 'focus', neighborhoodOperation(state.focus));
  else {
    const shownKinds = state.hideKinds.length && kinds().length ? kinds().filter((k) => !state.hideKinds.includes(k)) : null;
    const tys = state.hideTypes.length ? meta.types.map((x) => x.type).filter((x) => !state.hideTypes.includes(x)) : null;
    record('view', 'wholeGraph', graphOperation({ kinds: shownKinds, types: tys, asOf: state.asOf }));
  }
}

export async function loadGraph(pending: Promise<GraphLoad> = fetchGraph()): Promise<void> {
  const { graph, whole } = await pending;
  canvas.clear();
  addedBy.clear();
  canvas.addSubgraph(graph);
  stage.setPreset(graph.positions);
  meta.totalEntities = Math.max(meta.totalEntities, graph.nodes.length);
  loaded = whole || !graph.truncated ? 'whole' : 'first';
  if (graph.truncated && loaded === 'whole') notice(t('graphTruncated', { n: graph.nodes.length }));
}

/** Lays out the current scope from scratch (with fcose where the server's positions do not do) and redraws what depends on it. */
export async function presentScope(): Promise<void> {
  if (state.focus || !stage.presetCoversAll()) await fcoseReady();
  // A view laid out from scratch holds no expansions (the stage forgets them).
  if (state.expanded.length) update({ expanded: [] }, 'replace');
  canvas.applyVisibility(visibility());
  // Cytoscape's size is what its last resize read: the ResizeObserver's callback may not have run since the
  // panels settled (17 px taller seen), and the overview's size and fit follow from it. A stale size put one
  // more entity in a first view than in the same link opened again.
  canvas.cy.resize();
  if (state.focus) stage.showFocus(state.layout);
  else if (state.scope === 'all') stage.showAll();
  else stage.showOverview(getLang());
  canvas.awaitingLayout = false;
  afterStageChange();
}

/** What is on stage changed: labels are culled again and the panels that count it re-render. */
export function afterStageChange(): void {
  updateHubLabels(canvas.cy, stage.scope === 'all');
  emit({ kind: 'stage' });
}

async function leaveFocus(scope: 'overview' | 'all'): Promise<void> {
  if (loaded === 'none' || (scope === 'all' && loaded === 'first')) await loadGraph(fetchGraph(scope === 'all'));
  update({ focus: null, scope });
  recordView();
  await presentScope();
  await reapplySelection();
}

export const wholeGraph = (): Promise<void> => leaveFocus('all');
export const overview = (): Promise<void> => leaveFocus('overview');

export async function focusOn(id: string): Promise<void> {
  const op = neighborhoodOperation(id);
  try {
    const data = await gql<{ neighborhood: Subgraph }>(op.graphql, op.variables);
    if (data.neighborhood.nodes.length === 0) return notice(t('unknownId', { id }), 'error');
    canvas.clear();
    addedBy.clear();
    loaded = 'none';
    canvas.addSubgraph(data.neighborhood);
    update({ focus: id, id });
    recordView();
    await presentScope();
    await reapplySelection();
  } catch (err) {
    notice(errorText(err), 'error');
  }
}

/** Neighbours of a node not on stage yet (known only when the whole graph is loaded). */
export function hiddenNeighbours(id: string): number | null {
  const n = canvas.cy.getElementById(id);
  if (n.empty() || state.focus) return null;
  return n.neighborhood('node').filter('.offstage').length;
}

export const isExpanded = (id: string): boolean => stage.broughtBy(`expand:${id}`).nonempty() || (addedBy.get(id)?.length ?? 0) > 0;

/** quiet: restoring a link's expansions, said by the link, not by a notice each. */
export async function expand(id: string, opts: { quiet?: boolean } = {}): Promise<void> {
  const op = neighborhoodOperation(id);
  record('expand', 'expand', op);
  try {
    const data = await gql<{ neighborhood: Subgraph }>(op.graphql, op.variables);
    if (data.neighborhood.nodes.length === 0) return notice(t('unknownId', { id }), 'error');
    const added = canvas.addSubgraph(data.neighborhood);
    const cy = canvas.cy;
    const anchor = cy.getElementById(id);
    const hood = nodesById(cy, data.neighborhood.nodes.map((n) => n.id)).not(anchor);
    const brought = stage.bring(`expand:${id}`, hood, anchor.nonempty() ? anchor : null, nodesById(cy, added));
    addedBy.set(id, [...(addedBy.get(id) ?? []), ...added]);
    canvas.applyVisibility(visibility());
    if (!state.expanded.includes(id)) update({ expanded: [...state.expanded, id] }, 'replace');
    if (!opts.quiet) notice(brought.empty() ? t('allNeighboursShown', { n: hood.length }) : t('expandedN', { n: brought.length }));
    await reapplySelection({ quietView: true });
    afterStageChange();
    if (anchor.nonempty()) showAround(cy, anchor, brought);
  } catch (err) {
    notice(errorText(err), 'error');
  }
}

export function collapse(id: string): void {
  const left = stage.drop(`expand:${id}`);
  const cy = canvas.cy;
  // Nodes the expansion loaded leave the canvas too, unless something else selected or brought them.
  cy.batch(() => {
    for (const a of addedBy.get(id) ?? []) {
      const m = cy.getElementById(a);
      if (m.nonempty() && !m.selected() && (m.hasClass('offstage') || state.focus)) m.remove();
    }
  });
  addedBy.delete(id);
  if (state.expanded.includes(id)) update({ expanded: state.expanded.filter((x) => x !== id) }, 'replace');
  notice(t('collapsedN', { n: left.length }));
  void reapplySelection({ quietView: true }).then(afterStageChange);
}
