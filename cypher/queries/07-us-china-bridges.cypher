// title: Bridges between the US and China
// title_zh: 连接美国与中国两侧的桥梁实体
// description: Each side is the country plus everything LOCATED_IN it (directly or through a city or state). Lists entities within two domain hops of both sides, where the path to one side never runs through the other. crossing is true for an entity on one side with an edge straight into the other side; those come first.
// description_zh: 每一侧由该国及所有位于其中(直接或经由城市/州)的实体组成。列出在两跳领域关系之内同时连到两侧的实体,通往一侧的路径不经过另一侧。crossing 为真表示该实体位于一侧且与另一侧直接相连,这些排在最前。
// param: us = united-states
// param: cn = china
// param: limit = 40
// returns: entity, kind, side, crossing, usHops, chinaHops, toUS, toChina, links
MATCH (us:Entity {id: $us}), (cn:Entity {id: $cn})
WITH us, cn,
     [us] + COLLECT { MATCH (x:Entity)-[:LOCATED_IN*1..3]->(us) RETURN DISTINCT x } AS usSide,
     [cn] + COLLECT { MATCH (x:Entity)-[:LOCATED_IN*1..3]->(cn) RETURN DISTINCT x } AS cnSide
MATCH (e:Entity)
WHERE e <> us AND e <> cn AND NOT (e IN usSide AND e IN cnSide)
// shortestPath refuses a start equal to its end, so a side member is 0 hops from its own side by definition.
CALL (e, usSide, cnSide) {
  UNWIND usSide AS t
  WITH e, t, cnSide WHERE t <> e
  MATCH p = shortestPath((e)-[*..2]-(t))
  WHERE all(n IN nodes(p) WHERE n:Entity AND NOT n IN cnSide)
  RETURN p AS pu ORDER BY length(p) LIMIT 1
}
CALL (e, usSide, cnSide) {
  UNWIND cnSide AS t
  WITH e, t, usSide WHERE t <> e
  MATCH p = shortestPath((e)-[*..2]-(t))
  WHERE all(n IN nodes(p) WHERE n:Entity AND NOT n IN usSide)
  RETURN p AS pc ORDER BY length(p) LIMIT 1
}
WITH e, pu, pc,
     CASE WHEN e IN usSide THEN 'US' WHEN e IN cnSide THEN 'China' ELSE '' END AS side,
     CASE WHEN e IN usSide THEN 0 ELSE length(pu) END AS usHops,
     CASE WHEN e IN cnSide THEN 0 ELSE length(pc) END AS chinaHops
RETURN e AS entity,
       e.kind AS kind,
       side,
       (side = 'US' AND chinaHops = 1) OR (side = 'China' AND usHops = 1) AS crossing,
       usHops,
       chinaHops,
       [n IN nodes(pu) | n.name] AS toUS,
       [n IN nodes(pc) | n.name] AS toChina,
       relationships(pu) + relationships(pc) AS links
ORDER BY crossing DESC, usHops + chinaHops, COUNT { (e)-[]-(:Entity) } DESC, e.id
LIMIT toInteger($limit)
