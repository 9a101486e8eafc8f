// Starts the explorer: the store's subscribers (canvas, panels, URL), the commands, then the URL
// state in, data from the API and the first view drawn. Each concern lives in its own module; this
// file only puts them in order, and nothing calls back into it.
import { subscribeCanvas } from './canvasSync.js';
import { provideCommands } from './commands.js';
import { ConsolePanel } from './consolePanel.js';
import { byId } from './dom.js';
import { fcoseReady } from './graph.js';
import { applyStatic, defaultLang, getLang, setLang, t } from './i18n.js';
import { kindName, kinds, setVocabulary, statuses } from './kinds.js';
import { nodesById } from './layout.js';
import { errorText, notice, watchConnection } from './notices.js';
import { subscribePanels } from './panels.js';
import { PathPanel, type PathResult } from './path.js';
import { canvas, stage } from './scene.js';
import { autocomplete } from './search.js';
import { mountCentrality } from './centralityPanel.js';
import { actions, firstViewShown, markFirstViewShown, meta, parsed, record, state, subscribe, update } from './store.js';
import { replayValue, stopReplay } from './timeControls.js';
import { attachTooltip } from './tooltip.js';
import { LAYOUTS, checkTerms, type ParamProblem, type ViewState } from './urlState.js';
import { subscribeUrl } from './urlSync.js';
import { startTour } from './tour/tour.js';
import { startSavedViews } from './savedViews.js';
import { mountToolbarMenu } from './toolbarMenu.js';
import { subscribeStyling } from './styling/panel.js';
import { subscribeTimeline } from './timeline/panel.js';
import { wireControls, syncViewportToUrl } from './controls.js';
import { afterStageChange, loadGraph, presentScope, recordView } from './views.js';
import { firstRequests } from './firstRequests.js';

// Phase marks of the first view (performance.getEntriesByType('mark')), read by benchmarks and profiles.
performance.mark('aig:main');
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
// Subscribers run in this order: the canvas first, so panels count what it now draws.
subscribeUrl();
subscribeCanvas();
provideCommands();

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
  selectEntity: (id) => void actions.selectEntity(id, { quiet: true }),
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

const setTitle = () => void (document.title = `${t('title')} · Lex Fridman #459`);
// The page's own strings and the panels that are not the store's follow the language too.
subscribe((c) => {
  if (c.kind !== 'lang') return;
  applyStatic();
  setTitle();
  pathPanel.render();
  consolePanel.renderExamples();
});

autocomplete(byId<HTMLInputElement>('search'), (hit) => void actions.selectEntity(hit.id));
mountCentrality({ cy: canvas.cy, selectEntity: (id) => void actions.selectEntity(id), after: firstViewShown });
wireControls();
startTour();
startSavedViews();
mountToolbarMenu();
attachTooltip(canvas.cy, byId('cy').parentElement!, {
  name: (n) => (n.data('display') as string) || (n.data('name') as string),
  kind: (n) => kindName(n.data('kind') as string),
});

const report = (problems: ParamProblem[]) => {
  for (const p of problems) notice(t('badParam', { name: p.name, value: p.value, why: t(p.why) }), 'error');
};

async function start(): Promise<void> {
  applyStatic();
  setTitle();
  report(parsed.problems);
  if (!(LAYOUTS as readonly string[]).includes(state.layout)) state.layout = 'fcose';
  subscribePanels();
  subscribeStyling();
  subscribeTimeline();

  // Started by boot.ts before this bundle arrived; the graph does not depend on the other two.
  const first = firstRequests();
  const early = first.graph;
  const [episode, voc] = await Promise.all([first.episode, first.vocabulary]);
  performance.mark('aig:meta');
  if (episode) {
    meta.duration = episode.episode.durationSeconds;
    meta.types = episode.relationshipTypes;
    canvas.setTypeLabels(meta.types);
  }
  setVocabulary(voc);
  if (voc) {
    const terms = checkTerms(state, { kinds: kinds(), statuses: statuses() });
    report(terms.problems);
    if (terms.problems.length) update(terms.patch, 'replace');
  }
  // A replay link at or past the episode's end means the whole episode: say so in the URL too.
  if (state.t !== null && replayValue(state.t, meta.duration) === null) update({ t: null }, 'replace');

  const initialViewport = state.viewport;
  const initialExpanded = [...state.expanded];
  try {
    if (state.focus) await actions.focus(state.focus);
    else {
      await loadGraph(early ?? undefined);
      performance.mark('aig:graph-added');
      await presentScope();
      performance.mark('aig:presented');
    }
  } catch (err) {
    notice(errorText(err), 'error');
  }
  recordView();
  byId('loading').hidden = true;

  for (const id of initialExpanded) await actions.expand(id, { quiet: true });
  if (state.id) await actions.selectEntity(state.id, { quiet: true, history: 'replace' });
  else if (state.rel) await actions.selectRelationship(state.rel, { history: 'replace' });
  if (state.path) await pathPanel.restore(state.path[0], state.path[1]);
  if (initialViewport) {
    canvas.cy.stop();
    canvas.cy.viewport({ zoom: initialViewport.zoom, pan: { x: initialViewport.x, y: initialViewport.y } });
  }
  syncViewportToUrl();
  afterStageChange();
  window.addEventListener('beforeunload', stopReplay);
  document.body.dataset.ready = 'true';
  performance.mark('aig:ready');
  markFirstViewShown();
  // Re-running the layout or a focus then need not wait for the layout code.
  setTimeout(() => void fcoseReady(), 1000);
}

void start();
