// Autocomplete over the server's full-text search (names, Chinese names, aliases). Used for the
// main search box and for both ends of the path finder.
import { gql } from './api.js';
import { h, replace } from './dom.js';
import { entityName, getLang, t } from './i18n.js';
import { SEARCH, type SearchHit } from './queries.js';
import { kindName } from './kinds.js';
import { KIND_STYLE } from './style.js';

export interface Picked {
  id: string;
  name: string;
  labelZh: string;
}

let counter = 0;

export function autocomplete(input: HTMLInputElement, onPick: (hit: Picked) => void): { set(hit: Picked | null): void } {
  const listId = `ac-${++counter}`;
  const list = h('ul', { id: listId, role: 'listbox', class: 'ac-list', hidden: true });
  input.after(list);
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('aria-expanded', 'false');
  input.autocomplete = 'off';

  let hits: SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const render = () => {
    const zh = getLang() === 'zh';
    replace(
      list,
      hits.length
        ? hits.map((hit, i) => {
            const e = hit.entity;
            const primary = entityName(e);
            const secondary = zh ? e.name : e.labelZh !== e.name ? e.labelZh : '';
            return h(
              'li',
              {
                id: `${listId}-${i}`,
                role: 'option',
                class: `ac-item${i === active ? ' active' : ''}`,
                'aria-selected': i === active ? 'true' : 'false',
                'data-id': e.id,
                // mousedown, not click: the input's blur would otherwise close the list first.
                onmousedown: (ev: MouseEvent) => {
                  ev.preventDefault();
                  pick(i);
                },
              },
              h('span', { class: 'swatch', style: `background:${KIND_STYLE[e.kind]?.color ?? '#999'}` }),
              h('span', { class: 'ac-name' }, primary),
              secondary ? h('span', { class: 'ac-alt' }, ` ${secondary}`) : null,
              h('span', { class: 'ac-kind' }, kindName(e.kind)),
            );
          })
        : [h('li', { class: 'ac-empty', role: 'option', 'aria-disabled': 'true' }, t('noHits'))],
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
  };

  const pick = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    const e = hit.entity;
    input.value = entityName(e);
    close();
    onPick({ id: e.id, name: e.name, labelZh: e.labelZh });
  };

  const query = async (text: string) => {
    const mine = ++seq;
    try {
      const data = await gql<{ search: SearchHit[] }>(SEARCH, { text, first: 8 });
      // A slower earlier answer must not overwrite a newer one.
      if (mine !== seq) return;
      hits = data.search;
      active = hits.length ? 0 : -1;
      render();
    } catch {
      if (mine === seq) close();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) {
      seq++;
      close();
      return;
    }
    timer = setTimeout(() => void query(text), 160);
  });
  input.addEventListener('keydown', (ev) => {
    if (list.hidden) return;
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!hits.length) return;
      active = (active + (ev.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      pick(active < 0 ? 0 : active);
    } else if (ev.key === 'Escape') {
      ev.stopPropagation();
      close();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));

  return {
    set(hit) {
      input.value = hit ? entityName(hit) : '';
    },
  };
}
