// The guided tour: the episode's 25 chapters in order, each step one chapter's part of the graph with
// its caption (in the interface language), title and YouTube start. The step is view state (?tour=N,
// shareable); the tour draws on its own canvas over the explorer, which stays as it was underneath.
import './tour.css';
import { formatTimestamp } from '../../../core/domain/format.js';
import { byId, h, replace } from '../dom.js';
import { getLang } from '../i18n.js';
import { errorText } from '../notices.js';
import { state, subscribe, update } from '../store.js';
import { loadChapters, loadStepGraph, prefetchAround, type TourChapter } from './data.js';
import { offerTourOnce } from './offer.js';
import { fcoseReady } from '../graph.js';
import { StepCanvas } from './stepCanvas.js';
import { tt } from './strings.js';

/** How long "Play" stays on a step once it is drawn: time to read a caption of three sentences. */
export const PLAY_STEP_MS = 9000;

declare global {
  interface Window {
    /** Test hook: the tour's canvas, as window.__cy is the explorer's. */
    __tourCy?: unknown;
  }
}

let chapters: TourChapter[] = [];
let shownStep: number | null = null;
let playing = false;
let playTimer: ReturnType<typeof setTimeout> | undefined;

const ui = {
  root: h('section', { id: 'tour', class: 'tour', role: 'region', hidden: true, 'data-state': 'loading' }),
  count: h('p', { class: 'tour-count', 'aria-live': 'polite' }),
  title: h('h2', { class: 'tour-title', id: 'tour-title' }),
  caption: h('p', { class: 'tour-caption' }),
  watch: h('a', { class: 'tour-watch', target: '_blank', rel: 'noopener noreferrer' }),
  stats: h('p', { class: 'tour-stats' }),
  prev: h('button', { type: 'button', class: 'tour-prev', onclick: () => step(-1) }),
  play: h('button', { type: 'button', class: 'tour-play', 'aria-pressed': 'false', onclick: () => setPlaying(!playing) }),
  next: h('button', { type: 'button', class: 'tour-next', onclick: () => step(1) }),
  close: h('button', { type: 'button', class: 'tour-close', onclick: () => leaveTour() }),
  pick: h('select', { class: 'tour-pick', onchange: (ev: Event) => goTo(Number((ev.target as HTMLSelectElement).value)) }),
  keys: h('p', { class: 'tour-keys' }),
  cyBox: h('div', { class: 'tour-cy', role: 'img' }),
  openButton: h('button', { type: 'button', id: 'tour-open', onclick: () => openTour(1) }),
};
let stepCanvas: StepCanvas;

export function startTour(): void {
  const { root } = ui;
  root.append(
    h('div', { class: 'tour-side' }, ui.count, ui.title, ui.caption, ui.watch, h('div', { class: 'tour-controls' }, ui.prev, ui.play, ui.next), ui.pick, ui.stats, ui.keys, ui.close),
    h('div', { class: 'tour-canvas' }, ui.cyBox),
  );
  root.setAttribute('aria-labelledby', 'tour-title');
  document.querySelector('main.layout')!.append(root);
  byId('lang-toggle').before(ui.openButton);
  stepCanvas = new StepCanvas(ui.cyBox);
  window.__tourCy = stepCanvas.cy;

  subscribe((c) => {
    if (c.kind === 'state' && 'tour' in c.patch) void sync();
    if (c.kind === 'lang') {
      renderText();
      if (shownStep !== null && !ui.root.hidden) stepCanvas.relabel();
    }
  });
  document.addEventListener('keydown', onKey);
  renderText();
  if (state.tour !== null) void sync();
  else offerTourOnce(() => openTour(1));
}

/** Opens the tour at a step; a new history entry, so Back returns to the explorer. */
export function openTour(n: number): void {
  update({ tour: n }, 'auto');
}

export function leaveTour(): void {
  setPlaying(false);
  update({ tour: null }, 'auto');
  ui.openButton.focus();
}

function step(delta: number): void {
  if (state.tour === null) return;
  goTo(state.tour + delta);
}

function goTo(n: number): void {
  const total = chapters.length || 25;
  const next = Math.max(1, Math.min(total, Math.round(n)));
  if (next !== state.tour) update({ tour: next }, 'replace');
}

function onKey(ev: KeyboardEvent): void {
  if (ui.root.hidden || ev.altKey || ev.ctrlKey || ev.metaKey) return;
  const typing = (ev.target as HTMLElement).closest?.('input, textarea, select, [contenteditable]') != null;
  if (typing) return;
  if (ev.key === 'ArrowRight') step(1);
  else if (ev.key === 'ArrowLeft') step(-1);
  else if (ev.key === 'Escape') leaveTour();
  else return;
  ev.preventDefault();
}

/** Shows what state.tour says: nothing (the explorer), or that step. */
async function sync(): Promise<void> {
  if (state.tour === null) {
    setPlaying(false);
    ui.root.hidden = true;
    document.body.removeAttribute('data-tour');
    shownStep = null;
    return;
  }
  ui.root.hidden = false;
  document.body.dataset.tour = 'on';
  const n = state.tour;
  ui.root.dataset.tourStep = String(n);
  ui.root.dataset.state = 'loading';
  renderText();
  try {
    if (!chapters.length) {
      const data = await loadChapters();
      chapters = data.chapters;
      stepCanvas.setTypeLabels(data.types);
      renderPicker();
      // A link past the last step opens the last one.
      if (state.tour !== null && state.tour > chapters.length) return goTo(chapters.length);
      renderText();
    }
    const chapter = chapters[n - 1];
    if (!chapter) return;
    // The step lays itself out with fcose, which the explorer loads only when a layout needs it.
    const [graph] = await Promise.all([loadStepGraph(n), fcoseReady()]);
    if (state.tour !== n) return; // the user moved on while it loaded
    stepCanvas.show(graph, chapter.focus.map((f) => f.id));
    shownStep = n;
    ui.stats.textContent = tt('tourCounts', { nodes: graph.nodes.length, edges: graph.edges.length });
    ui.root.dataset.state = 'ready';
    schedulePlay();
    prefetchAround(n, chapters.length);
  } catch (err) {
    ui.caption.textContent = errorText(err);
    ui.root.dataset.state = 'error';
  }
}

function renderPicker(): void {
  replace(ui.pick, chapters.map((c) => h('option', { value: c.index }, `${c.index}. ${getLang() === 'zh' ? c.titleZh : c.titleEn}`)));
  if (state.tour !== null) ui.pick.value = String(state.tour);
}

/** Every word the tour shows, in the interface language. */
function renderText(): void {
  const n = state.tour ?? 1;
  const total = chapters.length || 25;
  const c = chapters[n - 1];
  const zh = getLang() === 'zh';
  ui.openButton.textContent = tt('tourOpen');
  ui.openButton.setAttribute('aria-label', tt('tourOpenLabel'));
  ui.root.setAttribute('aria-roledescription', tt('tourRegion'));
  ui.count.textContent = tt('tourStep', { n, total });
  ui.title.textContent = c ? (zh ? c.titleZh : c.titleEn) : tt('tourLoading');
  ui.caption.textContent = c ? ((zh ? c.captionZh : c.captionEn) ?? c.captionEn ?? '') : '';
  ui.caption.lang = zh ? 'zh-CN' : 'en';
  if (c) {
    ui.watch.href = c.url;
    ui.watch.textContent = tt('tourWatch', { time: formatTimestamp(c.startSeconds) });
    ui.watch.hidden = false;
  } else ui.watch.hidden = true;
  ui.prev.textContent = tt('tourPrev');
  ui.next.textContent = tt('tourNext');
  ui.prev.disabled = n <= 1;
  ui.next.disabled = n >= total;
  ui.play.textContent = playing ? tt('tourPause') : tt('tourPlay');
  ui.play.setAttribute('aria-pressed', String(playing));
  ui.close.textContent = tt('tourClose');
  ui.keys.textContent = tt('tourKeys');
  ui.pick.setAttribute('aria-label', tt('tourPick'));
  ui.cyBox.setAttribute('aria-label', tt('tourCanvas'));
  if (chapters.length) {
    if (ui.pick.options[0]?.textContent !== `1. ${zh ? chapters[0]!.titleZh : chapters[0]!.titleEn}`) renderPicker();
    ui.pick.value = String(n);
  }
}

function setPlaying(on: boolean): void {
  playing = on;
  clearTimeout(playTimer);
  renderText();
  // Play on the last step starts again from the first.
  if (on && state.tour !== null && state.tour >= chapters.length && chapters.length) return goTo(1);
  if (on) schedulePlay();
}

/** Auto-advance: the next step a while after this one is drawn; Play stops by itself at the last. */
function schedulePlay(): void {
  clearTimeout(playTimer);
  if (!playing || state.tour === null || ui.root.dataset.state !== 'ready') return;
  const at = state.tour;
  playTimer = setTimeout(() => {
    if (!playing || state.tour !== at) return;
    if (at >= chapters.length) return setPlaying(false);
    goTo(at + 1);
    if (at + 1 >= chapters.length) setPlaying(false);
  }, PLAY_STEP_MS);
}
