// title: Megaclusters by power
// title_zh: 按电力规模排列的超级集群
// description: Every power_capacity figure, normalised to megawatts (GW × 1000, kW ÷ 1000, W ÷ 1,000,000), largest first, with who operates, owns or builds the site and where it is.
// description_zh: 所有 power_capacity(电力容量)数字,统一换算为兆瓦(GW×1000,kW÷1000,W÷1,000,000),从大到小,并附运营/拥有/建设方与所在地。
// param: metric = power_capacity
// returns: cluster, mw, mwMax, value, unit, status, qualifier, operators, location, fact
MATCH (e:Entity)-[:HAS_FACT]->(f:Fact {metric: $metric})
WITH e, f,
     CASE f.unit WHEN 'GW' THEN 1000.0 WHEN 'MW' THEN 1.0 WHEN 'kW' THEN 0.001 WHEN 'W' THEN 0.000001 ELSE null END AS toMW
RETURN e AS cluster,
       f.value * toMW AS mw,
       f.valueMax * toMW AS mwMax,
       f.value AS value,
       f.unit AS unit,
       f.status AS status,
       f.qualifier AS qualifier,
       COLLECT { MATCH (o:Entity)-[:OPERATES|OWNS|BUILDS]->(e) RETURN DISTINCT o.name } AS operators,
       COLLECT { MATCH (e)-[:LOCATED_IN]->(l:Entity) RETURN l.name } AS location,
       f AS fact
ORDER BY mw IS NULL, mw DESC, cluster.name, f.id
