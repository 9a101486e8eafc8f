// "Saved views": the current view (its URL state) under a title, kept in this browser; a list to open,
// copy the link of, or delete each one. Opening one is following its link, so it restores exactly
// what a shared link would.
import './tour/tour.css';
import { byId, h, replace } from './dom.js';
import { onLangChange } from './i18n.js';
import { notice } from './notices.js';
import { deleteView, listViews, saveView, viewLink, MAX_TITLE, type SavedView } from './savedViewsStore.js';
import { state } from './store.js';
import { tt } from './tour/strings.js';
import { serialize } from './urlState.js';

const ui = {
  button: h('button', { type: 'button', id: 'views-open', 'aria-expanded': 'false', 'aria-controls': 'saved-views' }),
  panel: h('section', { id: 'saved-views', class: 'saved-views', role: 'dialog', hidden: true, 'aria-labelledby': 'saved-views-title' }),
  heading: h('h2', { id: 'saved-views-title' }),
  nameLabel: h('label', { for: 'saved-view-name' }),
  name: h('input', { id: 'saved-view-name', type: 'text', maxlength: MAX_TITLE, autocomplete: 'off' }),
  save: h('button', { type: 'button', class: 'sv-save' }),
  list: h('ul', { class: 'sv-list' }),
  empty: h('p', { class: 'sv-empty' }),
  close: h('button', { type: 'button', class: 'sv-close' }),
};

const base = () => ({ origin: location.origin, pathname: location.pathname });

export function startSavedViews(): void {
  const form = h('form', { class: 'sv-form' }, ui.nameLabel, h('div', { class: 'sv-row' }, ui.name, ui.save));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    saveCurrent();
  });
  ui.save.type = 'submit';
  ui.panel.append(h('div', { class: 'sv-head' }, ui.heading, ui.close), form, ui.empty, ui.list);
  document.body.append(ui.panel);
  byId('menu-wrap').after(ui.button);
  ui.button.addEventListener('click', () => toggle(ui.panel.hidden));
  ui.close.addEventListener('click', () => toggle(false));
  ui.panel.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Escape') return;
    ev.stopPropagation();
    toggle(false);
  });
  render();
  onLangChange(render);
}

function toggle(open: boolean): void {
  ui.panel.hidden = !open;
  ui.button.setAttribute('aria-expanded', String(open));
  if (open) {
    render();
    ui.name.focus();
  } else ui.button.focus();
}

function saveCurrent(): void {
  const title = ui.name.value.trim() || tt('viewsUntitled');
  const search = serialize(state);
  try {
    const v = saveView(localStorage, title, search.startsWith('?') ? search : '');
    ui.name.value = '';
    notice(tt('viewsSaved', { title: v.title }));
  } catch {
    notice(tt('viewsStorageFull'), 'error');
  }
  render();
}

function render(): void {
  ui.button.textContent = tt('viewsOpen');
  ui.button.setAttribute('aria-label', tt('viewsOpenLabel'));
  ui.heading.textContent = tt('viewsTitle');
  ui.nameLabel.textContent = tt('viewsName');
  ui.name.placeholder = tt('viewsNamePlaceholder');
  ui.save.textContent = tt('viewsSave');
  ui.close.textContent = tt('viewsClose');
  let views: SavedView[] = [];
  try {
    views = listViews(localStorage);
  } catch {
    views = [];
  }
  ui.empty.textContent = tt('viewsEmpty');
  ui.empty.hidden = views.length > 0;
  replace(ui.list, views.map(item));
}

function item(v: SavedView): HTMLLIElement {
  const link = viewLink(v, base());
  const copyBox = h('input', { type: 'text', readonly: true, class: 'sv-link', value: link, hidden: true, 'aria-label': v.title });
  const copy = h('button', { type: 'button', class: 'sv-copy' }, tt('viewsCopy'));
  copy.addEventListener('click', () => {
    const fallback = () => {
      copyBox.hidden = false;
      copyBox.select();
      notice(tt('viewsCopyFailed'));
    };
    if (!navigator.clipboard) return fallback();
    navigator.clipboard.writeText(link).then(() => notice(tt('viewsCopied')), fallback);
  });
  const del = h('button', { type: 'button', class: 'sv-delete', 'aria-label': tt('viewsDeleteLabel', { title: v.title }) }, tt('viewsDelete'));
  del.addEventListener('click', () => {
    try {
      deleteView(localStorage, v.id);
    } catch {
      notice(tt('viewsStorageFull'), 'error');
    }
    render();
    ui.name.focus();
  });
  return h(
    'li',
    { class: 'sv-item', 'data-view-id': v.id },
    h('a', { class: 'sv-open', href: link, title: tt('viewsOpenOne') }, v.title),
    h('span', { class: 'sv-when' }, new Date(v.savedAt).toLocaleDateString()),
    h('span', { class: 'sv-actions' }, copy, del),
    copyBox,
  );
}
