// Subgraph.positions and Subgraph.positionsStatus: one answer from the layout service per subgraph,
// whichever of the two fields a query asks for, so the layout key (a hash over every node and edge id)
// is computed once and a PENDING status never disagrees with the positions beside it.
import { layoutInput, type LayoutAnswer } from '../layout/service.js';
import type { SubgraphResult } from '../repository/graph.js';
import type { GraphQLContext } from './context.js';
import type { LayoutStatus, NodePosition } from './generated/resolvers.js';

const answers = new WeakMap<SubgraphResult, LayoutAnswer>();

function layoutOf(ctx: GraphQLContext, s: SubgraphResult): LayoutAnswer | null {
  if (!ctx.layout) return null;
  let answer = answers.get(s);
  if (!answer) answers.set(s, (answer = ctx.layout.positionsFor(layoutInput(s))));
  // Positions still to come: asking again later gets them, so this answer is not the dataset's.
  if (answer.status === 'PENDING' || answer.status === 'REFUSED_QUEUE_FULL') ctx.answer.keep = false;
  return answer;
}

export const subgraphResolvers = {
  positions: (s: SubgraphResult, _a: unknown, ctx: GraphQLContext): NodePosition[] | null => {
    const p = layoutOf(ctx, s)?.positions;
    return p ? [...p].map(([id, xy]) => ({ id, x: xy.x, y: xy.y })) : null;
  },
  positionsStatus: (s: SubgraphResult, _a: unknown, ctx: GraphQLContext): LayoutStatus | null => layoutOf(ctx, s)?.status ?? null,
};
