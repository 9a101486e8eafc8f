// Overlap removal: after it, no two boxes overlap, whatever the layout handed it.
import { describe, expect, it } from 'vitest';
import { countOverlaps, removeOverlaps, type Box } from './overlap.js';

const square = (id: string, x: number, y: number, half = 10): Box => ({ id, x, y, left: -half, right: half, top: -half, bottom: half });

describe('removeOverlaps', () => {
  it('separates boxes piled on one point, the same way every time', () => {
    const make = () => Array.from({ length: 60 }, (_, i) => square(`n${i}`, 0, 0));
    const a = make();
    removeOverlaps(a, { gap: 4 });
    expect(countOverlaps(a, 4)).toBe(0);
    const b = make();
    removeOverlaps(b, { gap: 4 });
    expect(b.map((x) => [x.x, x.y])).toEqual(a.map((x) => [x.x, x.y]));
  });

  it('keeps lopsided boxes (a node with its label below) apart, labels included', () => {
    const labelled = (id: string, x: number, y: number): Box => ({ id, x, y, left: -45, right: 45, top: -12, bottom: 30 });
    const boxes = Array.from({ length: 50 }, (_, i) => labelled(`n${i}`, (i % 7) * 20, Math.floor(i / 7) * 15));
    expect(countOverlaps(boxes)).toBeGreaterThan(0);
    removeOverlaps(boxes);
    expect(countOverlaps(boxes, 4)).toBe(0);
  });

  it('moves the lesser box, and only as far as needed', () => {
    const hub = { ...square('hub', 0, 0), priority: 10 };
    const leaf = square('leaf', 5, 0);
    const r = removeOverlaps([leaf, hub], { gap: 2 });
    expect([hub.x, hub.y]).toEqual([0, 0]);
    expect(leaf.x).toBeCloseTo(22, 0);
    expect(leaf.y).toBeCloseTo(0, 5);
    expect(r.moved).toBe(1);
  });

  it('keeps pinned boxes where they are', () => {
    const pinned = { ...square('old', 0, 0), pinned: true };
    const added = { ...square('new', 1, 1), priority: 100 };
    removeOverlaps([added, pinned]);
    expect([pinned.x, pinned.y]).toEqual([0, 0]);
    expect(countOverlaps([added, pinned])).toBe(0);
  });

  it('leaves boxes that do not overlap where they are', () => {
    const boxes = [square('a', 0, 0), square('b', 100, 0), square('c', 0, 100)];
    expect(removeOverlaps(boxes)).toEqual({ moved: 0, maxShift: 0 });
    expect(boxes.map((b) => [b.x, b.y])).toEqual([[0, 0], [100, 0], [0, 100]]);
  });
});
