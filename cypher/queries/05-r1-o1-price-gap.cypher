// title: The R1 vs o1 price gap
// title_zh: R1 与 o1 的价格差距
// description: o1's output price divided by R1's, computed from the stored price facts. If a model has several such facts the pick is deterministic: status "stated" first, then the earliest evidence second, then the fact id. statedRatio is the ratio the speakers said aloud (price_ratio fact on the cheaper model), for comparison.
// description_zh: 用已存储的价格事实计算 o1 输出价格与 R1 输出价格之比。若某模型有多条此类事实,按确定规则选取:先取状态为 stated 的,再取证据时间最早的,最后按事实 id。statedRatio 为节目中口头说出的倍数(便宜模型上的 price_ratio 事实),供对照。
// param: cheap = deepseek-r1
// param: dear = openai-o1
// param: metric = price_per_million_output_tokens
// param: ratioMetric = price_ratio
// returns: cheapModel, dearModel, cheapPrice, dearPrice, unit, ratio, statedRatio, cheapFact, dearFact, evidence
MATCH (ep:Episode)
MATCH (c:Entity {id: $cheap})-[:HAS_FACT]->(cf:Fact {metric: $metric})
WITH ep, c, cf ORDER BY CASE cf.status WHEN 'stated' THEN 0 ELSE 1 END, cf.evidenceAt[0], cf.id
WITH ep, c, collect(cf)[0] AS cf
MATCH (d:Entity {id: $dear})-[:HAS_FACT]->(df:Fact {metric: $metric})
WITH ep, c, cf, d, df ORDER BY CASE df.status WHEN 'stated' THEN 0 ELSE 1 END, df.evidenceAt[0], df.id
WITH ep, c, cf, d, collect(df)[0] AS df
OPTIONAL MATCH (c)-[:HAS_FACT]->(rf:Fact {metric: $ratioMetric})
WITH ep, c, cf, d, df, rf ORDER BY CASE rf.status WHEN 'stated' THEN 0 ELSE 1 END, rf.evidenceAt[0], rf.id
WITH ep, c, cf, d, df, collect(rf)[0] AS rf
RETURN c AS cheapModel,
       d AS dearModel,
       cf.value AS cheapPrice,
       df.value AS dearPrice,
       cf.unit AS unit,
       round(df.value / cf.value, 1) AS ratio,
       rf.value AS statedRatio,
       cf AS cheapFact,
       df AS dearFact,
       [f IN [cf, df, rf] WHERE f IS NOT NULL |
         f.subject + ' ' + f.metric + ' = ' + toString(CASE WHEN f.value = round(f.value) THEN toInteger(f.value) ELSE f.value END) + ' ' + f.unit + ' — ' + f.evidenceSpeaker[0] +
         ' https://www.youtube.com/watch?v=' + ep.youtubeId + '&t=' + toString(toInteger(f.evidenceAt[0])) + 's'] AS evidence
