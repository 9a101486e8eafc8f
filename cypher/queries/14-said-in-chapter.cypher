// title: Everything said in a chapter
// title_zh: 某一章里说过的所有内容
// description: Every evidence item (of relationships and of facts) that falls in the chapter, in order of the second it is said, with speaker, the claim it backs and a YouTube link to that moment.
// description_zh: 落在该章内的每条证据(关系和事实的),按说出的秒数排序,附发言人、所支撑的说法以及跳到该时刻的 YouTube 链接。
// param: chapter = export-controls
// returns: second, time, speaker, note, claim, subject, object, relationship, fact, link
MATCH (ep:Episode)-[:HAS_CHAPTER]->(c:Chapter {id: $chapter})
CALL (c) {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE c.id IN r.evidenceChapter
  UNWIND range(0, size(r.evidenceChapter) - 1) AS i
  WITH a, r, b, i WHERE r.evidenceChapter[i] = c.id
  RETURN toInteger(r.evidenceAt[i]) AS second, r.evidenceSpeaker[i] AS speakerId, r.evidenceNote[i] AS note,
         a.name + ' ' + type(r) + ' ' + b.name AS claim, a AS subject, b AS object, r AS relationship, null AS fact
  UNION ALL
  MATCH (e:Entity)-[:HAS_FACT]->(f:Fact)
  WHERE c.id IN f.evidenceChapter
  UNWIND range(0, size(f.evidenceChapter) - 1) AS i
  WITH e, f, i WHERE f.evidenceChapter[i] = c.id
  RETURN toInteger(f.evidenceAt[i]) AS second, f.evidenceSpeaker[i] AS speakerId, f.evidenceNote[i] AS note,
         e.name + ' ' + f.metric + ' = ' + toString(CASE WHEN f.value = round(f.value) THEN toInteger(f.value) ELSE f.value END) + ' ' + f.unit AS claim,
         e AS subject, null AS object, null AS relationship, f AS fact
}
OPTIONAL MATCH (sp:Entity {id: speakerId})
RETURN second,
       CASE WHEN second >= 3600 THEN toString(second / 3600) + ':' + right('0' + toString(second % 3600 / 60), 2)
            ELSE toString(second / 60) END + ':' + right('0' + toString(second % 60), 2) AS time,
       coalesce(sp.name, speakerId) AS speaker,
       note,
       claim,
       subject,
       object,
       relationship,
       fact,
       'https://www.youtube.com/watch?v=' + ep.youtubeId + '&t=' + toString(second) + 's' AS link
ORDER BY second, claim
