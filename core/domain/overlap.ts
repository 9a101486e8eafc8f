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
/** Cell rows per column in a key: far beyond any layout (±2^26 cells of 64 px), exact in a double. */
const CELL_KEY_SPAN = 2 ** 27;

/** How much of its bounding box a layout's boxes may cover before spreadTo moves them apart. */
export const SPREAD_DEFAULTS = { maxFill: 0.35 };

/**
 * Scales positions about their centre until the boxes cover at most maxFill of the bounding box.
 * fcose's draft (what runs above DRAFT_ABOVE_NODES) piles nodes: 2,000 of them covered ten times the
 * area they were given, and the overlap pass then walked its spiral out through the pile for every
 * box (13 s on the server). Spread first, the pass only settles neighbours. Returns the factor used.
 */
export function spreadTo(boxes: Box[], opts: Partial<typeof SPREAD_DEFAULTS> = {}): number {
  const { maxFill } = { ...SPREAD_DEFAULTS, ...opts };
  if (boxes.length < 2) return 1;
  let x1 = Infinity, x2 = -Infinity, y1 = Infinity, y2 = -Infinity, covered = 0;
  for (const b of boxes) {
    x1 = Math.min(x1, b.x + b.left);
    x2 = Math.max(x2, b.x + b.right);
    y1 = Math.min(y1, b.y + b.top);
    y2 = Math.max(y2, b.y + b.bottom);
    covered += (b.right - b.left) * (b.bottom - b.top);
  }
  const fill = covered / Math.max((x2 - x1) * (y2 - y1), 1);
  if (fill <= maxFill) return 1;
  const factor = Math.sqrt(fill / maxFill);
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  for (const b of boxes) {
    b.x = cx + (b.x - cx) * factor;
    b.y = cy + (b.y - cy) * factor;
  }
  return factor;
}

export function removeOverlaps(boxes: Box[], opts: Partial<typeof OVERLAP_DEFAULTS> = {}): OverlapResult {
  const { gap, step } = { ...OVERLAP_DEFAULTS, ...opts };
  const order = boxes
    .map((_, i) => i)
    .sort((a, b) => Number(!!boxes[b]!.pinned) - Number(!!boxes[a]!.pinned) || (boxes[b]!.priority ?? 0) - (boxes[a]!.priority ?? 0) || a - b);
  // Cells keyed by one number, not a "cx,cy" string: the spiral search asks for cells millions of times.
  const grid = new Map<number, Box[]>();
  let moved = 0;
  let maxShift = 0;

  const cells = (b: Box, x: number, y: number, fn: (key: number) => boolean | void): boolean => {
    for (let cx = Math.floor((x + b.left - gap) / CELL); cx <= Math.floor((x + b.right + gap) / CELL); cx++)
      for (let cy = Math.floor((y + b.top - gap) / CELL); cy <= Math.floor((y + b.bottom + gap) / CELL); cy++) if (fn(cx * CELL_KEY_SPAN + cy) === false) return false;
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

/**
 * Walks rings outwards from the box's position; the first free point is pulled back along its ray.
 * Rings and the points on them grow apart with the radius (a twelfth of it, never below step): a
 * box pushed out of a pile by hundreds of pixels then checks ~80 points a ring over tens of rings,
 * not thousands a ring over a hundred, and still lands within a ring's width of the nearest spot.
 */
function nearestFree(b: Box, step: number, isFree: (x: number, y: number) => boolean): { x: number; y: number } {
  for (let r = step, dr = step; ; dr = Math.max(step, r / 12), r += dr) {
    const m = Math.max(8, Math.ceil((2 * Math.PI * r) / Math.max(step, r / 12)));
    for (let k = 0; k < m; k++) {
      const a = (2 * Math.PI * k) / m;
      const dx = Math.cos(a);
      const dy = Math.sin(a);
      if (!isFree(b.x + r * dx, b.y + r * dy)) continue;
      let lo = r - dr;
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
