// Saved views survive a reload as the user left them: newest first, deleted ones gone, and a damaged
// entry in storage does not lose the others.
import { describe, expect, it } from 'vitest';
import { SAVED_VIEWS_KEY, deleteView, listViews, saveView, viewLink } from './savedViewsStore.js';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

describe('saved views', () => {
  it('lists saved views newest first, opens each at its own link, and forgets a deleted one', () => {
    const s = memoryStorage();
    const a = saveView(s, '  NVIDIA   and export controls ', '?id=nvidia&lang=zh', new Date('2026-01-01T00:00:00Z'));
    const b = saveView(s, 'Stargate tour', '?tour=24', new Date('2026-01-02T00:00:00Z'));
    expect(listViews(s).map((v) => v.title)).toEqual(['Stargate tour', 'NVIDIA and export controls']);
    expect(viewLink(a, { origin: 'http://x', pathname: '/' })).toBe('http://x/?id=nvidia&lang=zh');
    deleteView(s, b.id);
    expect(listViews(s).map((v) => v.id)).toEqual([a.id]);
  });

  it('skips entries that are not saved views and survives storage that is not JSON', () => {
    const s = memoryStorage();
    s.setItem(SAVED_VIEWS_KEY, JSON.stringify([{ id: 'x', title: 't', search: 'javascript:alert(1)', savedAt: 'now' }, { id: 'y', title: 'ok', search: '?id=tsmc', savedAt: 'now' }]));
    expect(listViews(s).map((v) => v.id)).toEqual(['y']);
    s.setItem(SAVED_VIEWS_KEY, '{not json');
    expect(listViews(s)).toEqual([]);
    expect(saveView(s, 'first', '').search).toBe('');
  });
});
