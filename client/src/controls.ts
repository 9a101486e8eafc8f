// The toolbar, the tabs, the keyboard and the canvas's own events, turned into the store's commands.
import { byId, download } from './dom.js';
import { getLang, t } from './i18n.js';
import { isRelationshipType } from './kinds.js';
import { notice } from './notices.js';
import { canvas } from './scene.js';
import { actions, state, update } from './store.js';
import { TABS, type LayoutName, type Tab } from './urlState.js';

export function wireControls(): void {
  document.querySelectorAll<HTMLButtonElement>('[role=tab]').forEach((b) => {
    b.addEventListener('click', () => actions.showTab(b.dataset.tab as Tab));
    b.addEventListener('keydown', (ev) => {
      // Arrow keys move between tabs, as the WAI-ARIA tabs pattern expects.
      if (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft') return;
      const i = TABS.indexOf(state.tab);
      const next = TABS[(i + (ev.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
      actions.showTab(next);
      document.querySelector<HTMLButtonElement>(`[role=tab][data-tab="${next}"]`)?.focus();
    });
  });

  const layoutSelect = byId<HTMLSelectElement>('layout');
  layoutSelect.value = state.layout;
  layoutSelect.addEventListener('change', () => {
    update({ layout: layoutSelect.value as LayoutName }, 'replace');
    actions.relayout();
  });
  byId('relayout').addEventListener('click', () => actions.relayout());
  byId('fit').addEventListener('click', () => actions.fit());
  byId('lang-toggle').addEventListener('click', () => actions.setLanguage(getLang() === 'zh' ? 'en' : 'zh'));
  byId('filters-toggle').addEventListener('click', () => {
    const open = document.body.classList.toggle('filters-open');
    byId('filters-toggle').setAttribute('aria-expanded', String(open));
  });
  byId('export-png').addEventListener('click', () => {
    const blob = canvas.cy.png({ output: 'blob', bg: '#ffffff', full: true, scale: 2, maxWidth: 8000, maxHeight: 8000 });
    download('ai-industry-graph.png', blob);
  });
  byId('export-json').addEventListener('click', () => {
    const body = { source: location.href, exportedAt: new Date().toISOString(), state, ...(canvas.toJSON() as object) };
    download('ai-industry-graph.json', new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' }));
  });
  byId('copy-link').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      notice(t('copied'));
    } catch {
      // Clipboard access needs a secure context or permission; the link is still worth showing.
      notice(location.href);
    }
  });

  const cy = canvas.cy;
  // Cytoscape calls two taps within 250 ms a double tap wherever they land: clicking one node, then
  // quickly another, must select the second, not expand it.
  let lastTap: string | null = null;
  let tapBefore: string | null = null;
  cy.on('tap', (ev) => {
    tapBefore = lastTap;
    lastTap = ev.target === cy ? null : (ev.target.id() as string);
  });
  cy.on('tap', 'node', (ev) => {
    if (ev.target.data('isEntity') === false) return;
    void actions.selectEntity(ev.target.id() as string);
  });
  cy.on('tap', 'edge', (ev) => {
    const id = ev.target.id() as string;
    // Console results may draw other edges (a chapter's, a fact's): only the dataset's relationships have details.
    if (isRelationshipType(ev.target.data('type') as string)) void actions.selectRelationship(id);
  });
  cy.on('tap', (ev) => {
    if (ev.target === cy && (state.id || state.rel)) actions.clearSelection();
  });
  cy.on('dbltap', 'node', (ev) => {
    if (tapBefore === ev.target.id()) void actions.expand(ev.target.id() as string);
  });

  document.addEventListener('keydown', (ev) => {
    const target = ev.target as HTMLElement;
    const typing = target.closest('input, textarea, select, [contenteditable]') !== null;
    if (ev.key === '/' && !typing) {
      ev.preventDefault();
      byId('search').focus();
    } else if (ev.key === 'Escape') {
      if (typing) (target as HTMLInputElement).blur();
      actions.clearSelection();
    }
  });
}

/** Zoom and pan go into the URL (rounded, replacing the entry) once the view has come to rest. */
export function syncViewportToUrl(): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  canvas.cy.on('viewport', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const cy = canvas.cy;
      if (cy.animated()) return;
      const pan = cy.pan();
      update({ viewport: { zoom: Math.round(cy.zoom() * 100) / 100, x: Math.round(pan.x), y: Math.round(pan.y) } }, 'replace');
    }, 400);
  });
}
