// The vocabulary's terms as the server serves them (/api/vocabulary): which kinds, claim statuses and
// relationship types exist, in the vocabulary's order, and what kinds are called. The client keeps no
// list of its own; the types come from the GraphQL schema, which a server test holds to the vocabulary.
import { kindName as nameOfKind } from '../../core/domain/names.js';
import type { Vocabulary } from '../../core/domain/types.js';
import type { ClaimStatus, EntityKind } from '../../core/generated/schema.js';
import { getLang } from './i18n.js';

let vocab: Vocabulary | null = null;

export function setVocabulary(v: Vocabulary | null): void {
  vocab = v;
}

/** Every kind, in the vocabulary's order; [] until the vocabulary has arrived. */
export const kinds = (): EntityKind[] => (vocab ? (Object.keys(vocab.kinds) as EntityKind[]) : []);

/** Every claim status as the API writes it (the vocabulary's keys are lower case); [] until it has arrived. */
export const statuses = (): ClaimStatus[] => (vocab ? Object.keys(vocab.claimStatuses).map((s) => s.toUpperCase() as ClaimStatus) : []);

/** Whether an edge of this type is one of the dataset's relationships (a console result may hold others). */
export const isRelationshipType = (type: string): boolean => !vocab || Object.hasOwn(vocab.relationshipTypes, type);

export function kindName(kind: string): string {
  return nameOfKind(getLang(), kind, vocab?.kinds[kind]);
}
