// title: Most connected entities
// title_zh: 连接最多的实体
// description: Entities ranked by their domain relationships (both directions, facts and chapters not counted), with distinct neighbours, relationship types, facts and chapters for context.
// description_zh: 按领域关系数量(双向计,不含事实和章节)排列的实体,并给出不同邻居数、关系类型、事实数和涉及章节数。
// param: limit = 25
// returns: entity, kind, degree, neighbours, types, facts, chapters
MATCH (e:Entity)-[r]-(n:Entity)
WITH e, count(r) AS degree, count(DISTINCT n) AS neighbours, collect(DISTINCT type(r)) AS types
RETURN e AS entity,
       e.kind AS kind,
       degree,
       neighbours,
       types,
       COUNT { (e)-[:HAS_FACT]->(:Fact) } AS facts,
       COUNT { (e)-[:DISCUSSED_IN]->(:Chapter) } AS chapters
ORDER BY degree DESC, neighbours DESC, e.id
LIMIT toInteger($limit)
