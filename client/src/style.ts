// Cytoscape styles by selector and class. Colour and shape both encode the kind, so the legend
// still reads for colour-blind users and in greyscale PNG exports.
import type cytoscape from 'cytoscape';
import { NODE_SIZE_STYLE } from '../../core/domain/layoutOptions.js';
import type { Kind, Status } from './queries.js';

export const KIND_STYLE: Record<Kind | 'OTHER', { color: string; shape: cytoscape.Css.NodeShape }> = {
  COMPANY: { color: '#2563eb', shape: 'round-rectangle' },
  MODEL: { color: '#db2777', shape: 'ellipse' },
  CHIP: { color: '#16a34a', shape: 'diamond' },
  POLICY: { color: '#dc2626', shape: 'octagon' },
  PERSON: { color: '#f59e0b', shape: 'ellipse' },
  DATACENTER: { color: '#7c3aed', shape: 'barrel' },
  TECHNIQUE: { color: '#0891b2', shape: 'hexagon' },
  COUNTRY: { color: '#b45309', shape: 'star' },
  ORGANIZATION: { color: '#4f46e5', shape: 'round-rectangle' },
  PRODUCT: { color: '#0d9488', shape: 'round-tag' },
  BENCHMARK: { color: '#65a30d', shape: 'triangle' },
  LOCATION: { color: '#a16207', shape: 'vee' },
  CONCEPT: { color: '#64748b', shape: 'round-pentagon' },
  OTHER: { color: '#9ca3af', shape: 'rectangle' },
};

/** Statuses not listed are drawn solid (stated). */
const STATUS_LINE: Partial<Record<Status, cytoscape.Css.LineStyle>> = { ESTIMATE: 'dashed', FORECAST: 'dotted', DISPUTED: 'dashed' };

/** Node labels: sized so that the overview, fitted to a laptop screen, draws them at ≥ 9 px. */
export const LABEL = {
  fontSize: 11,
  /** Wrapped at this width (model px): long English names take two or three short lines. */
  maxWidth: 96,
  /** Chinese wraps anywhere: ten characters a line leave fewer single characters on a line of their own. */
  maxWidthCjk: 112,
  /** Below this many screen pixels Cytoscape skips the text: unreadable anyway, and it saves the frame. */
  minZoomedFontSize: 7,
  /** What a person can read; the legibility tests count labels drawn at least this big. */
  readablePx: 9,
} as const;

/**
 * Large graphs show node labels from this zoom on. Between min-zoomed-font-size and this zoom, 2,000
 * labels overlap into noise and cost most of every frame (measured: ~0.9 s of a 2k graph's first frame
 * is label measuring and drawing).
 */
export const LABELS_FROM_ZOOM = 1;

/**
 * quietLabels: nodes carry no label text at all (only highlighted, selected and path nodes do), and
 * edges are plain lines. Cytoscape measures and wraps every label for bounding boxes even when it is
 * too small to draw: for 2,000 nodes that is most of the first frame. The explorer sets it for large
 * graphs zoomed out below LABELS_FROM_ZOOM.
 */
export function stylesheet(opts: { quietLabels?: boolean; cjk?: boolean } = {}): cytoscape.StylesheetJson {
  const kinds = Object.entries(KIND_STYLE).map(([kind, s]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': s.color, shape: s.shape },
  }));
  const statuses = Object.entries(STATUS_LINE).map(([status, line]) => ({
    selector: `edge[status = "${status}"]`,
    style: { 'line-style': line },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: opts.quietLabels ? '' : 'data(display)',
        // The same size function the layouts space nodes by (layoutOptions.ts), on the server too.
        width: NODE_SIZE_STYLE,
        height: NODE_SIZE_STYLE,
        'font-size': LABEL.fontSize,
        'font-family': 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif',
        color: '#111827',
        'text-valign': 'bottom',
        'text-margin-y': 2,
        // Chinese labels have no spaces, so wrapping must be allowed anywhere; English ones wrap at
        // spaces, which spares Cytoscape measuring every character of every long name.
        'text-wrap': 'wrap',
        'text-max-width': `${opts.cjk ? LABEL.maxWidthCjk : LABEL.maxWidth}px`,
        'text-overflow-wrap': opts.cjk ? 'anywhere' : 'whitespace',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.75,
        'text-background-padding': '1px',
        'border-width': 1,
        'border-color': '#ffffff',
        'min-zoomed-font-size': LABEL.minZoomedFontSize,
      },
    },
    ...kinds,
    // Styling by data (styling/): a chosen measure's size and colour win over degree and kind.
    { selector: 'node[vizSize]', style: { width: 'data(vizSize)', height: 'data(vizSize)' } },
    { selector: 'node[vizColor]', style: { 'background-color': 'data(vizColor)' } },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': '#cbd5e1',
        'target-arrow-color': '#94a3b8',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7,
        // bezier keeps parallel edges between the same pair visibly apart; zoomed out on a large graph,
        // where arrows are too small to see, straight haystack lines draw several times faster.
        'curve-style': opts.quietLabels ? 'haystack' : 'bezier',
        'control-point-step-size': 24,
        label: '',
        'font-size': 9,
        color: '#334155',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
      },
    },
    ...statuses,
    // Edge labels only where the user points: a hub's forty edge labels at once would cover its neighbours.
    { selector: 'edge.hover, edge:selected, edge.path', style: { label: 'data(display)' } },
    { selector: 'edge.hover, edge.hover-near, edge.near', style: { 'line-color': '#64748b', 'target-arrow-color': '#475569', width: 2 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#f97316' } },
    { selector: 'edge:selected', style: { 'line-color': '#f97316', 'target-arrow-color': '#f97316', width: 3 } },
    // Emphasis by colour, never by font: a bolder label is wider than the box the layout left it.
    { selector: 'node.highlight', style: { 'border-width': 4, 'border-color': '#f97316', 'z-index': 10 } },
    { selector: 'node.near', style: { color: '#000000', 'text-background-opacity': 1 } },
    { selector: '.faded', style: { opacity: 0.16 } },
    { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#e11d48', 'z-index': 20 } },
    { selector: 'edge.path', style: { 'line-color': '#e11d48', 'target-arrow-color': '#e11d48', width: 4, 'z-index': 20 } },
    { selector: 'node.console', style: { 'border-width': 3, 'border-color': '#0ea5e9' } },
    // The whole graph zoomed out: the top hubs' labels at a readable screen size (hubLabels.ts).
    { selector: 'node.hub', style: { label: 'data(display)', 'font-size': 'data(hubFont)', 'text-max-width': 'data(hubWidth)', 'z-index': 5 } },
    // A label that would cover another label or node is not drawn (labels.ts); the node still is.
    { selector: 'node.label-hidden', style: { 'text-opacity': 0, 'text-background-opacity': 0 } },
    // Off the stage: loaded but not part of the current view (overview, focus).
    { selector: '.offstage', style: { display: 'none' } },
    { selector: '.hidden', style: { display: 'none' } },
    ...(opts.quietLabels ? [{ selector: 'node.highlight, node.near, node:selected, node.path', style: { label: 'data(display)' } }] : []),
  ];
}
