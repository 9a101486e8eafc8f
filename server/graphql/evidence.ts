// Evidence as GraphQL serves it: the chapter title, an h:mm:ss timestamp and a YouTube link at that second.
import { formatTimestamp } from '../../core/domain/format.js';
import { youtubeUrl, type Evidence } from '../../core/domain/types.js';
import type { GraphQLContext } from './context.js';

export interface EvidenceOut {
  chapter: string | null;
  chapterId: string | null;
  atSeconds: number;
  timestamp: string;
  speaker: string;
  note: string;
  noteZh: string | null;
  chapterZh: string | null;
  url: string;
}

export async function evidenceOut(ctx: GraphQLContext, list: Evidence[]): Promise<EvidenceOut[]> {
  const ep = await ctx.loaders.episode();
  const youtubeId = ep?.youtubeId ?? '';
  const chapters = new Map((ep?.chapters ?? []).map((c) => [c.id, c]));
  return list.map((e) => ({
    chapter: chapters.get(e.chapter)?.title ?? null,
    chapterZh: chapters.get(e.chapter)?.titleZh ?? null,
    chapterId: e.chapter || null,
    atSeconds: e.atSeconds,
    timestamp: formatTimestamp(e.atSeconds),
    speaker: e.speaker,
    note: e.note,
    noteZh: e.noteZh ?? null,
    url: youtubeUrl(youtubeId, e.atSeconds),
  }));
}
