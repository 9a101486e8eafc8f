// The explorer's shared state: the view (mirrored in the URL), the canvas and its stage, and the
// operations behind what is shown. Modules by concern (views, selection, panels) work on these.
import { Canvas, type Visibility } from './graph.js';
import { byId } from './dom.js';
import type { Key } from './i18n.js';
import type { EntityDetail, Operation, RelationshipDetail, TypeInfo } from './queries.js';
import { Stage } from './stage.js';
import { parse, write, type ViewState } from './urlState.js';

export const parsed = parse(location.search);
export const state: ViewState = parsed.state;
export const canvas = new Canvas(byId('cy'));
export const stage = new Stage(canvas.cy);

export const meta = {
  duration: 4 * 3600,
  types: [] as TypeInfo[],
  /** Entities in the whole graph (the status line's "of N"). */
  totalEntities: 0,
};

export type Shown = { kind: 'entity'; data: EntityDetail } | { kind: 'rel'; data: RelationshipDetail } | null;
export const shown: { current: Shown } = { current: null };

/** The operations behind the view, by slot, for the "Query" tab. */
export const ops = new Map<string, { titleKey: Key; op: Operation }>();

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

type Listener = (patch: Partial<ViewState>) => void;
const listeners: Listener[] = [];
export const onStateChange = (fn: Listener): void => void listeners.push(fn);

/** Changes the view state, writes the URL (selections become history entries) and tells the listeners. */
export function update(patch: Partial<ViewState>, mode: 'auto' | 'replace' = 'auto'): void {
  Object.assign(state, patch);
  write(state, mode);
  for (const fn of listeners) fn(patch);
}
