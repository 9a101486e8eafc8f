// What every resolver answering a Subgraph shares: which fields the query selects, and the nodes read
// handed to the entity loader for the edges' ends.
import type { GraphQLResolveInfo } from 'graphql';
import type { SubgraphFields, SubgraphResult } from '../repository/graph.js';
import type { GraphQLContext } from './context.js';
import { selectedFields, union } from './selection.js';

/** The node fields a subgraph query selects (on nodes and on the edges' ends) and the edge fields. */
export function subgraphFields(info: GraphQLResolveInfo): SubgraphFields {
  const node = union(selectedFields(info, ['nodes']), selectedFields(info, ['edges', 'source']), selectedFields(info, ['edges', 'target']));
  return { node, edge: selectedFields(info, ['edges']) };
}

export async function subgraph(ctx: GraphQLContext, s: SubgraphResult): Promise<SubgraphResult> {
  // Nodes read with only the selected fields answer the edges' ends, and stay out of the entity loader.
  ctx.loaders.primeEnds(s.edges, s.nodes);
  // Resolving and sending a big answer is where its memory goes: wait for a slot before that starts.
  await ctx.bigAnswer?.(s.nodes.length + s.edges.length);
  return s;
}
