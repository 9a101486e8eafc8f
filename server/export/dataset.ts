// dataset.json: the whole graph as one JSON document (the records the API serves, evidence with its
// link and timestamp, centrality on the entities), with the licence and attribution inside.
import type { EpisodeRecord, Evidence, FactRecord, Vocabulary } from '../../core/domain/types.js';
import type { EntityNode, RelationshipEdge } from '../repository/records.js';
import { attribution, DATA_LICENSE, DATA_LICENSE_URL, LICENSE_PATH } from './license.js';
import { evidenceRow, type ExportContext } from './tables.js';

export interface DatasetJsonInput {
  ctx: ExportContext;
  episode: EpisodeRecord | null;
  entities: EntityNode[];
  relationships: RelationshipEdge[];
  facts: FactRecord[];
}

export function toDatasetJson({ ctx, episode, entities, relationships, facts }: DatasetJsonInput): string {
  const evidence = (list: Evidence[]) =>
    list.map((e) => {
      const row = evidenceRow(ctx, e);
      return { ...e, source: row.source, url: row.url || null, timestamp: row.timestamp || null };
    });
  const v: Vocabulary = ctx.vocabulary;
  const doc = {
    license: DATA_LICENSE,
    licenseUrl: DATA_LICENSE_URL,
    licenseText: LICENSE_PATH,
    attribution: attribution(episode),
    counts: { entities: entities.length, relationships: relationships.length, facts: facts.length },
    episode,
    vocabulary: { kinds: v.kinds, relationshipTypes: v.relationshipTypes, claimStatuses: v.claimStatuses, units: v.units, unitsZh: v.unitsZh, metrics: v.metrics },
    entities,
    relationships: relationships.map((r) => ({ ...r, evidence: evidence(r.evidence) })),
    facts: facts.map((f) => ({ ...f, evidence: evidence(f.evidence) })),
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}
