// Notices above the canvas and the banner that says the server is unreachable.
import { onConnectionChange, ApiError } from './api.js';
import { byId, h } from './dom.js';
import { errorCodeText, t } from './i18n.js';

/** How long an information notice stays. */
const NOTICE_INFO_MS = 6000;

export function notice(text: string, kind: 'info' | 'error' = 'info'): void {
  const el = h(
    'div',
    { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h('span', {}, text),
    h('button', { type: 'button', class: 'dismiss', 'aria-label': t('dismiss'), onclick: () => el.remove() }, '×'),
  );
  byId('notices').append(el);
  // Information goes by itself; an error stays until dismissed.
  if (kind === 'info') setTimeout(() => el.remove(), NOTICE_INFO_MS);
}

/** An error as the user reads it: the code's explanation in their language, else the server's words. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return `${err.code}: ${errorCodeText(err.code) ?? err.message}`;
  return err instanceof Error ? err.message : String(err);
}

export function watchConnection(): void {
  onConnectionChange(({ down, retryInSeconds }) => {
    const banner = byId('banner');
    if (down) {
      banner.textContent = t('serverDown', { s: retryInSeconds });
      banner.hidden = false;
    } else {
      banner.textContent = t('serverBack');
      setTimeout(() => (banner.hidden = true), 1500);
    }
  });
}
