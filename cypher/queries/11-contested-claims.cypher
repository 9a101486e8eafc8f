// title: Contested claims
// title_zh: 有争议或不确定的说法
// description: Relationships and facts whose status is disputed, an estimate or a forecast, each with its evidence (speaker, time, note) and a YouTube link to the first piece, in order of first evidence.
// description_zh: 状态为有争议(disputed)、估计(estimate)或预测(forecast)的关系与事实,附每条证据(发言人、时间、说明)及第一条证据的 YouTube 链接,按首条证据时间排序。
// param: statuses = disputed,estimate,forecast
// returns: status, claim, subject, object, relationship, fact, at, evidence, link
MATCH (ep:Episode)
CALL (ep) {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.status IN split($statuses, ',')
  RETURN r.status AS status, a.name + ' ' + type(r) + ' ' + b.name AS claim, a AS subject, b AS object,
         r AS relationship, null AS fact, r AS holder
  UNION ALL
  MATCH (e:Entity)-[:HAS_FACT]->(f:Fact)
  WHERE f.status IN split($statuses, ',')
  RETURN f.status AS status,
         e.name + ' ' + f.metric + ' = ' + toString(CASE WHEN f.value = round(f.value) THEN toInteger(f.value) ELSE f.value END) +
           CASE WHEN f.valueMax IS NULL THEN '' ELSE '–' + toString(CASE WHEN f.valueMax = round(f.valueMax) THEN toInteger(f.valueMax) ELSE f.valueMax END) END + ' ' + f.unit +
           CASE WHEN f.qualifier IS NULL THEN '' ELSE ' (' + f.qualifier + ')' END AS claim,
         e AS subject, null AS object, null AS relationship, f AS fact, f AS holder
}
WITH ep, status, claim, subject, object, relationship, fact, holder, toInteger(holder.evidenceAt[0]) AS at
RETURN status,
       claim,
       subject,
       object,
       relationship,
       fact,
       at,
       [i IN range(0, size(holder.evidenceAt) - 1) |
         holder.evidenceSpeaker[i] + ' @' + toString(toInteger(holder.evidenceAt[i])) + 's: ' + holder.evidenceNote[i]] AS evidence,
       'https://www.youtube.com/watch?v=' + ep.youtubeId + '&t=' + toString(at) + 's' AS link
ORDER BY at, status, claim
