// The header keeps one row: on a laptop, copying the link and the two exports fold into one "Share"
// menu; on a phone (styles.css's narrow layout) Fit, the layout controls and saved views fold into it
// too, as "More", so the title and the toolbar share a row. Nothing is hidden outright: every control
// is at most one click away.
import { byId } from './dom.js';
import { onLangChange, t } from './i18n.js';

/** The same breakpoint as the narrow layout in styles.css. */
export const NARROW = '(max-width: 900px)';

export function mountToolbarMenu(): void {
  const wrap = byId('menu-wrap');
  const toggle = byId('menu-toggle');
  const panel = byId('toolbar-menu');
  const narrow = matchMedia(NARROW);

  const open = (yes: boolean, refocus = false) => {
    panel.hidden = !yes;
    toggle.setAttribute('aria-expanded', String(yes));
    if (yes) panel.querySelector<HTMLElement>('button, select')?.focus();
    else if (refocus) toggle.focus();
  };
  const label = () => {
    byId('menu-toggle-text').textContent = t(narrow.matches ? 'menuMore' : 'menuShare');
    toggle.setAttribute('aria-label', t(narrow.matches ? 'menuMoreLabel' : 'menuShareLabel'));
  };
  // Moving an element keeps its listeners: the controls work the same wherever they sit.
  const place = () => {
    const [fit, layout, views] = [byId('fit'), byId('layout-group'), byId('views-open')];
    if (narrow.matches) panel.prepend(fit, layout, views);
    else {
      wrap.before(layout, fit);
      wrap.after(views);
    }
    label();
    open(false);
  };

  toggle.addEventListener('click', () => open(panel.hidden));
  // A chosen action closes the menu; the layout picker stays open until a layout is picked.
  panel.addEventListener('click', (ev) => {
    if ((ev.target as HTMLElement).closest('button')) open(false);
  });
  panel.addEventListener('change', () => open(false));
  wrap.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Escape' || panel.hidden) return;
    ev.stopPropagation();
    open(false, true);
  });
  document.addEventListener('pointerdown', (ev) => {
    if (!panel.hidden && !wrap.contains(ev.target as Node)) open(false);
  });
  narrow.addEventListener('change', place);
  onLangChange(label);
  place();
}
