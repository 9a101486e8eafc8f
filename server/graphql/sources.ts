// What the episode said and what cited pages state, served side by side: the `source` of facts,
// evidence and date claims, the filters by source, and date claims labelled in both languages.
import type { DateClaimRecord, EvidenceSource, FactRecord, RelationshipRecord } from '../domain/types.js';
import type { EntityNode } from '../repository/records.js';
import type { GraphQLContext } from './context.js';
import { evidenceOut, sourceIn, sourceOut } from './evidence.js';
import type { EvidenceSource as SourceArg, Lang } from './generated/resolvers.js';

type Ctx = GraphQLContext;

/** A fact holds one kind of evidence (the validator's rule), so its first item says which. */
export const factSource = (f: FactRecord): EvidenceSource => f.evidence[0]?.source ?? 'episode';

export const relationshipSources = (r: RelationshipRecord): EvidenceSource[] => [...new Set(r.evidence.map((e) => e.source))].sort();

/** Kept by a filter on `source`: a relationship when any of its evidence is of that kind. */
export function keepRelationship(r: RelationshipRecord, source: SourceArg | null | undefined): boolean {
  const want = sourceIn(source);
  return want === null || r.evidence.some((e) => e.source === want);
}

export const entitySourceFields = {
  facts: async (e: EntityNode, a: { source?: SourceArg | null }, ctx: Ctx) => {
    const facts = await ctx.loaders.factsOf.load(e.id);
    const want = sourceIn(a.source);
    return want === null ? facts : facts.filter((f) => factSource(f) === want);
  },
  dateClaims: async (e: EntityNode, a: { source?: SourceArg | null }, ctx: Ctx) => {
    const claims = await ctx.loaders.dateClaimsOf.load(e.id);
    const want = sourceIn(a.source);
    return want === null ? claims : claims.filter((c) => c.source === want);
  },
};

export const dateClaimResolvers = {
  label: (c: DateClaimRecord, a: { lang: Lang }, ctx: Ctx) => {
    const label = ctx.vocabulary.dateKeys?.[c.key];
    return label ? (a.lang === 'ZH' ? label.zh : label.en) : c.key;
  },
  source: (c: DateClaimRecord) => sourceOut(c.source),
  evidence: (c: DateClaimRecord, _a: unknown, ctx: Ctx) => evidenceOut(ctx, c.evidence),
};
