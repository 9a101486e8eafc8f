// The canvas follows the store: filters and time controls change what is drawn (not what is loaded),
// and a new language relabels every node, so the overlap pass and the overview's fit run again.
import { updateHubLabels } from './hubLabels.js';
import { cullLabels } from './labels.js';
import { canvas, stage } from './scene.js';
import { FILTER_KEYS, subscribe, visibility, type Change } from './store.js';

export function subscribeCanvas(): void {
  subscribe(onChange);
  // Hub labels are sized for the zoom the view came to rest at (model units, so the overlap pass holds at any zoom).
  let timer: ReturnType<typeof setTimeout> | undefined;
  canvas.cy.on('viewport', () => {
    clearTimeout(timer);
    timer = setTimeout(() => updateHubLabels(canvas.cy, stage.scope === 'all', false), 200);
  });
}

function onChange(c: Change): void {
  if (c.kind === 'state' && FILTER_KEYS.some((k) => k in c.patch)) {
    canvas.applyVisibility(visibility());
    cullLabels(canvas.cy);
  } else if (c.kind === 'lang') {
    canvas.refreshLabels();
    // Labels changed size: the overlap pass runs again, and the overview is re-fitted.
    stage.relabel();
    if (stage.scope === 'overview') stage.fit(canvas.visibleNodes());
    cullLabels(canvas.cy);
  }
}
