// title: Entities per chapter
// title_zh: 各章节涉及的实体
// description: For each chapter in order: how many entities it discusses, the mix of kinds, how many evidence items fall in it, and the entities with the most evidence in that chapter (an edge's evidence counts for both ends, a fact's for its subject).
// description_zh: 按顺序列出每一章讨论的实体数、实体类型构成、落在该章的证据条数,以及该章证据最多的实体(关系证据计入两端实体,事实证据计入其主体)。
// param: sample = 8
// returns: chapter, index, title, start, entities, kinds, evidence, top

// One pass over all evidence, grouped by chapter afterwards: scanning every edge once per chapter is 25 times slower.
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.evidenceChapter IS NOT NULL
  UNWIND r.evidenceChapter AS ch
  UNWIND [a, b] AS e
  // The item is counted once (on its source end) while both ends get credit for it.
  RETURN ch, e, CASE WHEN e = a THEN 1 ELSE 0 END AS item
  UNION ALL
  MATCH (e:Entity)-[:HAS_FACT]->(f:Fact)
  UNWIND f.evidenceChapter AS ch
  RETURN ch, e, 1 AS item
}
WITH ch, e, count(*) AS n, sum(item) AS items
ORDER BY n DESC, e.name
WITH ch, collect(e)[..toInteger($sample)] AS top, sum(items) AS evidence
WITH collect({ch: ch, top: top, evidence: evidence}) AS byChapter
MATCH (:Episode)-[:HAS_CHAPTER]->(c:Chapter)
WITH c, [x IN byChapter WHERE x.ch = c.id][0] AS ev
CALL (c) {
  OPTIONAL MATCH (e:Entity)-[:DISCUSSED_IN]->(c)
  WITH e.kind AS kind, count(e) AS n
  ORDER BY n DESC, kind
  RETURN sum(n) AS entities, [x IN collect(CASE WHEN n > 0 THEN kind + ' ' + toString(n) END) WHERE x IS NOT NULL] AS kinds
}
RETURN c AS chapter,
       c.index AS index,
       c.title AS title,
       c.startSeconds AS start,
       entities,
       kinds,
       coalesce(ev.evidence, 0) AS evidence,
       coalesce(ev.top, []) AS top
ORDER BY index
