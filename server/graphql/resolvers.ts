// Resolvers stay thin: validate arguments, call a repository or a DataLoader, shape the answer.
import { formatTimestamp, formatValue } from '../domain/format.js';
import { youtubeUrl, type Evidence, type FactRecord } from '../domain/types.js';
import { countEntities, listEntities } from '../repository/entities.js';
import { graphStats } from '../repository/stats.js';
import { findFacts, metricsWithFacts } from '../repository/facts.js';
import { neighborhood, shortestPath, wholeGraph, type SubgraphResult } from '../repository/graph.js';
import type { EntityNode, RelationshipEdge } from '../repository/records.js';
import { relationshipTypeCounts } from '../repository/relationships.js';
import { searchEntities } from '../repository/search.js';
import { timeline } from '../repository/timeline.js';
import type { GraphQLContext } from './context.js';
import { badInput, notFound } from './errors.js';
import { TYPED_FIELDS, type TypedField } from './typedFields.js';

type Lang = 'EN' | 'ZH';
type Ctx = GraphQLContext;
type Args = Record<string, unknown>;

const DATE_RE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
const MAX_TEXT = 200;

function intArg(value: unknown, name: string, min: number, max: number): number {
  const n = value as number;
  if (!Number.isInteger(n) || n < min || n > max) throw badInput(`${name} must be from ${min} to ${max} (got ${String(value)})`, name);
  return n;
}

function idArg(value: unknown, name: string): string {
  const s = String(value);
  if (s.length === 0 || s.length > MAX_TEXT) throw badInput(`${name} must be 1 to ${MAX_TEXT} characters`, name);
  return s;
}

function typesArg(ctx: Ctx, value: unknown, name = 'relationshipTypes'): string[] {
  const list = (value as string[] | null | undefined) ?? [];
  const unknown = list.filter((t) => !ctx.vocabulary.relationshipTypes[t]);
  if (unknown.length)
    throw badInput(`unknown relationship type(s) ${unknown.join(', ')}; see the relationshipTypes query`, name);
  return list;
}

const kindsArg = (value: unknown): string[] => (value as string[] | null | undefined) ?? [];
const allowedTypes = (ctx: Ctx): string[] => Object.keys(ctx.vocabulary.relationshipTypes);

const encodeCursor = (id: string): string => Buffer.from(`e:${id}`).toString('base64url');
function decodeCursor(cursor: unknown): string | null {
  if (cursor === null || cursor === undefined) return null;
  const raw = Buffer.from(String(cursor), 'base64url').toString('utf8');
  if (!raw.startsWith('e:') || raw.length > MAX_TEXT) throw badInput('after is not a cursor returned by this API', 'after');
  return raw.slice(2);
}

function subgraph(ctx: Ctx, s: SubgraphResult): SubgraphResult {
  ctx.loaders.prime(s.nodes);
  return s;
}

async function evidenceOut(ctx: Ctx, list: Evidence[]) {
  const ep = await ctx.loaders.episode();
  const youtubeId = ep?.youtubeId ?? '';
  const chapters = new Map((ep?.chapters ?? []).map((c) => [c.id, c]));
  return list.map((e) => ({
    chapter: chapters.get(e.chapter)?.title ?? null,
    chapterId: e.chapter || null,
    atSeconds: e.atSeconds,
    timestamp: formatTimestamp(e.atSeconds),
    speaker: e.speaker,
    speakerId: e.speaker,
    note: e.note,
    url: youtubeUrl(youtubeId, e.atSeconds),
  }));
}

async function related(ctx: Ctx, entity: EntityNode, spec: TypedField): Promise<EntityNode[]> {
  const rels = await ctx.loaders.relationshipsOf.load(entity.id);
  const ids = new Set<string>();
  for (const r of rels) {
    if (!spec.types.includes(r.type)) continue;
    if ((spec.direction === 'OUT' || spec.direction === 'BOTH') && r.source === entity.id) ids.add(r.target);
    if ((spec.direction === 'IN' || spec.direction === 'BOTH') && r.target === entity.id) ids.add(r.source);
  }
  const found = (await ctx.loaders.entity.loadMany([...ids])).filter((e): e is EntityNode => !!e && !(e instanceof Error));
  return spec.kinds ? found.filter((e) => spec.kinds!.includes(e.kind)) : found;
}

const entityFields = {
  label: (e: EntityNode, a: { lang: Lang }) => (a.lang === 'ZH' ? (e.nameZh ?? e.name) : e.name),
  summary: (e: EntityNode, a: { lang: Lang }) => (a.lang === 'ZH' ? (e.summaryZh ?? e.summaryEn) : e.summaryEn),
  dates: (e: EntityNode) => e.dates,
  firstMentionSeconds: (e: EntityNode) => e.firstSeconds,
  firstMentionUrl: async (e: EntityNode, _a: Args, ctx: Ctx) => {
    if (e.firstSeconds === null) return null;
    const ep = await ctx.loaders.episode();
    return ep ? youtubeUrl(ep.youtubeId, e.firstSeconds) : null;
  },
  chapters: async (e: EntityNode, _a: Args, ctx: Ctx) => {
    const ep = await ctx.loaders.episode();
    return (ep?.chapters ?? []).filter((c) => e.chapters.includes(c.id));
  },
  facts: (e: EntityNode, _a: Args, ctx: Ctx) => ctx.loaders.factsOf.load(e.id),
  relationships: async (e: EntityNode, a: { types?: string[] | null; direction?: string | null; first?: number | null }, ctx: Ctx) => {
    const types = typesArg(ctx, a.types, 'types');
    const first = a.first === null || a.first === undefined ? 500 : intArg(a.first, 'first', 0, 500);
    const dir = a.direction ?? 'BOTH';
    const rels = await ctx.loaders.relationshipsOf.load(e.id);
    return rels
      .filter((r) => types.length === 0 || types.includes(r.type))
      .filter((r) => dir === 'BOTH' || (dir === 'OUT' ? r.source === e.id : r.target === e.id))
      .slice(0, first);
  },
  degree: (e: EntityNode) => e.degree,
};

function concreteTypeResolvers(): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [typeName, fields] of Object.entries(TYPED_FIELDS)) {
    const typed: Record<string, unknown> = {};
    for (const [field, spec] of Object.entries(fields))
      typed[field] = (e: EntityNode, _a: Args, ctx: Ctx) => related(ctx, e, spec);
    out[typeName] = { ...entityFields, ...typed };
  }
  return out;
}

export function createResolvers(kindToType: Record<string, string>) {
  return {
    Entity: {
      __resolveType: (e: EntityNode) => kindToType[e.kind] ?? null,
    },
    ...concreteTypeResolvers(),
    Relationship: {
      label: (r: RelationshipEdge, a: { lang: Lang }, ctx: Ctx) => {
        const v = ctx.vocabulary.relationshipTypes[r.type];
        return v ? (a.lang === 'ZH' ? v.zh : v.en) : r.type;
      },
      source: (r: RelationshipEdge, _a: Args, ctx: Ctx) => ctx.loaders.entity.load(r.source),
      target: (r: RelationshipEdge, _a: Args, ctx: Ctx) => ctx.loaders.entity.load(r.target),
      status: (r: RelationshipEdge) => r.status.toUpperCase(),
      evidence: (r: RelationshipEdge, _a: Args, ctx: Ctx) => evidenceOut(ctx, r.evidence),
    },
    Fact: {
      subject: (f: FactRecord, _a: Args, ctx: Ctx) => ctx.loaders.entity.load(f.subject),
      status: (f: FactRecord) => f.status.toUpperCase(),
      display: (f: FactRecord) => formatValue(f),
      evidence: (f: FactRecord, _a: Args, ctx: Ctx) => evidenceOut(ctx, f.evidence),
    },
    Evidence: {
      speakerName: async (e: { speakerId: string }, _a: Args, ctx: Ctx) => (await ctx.loaders.entity.load(e.speakerId))?.name ?? null,
    },
    Chapter: {
      title: (c: { title: string; titleZh: string | null }, a: { lang: Lang }) => (a.lang === 'ZH' ? (c.titleZh ?? c.title) : c.title),
      url: async (c: { startSeconds: number }, _a: Args, ctx: Ctx) => youtubeUrl((await ctx.loaders.episode())?.youtubeId ?? '', c.startSeconds),
      entities: (c: { id: string }, _a: Args, ctx: Ctx) => ctx.loaders.chapterEntities.load(c.id),
    },
    Episode: {
      title: (ep: { title: string; titleZh: string | null }, a: { lang: Lang }) => (a.lang === 'ZH' ? (ep.titleZh ?? ep.title) : ep.title),
      url: (ep: { youtubeId: string }) => `https://www.youtube.com/watch?v=${ep.youtubeId}`,
      speakers: async (ep: { speakers: string[] }, _a: Args, ctx: Ctx) =>
        (await ctx.loaders.entity.loadMany(ep.speakers)).filter((e) => e && !(e instanceof Error)),
    },
    RelationshipTypeInfo: {
      label: (t: { en: string; zh: string }, a: { lang: Lang }) => (a.lang === 'ZH' ? t.zh : t.en),
    },
    Query: {
      search: async (_: unknown, a: Args, ctx: Ctx) => {
        const text = String(a.text ?? '');
        if (text.length > MAX_TEXT) throw badInput(`text must be at most ${MAX_TEXT} characters`, 'text');
        const first = intArg(a.first ?? 10, 'first', 1, 50);
        const hits = await searchEntities(ctx.db, text, kindsArg(a.kinds), first);
        ctx.loaders.prime(hits.map((h) => h.entity));
        return hits;
      },
      entity: async (_: unknown, a: Args, ctx: Ctx) => {
        const id = idArg(a.id, 'id');
        const e = await ctx.loaders.entity.load(id);
        if (!e) throw notFound(`no entity with id "${id}"; try the search query`);
        return e;
      },
      entities: async (_: unknown, a: Args, ctx: Ctx) => {
        const first = intArg(a.first ?? 50, 'first', 1, 100);
        const kind = (a.kind as string | null | undefined) ?? null;
        const [page, totalCount] = await Promise.all([
          listEntities(ctx.db, kind, first, decodeCursor(a.after)),
          countEntities(ctx.db, kind),
        ]);
        ctx.loaders.prime(page.items);
        const edges = page.items.map((node) => ({ cursor: encodeCursor(node.id), node }));
        return {
          edges,
          nodes: page.items,
          totalCount,
          pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
        };
      },
      relationship: async (_: unknown, a: Args, ctx: Ctx) => {
        const id = idArg(a.id, 'id');
        const r = await ctx.loaders.relationship.load(id);
        if (!r) throw notFound(`no relationship with id "${id}"`);
        return r;
      },
      neighborhood: async (_: unknown, a: Args, ctx: Ctx) => {
        const id = idArg(a.id, 'id');
        const opts = {
          depth: intArg(a.depth ?? 1, 'depth', 1, 3),
          kinds: kindsArg(a.kinds),
          types: typesArg(ctx, a.relationshipTypes),
          limit: intArg(a.limit ?? 200, 'limit', 1, 1000),
        };
        const s = await neighborhood(ctx.db, id, opts, allowedTypes(ctx));
        if (!s) throw notFound(`no entity with id "${id}"; try the search query`);
        return subgraph(ctx, s);
      },
      shortestPath: async (_: unknown, a: Args, ctx: Ctx) => {
        const from = idArg(a.from, 'from');
        const to = idArg(a.to, 'to');
        const maxLength = intArg(a.maxLength ?? 6, 'maxLength', 1, 10);
        const ends = await ctx.loaders.entity.loadMany([from, to]);
        ends.forEach((e, i) => {
          if (!e || e instanceof Error) throw notFound(`no entity with id "${i === 0 ? from : to}"`);
        });
        const s = await shortestPath(ctx.db, from, to, maxLength, allowedTypes(ctx));
        return s ? subgraph(ctx, s) : null;
      },
      graph: async (_: unknown, a: Args, ctx: Ctx) => {
        const asOf = (a.asOf as string | null | undefined) ?? null;
        if (asOf !== null && !DATE_RE.test(asOf)) throw badInput('asOf must be YYYY, YYYY-MM or YYYY-MM-DD', 'asOf');
        const opts = {
          kinds: kindsArg(a.kinds),
          types: typesArg(ctx, a.relationshipTypes),
          asOf,
          limit: intArg(a.limit ?? 5000, 'limit', 1, 20000),
        };
        return subgraph(ctx, await wholeGraph(ctx.db, opts, allowedTypes(ctx)));
      },
      facts: (_: unknown, a: Args, ctx: Ctx) =>
        findFacts(ctx.db, {
          metric: (a.metric as string | null | undefined) ?? null,
          subject: a.subject ? idArg(a.subject, 'subject') : null,
          first: intArg(a.first ?? 200, 'first', 1, 1000),
        }),
      metrics: (_: unknown, a: Args, ctx: Ctx) => metricsWithFacts(ctx.db, intArg(a.minEntities ?? 2, 'minEntities', 1, 1000)),
      timeline: (_: unknown, a: Args, ctx: Ctx) => timeline(ctx.db, kindsArg(a.kinds)),
      relationshipTypes: async (_: unknown, _a: Args, ctx: Ctx) => {
        const counts = await relationshipTypeCounts(ctx.db);
        return Object.entries(ctx.vocabulary.relationshipTypes).map(([type, v]) => ({ type, ...v, count: counts.get(type) ?? 0 }));
      },
      stats: async (_: unknown, _a: Args, ctx: Ctx) => {
        const [s, ep] = await Promise.all([graphStats(ctx.db), ctx.loaders.episode()]);
        return {
          entities: s.entities,
          relationships: s.relationships,
          facts: s.facts,
          chapters: ep?.chapters.length ?? 0,
          byKind: Object.entries(s.byKind).map(([kind, count]) => ({ kind, count })),
          byType: Object.entries(s.byType).map(([type, count]) => ({ type, count })),
        };
      },
      episode: async (_: unknown, _a: Args, ctx: Ctx) => {
        const ep = await ctx.loaders.episode();
        if (!ep) throw notFound('the episode is not loaded yet; run `npm run seed`');
        return ep;
      },
    },
  };
}

