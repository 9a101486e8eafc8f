// Overlap removal: after it, no two boxes overlap, whatever the layout handed it.
import { describe, expect, it } from 'vitest';
import { countOverlaps, removeOverlaps, spreadTo, SPREAD_DEFAULTS, type Box } from './overlap.js';
import { prng } from './prng.js';

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

describe('spreadTo', () => {
  it('leaves a layout that already has room as it is', () => {
    const boxes = [square('a', 0, 0), square('b', 100, 0), square('c', 0, 100)];
    expect(spreadTo(boxes)).toBe(1);
    expect(boxes.map((b) => [b.x, b.y])).toEqual([[0, 0], [100, 0], [0, 100]]);
  });

  it('opens a pile like fcose’s draft to the fill allowed, and the overlap pass then clears all of it', () => {
    // 2,000 boxes within 400 × 400 px, as the draft left them: they cover ten times that area.
    const rand = prng(3);
    const boxes = Array.from({ length: 2000 }, (_, i) => square(`n${i}`, rand() * 400, rand() * 400));
    expect(spreadTo(boxes)).toBeGreaterThan(3);
    const xs = boxes.map((b) => b.x);
    const ys = boxes.map((b) => b.y);
    const area = (Math.max(...xs) - Math.min(...xs) + 20) * (Math.max(...ys) - Math.min(...ys) + 20);
    expect((2000 * 400) / area).toBeCloseTo(SPREAD_DEFAULTS.maxFill, 1);
    removeOverlaps(boxes, { gap: 6 });
    expect(countOverlaps(boxes, 6)).toBe(0);
  });
});
