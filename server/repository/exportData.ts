// Everything the /export downloads need, read in ONE statement so the files of one download come from
// one snapshot (a reload between two reads could otherwise mix datasets). Relationship types are
// checked against the vocabulary (a parameter, not spliced), the counts match graphStats.
import type { Executor } from '../../core/db/executor.js';
import type { FactRecord } from '../../core/domain/types.js';
import { entityProjection, relationshipProjection, toEntity, toFact, toRelationship, type EntityNode, type RelationshipEdge } from './records.js';

export interface ExportRows {
  entities: EntityNode[];
  relationships: RelationshipEdge[];
  facts: FactRecord[];
}

export async function readExportRows(db: Executor, relationshipTypes: string[], timeoutMs?: number): Promise<ExportRows> {
  const [row] = await db.read(
    {
      cypher: `CALL () { MATCH (e:Entity) WITH e ORDER BY e.id RETURN collect(${entityProjection()}) AS entities }
CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE type(r) IN $types WITH r ORDER BY r.id RETURN collect(${relationshipProjection()}) AS relationships }
CALL () { MATCH (f:Fact) WITH f ORDER BY f.id RETURN collect(f {.*}) AS facts }
RETURN entities, relationships, facts`,
      params: { types: relationshipTypes },
    },
    timeoutMs ? { timeoutMs } : undefined,
  );
  const list = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  return {
    entities: list(row?.entities).map(toEntity),
    relationships: list(row?.relationships).map(toRelationship),
    facts: list(row?.facts).map(toFact),
  };
}
