import type { Executor } from '../db/executor.js';
import type { ChapterRecord, EpisodeRecord } from '../domain/types.js';

export async function loadEpisode(db: Executor): Promise<EpisodeRecord | null> {
  const rows = await db.read({
    cypher: `MATCH (ep:Episode)
OPTIONAL MATCH (ep)-[:HAS_CHAPTER]->(c:Chapter)
WITH ep, c ORDER BY c.index
RETURN ep {.*} AS ep, collect(c {.*}) AS chapters`,
    params: {},
  });
  const row = rows[0];
  if (!row) return null;
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
