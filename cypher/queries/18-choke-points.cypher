// title: Choke points (stored betweenness)
// title_zh: 咽喉要道(已存储的介数中心性)
// description: Entities most shortest paths run through (betweenness computed at load, undirected, normalised 0..1), with their kind, PageRank, degree, and how many communities their neighbours belong to: high betweenness spanning many communities marks a bottleneck between parts of the industry.
// description_zh: 最多最短路径经过的实体(载入时计算的介数中心性,无向,归一化到 0..1),附类型、PageRank、度数,以及其邻居分属多少个社区:介数高且横跨多个社区,即产业各部分之间的瓶颈。
// param: limit = 15
// returns: entity, kind, betweenness, pagerank, degree, community, communitiesReached, betweennessRank, pagerankRank
MATCH (e:Entity)
WHERE e.betweenness IS NOT NULL
WITH collect(e) AS all
WITH all,
     [x IN all | x.pagerank] AS prs,
     [x IN all | x.betweenness] AS bcs
UNWIND all AS e
WITH e,
     size([p IN prs WHERE p > e.pagerank]) + 1 AS pagerankRank,
     size([b IN bcs WHERE b > e.betweenness]) + 1 AS betweennessRank
ORDER BY e.betweenness DESC, e.id
LIMIT toInteger($limit)
RETURN e AS entity,
       e.kind AS kind,
       round(e.betweenness, 4) AS betweenness,
       round(e.pagerank, 5) AS pagerank,
       COUNT { (e)--(:Entity) } AS degree,
       e.community AS community,
       size(COLLECT { MATCH (e)--(n:Entity) WHERE n.community <> e.community RETURN DISTINCT n.community }) + 1 AS communitiesReached,
       betweennessRank,
       pagerankRank
