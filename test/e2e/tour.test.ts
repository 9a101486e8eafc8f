// The guided tour and saved views, in Chromium against the real server and dataset: every one of the 25
// steps drawn legibly (each node on screen, no two nodes or labels over each other), Next/Previous and
// ←/→ through all of them, a shared ?tour= link in Chinese, leaving the tour, Play, the first-visit
// offer, and a saved view that comes back after a reload. Numbers go to test-results/tour.json.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { param, useExplorer } from './harness.js';
import { scriptShare } from './measure.js';

const ex = useExplorer('tour');
const STEPS = 25;

const tour = (page: Page) => page.locator('#tour');
async function waitForStep(page: Page, n: number): Promise<void> {
  try {
    await page.waitForSelector(`#tour[data-tour-step="${n}"][data-state="ready"]`, { timeout: 90_000 });
  } catch (err) {
    // Say what the tour shows instead: the step it is on, its state and any error it printed.
    const seen = await page.evaluate(() => {
      const t = document.querySelector<HTMLElement>('#tour');
      return t ? `step ${t.dataset.tourStep} ${t.dataset.state} hidden=${t.hidden}: ${t.querySelector('.tour-caption')?.textContent}` : 'no #tour';
    });
    throw new Error(`step ${n} not ready; the tour shows ${seen}`, { cause: err });
  }
}

interface StepMeasure {
  step: number;
  nodes: number;
  focus: number;
  offscreen: string[];
  nodePairs: string[];
  labelPairs: string[];
}

/** On the tour's canvas: nodes whose box leaves the canvas, and pairs of node bodies or drawn labels that touch. */
function measureStep(page: Page, step: number): Promise<StepMeasure> {
  return page.evaluate((step) => {
    type Box = { x1: number; y1: number; x2: number; y2: number };
    const cy = (window as any).__tourCy;
    const W = cy.width();
    const H = cy.height();
    const over = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const nodes = cy.nodes(':visible').toArray();
    const bodies = nodes.map((n: any) => ({ id: n.id(), b: n.renderedBoundingBox({ includeLabels: false, includeOverlays: false }) as Box }));
    const labels = nodes
      .filter((n: any) => n.pstyle('label').strValue && n.pstyle('font-size').pfValue * cy.zoom() >= n.pstyle('min-zoomed-font-size').pfValue)
      .map((n: any) => ({ id: n.id(), b: n.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false }) as Box }));
    const pairs = (list: { id: string; b: Box }[]) => {
      const out: string[] = [];
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (over(list[i]!.b, list[j]!.b)) out.push(`${list[i]!.id} × ${list[j]!.id}`);
      return out;
    };
    const whole = [...bodies, ...labels];
    return {
      step,
      nodes: nodes.length,
      focus: cy.nodes('.tour-focus').length,
      offscreen: whole.filter(({ b }) => b.x1 < 0 || b.y1 < 0 || b.x2 > W || b.y2 > H).map(({ id }) => id),
      nodePairs: pairs(bodies),
      labelPairs: pairs(labels),
    };
  }, step);
}

async function expectLegible(page: Page, n: number, all: StepMeasure[]): Promise<void> {
  await waitForStep(page, n);
  expect(param(page, 'tour')).toBe(String(n));
  const m = await measureStep(page, n);
  all.push(m);
  expect(m.nodes, `step ${n} draws its chapter`).toBeGreaterThan(0);
  expect(m.focus, `step ${n} emphasises its focus entities`).toBeGreaterThan(0);
  expect({ step: n, offscreen: m.offscreen, nodePairs: m.nodePairs, labelPairs: m.labelPairs }).toEqual({ step: n, offscreen: [], nodePairs: [], labelPairs: [] });
}

describe('the guided tour', () => {
  it('goes from step 1 to 25 with Next and back with Previous, every step legible and on screen', async () => {
    const page = await ex.open('/?tour=1');
    const forward: StepMeasure[] = [];
    await expectLegible(page, 1, forward);
    expect(await page.locator('#tour .tour-prev').isDisabled()).toBe(true);
    for (let n = 2; n <= STEPS; n++) {
      await page.click('#tour .tour-next');
      await expectLegible(page, n, forward);
    }
    expect(await page.locator('#tour .tour-next').isDisabled()).toBe(true);
    await ex.shot(page, 'tour-step-25-en', false);
    const back: StepMeasure[] = [];
    for (let n = STEPS - 1; n >= 1; n--) {
      await page.click('#tour .tour-prev');
      await expectLegible(page, n, back);
    }
    ex.measured.steps = forward.map((m) => ({ step: m.step, nodes: m.nodes, focus: m.focus }));
    ex.measured.problems = [...forward, ...back].filter((m) => m.offscreen.length + m.nodePairs.length + m.labelPairs.length > 0);
  }, 900_000);

  it('moves with → and ←, but not while the user types in the search box', async () => {
    const page = await ex.open('/?tour=1');
    await waitForStep(page, 1);
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, 2);
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, 3);
    await page.keyboard.press('ArrowLeft');
    await waitForStep(page, 2);
    await page.click('#search');
    await page.keyboard.type('nv');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await tour(page).getAttribute('data-tour-step')).toBe('2');
    expect(param(page, 'tour')).toBe('2');
  }, 300_000);

  it('opens a shared ?tour=24&lang=zh link on Stargate with a Chinese caption and a YouTube start', async () => {
    const page = await ex.open('/?tour=24&lang=zh');
    await waitForStep(page, 24);
    const title = await page.locator('#tour .tour-title').textContent();
    const caption = (await page.locator('#tour .tour-caption').textContent()) ?? '';
    const watch = await page.locator('#tour .tour-watch').getAttribute('href');
    const share = scriptShare(caption, ['Stargate', 'OpenAI', 'SoftBank', 'Oracle', 'NVIDIA', 'Abilene', 'GW', 'GPU', 'MGX', 'Microsoft'], []);
    ex.measured.zhStep24 = { title, caption, watch, share };
    expect(title).toBe('星际之门');
    expect(share.share).toBeGreaterThan(0.8);
    expect(watch).toMatch(/youtube\.com\/watch\?v=_1f-o0nqpEI.*t=17220/);
    expect(await page.locator('#tour .tour-next').textContent()).toBe('下一步 →');
    expect(await page.evaluate(() => (window as any).__tourCy.getElementById('stargate').hasClass('tour-focus'))).toBe(true);
    await ex.shot(page, 'tour-step-24-zh');
    const en = await ex.open('/?tour=24');
    await waitForStep(en, 24);
    expect(await en.locator('#tour .tour-title').textContent()).toBe('Stargate');
    await ex.shot(en, 'tour-step-24-en');
  }, 300_000);

  it('is left for the explorer as it was: the URL loses tour, the graph and ?id= still work', async () => {
    const page = await ex.open('/?id=nvidia');
    const before = await page.evaluate(() => (window as any).__cy.nodes(':visible').length);
    await page.click('#tour-open');
    await waitForStep(page, 1);
    expect(param(page, 'id')).toBe('nvidia');
    await page.click('#tour .tour-close');
    await expect.poll(() => param(page, 'tour')).toBeNull();
    expect(await tour(page).isHidden()).toBe(true);
    expect(param(page, 'id')).toBe('nvidia');
    expect(await page.evaluate(() => (window as any).__cy.nodes(':visible').length)).toBe(before);
    // Back returns to the tour step, Forward leaves it again.
    await page.goBack();
    await waitForStep(page, 1);
    await page.keyboard.press('Escape');
    await expect.poll(() => param(page, 'tour')).toBeNull();
  }, 300_000);

  it('plays: advances by itself, and Pause stops it', async () => {
    const page = await ex.open('/?tour=3');
    await waitForStep(page, 3);
    await page.click('#tour .tour-play');
    expect(await page.locator('#tour .tour-play').getAttribute('aria-pressed')).toBe('true');
    await waitForStep(page, 4);
    await page.click('#tour .tour-play');
    expect(await page.locator('#tour .tour-play').getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('#tour .tour-play').textContent()).toBe('Play');
  }, 300_000);

  it('is offered once to a first-time visitor, and not to someone who came by a link', async () => {
    const page = await ex.open('/');
    const offer = page.locator('#tour-offer');
    expect(await offer.isVisible()).toBe(true);
    await offer.locator('button', { hasText: 'No thanks' }).click();
    expect(await offer.count()).toBe(0);
    const again = await ex.open('/');
    expect(await again.locator('#tour-offer').count()).toBe(0);
    await again.evaluate(() => localStorage.clear());
    const linked = await ex.open('/?id=tsmc');
    expect(await linked.locator('#tour-offer').count()).toBe(0);
    await linked.evaluate(() => localStorage.clear());
    const accepted = await ex.open('/');
    await accepted.locator('#tour-offer button', { hasText: 'Start the tour' }).click();
    await waitForStep(accepted, 1);
  }, 300_000);
});

describe('saved views', () => {
  it('saves the current view with a title, lists it after a reload, opens it, copies its link and deletes it', async () => {
    const page = await ex.open('/?id=nvidia&lang=zh');
    await page.click('#views-open');
    expect(await page.locator('#saved-views h2').textContent()).toBe('已存视图');
    await page.fill('#saved-view-name', 'NVIDIA 与出口管制');
    await page.click('#saved-views .sv-save');
    await page.locator('#saved-views .sv-item').first().waitFor();

    const home = await ex.open('/');
    await home.click('#views-open');
    const item = home.locator('#saved-views .sv-item');
    expect(await item.count()).toBe(1);
    expect(await item.locator('.sv-open').textContent()).toBe('NVIDIA 与出口管制');
    const href = await item.locator('.sv-open').getAttribute('href');
    expect(new URL(href!).search).toBe('?id=nvidia&lang=zh');

    await item.locator('.sv-copy').click();
    // Headless Chromium may refuse the clipboard: then the link is shown, selected, to copy by hand.
    await expect.poll(async () => (await home.locator('.notice').allTextContents()).join(' ')).toMatch(/Link copied|Copy the link/);
    const copied = await home.evaluate(() => Promise.race([navigator.clipboard.readText().catch(() => null), new Promise<null>((r) => setTimeout(() => r(null), 2000))]));
    const box = item.locator('.sv-link');
    if (copied === null) expect(await box.inputValue()).toBe(href);
    else expect(copied).toBe(href);

    await item.locator('.sv-open').click();
    await home.waitForSelector('body[data-ready=true]');
    await expect.poll(() => `${param(home, 'id')} ${param(home, 'lang')}`).toBe('nvidia zh');
    await home.click('#views-open');
    expect(await home.locator('#views-open').textContent()).toBe('已存视图');
    await home.locator('#saved-views .sv-delete').click();
    expect(await home.locator('#saved-views .sv-item').count()).toBe(0);
    await home.reload();
    await home.waitForSelector('body[data-ready=true]');
    await home.click('#views-open');
    expect(await home.locator('#saved-views .sv-item').count()).toBe(0);
    expect(await home.locator('#saved-views .sv-empty').isVisible()).toBe(true);
  }, 300_000);
});
