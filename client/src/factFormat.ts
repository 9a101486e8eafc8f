// How a fact reads in the interface language: the metric's label, the value with its unit and the unit
// phrase all come from the API in both languages (Fact.metricLabel/display/unitLabel with lang EN
// and ZH), so the client keeps no label tables of its own; it only picks one.
import { getLang } from './i18n.js';
import type { Fact, Metric } from './queries.js';

type Labelled = Pick<Fact, 'metric' | 'metricLabel' | 'metricZh'>;

/** The vocabulary's English labels are lower case ("GPU count", "active parameters"): a heading starts with a capital. */
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function metricName(f: Labelled | Pick<Metric, 'metric' | 'label' | 'labelZh'>): string {
  const [en, zh] = 'metricLabel' in f ? [f.metricLabel, f.metricZh] : [f.label, f.labelZh];
  return getLang() === 'zh' ? zh || en || f.metric : capital(en || f.metric);
}

export function unitName(f: Pick<Fact, 'unit' | 'unitLabel' | 'unitZh'>): string {
  if (!f.unit) return '';
  return (getLang() === 'zh' ? f.unitZh : f.unitLabel) || f.unit;
}

export function factValue(f: Pick<Fact, 'display' | 'displayZh'>): string {
  return getLang() === 'zh' ? f.displayZh || f.display : f.display;
}
