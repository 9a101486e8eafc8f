// Query.entity in one statement when the query asks for the entity's facts or relationships: the
// entity, its facts, its relationships and their other ends come in one round trip and are handed to
// the loaders, so the child fields resolve without a statement of their own.
import type { GraphQLResolveInfo } from 'graphql';
import { entityDetail } from '../repository/entityDetail.js';
import type { EntityNode } from '../repository/records.js';
import type { GraphQLContext } from './context.js';
import { selectedFields, union } from './selection.js';
import { TYPED_FIELDS } from './typedFields.js';

/** Typed relationship fields (Company.models, ...): answered from the relationships, no properties of their own. */
const TYPED = new Set(Object.values(TYPED_FIELDS).flatMap((f) => Object.keys(f)));

export async function entityInOneStatement(ctx: GraphQLContext, id: string, info: GraphQLResolveInfo): Promise<EntityNode | null> {
  const fields = selectedFields(info);
  const facts = fields.has('facts');
  const relationships = fields.has('relationships') || [...fields].some((f) => TYPED.has(f));
  if (!facts && !relationships) return ctx.loaders.entity.load(id);
  const d = await entityDetail(ctx.db, id, {
    facts,
    relationships,
    relationshipFields: selectedFields(info, ['relationships']),
    endFields: union(selectedFields(info, ['relationships', 'source']), selectedFields(info, ['relationships', 'target'])),
  });
  if (!d) return null;
  ctx.loaders.sawDataset(d.hash);
  ctx.loaders.prime([d.entity]);
  if (d.facts) ctx.loaders.factsOf.prime(id, d.facts);
  if (d.relationships) {
    ctx.loaders.relationshipsOf.prime(id, d.relationships);
    ctx.loaders.primeEnds(d.relationships, [d.entity, ...d.ends]);
  }
  return d.entity;
}
