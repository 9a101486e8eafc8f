// The explorer's one store: the view state (mirrored in the URL by urlSync.ts), what the panels show,
// and the commands. Commands change the store and announce what changed; the canvas, the panels and
// the URL subscribe. Nothing here touches the DOM, so any module may import it without a cycle.
import type { Visibility } from './graph.js';
import type { Key } from './i18n.js';
import type { EntityDetail, Operation, RelationshipDetail, TypeInfo } from './queries.js';
import { parse, type ViewState } from './urlState.js';

export const parsed = parse(location.search);
export const state: ViewState = parsed.state;

export const meta = {
  duration: 4 * 3600,
  types: [] as TypeInfo[],
  /** Entities in the whole graph (the status line's "of N"). */
  totalEntities: 0,
};

export type Shown = { kind: 'entity'; data: EntityDetail } | { kind: 'rel'; data: RelationshipDetail } | null;
export const shown: { current: Shown } = { current: null };

/** The operations behind the view, by slot, for the "Query" tab. */
/**
 * Settled once the first view is drawn. Side panels' own lists (central entities, metric names) wait for
 * it: the server answers the first view's requests one after another (~190 ms of CPU together on the
 * real graph, 2 cores shared with the browser), and the graph should not queue behind a panel's list.
 */
let firstViewDone: () => void = () => undefined;
export const firstViewShown = new Promise<void>((resolve) => (firstViewDone = resolve));
export const markFirstViewShown = (): void => firstViewDone();

export const ops = new Map<string, { titleKey: Key; op: Operation }>();

/** The view state's keys that change what is drawn, not what is loaded. */
export const FILTER_KEYS = ['hideKinds', 'hideTypes', 'hideStatus', 'asOf', 'keepUndated', 't'] as const;

export function visibility(): Visibility {
  return {
    hideKinds: new Set(state.hideKinds),
    hideTypes: new Set(state.hideTypes),
    hideStatus: new Set(state.hideStatus),
    asOf: state.asOf,
    keepUndated: state.keepUndated,
    t: state.t,
  };
}

/**
 * What changed: the view state (with how the URL takes it: a history entry, a replaced entry, or not
 * at all when the URL itself was the source), what is on stage, the selection being loaded or shown,
 * the operations behind the view, the language.
 */
export type Change =
  | { kind: 'state'; patch: Partial<ViewState>; history: 'auto' | 'replace' | 'none' }
  | { kind: 'stage' }
  | { kind: 'selection'; loading?: boolean; error?: string }
  | { kind: 'ops' }
  | { kind: 'lang' };

type Listener = (change: Change) => void;
const listeners: Listener[] = [];

/** Subscribers run in the order they subscribed; returns the way to unsubscribe. */
export function subscribe(fn: Listener): () => void {
  listeners.push(fn);
  return () => void listeners.splice(listeners.indexOf(fn), 1);
}

export function emit(change: Change): void {
  for (const fn of [...listeners]) fn(change);
}

/** Changes the view state and tells the subscribers (the URL writer among them). */
export function update(patch: Partial<ViewState>, history: 'auto' | 'replace' | 'none' = 'auto'): void {
  Object.assign(state, patch);
  emit({ kind: 'state', patch, history });
}

export function record(slot: string, titleKey: Key, op: Operation): void {
  ops.set(slot, { titleKey, op });
  emit({ kind: 'ops' });
}

/** The commands a user can give from anywhere (panels, canvas, keyboard); commands.ts provides them. */
export interface Actions {
  selectEntity(id: string, opts?: { quiet?: boolean; history?: 'auto' | 'replace' }): Promise<boolean>;
  selectRelationship(id: string, opts?: { history?: 'auto' | 'replace' }): Promise<void>;
  clearSelection(): void;
  expand(id: string, opts?: { quiet?: boolean }): Promise<void>;
  collapse(id: string): void;
  focus(id: string): Promise<void>;
  wholeGraph(): Promise<void>;
  overview(): Promise<void>;
  relayout(): void;
  /** After the state changed under the view (Back/Forward): the query tab, the counts and filters again. */
  refresh(): void;
  fit(): void;
  setLanguage(lang: 'en' | 'zh'): void;
  showTab(tab: ViewState['tab']): void;
}

/** Filled in once at start by commands.ts; panels and controls call these instead of being handed callbacks. */
export const actions = {} as Actions;
export function provideActions(a: Actions): void {
  Object.assign(actions, a);
}
