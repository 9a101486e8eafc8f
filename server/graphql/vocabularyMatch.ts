// The vocabulary (seed/data/vocabulary.yaml) is the one list of kinds, relationship types and claim
// statuses; the GraphQL schema must say the same. Checked by a unit test against the real files, and
// at start-up against the vocabulary being served, so a kind the schema lacks stops the server with a
// message instead of answering every query about it wrongly.
import { buildSchema, GraphQLEnumType, GraphQLObjectType } from 'graphql';
import type { Vocabulary } from '../../core/domain/types.js';
import { TYPED_FIELDS } from './typedFields.js';

type Terms = Pick<Vocabulary, 'kinds' | 'relationshipTypes' | 'claimStatuses'>;

const enumValues = (sdl: ReturnType<typeof buildSchema>, name: string): string[] => {
  const t = sdl.getType(name);
  return t instanceof GraphQLEnumType ? t.getValues().map((v) => v.name) : [];
};

function difference(label: string, vocab: string[], schema: string[], out: string[]): void {
  for (const v of vocab) if (!schema.includes(v)) out.push(`${label} ${v} is in the vocabulary but not in the GraphQL schema`);
  for (const s of schema) if (!vocab.includes(s)) out.push(`${label} ${s} is in the GraphQL schema but not in the vocabulary`);
}

/** Every disagreement between the schema's SDL and the vocabulary, in both directions; [] when they match. */
export function vocabularyMismatches(sdl: string, vocab: Terms): string[] {
  const schema = buildSchema(sdl);
  const out: string[] = [];
  difference('kind', Object.keys(vocab.kinds), enumValues(schema, 'EntityKind'), out);
  difference('claim status', Object.keys(vocab.claimStatuses).map((s) => s.toUpperCase()), enumValues(schema, 'ClaimStatus'), out);
  const entity = schema.getType('Entity');
  const implementers = Object.values(schema.getTypeMap())
    .filter((t): t is GraphQLObjectType => t instanceof GraphQLObjectType && t.getInterfaces().some((i) => i === entity))
    .map((t) => t.name);
  difference('entity type', Object.values(vocab.kinds).map((k) => k.label), implementers, out);
  for (const [type, fields] of Object.entries(TYPED_FIELDS))
    for (const [field, spec] of Object.entries(fields))
      for (const rel of spec.types)
        if (!Object.hasOwn(vocab.relationshipTypes, rel)) out.push(`relationship type ${rel} (${type}.${field}) is not in the vocabulary`);
  return out;
}
