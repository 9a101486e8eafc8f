// title: Supply chain from ASML and TSMC to a model
// title_zh: 从 ASML、台积电到一个模型的供应链
// description: The shortest chains of supply-side relationships (supplies, fabricates, designs, customer of, trained on, deploys, ...) linking each upstream company to the model, read in either direction. A source with no such chain returns one row with hops empty.
// description_zh: 沿供应侧关系(供应、制造、设计、客户、训练于、部署等,不论方向)把每家上游公司连到该模型的最短链条;找不到链条的来源返回一行,hops 为空。
// param: model = deepseek-v3
// param: sources = asml,tsmc
// param: via = SUPPLIES,FABRICATES,DESIGNS,CUSTOMER_OF,TRAINED_ON,DEPLOYS,USES,DEVELOPS,BUILDS,OPERATES,OWNS,PART_OF,VARIANT_OF,BASED_ON,USES_TECHNIQUE
// returns: source, model, hops, chain, nodes, links
MATCH (m:Entity {id: $model})
UNWIND split($sources, ',') AS sourceId
MATCH (s:Entity {id: trim(sourceId)})
OPTIONAL MATCH path = allShortestPaths((s)-[*..8]-(m))
WHERE all(r IN relationships(path) WHERE type(r) IN split($via, ','))
WITH s, m, path
RETURN s AS source,
       m AS model,
       length(path) AS hops,
       CASE WHEN path IS NULL THEN 'no supply chain in the graph' ELSE
         reduce(text = s.name, i IN range(0, length(path) - 1) |
           text + CASE WHEN startNode(relationships(path)[i]) = nodes(path)[i]
                       THEN ' -' + type(relationships(path)[i]) + '-> '
                       ELSE ' <-' + type(relationships(path)[i]) + '- ' END
                + nodes(path)[i + 1].name)
       END AS chain,
       nodes(path) AS nodes,
       relationships(path) AS links
ORDER BY source.name, hops, chain
