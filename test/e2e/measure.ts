// Measurements the legibility tests make in the page and on its text. Everything is measured on what
// Cytoscape draws: rendered bounding boxes of nodes, and of labels that are actually drawn (non-empty,
// not transparent, and not below min-zoomed-font-size at the current zoom).
import type { Page } from 'playwright-core';

export interface ViewMeasure {
  zoom: number;
  /** Visible nodes whose box is at least partly inside the canvas. */
  nodes: number;
  nodePairs: number;
  labels: number;
  labelPairs: number;
  /** Labels drawn over another node's body. */
  labelOverNode: number;
  /** Drawn labels at least READABLE_PX high on screen (font size × zoom). */
  readable: number;
  examples: string[];
}

export const READABLE_PX = 9;

export function measureView(page: Page): Promise<ViewMeasure> {
  return page.evaluate((readablePx) => {
    type Box = { x1: number; y1: number; x2: number; y2: number };
    const cy = (window as any).__cy;
    const W = cy.width();
    const H = cy.height();
    const zoom = cy.zoom();
    const inView = (b: Box) => b.x2 > 0 && b.y2 > 0 && b.x1 < W && b.y1 < H;
    const over = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const nodes = cy.nodes(':visible').filter((n: any) => inView(n.renderedBoundingBox({ includeLabels: false })));
    const bodies: { id: string; b: Box }[] = nodes.map((n: any) => ({ id: n.id(), b: n.renderedBoundingBox({ includeLabels: false, includeOverlays: false }) }));
    const drawn = nodes.filter((n: any) => {
      const label = n.pstyle('label').strValue;
      const size = n.pstyle('font-size').pfValue * zoom;
      return label && n.pstyle('text-opacity').value > 0 && size >= n.pstyle('min-zoomed-font-size').pfValue;
    });
    const labels: { id: string; b: Box; px: number }[] = drawn.map((n: any) => ({
      id: n.id(),
      b: n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }),
      px: n.pstyle('font-size').pfValue * zoom,
    }));
    const examples: string[] = [];
    let nodePairs = 0;
    for (let i = 0; i < bodies.length; i++)
      for (let j = i + 1; j < bodies.length; j++)
        if (over(bodies[i]!.b, bodies[j]!.b)) {
          nodePairs++;
          if (examples.length < 5) examples.push(`nodes ${bodies[i]!.id} × ${bodies[j]!.id}`);
        }
    let labelPairs = 0;
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++)
        if (over(labels[i]!.b, labels[j]!.b)) {
          labelPairs++;
          if (examples.length < 10) examples.push(`labels ${labels[i]!.id} × ${labels[j]!.id}`);
        }
    let labelOverNode = 0;
    for (const l of labels) for (const b of bodies) if (b.id !== l.id && over(l.b, b.b)) labelOverNode++;
    return { zoom, nodes: bodies.length, nodePairs, labels: labels.length, labelPairs, labelOverNode, readable: labels.filter((l) => l.px >= readablePx).length, examples };
  }, READABLE_PX);
}

export const settled = (page: Page) => page.waitForFunction(() => !(window as any).__cy.animated());

/** The n most connected nodes whose centre is on screen, biggest first. */
export function biggestVisible(page: Page, n: number): Promise<string[]> {
  return page.evaluate((n) => {
    const cy = (window as any).__cy;
    const W = cy.width();
    const H = cy.height();
    return cy
      .nodes(':visible')
      .filter((m: any) => {
        const p = m.renderedPosition();
        return p.x > 0 && p.y > 0 && p.x < W && p.y < H;
      })
      .sort((a: any, b: any) => b.degree(false) - a.degree(false) || a.id().localeCompare(b.id()))
      .slice(0, n)
      .map((m: any) => m.id() as string);
  }, n);
}

export function renderedCentre(page: Page, id: string): Promise<{ x: number; y: number; inside: boolean }> {
  return page.evaluate((id) => {
    const cy = (window as any).__cy;
    const p = cy.getElementById(id).renderedPosition();
    return { x: p.x, y: p.y, inside: p.x > 0 && p.y > 0 && p.x < cy.width() && p.y < cy.height() };
  }, id);
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/**
 * Words of a text in Chinese and in Latin script, after removing the given names (entity names, Chinese
 * names, aliases; a person's given and family names alone too) and unit words.
 */
export function scriptShare(text: string, names: string[], units: string[]): { cjk: number; latin: number; share: number; latinWords: string[] } {
  let rest = text;
  for (const name of [...new Set(names)].filter((s) => s.length > 1).sort((a, b) => b.length - a.length)) rest = rest.split(name).join(' ');
  const unitWords = new Set(units.map((u) => u.toLowerCase()));
  let cjk = 0;
  const latinWords: string[] = [];
  for (const seg of new Intl.Segmenter('zh', { granularity: 'word' }).segment(rest)) {
    if (!seg.isWordLike) continue;
    if (CJK.test(seg.segment)) cjk++;
    else if (/[A-Za-z]/.test(seg.segment) && !unitWords.has(seg.segment.toLowerCase())) latinWords.push(seg.segment);
  }
  return { cjk, latin: latinWords.length, share: cjk / Math.max(1, cjk + latinWords.length), latinWords };
}
