// Resolvers stay thin: validate arguments, call a repository or a DataLoader, shape the answer. The root
// Query is in queryResolvers.ts, the entity types' fields in entityTypes.ts.
import { formatValue, formatValueZh } from '../../core/domain/format.js';
import { youtubeUrl } from '../../core/domain/types.js';
import { chapterGraph } from '../repository/chapterGraph.js';
import type { EntityNode, RelationshipEdge } from '../repository/records.js';
import type { GraphQLContext } from './context.js';
import { allowedTypes } from './args.js';
import { concreteType } from './entityTypes.js';
import { notFound } from './errors.js';
import { loadAllOrThrow } from './loaders.js';
import { evidenceOut, sourceOut } from './evidence.js';
import { dateClaimResolvers, factSource, relationshipSources } from './sources.js';
import type { ClaimStatus, Lang, Resolvers } from './generated/resolvers.js';
import { queryResolvers } from './queryResolvers.js';
import { subgraph } from './subgraph.js';
import { subgraphResolvers } from './subgraphLayout.js';

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

const upper = (s: string): ClaimStatus => s.toUpperCase() as ClaimStatus;
const localized = <T extends { title: string; titleZh: string | null }>(o: T, lang: Lang): string =>
  lang === 'ZH' ? (o.titleZh ?? o.title) : o.title;

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
    Query: queryResolvers,
  };
}
