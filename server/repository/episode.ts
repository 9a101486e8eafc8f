import type { Executor } from '../../core/db/executor.js';
import { FINISHED_DATASET_HASH } from '../../core/db/graphState.js';
import type { ChapterRecord, EpisodeRecord } from '../../core/domain/types.js';
import { entityProjection, toEntity, type EntityNode } from './records.js';

export async function loadEpisode(db: Executor): Promise<EpisodeRecord | null> {
  const rows = await db.read({
    cypher: `MATCH (ep:Episode)
OPTIONAL MATCH (ep)-[:HAS_CHAPTER]->(c:Chapter)
WITH ep, c ORDER BY c.index
RETURN ep {.*} AS ep, collect(c {.*}) AS chapters`,
    params: {},
  });
  const row = rows[0];
  return row ? toEpisode(row) : null;
}

/**
 * The episode, its speakers (every evidence names one) and the stored dataset fingerprint, read together
 * so the fingerprint says exactly which dataset they came from (null while a load runs or without a marker).
 */
export async function loadEpisodeWithSpeakers(db: Executor): Promise<{ episode: EpisodeRecord; speakers: EntityNode[]; hash: string | null } | null> {
  const rows = await db.read({
    cypher: `MATCH (ep:Episode)
WITH ep LIMIT 1
${FINISHED_DATASET_HASH}
CALL (ep) { OPTIONAL MATCH (ep)-[:HAS_CHAPTER]->(c:Chapter) WITH c ORDER BY c.index RETURN collect(c {.*}) AS chapters }
CALL (ep) { OPTIONAL MATCH (s:Entity) WHERE s.id IN ep.speakers RETURN collect(${entityProjection('s')}) AS speakers }
RETURN ep {.*} AS ep, chapters, speakers, hash`,
    params: {},
  });
  const row = rows[0];
  if (!row) return null;
  return { episode: toEpisode(row), speakers: (row.speakers as Record<string, unknown>[]).map(toEntity), hash: (row.hash as string | null) ?? null };
}

function toEpisode(row: Record<string, unknown>): EpisodeRecord {
  const ep = row.ep as Record<string, unknown>;
  return {
    id: String(ep.id),
    number: Number(ep.number),
    title: String(ep.title),
    titleZh: (ep.titleZh as string | undefined) ?? null,
    podcast: String(ep.podcast),
    published: String(ep.published),
    youtubeId: String(ep.youtubeId),
    durationSeconds: Number(ep.durationSeconds),
    speakers: (ep.speakers as string[] | undefined) ?? [],
    chapters: (row.chapters as Record<string, unknown>[]).map(
      (c): ChapterRecord => ({
        id: String(c.id),
        index: Number(c.index),
        title: String(c.title),
        titleZh: (c.titleZh as string | undefined) ?? null,
        startSeconds: Number(c.startSeconds),
        endSeconds: Number(c.endSeconds),
        caption: (c.caption as string | undefined) ?? null,
        captionZh: (c.captionZh as string | undefined) ?? null,
        focus: (c.focus as string[] | undefined) ?? [],
      }),
    ),
  };
}
