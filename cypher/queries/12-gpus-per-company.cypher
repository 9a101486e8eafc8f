// title: GPUs per company
// title_zh: 各公司的 GPU 数量
// description: For each company, the GPU counts said about it or about a data center it operates, owns or builds (gpu_count facts), and the chips it or those data centers DEPLOY. Sorted by the largest count said.
// description_zh: 每家公司自身或其运营、拥有、建设的数据中心的 GPU 数量(gpu_count 事实),以及它们部署(DEPLOYS)的芯片;按提到的最大数量排序。
// param: metric = gpu_count
// param: kinds = COMPANY,ORGANIZATION
// returns: company, maxGpus, counts, chips, datacenters, deploys
MATCH (c:Entity)
WHERE c.kind IN split($kinds, ',')
OPTIONAL MATCH (c)-[:OPERATES|OWNS|BUILDS]->(dc:Entity:DataCenter)
WITH c, collect(DISTINCT dc) AS datacenters
WITH c, datacenters,
     COLLECT { UNWIND [c] + datacenters AS h MATCH (h)-[:HAS_FACT]->(f:Fact {metric: $metric}) RETURN f } AS facts,
     COLLECT { UNWIND [c] + datacenters AS h MATCH (h)-[d:DEPLOYS]->(:Entity) RETURN d } AS deploys,
     COLLECT { UNWIND [c] + datacenters AS h MATCH (h)-[:DEPLOYS]->(chip:Entity) RETURN DISTINCT chip } AS chips
WHERE size(facts) > 0 OR size(deploys) > 0
WITH c, datacenters, facts, deploys, chips,
     reduce(hi = null, f IN facts | CASE WHEN hi IS NULL OR f.value > hi THEN f.value ELSE hi END) AS maxGpus
RETURN c AS company,
       maxGpus,
       [f IN facts | f.subject + ': ' + toString(CASE WHEN f.value = round(f.value) THEN toInteger(f.value) ELSE f.value END) + ' ' + f.unit + ' (' + f.status +
          CASE WHEN f.qualifier IS NULL THEN '' ELSE '; ' + f.qualifier END + ')'] AS counts,
       chips,
       datacenters,
       deploys
ORDER BY coalesce(maxGpus, -1) DESC, size(deploys) DESC, company.name
