// A first-time visitor (nothing of ours in localStorage, no view in the URL) is offered the tour once,
// in the side panel where it covers nothing of the graph; either answer, or none, is remembered.
import { h } from '../dom.js';
import { onLangChange } from '../i18n.js';
import { tt } from './strings.js';

export const OFFERED_KEY = 'aig.tourOffered';
/** Keys of ours that mean "has been here before". */
const OURS = /^aig\./;

function firstVisit(): boolean {
  try {
    if (location.search !== '') return false;
    for (let i = 0; i < localStorage.length; i++) if (OURS.test(localStorage.key(i) ?? '')) return false;
    return true;
  } catch {
    // Storage disabled: we could not remember the answer, so we do not ask.
    return false;
  }
}

export function offerTourOnce(start: () => void): void {
  if (!firstVisit()) return;
  try {
    localStorage.setItem(OFFERED_KEY, new Date().toISOString());
  } catch {
    return;
  }
  const text = h('span', {});
  const yes = h('button', { type: 'button', class: 'primary' });
  const no = h('button', { type: 'button' });
  const box = h('div', { id: 'tour-offer', class: 'tour-offer', role: 'status' }, text, h('div', { class: 'tour-offer-actions' }, yes, no));
  const render = () => {
    text.textContent = tt('tourOffer');
    yes.textContent = tt('tourOfferStart');
    no.textContent = tt('tourOfferDismiss');
  };
  yes.addEventListener('click', () => {
    box.remove();
    start();
  });
  no.addEventListener('click', () => box.remove());
  render();
  onLangChange(render);
  const side = document.getElementById('side');
  if (side) side.prepend(box);
}
