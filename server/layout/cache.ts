// Finished layouts by layout key. Requested graphs are kept least-recently-used; warmed graphs (the
// whole graph the explorer opens on) are pinned beside them, so no run of filtered views can push the
// front page back to a browser-side layout.
import type { Positions } from './positions.js';

export interface LayoutCache {
  get(key: string): Positions | null;
  set(key: string, positions: Positions): void;
  /** From now on this key is never evicted, whether it is cached yet or arrives later. */
  pin(key: string): void;
}

export function createLayoutCache(size: number): LayoutCache {
  const recent = new Map<string, Positions>();
  const pinned = new Map<string, Positions>();
  const pinnedKeys = new Set<string>();
  const touch = (key: string, positions: Positions) => {
    recent.delete(key);
    recent.set(key, positions);
  };
  return {
    get(key) {
      const hit = pinned.get(key) ?? recent.get(key) ?? null;
      if (hit && recent.has(key)) touch(key, hit);
      return hit;
    },
    set(key, positions) {
      if (pinnedKeys.has(key)) return void pinned.set(key, positions);
      touch(key, positions);
      while (recent.size > size) recent.delete(recent.keys().next().value!);
    },
    pin(key) {
      pinnedKeys.add(key);
      const hit = recent.get(key);
      if (!hit) return;
      recent.delete(key);
      pinned.set(key, hit);
    },
  };
}
