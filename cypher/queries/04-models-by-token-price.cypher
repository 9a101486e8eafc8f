// title: Models by price per million tokens
// title_zh: 按每百万 token 价格排列的模型
// description: Output and input prices per million tokens said for each model or API, cheapest output first. Where several figures exist the lowest is shown and all are counted.
// description_zh: 各模型或 API 每百万输出/输入 token 的价格,按输出价格从低到高;同一指标有多个数字时显示最低值并给出数量。
// param: output = price_per_million_output_tokens
// param: input = price_per_million_input_tokens
// returns: model, kind, outputPrice, inputPrice, unit, figures, statuses, facts
MATCH (m:Entity)-[:HAS_FACT]->(f:Fact)
WHERE f.metric IN [$output, $input]
WITH m, collect(f) AS facts
WITH m, facts,
     [f IN facts WHERE f.metric = $output | f.value] AS outs,
     [f IN facts WHERE f.metric = $input | f.value] AS ins
RETURN m AS model,
       m.kind AS kind,
       reduce(lo = null, v IN outs | CASE WHEN lo IS NULL OR v < lo THEN v ELSE lo END) AS outputPrice,
       reduce(lo = null, v IN ins | CASE WHEN lo IS NULL OR v < lo THEN v ELSE lo END) AS inputPrice,
       facts[0].unit AS unit,
       size(facts) AS figures,
       [f IN facts | f.status] AS statuses,
       facts
ORDER BY outputPrice IS NULL, outputPrice, inputPrice, model.name
