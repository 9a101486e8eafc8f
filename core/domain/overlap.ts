// Overlap removal for boxes around points: fcose spaces nodes well on average but promises nothing,
// and a click on a node drawn under another selects the wrong entity. Run after every layout, on the
// server (node boxes) and in the browser (node and label boxes together). Pure and deterministic.
//
// Greedy placement rather than pairwise pushing: boxes are placed one by one, most important first,
// each at the free spot nearest to where the layout wanted it. Pushing pairs apart oscillates in
// dense piles; placement always ends with zero overlaps.

export interface Box {
  id: string;
  x: number;
  y: number;
  /** The box's extent relative to (x, y): a label below a node makes it lopsided. */
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Placed earlier, so it moves less: hubs keep the place the layout gave them. */
  priority?: number;
  /** Pinned boxes stay put (unless two pinned ones collide) and are placed first. */
  pinned?: boolean;
}

export const OVERLAP_DEFAULTS = {
  /** Space kept between boxes, in the boxes' units. */
  gap: 4,
  /** Radius step of the spiral search for a free spot; the last step is refined by bisection. */
  step: 6,
};

export interface OverlapResult {
  /** Boxes that had to move. */
  moved: number;
  /** The longest move. */
  maxShift: number;
}

const CELL = 64;

export function removeOverlaps(boxes: Box[], opts: Partial<typeof OVERLAP_DEFAULTS> = {}): OverlapResult {
  const { gap, step } = { ...OVERLAP_DEFAULTS, ...opts };
  const order = boxes
    .map((_, i) => i)
    .sort((a, b) => Number(!!boxes[b]!.pinned) - Number(!!boxes[a]!.pinned) || (boxes[b]!.priority ?? 0) - (boxes[a]!.priority ?? 0) || a - b);
  const grid = new Map<string, Box[]>();
  let moved = 0;
  let maxShift = 0;

  const cells = (b: Box, x: number, y: number, fn: (key: string) => boolean | void): boolean => {
    for (let cx = Math.floor((x + b.left - gap) / CELL); cx <= Math.floor((x + b.right + gap) / CELL); cx++)
      for (let cy = Math.floor((y + b.top - gap) / CELL); cy <= Math.floor((y + b.bottom + gap) / CELL); cy++) if (fn(`${cx},${cy}`) === false) return false;
    return true;
  };
  const free = (b: Box, x: number, y: number): boolean =>
    cells(b, x, y, (key) => {
      for (const o of grid.get(key) ?? []) if (collide(b, x, y, o, gap)) return false;
    });

  for (const i of order) {
    const b = boxes[i]!;
    const spot = free(b, b.x, b.y) ? { x: b.x, y: b.y } : nearestFree(b, step, (x, y) => free(b, x, y));
    const shift = Math.hypot(spot.x - b.x, spot.y - b.y);
    if (shift > 0) {
      moved++;
      maxShift = Math.max(maxShift, shift);
    }
    b.x = spot.x;
    b.y = spot.y;
    cells(b, b.x, b.y, (key) => {
      const list = grid.get(key);
      list ? list.push(b) : grid.set(key, [b]);
    });
  }
  return { moved, maxShift };
}

/** Walks a spiral outwards from the box's position; the first free point is pulled back along its ray. */
function nearestFree(b: Box, step: number, isFree: (x: number, y: number) => boolean): { x: number; y: number } {
  for (let r = step; ; r += step) {
    const m = Math.max(8, Math.ceil((2 * Math.PI * r) / step));
    for (let k = 0; k < m; k++) {
      const a = (2 * Math.PI * k) / m;
      const dx = Math.cos(a);
      const dy = Math.sin(a);
      if (!isFree(b.x + r * dx, b.y + r * dy)) continue;
      let lo = r - step;
      let hi = r;
      for (let n = 0; n < 8; n++) {
        const mid = (lo + hi) / 2;
        if (isFree(b.x + mid * dx, b.y + mid * dy)) hi = mid;
        else lo = mid;
      }
      return { x: b.x + hi * dx, y: b.y + hi * dy };
    }
  }
}

function collide(a: Box, x: number, y: number, o: Box, gap: number): boolean {
  const ox = Math.min(x + a.right, o.x + o.right) - Math.max(x + a.left, o.x + o.left) + gap;
  const oy = Math.min(y + a.bottom, o.y + o.bottom) - Math.max(y + a.top, o.y + o.top) + gap;
  return ox > 1e-9 && oy > 1e-9;
}

/** Pairs of boxes closer than gap to each other (exactly gap apart does not count). */
export function countOverlaps(boxes: Box[], gap = 0): number {
  let n = 0;
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (collide(boxes[i]!, boxes[i]!.x, boxes[i]!.y, boxes[j]!, gap - 1e-6)) n++;
  return n;
}
