// The concrete entity types (Company, Model, ...): the fields every entity shares (the Entity
// interface) plus each type's typed relationship fields, declared in typedFields.ts.
import { inLang } from '../../core/domain/names.js';
import { youtubeUrl } from '../../core/domain/types.js';
import type { EntityNode } from '../repository/records.js';
import type { GraphQLContext } from './context.js';
import { intArg, typesArg } from './args.js';
import type { EntityKind, Lang } from './generated/resolvers.js';
import { LIMITS } from './limits.js';
import { loadAllOrThrow } from './loaders.js';
import { entitySourceFields, keepRelationship } from './sources.js';
import { TYPED_FIELDS, type TypedField } from './typedFields.js';

type Ctx = GraphQLContext;

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
    const max = LIMITS.relationshipsFirst;
    const first = a.first === null || a.first === undefined ? max : intArg(a.first, 'first', 0, max);
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
export function concreteType(typeName: string) {
  const typed: Record<string, (e: EntityNode, _a: unknown, ctx: Ctx) => Promise<EntityNode[]>> = {};
  for (const [field, spec] of Object.entries(TYPED_FIELDS[typeName] ?? {})) typed[field] = (e, _a, ctx) => related(ctx, e, spec);
  return { ...entityFields, ...typed };
}
