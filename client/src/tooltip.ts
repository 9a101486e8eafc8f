// Hover tooltip: the full name (labels wrap and may be hidden), the kind and how connected it is.
// pointer-events: none, so it can never take a click meant for the node under it.
import type cytoscape from 'cytoscape';
import { h, replace } from './dom.js';
import { t } from './i18n.js';

export interface TooltipText {
  name(n: cytoscape.NodeSingular): string;
  kind(n: cytoscape.NodeSingular): string;
}

export const TOOLTIP = {
  /** Offset from the node's edge (px), so the tooltip does not sit on the node itself. */
  offset: 10,
};

export function attachTooltip(cy: cytoscape.Core, wrap: HTMLElement, text: TooltipText): void {
  const tip = h('div', { class: 'tooltip', role: 'tooltip', hidden: true });
  wrap.append(tip);
  const hide = () => (tip.hidden = true);
  cy.on('mouseover', 'node', (ev) => {
    const n = ev.target as cytoscape.NodeSingular;
    if (n.data('isEntity') === false) return hide();
    replace(
      tip,
      h('strong', {}, text.name(n)),
      h('span', { class: 'tip-kind' }, text.kind(n)),
      h('span', { class: 'tip-degree' }, t('tipDegree', { n: n.degree(false) })),
    );
    tip.hidden = false;
    const p = n.renderedPosition();
    const half = n.renderedWidth() / 2;
    const left = Math.min(p.x + half + TOOLTIP.offset, wrap.clientWidth - tip.offsetWidth - 4);
    const top = Math.max(4, p.y - tip.offsetHeight / 2);
    tip.style.left = `${Math.max(4, left)}px`;
    tip.style.top = `${top}px`;
  });
  cy.on('mouseout', 'node', hide);
  cy.on('viewport tapstart', hide);
}
