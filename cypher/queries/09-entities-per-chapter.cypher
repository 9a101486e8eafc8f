// title: Entities per chapter
// title_zh: 各章节涉及的实体
// description: For each chapter in order, how many entities it discusses, the mix of kinds, how many evidence items fall in it, and the entities mentioned earliest in the chapter.
// description_zh: 按顺序列出每一章讨论了多少实体、实体类型构成、落在该章的证据条数,以及该章最先提到的几个实体。
// param: sample = 8
// returns: chapter, index, title, start, entities, kinds, evidence, first
MATCH (ep:Episode)-[:HAS_CHAPTER]->(c:Chapter)
OPTIONAL MATCH (e:Entity)-[:DISCUSSED_IN]->(c)
WITH c, e ORDER BY e.firstSeconds, e.name
WITH c, collect(e) AS ents
CALL (c) {
  MATCH (:Entity)-[r]->(:Entity) WHERE c.id IN r.evidenceChapter
  RETURN sum(size([x IN r.evidenceChapter WHERE x = c.id])) AS relEvidence
}
CALL (c) {
  MATCH (f:Fact) WHERE c.id IN f.evidenceChapter
  RETURN sum(size([x IN f.evidenceChapter WHERE x = c.id])) AS factEvidence
}
WITH c, ents, relEvidence + factEvidence AS evidence
UNWIND (CASE WHEN size(ents) = 0 THEN [null] ELSE ents END) AS e
WITH c, ents, evidence, e.kind AS kind, count(e) AS n
ORDER BY n DESC, kind
WITH c, ents, evidence, [x IN collect(kind + ' ' + toString(n)) WHERE x IS NOT NULL] AS kinds
RETURN c AS chapter,
       c.index AS index,
       c.title AS title,
       c.startSeconds AS start,
       size(ents) AS entities,
       kinds,
       evidence,
       ents[..toInteger($sample)] AS first
ORDER BY index
