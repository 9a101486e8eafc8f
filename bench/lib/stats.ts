// Small numeric helpers: percentiles from raw samples (autocannon's histogram rounds to whole
// milliseconds, too coarse for queries that take 2 ms), medians, rounding for the report.

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  // Linear interpolation between closest ranks, so small samples still give stable p50s.
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function summarize(samples: number[]): { n: number; p50: number; p90: number; p99: number; mean: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, p50: percentile(s, 0.5), p90: percentile(s, 0.9), p99: percentile(s, 0.99), mean, max: s.at(-1) ?? NaN };
}

export function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

export function round(n: number, digits = 2): number {
  if (!Number.isFinite(n)) return n;
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function mib(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}
