// title: Facts that compete
// title_zh: 相互竞争的数字
// description: Subjects with two or more facts on the same metric that give different values or units (e.g. a final training run vs total spend, or a power figure at the wall vs at the chips), with each figure's status, qualifier and first evidence.
// description_zh: 同一主体、同一指标下数值或单位不同的两条以上事实(如最终训练成本与总投入、进线电力与芯片实际用电),附每个数字的状态、口径说明和第一条证据。
// param: minFigures = 2
// returns: subject, metric, figures, values, spread, facts
MATCH (ep:Episode)
MATCH (e:Entity)-[:HAS_FACT]->(f:Fact)
WITH ep, e, f ORDER BY f.evidenceAt[0], f.id
WITH ep, e, f.metric AS metric, collect(f) AS facts
WHERE size(facts) >= toInteger($minFigures)
  AND size(reduce(seen = [], f IN facts |
        CASE WHEN [f.value, f.unit] IN seen THEN seen ELSE seen + [[f.value, f.unit]] END)) > 1
WITH ep, e, metric, facts,
     CASE WHEN all(f IN facts WHERE f.unit = facts[0].unit)
          THEN reduce(hi = facts[0].value, f IN facts | CASE WHEN f.value > hi THEN f.value ELSE hi END) /
               reduce(lo = facts[0].value, f IN facts | CASE WHEN f.value < lo THEN f.value ELSE lo END)
     END AS spread
RETURN e AS subject,
       metric,
       size(facts) AS figures,
       [f IN facts | toString(CASE WHEN f.value = round(f.value) THEN toInteger(f.value) ELSE f.value END) + CASE WHEN f.valueMax IS NULL THEN '' ELSE '–' + toString(CASE WHEN f.valueMax = round(f.valueMax) THEN toInteger(f.valueMax) ELSE f.valueMax END) END +
          ' ' + f.unit + ' [' + f.status + '] ' + coalesce(f.qualifier, '') + ' — ' + f.evidenceSpeaker[0] +
          ' https://www.youtube.com/watch?v=' + ep.youtubeId + '&t=' + toString(toInteger(f.evidenceAt[0])) + 's'] AS values,
       round(spread, 2) AS spread,
       facts
ORDER BY figures DESC, spread DESC, subject.name, metric
