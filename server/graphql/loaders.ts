// Per-request DataLoaders: each request shape costs one query however many entities it touches.
import DataLoader from 'dataloader';
import type { Executor } from '../db/executor.js';
import type { DateClaimRecord, EpisodeRecord, FactRecord } from '../domain/types.js';
import { dateClaimsOfEntities } from '../repository/dateClaims.js';
import { entitiesByIds, entitiesInChapters } from '../repository/entities.js';
import { loadEpisode } from '../repository/episode.js';
import { factsOfEntities } from '../repository/facts.js';
import type { EntityNode, RelationshipEdge } from '../repository/records.js';
import { relationshipsByIds, relationshipsOfEntities } from '../repository/relationships.js';

export interface Loaders {
  entity: DataLoader<string, EntityNode | null>;
  relationshipsOf: DataLoader<string, RelationshipEdge[]>;
  relationship: DataLoader<string, RelationshipEdge | null>;
  factsOf: DataLoader<string, FactRecord[]>;
  dateClaimsOf: DataLoader<string, DateClaimRecord[]>;
  chapterEntities: DataLoader<string, EntityNode[]>;
  episode: () => Promise<EpisodeRecord | null>;
  /** Entities fetched by other queries (search, subgraphs) are primed so they are not fetched again. */
  prime(entities: EntityNode[]): void;
  /**
   * The entity itself when this request already has it (primed), else a promise. Edges of a 200-node
   * neighborhood resolve 400 ends: a plain value spares graphql-js a promise per field.
   */
  entityNow(id: string): EntityNode | null | Promise<EntityNode | null>;
}

/**
 * loadMany without its silent failures: DataLoader hands back a failed batch as Error values among the
 * results, and filtering them out turned "Neo4j is down" into an empty list or NOT_FOUND.
 */
export async function loadAllOrThrow<K, V>(loader: DataLoader<K, V>, keys: readonly K[]): Promise<V[]> {
  const results = await loader.loadMany(keys);
  const failed = results.find((r): r is Error => r instanceof Error);
  if (failed) throw failed;
  return results as V[];
}

export function createLoaders(db: Executor): Loaders {
  const byKey = <V>(fetch: (ids: readonly string[]) => Promise<Map<string, V>>, empty: V) =>
    new DataLoader<string, V>(async (ids) => {
      const found = await fetch(ids);
      return ids.map((id) => found.get(id) ?? empty);
    }, { maxBatchSize: 1000 });

  const entity = byKey<EntityNode | null>((ids) => entitiesByIds(db, ids), null);
  const primed = new Map<string, EntityNode>();
  let episode: Promise<EpisodeRecord | null> | null = null;
  return {
    entity,
    relationshipsOf: byKey((ids) => relationshipsOfEntities(db, ids), [] as RelationshipEdge[]),
    relationship: byKey<RelationshipEdge | null>((ids) => relationshipsByIds(db, ids), null),
    factsOf: byKey((ids) => factsOfEntities(db, ids), [] as FactRecord[]),
    dateClaimsOf: byKey((ids) => dateClaimsOfEntities(db, ids), [] as DateClaimRecord[]),
    chapterEntities: byKey((ids) => entitiesInChapters(db, ids), [] as EntityNode[]),
    episode: () => (episode ??= loadEpisode(db)),
    prime(entities) {
      for (const e of entities) {
        entity.prime(e.id, e);
        primed.set(e.id, e);
      }
    },
    entityNow: (id) => primed.get(id) ?? entity.load(id),
  };
}
