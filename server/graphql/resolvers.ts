// Resolvers stay thin: validate arguments, call a repository or a DataLoader, shape the answer.
import { formatValue, formatValueZh } from '../../core/domain/format.js';
import { inLang } from '../../core/domain/names.js';
import { youtubeUrl } from '../../core/domain/types.js';
import { countEntities, listEntities } from '../repository/entities.js';
import { listEntitiesByScore, scoreOf } from '../repository/entityOrder.js';
import { decodeScoreCursor, encodeScoreCursor } from './orderCursor.js';
import { graphStats } from '../../core/db/graphState.js';
import { findFacts, metricsWithFacts } from '../repository/facts.js';
import { chapterGraph } from '../repository/chapterGraph.js';
import { DEFAULT_GRAPH_LIMIT, neighborhood, shortestPath, type SubgraphFields, type SubgraphResult } from '../repository/graph.js';
import type { EntityNode, RelationshipEdge } from '../repository/records.js';
import { relationshipTypeCounts } from '../repository/relationships.js';
import { searchEntities } from '../repository/search.js';
import { timeline } from '../repository/timeline.js';
import type { GraphQLContext } from './context.js';
import { allowedTypes, decodeCursor, encodeCursor, idArg, intArg, kindsArg, MAX_TEXT, typesArg } from './args.js';
import { badInput, notFound } from './errors.js';
import { loadAllOrThrow } from './loaders.js';
import { isCalendarDate } from '../../core/domain/dates.js';
import { evidenceOut, sourceIn, sourceOut } from './evidence.js';
import { dateClaimResolvers, entitySourceFields, factSource, keepRelationship, relationshipSources } from './sources.js';
import type { ClaimStatus, EntityKind, Lang, Resolvers } from './generated/resolvers.js';
import { subgraphResolvers } from './subgraphLayout.js';
import { LIMITS } from './limits.js';
import { TYPED_FIELDS, type TypedField } from './typedFields.js';
import type { GraphQLResolveInfo } from 'graphql';
import { entityInOneStatement } from './entityResolver.js';
import { graphAnswer } from './graphAnswer.js';
import { selectedFields, union } from './selection.js';

type Ctx = GraphQLContext;

/** A metric's label from the vocabulary; its id where a store predates the labels. */
function metricLabel(ctx: Ctx, metric: string, lang: Lang | null | undefined): string {
  const label = ctx.vocabulary.metrics?.[metric];
  return label ? (lang === 'ZH' ? label.zh : label.en) : metric;
}

/** An edge's end: a plain value when this request already holds the entity (no promise per field). */
function relationshipEnd(ctx: Ctx, r: RelationshipEdge, id: string): EntityNode | Promise<EntityNode> {
  const must = (e: EntityNode | null): EntityNode => {
    // Relationships are only read between existing entities; a missing end means the graph changed mid-request.
    if (!e) throw notFound(`no entity with id "${id}"`);
    return e;
  };
  const e = ctx.loaders.endOf(r, id);
  return e instanceof Promise ? e.then(must) : must(e);
}

/** The node fields a subgraph query selects (on nodes and on the edges' ends) and the edge fields. */
export function subgraphFields(info: GraphQLResolveInfo): SubgraphFields {
  const node = union(selectedFields(info, ['nodes']), selectedFields(info, ['edges', 'source']), selectedFields(info, ['edges', 'target']));
  return { node, edge: selectedFields(info, ['edges']) };
}

function subgraph(ctx: Ctx, s: SubgraphResult): SubgraphResult {
  // Nodes read with only the selected fields answer the edges' ends, and stay out of the entity loader.
  ctx.loaders.primeEnds(s.edges, s.nodes);
  return s;
}

async function related(ctx: Ctx, entity: EntityNode, spec: TypedField): Promise<EntityNode[]> {
  const rels = await ctx.loaders.relationshipsOf.load(entity.id);
  const ids = new Set<string>();
  for (const r of rels) {
    if (!spec.types.includes(r.type)) continue;
    if ((spec.direction === 'OUT' || spec.direction === 'BOTH') && r.source === entity.id) ids.add(r.target);
    if ((spec.direction === 'IN' || spec.direction === 'BOTH') && r.target === entity.id) ids.add(r.source);
  }
  const found = (await loadAllOrThrow(ctx.loaders.entity, [...ids])).filter((e): e is EntityNode => e !== null);
  return spec.kinds ? found.filter((e) => spec.kinds!.includes(e.kind)) : found;
}

const upper = (s: string): ClaimStatus => s.toUpperCase() as ClaimStatus;
const localized = <T extends { title: string; titleZh: string | null }>(o: T, lang: Lang): string =>
  lang === 'ZH' ? (o.titleZh ?? o.title) : o.title;

/** Fields every concrete entity type shares (the Entity interface). */
const entityFields = {
  kind: (e: EntityNode) => e.kind as EntityKind,
  label: (e: EntityNode, a: { lang: Lang }) => inLang(a.lang === 'ZH' ? 'zh' : 'en', e.name, e.nameZh),
  summary: (e: EntityNode, a: { lang: Lang }) => (a.lang === 'ZH' ? (e.summaryZh ?? e.summaryEn) : e.summaryEn),
  dates: (e: EntityNode) => ({
    founded: e.dates.founded ?? null,
    released: e.dates.released ?? null,
    announced: e.dates.announced ?? null,
    effective: e.dates.effective ?? null,
    published: e.dates.published ?? null,
    opened: e.dates.opened ?? null,
  }),
  firstMentionSeconds: (e: EntityNode) => e.firstSeconds,
  firstMentionUrl: async (e: EntityNode, _a: unknown, ctx: Ctx) => {
    if (e.firstSeconds === null) return null;
    const ep = await ctx.loaders.episode();
    return ep ? youtubeUrl(ep.youtubeId, e.firstSeconds) : null;
  },
  chapters: async (e: EntityNode, _a: unknown, ctx: Ctx) => {
    const ep = await ctx.loaders.episode();
    return (ep?.chapters ?? []).filter((c) => e.chapters.includes(c.id));
  },
  ...entitySourceFields,
  relationships: async (
    e: EntityNode,
    a: { types?: string[] | null; direction?: 'OUT' | 'IN' | 'BOTH' | null; evidenceSource?: 'EPISODE' | 'REFERENCE' | null; first?: number | null },
    ctx: Ctx,
  ) => {
    const types = typesArg(ctx, a.types, 'types');
    const first = a.first === null || a.first === undefined ? 500 : intArg(a.first, 'first', 0, 500);
    const dir = a.direction ?? 'BOTH';
    const rels = await ctx.loaders.relationshipsOf.load(e.id);
    return rels
      .filter((r) => types.length === 0 || types.includes(r.type))
      .filter((r) => dir === 'BOTH' || (dir === 'OUT' ? r.source === e.id : r.target === e.id))
      .filter((r) => keepRelationship(r, a.evidenceSource))
      .slice(0, first);
  },
  degree: (e: EntityNode) => e.degree,
};

/** Entity fields plus the typed relationship fields of one concrete type (declared in typedFields.ts). */
function concreteType(typeName: string) {
  const typed: Record<string, (e: EntityNode, _a: unknown, ctx: Ctx) => Promise<EntityNode[]>> = {};
  for (const [field, spec] of Object.entries(TYPED_FIELDS[typeName] ?? {})) typed[field] = (e, _a, ctx) => related(ctx, e, spec);
  return { ...entityFields, ...typed };
}

export function createResolvers(kindToType: Record<string, string>): Resolvers {
  return {
    Entity: {
      // No fallback: an entity of a kind the schema does not know is a fault to report, not a Concept.
      __resolveType: (e) => {
        const type = kindToType[e.kind];
        if (!type) throw new Error(`entity ${e.id} has kind ${e.kind}, which has no GraphQL type`);
        return type as never;
      },
    },
    Company: concreteType('Company'),
    Model: concreteType('Model'),
    Chip: concreteType('Chip'),
    Policy: concreteType('Policy'),
    Person: concreteType('Person'),
    DataCenter: concreteType('DataCenter'),
    Technique: concreteType('Technique'),
    Country: concreteType('Country'),
    Organization: concreteType('Organization'),
    Product: concreteType('Product'),
    Benchmark: concreteType('Benchmark'),
    Location: concreteType('Location'),
    Concept: concreteType('Concept'),
    Relationship: {
      label: (r, a, ctx) => {
        const v = ctx.vocabulary.relationshipTypes[r.type];
        return v ? (a.lang === 'ZH' ? v.zh : v.en) : r.type;
      },
      source: (r, _a, ctx) => relationshipEnd(ctx, r, r.source),
      target: (r, _a, ctx) => relationshipEnd(ctx, r, r.target),
      status: (r) => upper(r.status),
      evidenceSources: (r) => relationshipSources(r).map(sourceOut),
      evidence: (r, _a, ctx) => evidenceOut(ctx, r.evidence),
    },
    DateClaim: dateClaimResolvers,
    TimelineEvent: { sources: (ev) => ev.sources.map(sourceOut) },
    Subgraph: subgraphResolvers,
    Metric: {
      label: (m, a, ctx) => metricLabel(ctx, m.metric, a.lang),
    },
    Fact: {
      subject: async (f, _a, ctx) => (await ctx.loaders.entity.load(f.subject))!,
      status: (f) => upper(f.status),
      display: (f, a, ctx) => (a.lang === 'ZH' ? formatValueZh(f, ctx.vocabulary.unitsZh ?? {}) : formatValue(f)),
      metricLabel: (f, a, ctx) => metricLabel(ctx, f.metric, a.lang),
      unitLabel: (f, a, ctx) => (f.unit ? (a.lang === 'ZH' ? ctx.vocabulary.unitsZh?.[f.unit] : ctx.vocabulary.units[f.unit]) ?? f.unit : null),
      qualifier: (f, a) => (a.lang === 'ZH' && f.qualifierZh) || f.qualifier,
      source: (f) => sourceOut(factSource(f)),
      evidence: (f, _a, ctx) => evidenceOut(ctx, f.evidence),
    },
    Evidence: {
      note: (e, a) => (a.lang === 'ZH' && e.noteZh) || e.note,
      chapter: (e, a) => (a.lang === 'ZH' && e.chapterZh) || e.chapter,
      speakerName: async (e, _a, ctx) => (e.speaker ? ((await ctx.loaders.entity.load(e.speaker))?.name ?? null) : null),
    },
    Chapter: {
      title: (c, a) => localized(c, a.lang),
      url: async (c, _a, ctx) => youtubeUrl((await ctx.loaders.episode())?.youtubeId ?? '', c.startSeconds),
      entities: (c, _a, ctx) => ctx.loaders.chapterEntities.load(c.id),
      caption: (c, a) => (a.lang === 'ZH' && c.captionZh) || c.caption,
      focus: async (c, _a, ctx) => (await loadAllOrThrow(ctx.loaders.entity, c.focus)).filter((e): e is EntityNode => e !== null),
      graph: async (c, _a, ctx) => subgraph(ctx, await chapterGraph(ctx.db, c.id, c.focus, allowedTypes(ctx))),
    },
    Episode: {
      title: (ep, a) => localized(ep, a.lang),
      url: (ep) => youtubeUrl(ep.youtubeId),
      speakers: async (ep, _a, ctx) =>
        (await loadAllOrThrow(ctx.loaders.entity, ep.speakers)).filter((e): e is EntityNode => e !== null),
    },
    RelationshipTypeInfo: {
      label: (t, a) => (a.lang === 'ZH' ? t.zh : t.en),
    },
    Query: {
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
          depth: intArg(a.depth ?? 1, 'depth', 1, 3),
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
        const maxLength = intArg(a.maxLength ?? 6, 'maxLength', 1, 10);
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
    },
  };
}
