// Human-readable numbers and times, shared by GraphQL, the exports, the seed checks and the client.
import type { FactRecord } from './types.js';

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });

function num(v: number): string {
  return Math.abs(v) >= 100_000 ? compact.format(v) : plain.format(v);
}

export function formatValue(f: Pick<FactRecord, 'value' | 'valueMax' | 'unit' | 'approximate'>): string {
  if (f.value === null) return 'unknown';
  const range = f.valueMax !== null && f.valueMax !== f.value ? `${num(f.value)}–${num(f.valueMax)}` : num(f.value);
  const approx = f.approximate ? '~' : '';
  const unit = f.unit ?? '';
  if (unit === 'USD') return `${approx}$${range}`;
  if (unit.startsWith('USD/')) return `${approx}$${range} per ${unit.slice(4)}`;
  if (unit === '%') return `${approx}${range}%`;
  if (unit === 'x') return `${approx}${range}×`;
  return `${approx}${range} ${unit}`.trim();
}

const compactZh = new Intl.NumberFormat('zh-CN', { notation: 'compact', maximumFractionDigits: 2 });
const plainZh = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 3 });

function numZh(v: number): string {
  return Math.abs(v) >= 10_000 ? compactZh.format(v) : plainZh.format(v);
}

/** The same value as formatValue, written for Chinese readers: 约 5000亿 美元, 约 2 美元/百万 token, 27 倍. */
export function formatValueZh(f: Pick<FactRecord, 'value' | 'valueMax' | 'unit' | 'approximate'>, unitsZh: Record<string, string>): string {
  if (f.value === null) return '未知';
  const range = f.valueMax !== null && f.valueMax !== f.value ? `${numZh(f.value)}–${numZh(f.valueMax)}` : numZh(f.value);
  const approx = f.approximate ? '约 ' : '';
  const unit = f.unit ?? '';
  if (unit === '%') return `${approx}${range}%`;
  return `${approx}${range} ${unitsZh[unit] ?? unit}`.trim();
}

/**
 * A second of the episode as YouTube and the episode's chapter list write it: 4:26, 1:02:05. The one
 * time format of the API, the exports, the explorer (panels, tour, replay slider) and the seed checks.
 */
export function formatTimestamp(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
