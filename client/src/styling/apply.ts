// Styling by data on the canvas: each node's size and colour from the chosen measure (data fields
// vizSize / vizColor, which the stylesheet prefers over degree and kind), then the same overlap pass
// the layouts end with, so bigger nodes never cover their neighbours.
import type cytoscape from 'cytoscape';
import { cullLabels } from '../labels.js';
import { declutter } from '../layout.js';
import type { ColorBy } from './options.js';
import { GRAPH_MEASURES, SIZE_RANGE, SOURCE_COLORS, STATUS_COLORS, leastFirm, metricScale, sizeFor, sourceClass, type MetricScale } from './options.js';
import type { StylingData } from './data.js';

export interface SizeLegend {
  by: string;
  scale: MetricScale | null;
  /** A fact's labels for the metric (null for graph measures). */
  labels: { en: string; zh: string; unitEn: string | null; unitZh: string | null } | null;
  sized: number;
  without: number;
}
export interface ColorLegend {
  by: ColorBy;
  /** Category → colour and how many nodes on the canvas have it. */
  entries: { key: string; color: string; count: number }[];
}

/** Writes vizSize on every loaded entity (or removes it for degree, the stylesheet's default). */
export function applySize(cy: cytoscape.Core, by: string | null, data: StylingData | null): SizeLegend | null {
  const nodes = cy.nodes('[?isEntity]');
  if (!by || by === 'degree' || !data) {
    cy.batch(() => nodes.forEach((n) => void n.removeData('vizSize')));
    return null;
  }
  const measure = by in GRAPH_MEASURES ? data.measures.get(by) : null;
  const scale = measure ? null : metricScale(data.facts, by);
  const values = measure ?? scale?.values ?? new Map<string, number>();
  const nums = [...values.values()];
  const lo = scale?.lo ?? Math.min(...nums);
  const hi = scale?.hi ?? Math.max(...nums);
  let sized = 0;
  cy.batch(() =>
    nodes.forEach((n) => {
      const v = values.get(n.id());
      if (v === undefined) n.data('vizSize', SIZE_RANGE.without);
      else {
        sized++;
        // Graph measures are spread linearly; metrics (GPU counts, dollars) on a log scale.
        n.data('vizSize', scale ? sizeFor(v, lo, hi) : Math.round(SIZE_RANGE.min + ((v - lo) / Math.max(hi - lo, 1e-12)) * (SIZE_RANGE.max - SIZE_RANGE.min)));
      }
    }),
  );
  const f = data.facts.find((x) => x.metric === by && x.unit === (scale?.unit ?? null));
  const labels = f ? { en: f.metricLabel, zh: f.metricZh, unitEn: f.unitLabel, unitZh: f.unitZh } : null;
  return { by, scale, labels, sized, without: nodes.length - sized };
}

export function applyColor(cy: cytoscape.Core, by: ColorBy | null, data: StylingData | null): ColorLegend | null {
  const nodes = cy.nodes('[?isEntity]');
  if (!by || by === 'kind' || !data) {
    cy.batch(() => nodes.forEach((n) => void n.removeData('vizColor')));
    return null;
  }
  const statuses = new Map<string, (string | null)[]>();
  for (const f of data.facts) (statuses.get(f.subject) ?? statuses.set(f.subject, []).get(f.subject)!).push(f.status);
  const palette: Record<string, string> = by === 'status' ? STATUS_COLORS : SOURCE_COLORS;
  const counts = new Map<string, number>(Object.keys(palette).map((k) => [k, 0]));
  cy.batch(() =>
    nodes.forEach((n) => {
      const key = by === 'status' ? leastFirm(statuses.get(n.id()) ?? []) : sourceClass(data.sources.get(n.id()) ?? []);
      n.data('vizColor', palette[key]);
      if (!n.hasClass('offstage') && !n.hasClass('hidden')) counts.set(key, (counts.get(key) ?? 0) + 1);
    }),
  );
  return { by, entries: Object.entries(palette).map(([key, color]) => ({ key, color, count: counts.get(key) ?? 0 })) };
}

/** Sizes changed: the nodes on stage are moved apart again, exactly as after a layout. */
export function reflow(cy: cytoscape.Core, staged: cytoscape.NodeCollection): void {
  declutter(cy, staged.not('.hidden'));
  cullLabels(cy);
}
