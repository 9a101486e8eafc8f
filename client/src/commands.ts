// The store's commands, provided once at start: each changes the view through views.ts or
// selectionFlow.ts, which change the store; what shows the result subscribes to it.
import { fcoseReady } from './graph.js';
import { getLang, setLang } from './i18n.js';
import { canvas, stage } from './scene.js';
import { clearSelection, selectEntity, selectRelationship } from './selectionFlow.js';
import { FILTER_KEYS, emit, provideActions, state, subscribe, update } from './store.js';
import { afterStageChange, collapse, expand, focusOn, overview, recordView, wholeGraph } from './views.js';

export function provideCommands(): void {
  provideActions({
    selectEntity,
    selectRelationship,
    clearSelection,
    expand,
    collapse,
    focus: focusOn,
    wholeGraph,
    overview,
    relayout() {
      void fcoseReady().then(() => {
        stage.relayout(state.layout);
        afterStageChange();
      });
    },
    fit: () => stage.fit(canvas.visibleNodes()),
    refresh() {
      recordView();
      afterStageChange();
    },
    setLanguage(lang) {
      if (lang === getLang()) return;
      setLang(lang);
      document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
      update({ lang }, 'replace');
      emit({ kind: 'lang' });
    },
    showTab: (tab) => update({ tab }, 'replace'),
  });
  // The "Query" tab's view operation follows the filters.
  subscribe((c) => {
    if (c.kind === 'state' && FILTER_KEYS.some((k) => k in c.patch)) recordView();
  });
}
