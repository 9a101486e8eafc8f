// The first view's requests: the graph (unless the link opens on one entity), the episode with its
// relationship types, and the vocabulary. boot.ts starts them as soon as the page has this small
// module, while the explorer's own bundle (mostly Cytoscape) is still loading and compiling; they
// used to start only after it had run, ~0.4 s after navigation on a 2-core machine.
import { gql, gqlRetrying, vocabulary } from './api.js';
import { FIRST_VIEW_NODES } from '../../core/domain/layoutOptions.js';
import type { Vocabulary } from '../../core/domain/types.js';
import { EPISODE, graphOperation, type Subgraph, type TypeInfo } from './queries.js';
import { state } from './store.js';

/** A graph answer and whether it was asked for whole or for the first view's most connected part. */
export type GraphLoad = { graph: Subgraph; whole: boolean };

/**
 * The overview needs only the most connected entities (FIRST_VIEW_NODES; a small graph arrives whole);
 * the whole graph is fetched when it is shown. The first view depends on this one query: a cold
 * server's first run over the time limit is tried again.
 */
export function fetchGraph(whole = state.scope === 'all'): Promise<GraphLoad> {
  const op = graphOperation({ kinds: null, types: null, asOf: null }, whole ? undefined : FIRST_VIEW_NODES);
  return gqlRetrying<{ graph: Subgraph }>(op.graphql, op.variables).then((d) => ({ graph: d.graph, whole }));
}

type EpisodeMeta = { episode: { durationSeconds: number }; relationshipTypes: TypeInfo[] };

export interface FirstRequests {
  graph: Promise<GraphLoad> | null;
  /** Null when it failed: the explorer works without durations and type names, and says so elsewhere. */
  episode: Promise<EpisodeMeta | null>;
  vocabulary: Promise<Vocabulary | null>;
}

let first: FirstRequests | null = null;

/** Started once; later calls get the same requests. */
export function firstRequests(): FirstRequests {
  if (!first) {
    const graph = state.focus ? null : fetchGraph();
    // Its failure is reported where the first view waits for it, not as an unhandled rejection.
    graph?.catch(() => undefined);
    first = {
      graph,
      episode: gql<EpisodeMeta>(EPISODE).catch(() => null),
      vocabulary: vocabulary().catch(() => null),
    };
  }
  return first;
}
