// The two time filters: "as of" a year (by the dates entities carry) and the episode replay (by the
// second an entity is first mentioned). Both say how many entities they cannot place in time, and the
// replay ends on "whole episode" — never on a last step short of it.
import { formatTimestamp } from '../../core/domain/format.js';
import { h, replace } from './dom.js';
import { t } from './i18n.js';
import type { ViewState } from './urlState.js';

export const REPLAY = {
  /** Slider granularity (s). */
  step: 30,
  /** Playing advances this much episode time (s) per tick… */
  playStep: 120,
  /** …every this many ms: the 5-hour episode plays in about 40 s. */
  tickMs: 250,
};

export interface TimeInput {
  duration: number;
  years: [number, number];
  /** Entities without any date, and without a first mention: the filters cannot place them. */
  undated: number;
  unmentioned: number;
  current(): ViewState;
  onChange(patch: Partial<ViewState>): void;
}

/** The slider's top end, a whole number of steps at or past the episode's end (18,400 s → 18,420). */
export const replayMax = (duration: number): number => Math.ceil(duration / REPLAY.step) * REPLAY.step;
/** A slider value as a state value: at or past the end means the whole episode (null), never a stuck last step. */
export const replayValue = (v: number, duration: number): number | null => (v >= duration ? null : Math.max(0, v));

let timer: ReturnType<typeof setInterval> | null = null;

export function stopReplay(): void {
  if (timer) clearInterval(timer);
  timer = null;
  const b = document.getElementById('replay-play');
  if (b) setPlayButton(b, false);
}

function setPlayButton(b: HTMLElement, playing: boolean): void {
  b.textContent = playing ? '⏸' : '▶';
  b.setAttribute('aria-label', t(playing ? 'replayPause' : 'replayPlay'));
  b.setAttribute('aria-pressed', String(playing));
}

export function renderTimeControls(root: HTMLElement, f: TimeInput): void {
  const s = f.current();
  const [minYear, maxYear] = f.years;
  const asOfYear = s.asOf ? Number(s.asOf.slice(0, 4)) : maxYear + 1;
  const max = replayMax(f.duration);
  const replayOut = h('output', { id: 'replay-value' }, s.t === null ? t('replayAll') : formatTimestamp(s.t));
  const slider = h('input', { id: 'replay', type: 'range', min: 0, max, step: REPLAY.step, value: s.t ?? max, 'aria-label': t('replay') }) as HTMLInputElement;
  const showReplay = (v: number | null) => {
    replayOut.textContent = v === null ? t('replayAll') : formatTimestamp(v);
    slider.value = String(v ?? max);
  };
  slider.addEventListener('input', () => {
    stopReplay();
    const v = replayValue(Number(slider.value), f.duration);
    showReplay(v);
    f.onChange({ t: v });
  });
  const play = h('button', {
    type: 'button',
    id: 'replay-play',
    class: 'play',
    onclick: () => {
      if (timer) return stopReplay();
      // From the start when at the end; otherwise on from where the slider is.
      let at = f.current().t ?? 0;
      setPlayButton(play, true);
      const tick = () => {
        at = Math.min(at + REPLAY.playStep, f.duration);
        const v = replayValue(at, f.duration);
        showReplay(v);
        f.onChange({ t: v });
        if (v === null) stopReplay();
      };
      if (f.current().t === null) {
        showReplay(0);
        f.onChange({ t: 0 });
      }
      timer = setInterval(tick, REPLAY.tickMs);
    },
  });
  setPlayButton(play, timer !== null);

  replace(
    root,
    h('label', { for: 'as-of' }, `${t('asOf')}: `, h('output', { id: 'as-of-value' }, asOfYear > maxYear ? t('asOfAll') : String(asOfYear))),
    h('input', {
      id: 'as-of',
      type: 'range',
      min: minYear,
      max: maxYear + 1,
      step: 1,
      value: asOfYear,
      'aria-label': t('asOf'),
      oninput: (ev: Event) => {
        const v = Number((ev.target as HTMLInputElement).value);
        const out = root.querySelector('#as-of-value');
        if (out) out.textContent = v > maxYear ? t('asOfAll') : String(v);
        f.onChange({ asOf: v > maxYear ? null : String(v) });
      },
    }),
    f.undated
      ? h(
          'label',
          { class: 'check note' },
          h('input', {
            type: 'checkbox',
            id: 'keep-undated',
            checked: s.keepUndated,
            onchange: (ev: Event) => f.onChange({ keepUndated: (ev.target as HTMLInputElement).checked }),
          }),
          h('span', {}, t('keepUndated', { n: f.undated })),
        )
      : null,
    h('label', { for: 'replay' }, `${t('replay')}: `, replayOut),
    h('div', { class: 'replay-row' }, play, slider),
    f.unmentioned ? h('p', { class: 'note muted small', id: 'unmentioned-note' }, t('unmentionedStay', { n: f.unmentioned })) : null,
  );
}
