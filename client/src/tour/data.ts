// What the tour asks the API: the chapters once (titles, captions in both languages, YouTube starts,
// focus entities) and each step's part of the graph when it is first shown, kept for going back.
import { gqlRetrying } from '../api.js';
import type { Subgraph, TypeInfo } from '../queries.js';

export interface TourChapter {
  id: string;
  index: number;
  titleEn: string;
  titleZh: string;
  startSeconds: number;
  url: string;
  captionEn: string | null;
  captionZh: string | null;
  focus: { id: string }[];
}

// The same node and edge fields as the explorer's own graph queries (queries.ts), so the canvas takes them as is.
const NODE_FIELDS = 'id kind name labelZh: label(lang: ZH) firstMentionSeconds dates { founded released announced effective published }';
const EDGE_FIELDS = 'id type status since source { id } target { id }';

export const CHAPTERS = `query TourChapters {
  episode { chapters { id index titleEn: title(lang: EN) titleZh: title(lang: ZH) startSeconds url
    captionEn: caption(lang: EN) captionZh: caption(lang: ZH) focus { id } } }
  relationshipTypes { type labelEn: label(lang: EN) labelZh: label(lang: ZH) count }
}`;

export const CHAPTER_GRAPH = `query TourStep($index: Int!) {
  chapter(index: $index) { id graph { nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } truncated } }
}`;

// A chapter's graph is found by scanning relationships for the chapter's evidence; on a busy server that
// can hit the query time limit and then succeed (warm caches): tried up to TIMEOUT_TRIES times.
const TIMEOUT_TRIES = 8;

let chapters: Promise<{ chapters: TourChapter[]; types: TypeInfo[] }> | null = null;

export function loadChapters(): Promise<{ chapters: TourChapter[]; types: TypeInfo[] }> {
  chapters ??= gqlRetrying<{ episode: { chapters: TourChapter[] }; relationshipTypes: TypeInfo[] }>(CHAPTERS, {}, TIMEOUT_TRIES)
    .then((d) => ({ chapters: [...d.episode.chapters].sort((a, b) => a.index - b.index), types: d.relationshipTypes }))
    .catch((err: unknown) => {
      chapters = null;
      throw err;
    });
  return chapters;
}

const graphs = new Map<number, Promise<Subgraph>>();

export function loadStepGraph(index: number): Promise<Subgraph> {
  let g = graphs.get(index);
  if (!g) {
    g = gqlRetrying<{ chapter: { graph: Subgraph } | null }>(CHAPTER_GRAPH, { index }, TIMEOUT_TRIES).then((d) => d.chapter?.graph ?? { nodes: [], edges: [], truncated: false });
    g.catch(() => graphs.delete(index));
    graphs.set(index, g);
  }
  return g;
}

/** While a step is read, the next one (and the previous) load one after the other, so moving on is instant. */
export function prefetchAround(index: number, total: number): void {
  const wanted = [index + 1, index - 1].filter((i) => i >= 1 && i <= total && !graphs.has(i));
  void wanted.reduce<Promise<unknown>>((p, i) => p.then(() => loadStepGraph(i)).catch(() => undefined), Promise.resolve());
}
