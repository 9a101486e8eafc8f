// The URL follows the store (selections push history entries, the rest replaces the current one), and
// Back/Forward put the URL of that entry back into the store and re-run what it implies.
import { canvas } from './scene.js';
import { actions, state, subscribe, update } from './store.js';
import { parse, write } from './urlState.js';

export function subscribeUrl(): void {
  subscribe((c) => {
    if (c.kind === 'state' && c.history !== 'none') write(state, c.history);
  });
  window.addEventListener('popstate', () => void restore());
}

/** The URL of the entry is the state to show (the language stays as chosen). */
async function restore(): Promise<void> {
  const next = parse(location.search).state;
  const scopeChanged = next.scope !== state.scope || next.focus !== state.focus;
  const expanded = state.expanded;
  update({ ...next, lang: state.lang }, 'none');
  if (scopeChanged) {
    if (state.focus) await actions.focus(state.focus);
    else await (state.scope === 'all' ? actions.wholeGraph() : actions.overview());
  }
  // The entry's expansions: a new scope starts with none, the same scope keeps what both have.
  const was = scopeChanged ? [] : expanded;
  for (const id of was) if (!next.expanded.includes(id)) actions.collapse(id);
  for (const id of next.expanded) if (!was.includes(id)) await actions.expand(id, { quiet: true });
  actions.refresh();
  if (state.id) await actions.selectEntity(state.id, { quiet: true, history: 'replace' });
  else if (state.rel) await actions.selectRelationship(state.rel, { history: 'replace' });
  else actions.clearSelection();
  if (state.viewport) {
    canvas.cy.stop();
    canvas.cy.viewport({ zoom: state.viewport.zoom, pan: { x: state.viewport.x, y: state.viewport.y } });
  }
}
