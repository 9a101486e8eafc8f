// The whole graph zoomed out (fitted, say) draws labels too small to read, so Cytoscape skips them all
// and the picture has no names. The most connected entities then get their label at a readable
// screen size (font scaled by 1/zoom) and the overlap pass keeps those that touch no other label.
import type cytoscape from 'cytoscape';
import { cullLabels } from './labels.js';
import { LABEL } from './style.js';

export const HUB_LABELS = {
  /** How many of the most connected visible entities may keep a label when zoomed out. */
  count: 40,
  /** Drawn this big on screen: just readable, so as many fit as possible. */
  screenPx: LABEL.readablePx + 0.5,
};

/** Below this zoom an ordinary label is drawn smaller than a person can read. */
const readableFromZoom = LABEL.readablePx / LABEL.fontSize;

let shownFor: string | null = null;

/** force: what is on stage changed (always re-culled); otherwise only a change of zoom or mode does anything. */
export function updateHubLabels(cy: cytoscape.Core, wholeGraph: boolean, force = true): void {
  const zoom = cy.zoom();
  const on = wholeGraph && zoom < readableFromZoom;
  const key = on ? `on ${zoom}` : 'off';
  if (!force && key === shownFor) return;
  shownFor = key;
  const hubs = on
    ? cy
        .nodes(':visible')
        .toArray()
        .sort((a, b) => b.degree(false) - a.degree(false) || a.id().localeCompare(b.id()))
        .slice(0, HUB_LABELS.count)
    : [];
  const font = HUB_LABELS.screenPx / zoom;
  const keep = new Set(hubs.map((n) => n.id()));
  cy.batch(() => {
    cy.nodes('.hub').forEach((n) => void (keep.has(n.id()) || n.removeClass('hub')));
    for (const n of hubs) {
      if (n.data('hubFont') !== font) n.data({ hubFont: font, hubWidth: (LABEL.maxWidthCjk * font) / LABEL.fontSize });
      if (!n.hasClass('hub')) n.addClass('hub');
    }
  });
  cullLabels(cy);
}
