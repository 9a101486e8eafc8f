// Saved views: a title and the view's URL state (the query string urlState.ts writes), kept in this
// browser's localStorage. Pure over a Storage, so it is tested without a page; a damaged entry is
// skipped rather than breaking the list.

export const SAVED_VIEWS_KEY = 'aig.savedViews';
/** Enough for anyone's bookmarks, small enough that the list stays a list. */
export const MAX_SAVED_VIEWS = 100;
export const MAX_TITLE = 120;

export interface SavedView {
  id: string;
  title: string;
  /** "?id=nvidia&lang=zh", or "" for the first view. */
  search: string;
  savedAt: string;
}

function isView(v: unknown): v is SavedView {
  const o = v as Partial<SavedView> | null;
  return !!o && typeof o.id === 'string' && typeof o.title === 'string' && typeof o.search === 'string' && (o.search === '' || o.search.startsWith('?')) && typeof o.savedAt === 'string';
}

export function listViews(storage: Storage): SavedView[] {
  try {
    const raw: unknown = JSON.parse(storage.getItem(SAVED_VIEWS_KEY) ?? '[]');
    return Array.isArray(raw) ? raw.filter(isView) : [];
  } catch {
    return [];
  }
}

/** Newest first. Throws when the browser refuses to store (quota, private mode): the caller says so. */
export function saveView(storage: Storage, title: string, search: string, now = new Date()): SavedView {
  const clean = title.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE);
  const view: SavedView = {
    id: `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    title: clean,
    search: search.startsWith('?') ? search : '',
    savedAt: now.toISOString(),
  };
  storage.setItem(SAVED_VIEWS_KEY, JSON.stringify([view, ...listViews(storage)].slice(0, MAX_SAVED_VIEWS)));
  return view;
}

export function deleteView(storage: Storage, id: string): void {
  storage.setItem(SAVED_VIEWS_KEY, JSON.stringify(listViews(storage).filter((v) => v.id !== id)));
}

/** The link that opens a saved view: this page with the saved query string. */
export const viewLink = (v: SavedView, base: { origin: string; pathname: string }): string => `${base.origin}${base.pathname}${v.search}`;
