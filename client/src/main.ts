// Starts the explorer: URL state in, data from the API, the first view drawn, then the panels.
// Each concern lives in its own module; this file only puts them in order.
import './styles.css';
import { gql, vocabulary } from './api.js';
import { canvas, meta, onStateChange, parsed, stage, state, update, visibility } from './app.js';
import { ConsolePanel } from './consolePanel.js';
import { byId } from './dom.js';
import { applyStatic, defaultLang, getLang, setLang, t } from './i18n.js';
import { kindName, setVocabulary } from './kinds.js';
import { cullLabels } from './labels.js';
import { nodesById } from './layout.js';
import { errorText, notice, watchConnection } from './notices.js';
import { activateTab, rerenderDetails, setActions, showCompare, showFilters, showQueries, updateStatus } from './panels.js';
import { PathPanel, type PathResult } from './path.js';
import { EPISODE, type TypeInfo } from './queries.js';
import { autocomplete } from './search.js';
import { mountCentrality } from './centralityPanel.js';
import { clearSelection, selectEntity, selectRelationship } from './selectionFlow.js';
import { replayValue, stopReplay } from './timeControls.js';
import { attachTooltip } from './tooltip.js';
import { LAYOUTS, parse, type ViewState } from './urlState.js';
import { wireControls, syncViewportToUrl } from './controls.js';
import { afterStageChange, collapse, expand, fetchWholeGraph, focusOn, hiddenNeighbours, isExpanded, loadWholeGraph, overview, presentScope, record, recordView, wholeGraph } from './views.js';

setLang(state.lang ?? defaultLang());
document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';

declare global {
  interface Window {
    __cy?: unknown;
    __explorer?: { state: ViewState; stage: typeof stage };
  }
}
// Test hook: end-to-end tests read node counts and positions from here.
window.__cy = canvas.cy;
window.__explorer = { state, stage };

watchConnection();
setActions({
  selectEntity: (id) => void selectEntity(id),
  selectRelationship: (id) => void selectRelationship(id),
  expand: (id) => void expand(id),
  collapse: (id) => collapse(id),
  focus: (id) => void focusOn(id),
  wholeGraph: () => void wholeGraph(),
  overview: () => void overview(),
  kindName,
  hiddenNeighbours,
  isExpanded,
  get focused() {
    return state.focus;
  },
});

const pathPanel = new PathPanel(byId('panel-path'), {
  show(r: PathResult) {
    const added = canvas.addSubgraph(r);
    const cy = canvas.cy;
    stage.bring('path', nodesById(cy, r.nodes.map((n) => n.id)), null, nodesById(cy, added));
    canvas.markPath(r.nodes.map((n) => n.id), r.edges.map((e) => e.id));
    afterStageChange();
  },
  clear: () => {
    stage.drop('path');
    canvas.clearPath();
    afterStageChange();
  },
  selectEntity: (id) => void selectEntity(id, { quiet: true }),
  setEnds: (ends) => update({ path: ends }, 'replace'),
  recordOperation: (op) => record('path', 'tabPath', op),
});

const consolePanel = new ConsolePanel(byId('panel-console'), {
  merge(graph) {
    const added = canvas.addConsoleGraph(graph);
    const cy = canvas.cy;
    stage.bring('console', nodesById(cy, graph.nodes.map((n) => n.id)), null, nodesById(cy, added));
    afterStageChange();
    return graph.nodes.length;
  },
});

autocomplete(byId<HTMLInputElement>('search'), (hit) => void selectEntity(hit.id));
mountCentrality({ cy: canvas.cy, selectEntity: (id) => void selectEntity(id) });

function applyLanguage(): void {
  applyStatic();
  document.title = `${t('title')} · Lex Fridman #459`;
  canvas.refreshLabels();
  // Labels changed size: the overlap pass runs again, and the overview is re-fitted.
  stage.relabel();
  if (stage.scope === 'overview') stage.fit(canvas.visibleNodes());
  afterStageChange();
  pathPanel.render();
  consolePanel.renderExamples();
  if (state.tab === 'query') showQueries();
  if (state.tab === 'compare') void showCompare();
}

wireControls(applyLanguage);
attachTooltip(canvas.cy, byId('cy').parentElement!, {
  name: (n) => (n.data('display') as string) || (n.data('name') as string),
  kind: (n) => kindName(n.data('kind') as string),
});

/** Filters and time controls change what is visible, not what is loaded. */
function onFilterChange(patch: Partial<ViewState>): void {
  if (!['hideKinds', 'hideTypes', 'hideStatus', 'asOf', 'keepUndated', 't'].some((k) => k in patch)) return;
  canvas.applyVisibility(visibility());
  cullLabels(canvas.cy);
  updateStatus();
  recordView();
}
onStateChange(onFilterChange);

/** Back and Forward: the URL of that entry is the state to show (the language stays as chosen). */
window.addEventListener('popstate', () => {
  const next = parse(location.search).state;
  const scopeChanged = next.scope !== state.scope || next.focus !== state.focus;
  Object.assign(state, { ...next, lang: state.lang });
  void (async () => {
    if (scopeChanged) {
      if (state.focus) await focusOn(state.focus);
      else await (state.scope === 'all' ? wholeGraph() : overview());
    }
    onFilterChange({ hideKinds: state.hideKinds });
    showFilters();
    activateTab(state.tab);
    if (state.id) await selectEntity(state.id, { quiet: true, history: 'replace' });
    else if (state.rel) await selectRelationship(state.rel, { history: 'replace' });
    else clearSelection();
    if (state.viewport) {
      canvas.cy.stop();
      canvas.cy.viewport({ zoom: state.viewport.zoom, pan: { x: state.viewport.x, y: state.viewport.y } });
    }
  })();
});

async function start(): Promise<void> {
  applyStatic();
  document.title = `${t('title')} · Lex Fridman #459`;
  for (const p of parsed.problems) notice(t('badParam', { name: p.name, value: p.value, why: t(p.why) }), 'error');
  if (!(LAYOUTS as readonly string[]).includes(state.layout)) state.layout = 'fcose';
  activateTab(state.tab);
  rerenderDetails();

  // The graph does not depend on the episode or the vocabulary: all three travel at once.
  const early = state.focus ? null : fetchWholeGraph();
  early?.catch(() => undefined);
  const [episode, voc] = await Promise.all([
    gql<{ episode: { durationSeconds: number }; relationshipTypes: TypeInfo[] }>(EPISODE).catch(() => null),
    vocabulary().catch(() => null),
  ]);
  if (episode) {
    meta.duration = episode.episode.durationSeconds;
    meta.types = episode.relationshipTypes;
    canvas.setTypeLabels(meta.types);
  }
  setVocabulary(voc);
  // A replay link at or past the episode's end means the whole episode: say so in the URL too.
  if (state.t !== null && replayValue(state.t, meta.duration) === null) update({ t: null }, 'replace');

  const initialViewport = state.viewport;
  try {
    if (state.focus) await focusOn(state.focus);
    else {
      await loadWholeGraph(early ?? undefined);
      presentScope();
    }
  } catch (err) {
    notice(errorText(err), 'error');
  }
  recordView();
  byId('loading').hidden = true;

  if (state.id) await selectEntity(state.id, { quiet: true, history: 'replace' });
  else if (state.rel) await selectRelationship(state.rel, { history: 'replace' });
  if (state.path) await pathPanel.restore(state.path[0], state.path[1]);
  if (initialViewport) {
    canvas.cy.stop();
    canvas.cy.viewport({ zoom: initialViewport.zoom, pan: { x: initialViewport.x, y: initialViewport.y } });
  }
  syncViewportToUrl();
  showFilters();
  updateStatus();
  window.addEventListener('beforeunload', stopReplay);
  document.body.dataset.ready = 'true';
}

void start();
