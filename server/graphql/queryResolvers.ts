// The root Query: check the arguments (args.ts, limits.ts), call a repository or a DataLoader, shape the answer.
import { graphStats } from '../../core/db/graphState.js';
import { isCalendarDate } from '../../core/domain/dates.js';
import { MAX_TEXT } from '../../core/domain/limits.js';
import { countEntities, listEntities } from '../repository/entities.js';
import { listEntitiesByScore, scoreOf } from '../repository/entityOrder.js';
import { findFacts, metricsWithFacts } from '../repository/facts.js';
import { DEFAULT_GRAPH_LIMIT, neighborhood, shortestPath } from '../repository/graph.js';
import type { EntityNode } from '../repository/records.js';
import { relationshipTypeCounts } from '../repository/relationships.js';
import { searchEntities } from '../repository/search.js';
import { timeline } from '../repository/timeline.js';
import { allowedTypes, decodeCursor, encodeCursor, idArg, intArg, kindsArg, typesArg } from './args.js';
import { entityInOneStatement } from './entityResolver.js';
import { badInput, notFound } from './errors.js';
import { sourceIn } from './evidence.js';
import type { EntityKind, QueryResolvers } from './generated/resolvers.js';
import { graphAnswer } from './graphAnswer.js';
import { LIMITS } from './limits.js';
import { loadAllOrThrow } from './loaders.js';
import { decodeScoreCursor, encodeScoreCursor } from './orderCursor.js';
import { subgraph, subgraphFields } from './subgraph.js';

export const queryResolvers: QueryResolvers = {
  search: async (_root, a, ctx) => {
    if (a.text.length > MAX_TEXT) throw badInput(`text must be at most ${MAX_TEXT} characters`, 'text');
    const first = intArg(a.first ?? 10, 'first', 1, LIMITS.searchFirst);
    const hits = await searchEntities(ctx.db, a.text, kindsArg(a.kinds), first);
    ctx.loaders.prime(hits.map((h) => h.entity));
    return hits;
  },
  entity: async (_root, a, ctx, info) => {
    const id = idArg(a.id, 'id');
    const e = await entityInOneStatement(ctx, id, info);
    if (!e) throw notFound(`no entity with id "${id}"; try the search query`);
    return e;
  },
  entities: async (_root, a, ctx) => {
    const first = intArg(a.first ?? 50, 'first', 1, LIMITS.entitiesFirst);
    const kind = a.kind ?? null;
    const order = a.orderBy ?? 'ID';
    const [page, totalCount] = await Promise.all([
      order === 'ID'
        ? listEntities(ctx.db, kind, first, decodeCursor(a.after))
        : listEntitiesByScore(ctx.db, order, kind, first, decodeScoreCursor(a.after, order)),
      countEntities(ctx.db, kind),
    ]);
    ctx.loaders.prime(page.items);
    const cursorOf = (n: EntityNode) => (order === 'ID' ? encodeCursor(n.id) : encodeScoreCursor(order, scoreOf(order, n), n.id));
    const edges = page.items.map((node) => ({ cursor: cursorOf(node), node }));
    return {
      edges,
      nodes: page.items,
      totalCount,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    };
  },
  relationship: async (_root, a, ctx) => {
    const id = idArg(a.id, 'id');
    const r = await ctx.loaders.relationship.load(id);
    if (!r) throw notFound(`no relationship with id "${id}"`);
    return r;
  },
  neighborhood: async (_root, a, ctx, info) => {
    const id = idArg(a.id, 'id');
    const opts = {
      depth: intArg(a.depth ?? 1, 'depth', 1, LIMITS.neighborhoodDepth),
      kinds: kindsArg(a.kinds),
      types: typesArg(ctx, a.relationshipTypes),
      limit: intArg(a.limit ?? 200, 'limit', 1, LIMITS.neighborhoodLimit),
    };
    const s = await neighborhood(ctx.db, id, opts, allowedTypes(ctx), subgraphFields(info));
    if (!s) throw notFound(`no entity with id "${id}"; try the search query`);
    return subgraph(ctx, s);
  },
  shortestPath: async (_root, a, ctx, info) => {
    const from = idArg(a.from, 'from');
    const to = idArg(a.to, 'to');
    const maxLength = intArg(a.maxLength ?? 6, 'maxLength', 1, LIMITS.pathMaxLength);
    const s = await shortestPath(ctx.db, from, to, maxLength, allowedTypes(ctx), subgraphFields(info));
    if (s) return subgraph(ctx, s);
    // No path, or a missing end: only the second is NOT_FOUND, and a failed lookup keeps its own code.
    const ends = await loadAllOrThrow(ctx.loaders.entity, [from, to]);
    ends.forEach((e, i) => {
      if (!e) throw notFound(`no entity with id "${i === 0 ? from : to}"`);
    });
    return null;
  },
  graph: async (_root, a, ctx, info) => {
    const asOf = a.asOf ?? null;
    if (asOf !== null && !isCalendarDate(asOf))
      throw badInput(`asOf must be a real date as YYYY, YYYY-MM or YYYY-MM-DD (got "${asOf.slice(0, 40)}")`, 'asOf');
    const opts = {
      kinds: kindsArg(a.kinds),
      types: typesArg(ctx, a.relationshipTypes),
      asOf,
      limit: intArg(a.limit ?? DEFAULT_GRAPH_LIMIT, 'limit', 1, LIMITS.graphLimit),
    };
    return subgraph(ctx, await graphAnswer(ctx, opts, allowedTypes(ctx), subgraphFields(info)));
  },
  facts: (_root, a, ctx) =>
    findFacts(ctx.db, {
      metric: a.metric ?? null,
      subject: a.subject ? idArg(a.subject, 'subject') : null,
      source: sourceIn(a.source),
      first: intArg(a.first ?? 200, 'first', 1, LIMITS.factsFirst),
    }),
  metrics: (_root, a, ctx) => metricsWithFacts(ctx.db, intArg(a.minEntities ?? 2, 'minEntities', 1, LIMITS.minEntities)),
  timeline: (_root, a, ctx) => timeline(ctx.db, kindsArg(a.kinds)),
  relationshipTypes: async (_root, _a, ctx) => {
    const counts = await relationshipTypeCounts(ctx.db);
    return Object.entries(ctx.vocabulary.relationshipTypes).map(([type, v]) => ({ type, ...v, count: counts.get(type) ?? 0 }));
  },
  chapter: async (_root, a, ctx) => {
    if ((a.id == null) === (a.index == null)) throw badInput('give exactly one of id and index', a.id == null ? 'id' : 'index');
    const chapters = (await ctx.loaders.episode())?.chapters ?? [];
    return a.id != null ? (chapters.find((c) => c.id === idArg(a.id!, 'id')) ?? null) : (chapters.find((c) => c.index === a.index) ?? null);
  },
  stats: async (_root, _a, ctx) => {
    const [s, ep] = await Promise.all([graphStats(ctx.db), ctx.loaders.episode()]);
    return {
      entities: s.entities,
      relationships: s.relationships,
      facts: s.facts,
      chapters: ep?.chapters.length ?? 0,
      byKind: Object.entries(s.byKind).map(([kind, count]) => ({ kind: kind as EntityKind, count })),
      byType: Object.entries(s.byType).map(([type, count]) => ({ type, count })),
    };
  },
  episode: async (_root, _a, ctx) => {
    const ep = await ctx.loaders.episode();
    if (!ep) throw notFound('the episode is not loaded yet; run `npm run seed`');
    return ep;
  },
};
