// The benchmark's true floor: for each API operation the one Cypher statement a skilled engineer would
// hand-write for the same answer (label + index lookups, one round trip, only the fields the GraphQL
// answer holds), run through the raw driver, plus the few lines of JavaScript that turn its row into
// exactly the GraphQL `data` (timestamps, YouTube links, vocabulary labels, the search ranking).
// test/integration/benchFloors.test.ts checks each floor's answer equals the API's, so the floor is honest.
import neo4j, { type Driver } from 'neo4j-driver';
import { formatTimestamp, formatValue } from '../core/domain/format.js';
import { youtubeUrl, type Vocabulary } from '../core/domain/types.js';
import { buildLuceneQuery, compact } from '../server/repository/luceneQuery.js';
import { rankCandidates } from '../server/repository/search.js';

export type FloorOp = 'search' | 'entity' | 'neighborhood2' | 'shortestPath' | 'graph';
type Row = Record<string, unknown>;
type Vars = Record<string, unknown>;

export interface Floor {
  statement(vars: Vars, vocabulary: Vocabulary): { cypher: string; params: Record<string, unknown> };
  /** The GraphQL `data` object from the statement's first row (undefined when it returned none). */
  finish(row: Row | undefined, vars: Vars, vocabulary: Vocabulary): unknown;
}

/** Relationship types only from the vocabulary (the same allowlist the API splices in). */
const types = (v: Vocabulary): string =>
  Object.keys(v.relationshipTypes)
    .filter((t) => /^[A-Z_]+$/.test(t))
    .join('|');

// The explorer's node and edge fields (client/src/queries.ts NODE_FIELDS / EDGE_FIELDS).
const NODE = (n: string) =>
  `{id: ${n}.id, kind: ${n}.kind, name: ${n}.name, labelZh: coalesce(${n}.nameZh, ${n}.name), firstMentionSeconds: ${n}.firstSeconds,
   dates: {founded: ${n}.founded, released: ${n}.released, announced: ${n}.announced, effective: ${n}.effective, published: ${n}.published}}`;
const EDGE = (r: string) =>
  `{id: ${r}.id, type: type(${r}), status: toUpper(coalesce(${r}.status, 'stated')), since: ${r}.since, source: {id: startNode(${r}).id}, target: {id: endNode(${r}).id}}`;
const END = (n: string) => `{id: ${n}.id, name: ${n}.name, labelZh: coalesce(${n}.nameZh, ${n}.name), kind: ${n}.kind}`;
/** Evidence arrays as stored (parallel lists); chapter titles, speaker names and links are joined in finish. */
const EVIDENCE = (x: string) =>
  `[i IN range(0, size(coalesce(${x}.evidenceNote, [])) - 1) | [${x}.evidenceChapter[i], ${x}.evidenceAt[i], ${x}.evidenceSpeaker[i], ${x}.evidenceNote[i], ${x}.evidenceNoteZh[i], coalesce(${x}.evidenceSource[i], 'episode'), ${x}.evidenceUrl[i]]]`;

interface EpisodeBits {
  yt: string;
  chapters: { id: string; title: string; titleZh: string | null }[];
  speakers: { id: string; name: string }[];
}

function evidenceOf(ep: EpisodeBits) {
  const chapters = new Map(ep.chapters.map((c) => [c.id, c]));
  const names = new Map(ep.speakers.map((s) => [s.id, s.name]));
  return (list: [string | null, number | null, string | null, string, string | null, string, string | null][]) =>
    list.map(([ch, at, spk, note, noteZh, source, url]) => {
      // A cited page has no chapter, second or speaker: its URL is the page's.
      if (source === 'reference')
        return { chapter: null, chapterZh: null, timestamp: null, atSeconds: null, speakerName: null, note, noteZh: noteZh || note, url };
      const c = ch ? chapters.get(ch) : undefined;
      const seconds = at ?? 0;
      return {
        chapter: c?.title ?? null,
        chapterZh: c?.titleZh || c?.title || null,
        timestamp: formatTimestamp(seconds),
        atSeconds: seconds,
        speakerName: (spk && names.get(spk)) ?? null,
        note,
        noteZh: noteZh || note,
        url: youtubeUrl(ep.yt, seconds),
      };
    });
}

const search: Floor = {
  statement: (vars) => {
    const text = String(vars.text);
    const first = Number(vars.first ?? 10);
    return {
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
RETURN collect({id: e.id, kind: e.kind, name: e.name, nameZh: e.nameZh, aliases: coalesce(e.aliases, []), degree: COUNT { (e)--(:Entity) }, score: score}) AS hits`,
      params: {
        lucene: buildLuceneQuery(text),
        exact: text.normalize('NFKC').trim().toLowerCase(),
        squeezed: compact(text),
        pool: neo4j.int(Math.max(50, first * 5)),
      },
    };
  },
  finish: (row, vars) => {
    const hits = (row?.hits ?? []) as { id: string; kind: string; name: string; nameZh: string | null; aliases: string[]; degree: number; score: number }[];
    const byId = new Map(hits.map((h) => [h.id, h]));
    const ranked = rankCandidates(String(vars.text), hits).slice(0, Number(vars.first ?? 10));
    return {
      search: ranked.map(({ id, score }) => {
        const h = byId.get(id)!;
        return { score, entity: { id, kind: h.kind, name: h.name, labelZh: h.nameZh ?? h.name, aliases: h.aliases } };
      }),
    };
  },
};

const entity: Floor = {
  statement: (vars) => ({
    cypher: `MATCH (e:Entity {id: $id})
CALL () {
  MATCH (ep:Episode)
  RETURN ep.youtubeId AS yt, COLLECT { MATCH (ep)-[:HAS_CHAPTER]->(c:Chapter) RETURN c {.id, .title, .titleZh} } AS chapters,
    COLLECT { MATCH (p:Entity) WHERE p.id IN ep.speakers RETURN p {.id, .name} } AS speakers
  LIMIT 1
}
CALL (e) {
  OPTIONAL MATCH (e)-[:HAS_FACT]->(f:Fact)
  WITH f ORDER BY f.metric, f.id
  RETURN collect(f {.id, .metric, .unit, .value, .valueMax, .approximate, status: toUpper(coalesce(f.status, 'stated')), .qualifier, .qualifierZh, .asOf, evidence: ${EVIDENCE('f')}}) AS facts
}
CALL (e) {
  OPTIONAL MATCH (e)-[r]-(:Entity)
  WITH r ORDER BY type(r), r.id
  WITH r, startNode(r) AS s, endNode(r) AS t
  RETURN collect({id: r.id, type: type(r), since: r.since, until: r.until, status: toUpper(coalesce(r.status, 'stated')),
    source: ${END('s')}, target: ${END('t')}, evidence: ${EVIDENCE('r')}}) AS rels
}
RETURN e {${NODE('e').slice(1, -1)}, nameZh: e.nameZh, aliases: coalesce(e.aliases, []), wikidata: e.wikidata,
  summary: e.summaryEn, summaryZh: coalesce(e.summaryZh, e.summaryEn)} AS e, yt, chapters, speakers, facts, rels`,
    params: { id: vars.id },
  }),
  finish: (row, _vars, vocabulary) => {
    if (!row) return { entity: null };
    const ev = evidenceOf(row as unknown as EpisodeBits);
    const e = row.e as Row & { firstMentionSeconds: number | null };
    const rels = row.rels as (Row & { type: string; evidence: never })[];
    const facts = (row.facts as (Row & { evidence: never; value: number | null; valueMax: number | null; unit: string | null; approximate: boolean | null; qualifier: string | null; qualifierZh: string | null })[]).map((f) => {
      const approximate = f.approximate === true;
      return { ...f, approximate, display: formatValue({ value: f.value, valueMax: f.valueMax, unit: f.unit, approximate }), qualifierZh: f.qualifierZh || f.qualifier, evidence: ev(f.evidence) };
    });
    return {
      entity: {
        ...e,
        firstMentionUrl: e.firstMentionSeconds === null ? null : youtubeUrl(String(row.yt), e.firstMentionSeconds),
        degree: rels.length,
        facts,
        relationships: rels.slice(0, 500).map((r) => {
          const label = vocabulary.relationshipTypes[r.type];
          return { ...r, labelEn: label?.en ?? r.type, labelZh: label?.zh ?? r.type, evidence: ev(r.evidence) };
        }),
      },
    };
  },
};

/** Depth 2 by levels: the first ring once, then the second from it (no path enumeration beyond two hops). */
const neighborhood2: Floor = {
  statement: (vars, v) => ({
    cypher: `MATCH (c:Entity {id: $id})
CALL (c) {
  MATCH (c)-[:${types(v)}]-(n:Entity) WHERE n <> c RETURN n, 1 AS hops
  UNION ALL
  MATCH (c)-[:${types(v)}]-(:Entity)-[:${types(v)}]-(n:Entity) WHERE n <> c RETURN n, 2 AS hops
}
WITH c, n, min(hops) AS hops ORDER BY hops, n.id
WITH c, collect(n) AS found
WITH [c] + found[..$limit] AS nodes, size(found) > $limit AS truncated
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r:${types(v)}]->(b:Entity) WHERE b IN nodes
  RETURN collect(${EDGE('r')}) AS edges
}
RETURN [x IN nodes | ${NODE('x')}] AS nodes, edges, truncated`,
    params: { id: vars.id, limit: neo4j.int(200) },
  }),
  finish: (row) => ({ neighborhood: row ? { nodes: row.nodes, edges: row.edges, truncated: row.truncated } : null }),
};

const shortestPath: Floor = {
  statement: (vars, v) => ({
    cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:${types(v)}*..6]-(b))
RETURN [n IN nodes(p) | ${NODE('n')}] AS nodes, [r IN relationships(p) | ${EDGE('r')}] AS edges`,
    params: { from: vars.from, to: vars.to },
  }),
  finish: (row, _vars, vocabulary) => ({
    shortestPath: row
      ? {
          nodes: row.nodes,
          edges: (row.edges as Row[]).map((e) => {
            const label = vocabulary.relationshipTypes[String(e.type)];
            return { ...e, labelEn: label?.en ?? e.type, labelZh: label?.zh ?? e.type };
          }),
        }
      : null,
  }),
};

/**
 * The first view: the most connected entities up to the limit, in id order, and the edges between
 * them. Which ends were kept is known only once the selection is made: a cut graph's edges are kept
 * by a set in JS, as the server does.
 */
const graph: Floor = {
  statement: (_vars, v) => ({
    cypher: `MATCH (e:Entity) WITH e, COUNT { (e)--(:Entity) } AS links ORDER BY links DESC, e.id
WITH collect(e) AS ranked
WITH ranked[..$limit] AS kept, size(ranked) > $limit AS truncated
UNWIND kept AS x
WITH x, truncated ORDER BY x.id
WITH collect(x) AS ns, truncated
CALL (ns) {
  UNWIND ns AS a
  MATCH (a)-[r:${types(v)}]->(b:Entity)
  RETURN collect(${EDGE('r')}) AS edges
}
RETURN [x IN ns | ${NODE('x')}] AS nodes, edges, truncated`,
    params: { limit: neo4j.int(5000) },
  }),
  finish: (row) => {
    const nodes = (row?.nodes ?? []) as Row[];
    const truncated = (row?.truncated ?? false) as boolean;
    const ids = new Set(nodes.map((n) => n.id));
    const edges = ((row?.edges ?? []) as Row[]).filter((e) => !truncated || (ids.has((e.source as Row).id) && ids.has((e.target as Row).id)));
    return { graph: { nodes, edges, truncated } };
  },
};

export const FLOORS: Record<FloorOp, Floor> = { search, entity, neighborhood2, shortestPath, graph };

/** The floor's driver: numbers as JS numbers (every integer here is small), as a hand-written client would choose. */
export function floorDriver(conn: { uri: string; user: string; password: string }): Driver {
  return neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
    maxConnectionPoolSize: 50,
    disableLosslessIntegers: true,
    logging: { level: 'error', logger: () => undefined },
  });
}

/** One request on the floor: one statement, one round trip, then the finishing JavaScript. */
export async function runBest(driver: Driver, op: FloorOp, vars: Vars, vocabulary: Vocabulary): Promise<unknown> {
  const floor = FLOORS[op];
  const st = floor.statement(vars, vocabulary);
  const res = await driver.executeQuery(st.cypher, st.params, { routing: neo4j.routing.READ, bookmarkManager: null });
  return floor.finish(res.records[0]?.toObject() as Row | undefined, vars, vocabulary);
}
