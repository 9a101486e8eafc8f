// title: Models by training cost
// title_zh: 按训练成本排列的模型
// description: Every training-cost figure said about a model, largest first, with its status, what exactly it measures and where it is said. Competing figures for one model are kept as separate rows.
// description_zh: 节目中提到的每个模型训练成本数字,从高到低,附状态、所指口径和出处;同一模型的不同数字分行列出。
// param: metric = training_cost
// param: kind = MODEL
// returns: model, cost, costMax, unit, status, qualifier, said, link, fact
MATCH (ep:Episode)
MATCH (m:Entity {kind: $kind})-[:HAS_FACT]->(f:Fact {metric: $metric})
WITH ep, m, f, toInteger(f.evidenceAt[0]) AS at
RETURN m AS model,
       f.value AS cost,
       f.valueMax AS costMax,
       f.unit AS unit,
       f.status AS status,
       f.qualifier AS qualifier,
       f.evidenceSpeaker[0] + ': ' + f.evidenceNote[0] AS said,
       'https://www.youtube.com/watch?v=' + ep.youtubeId + '&t=' + toString(at) + 's' AS link,
       f AS fact
ORDER BY cost DESC, model.name, at
