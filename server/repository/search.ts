// LIMIT and list slices need Cypher integers; plain JS numbers travel as floats.
import neo4j from 'neo4j-driver';
import type { Executor } from '../../core/db/executor.js';
import { buildLuceneQuery, compact, editDistance } from './luceneQuery.js';
import { entityProjection, toEntity, type EntityNode } from './records.js';

export interface SearchResult {
  entity: EntityNode;
  score: number;
}

/** How a candidate matches the text typed: the tier decides the order, Lucene's score only breaks ties. */
export const SEARCH_RANK = {
  /** The whole name, Chinese name, an alias or the id, ignoring case, spaces and hyphens ("deep seek", "nvda"). */
  exact: 300,
  /** One of those starts with the text ("deeps" → DeepSeek). */
  prefix: 200,
  /** Within a typo or two of one of those, or of its start ("Deepsek", "TMSC"). */
  fuzzy: 100,
  /** Anything else the full-text index found (a word inside a longer name). */
  other: 0,
  /** Longer queries may carry more typos: up to 1 edit from 4 characters, 2 from 7. */
  editsFor: (length: number) => (length >= 7 ? 2 : length >= 4 ? 1 : 0),
};

export interface Candidate {
  id: string;
  name: string;
  nameZh: string | null;
  aliases: string[];
  degree: number;
  /** Lucene's score (0.5 for the substring fallback). */
  score: number;
}

/** Orders candidates: exact, then prefix, then fuzzy, then the rest; closer and better-connected first within a tier. */
export function rankCandidates(text: string, candidates: Candidate[]): { id: string; score: number }[] {
  const q = compact(text);
  const scored = candidates.map((c) => {
    const keys = [c.name, c.nameZh ?? '', c.id, ...c.aliases].map(compact).filter(Boolean);
    let score = SEARCH_RANK.other + Math.min(c.score, 50) / 100;
    if (q && keys.includes(q)) score = SEARCH_RANK.exact;
    else if (q.length >= 2 && keys.some((k) => k.startsWith(q))) {
      // "nvidia" before "nvidia h100": the less a name adds to the text, the closer it is.
      const extra = Math.min(...keys.filter((k) => k.startsWith(q)).map((k) => k.length - q.length));
      score = SEARCH_RANK.prefix + 50 / (1 + extra);
    } else {
      const allowed = SEARCH_RANK.editsFor(q.length);
      if (allowed > 0) {
        // A typo in the whole key, or in its first q.length characters (half an edit more).
        const d = Math.min(...keys.map((k) => Math.min(editDistance(q, k, allowed), editDistance(q, k.slice(0, q.length), allowed) + 0.5)));
        if (d <= allowed) score = SEARCH_RANK.fuzzy + 50 / (1 + d);
      }
    }
    return { id: c.id, score, degree: c.degree };
  });
  return scored.sort((a, b) => b.score - a.score || b.degree - a.degree || a.id.localeCompare(b.id)).map(({ id, score }) => ({ id, score }));
}

/**
 * Full-text search for the candidates (typo-tolerant, words joined or apart), a substring match on
 * names and aliases with spaces and hyphens removed, then rankCandidates decides the order.
 */
export async function searchEntities(db: Executor, text: string, kinds: string[], first: number): Promise<SearchResult[]> {
  const lucene = buildLuceneQuery(text);
  const exact = text.normalize('NFKC').trim().toLowerCase();
  const squeezed = compact(text);
  const rows = await db.read({
    cypher: `CALL () {
  WITH 1 AS one WHERE $lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_search', $lucene, {limit: $pool}) YIELD node, score
  RETURN node AS e, score
  UNION
  MATCH (e:Entity)
  WHERE size($squeezed) > 1 AND (
    replace(replace(toLower(e.name), ' ', ''), '-', '') CONTAINS $squeezed
    OR any(a IN e.aliases WHERE replace(replace(toLower(a), ' ', ''), '-', '') CONTAINS $squeezed)
    OR e.nameZh CONTAINS $exact OR e.id = $exact)
  RETURN e, 0.5 AS score
}
WITH e, max(score) AS score
WHERE size($kinds) = 0 OR e.kind IN $kinds
RETURN ${entityProjection()} AS e, score`,
    params: { lucene, exact, squeezed, kinds, pool: neo4j.int(Math.max(50, first * 5)) },
  });
  const entities = new Map(rows.map((r) => [String((r.e as Record<string, unknown>).id), r.e as Record<string, unknown>]));
  const candidates: Candidate[] = rows.map((r) => {
    const e = toEntity(r.e as Record<string, unknown>);
    return { id: e.id, name: e.name, nameZh: e.nameZh, aliases: e.aliases, degree: Number((r.e as Record<string, unknown>).degree ?? 0), score: Number(r.score) };
  });
  return rankCandidates(text, candidates)
    .slice(0, first)
    .map(({ id, score }) => ({ entity: toEntity(entities.get(id)!), score }));
}
