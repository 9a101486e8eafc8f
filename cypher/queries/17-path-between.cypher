// title: How two entities are connected
// title_zh: 两个实体之间如何相连
// description: The shortest chains of domain relationships (any type, either direction, up to 6 hops) between two entities, each step written out with its direction. Chapters and facts are not used as stepping stones.
// description_zh: 两个实体之间最短的领域关系链(任意类型、不论方向、最多 6 跳),逐步写出方向;章节与事实节点不作为中转。
// param: from = deepseek
// param: to = tsmc
// param: limit = 25
// returns: hops, chain, nodes, links
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH path = allShortestPaths((a)-[*..6]-(b))
WHERE all(n IN nodes(path) WHERE n:Entity)
RETURN length(path) AS hops,
       reduce(text = a.name, i IN range(0, length(path) - 1) |
         text + CASE WHEN startNode(relationships(path)[i]) = nodes(path)[i]
                     THEN ' -' + type(relationships(path)[i]) + '-> '
                     ELSE ' <-' + type(relationships(path)[i]) + '- ' END
              + nodes(path)[i + 1].name) AS chain,
       nodes(path) AS nodes,
       relationships(path) AS links
ORDER BY chain
LIMIT toInteger($limit)
