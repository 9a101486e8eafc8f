// Evidence as GraphQL serves it. Episode: the chapter title, an h:mm:ss timestamp and a YouTube link at
// that second. Reference: the cited page's address and publisher, with no chapter, second or speaker.
import { formatTimestamp } from '../domain/format.js';
import { youtubeUrl, type Evidence, type EvidenceSource } from '../domain/types.js';
import type { GraphQLContext } from './context.js';
import type { EvidenceSource as EvidenceSourceOut } from './generated/resolvers.js';

export interface EvidenceOut {
  source: EvidenceSourceOut;
  chapter: string | null;
  chapterId: string | null;
  atSeconds: number | null;
  timestamp: string | null;
  speaker: string | null;
  publisher: string | null;
  note: string;
  noteZh: string | null;
  chapterZh: string | null;
  url: string;
}

export const sourceOut = (s: EvidenceSource): EvidenceSourceOut => (s === 'reference' ? 'REFERENCE' : 'EPISODE');
export const sourceIn = (s: EvidenceSourceOut | null | undefined): EvidenceSource | null =>
  s === 'REFERENCE' ? 'reference' : s === 'EPISODE' ? 'episode' : null;

export async function evidenceOut(ctx: GraphQLContext, list: Evidence[]): Promise<EvidenceOut[]> {
  const ep = await ctx.loaders.episode();
  const youtubeId = ep?.youtubeId ?? '';
  const chapters = new Map((ep?.chapters ?? []).map((c) => [c.id, c]));
  return list.map((e) => {
    const common = { source: sourceOut(e.source), note: e.note, noteZh: e.noteZh ?? null };
    if (e.source === 'reference' || e.atSeconds === null)
      return { ...common, chapter: null, chapterZh: null, chapterId: null, atSeconds: null, timestamp: null, speaker: null, publisher: e.publisher ?? null, url: e.url ?? '' };
    return {
      ...common,
      chapter: chapters.get(e.chapter)?.title ?? null,
      chapterZh: chapters.get(e.chapter)?.titleZh ?? null,
      chapterId: e.chapter || null,
      atSeconds: e.atSeconds,
      timestamp: formatTimestamp(e.atSeconds),
      speaker: e.speaker,
      publisher: null,
      url: youtubeUrl(youtubeId, e.atSeconds),
    };
  });
}
