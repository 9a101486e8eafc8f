// title: Evidence timeline for one entity
// title_zh: 单个实体的证据时间线
// description: Every evidence item about the entity — on its relationships in either direction and on its facts — in order of the second it is said, with chapter, speaker, the claim and a YouTube link.
// description_zh: 与该实体相关的每条证据(其双向关系及其事实上的证据),按说出的秒数排序,附章节、发言人、说法和 YouTube 链接。
// param: id = deepseek
// returns: second, time, chapter, speaker, note, claim, other, relationship, fact, link
MATCH (ep:Episode)
MATCH (x:Entity {id: $id})
CALL (x) {
  MATCH (x)-[r]-(o:Entity)
  UNWIND range(0, size(r.evidenceAt) - 1) AS i
  RETURN toInteger(r.evidenceAt[i]) AS second, r.evidenceChapter[i] AS chapterId, r.evidenceSpeaker[i] AS speakerId,
         r.evidenceNote[i] AS note, startNode(r).name + ' ' + type(r) + ' ' + endNode(r).name AS claim,
         o AS other, r AS relationship, null AS fact
  UNION ALL
  MATCH (x)-[:HAS_FACT]->(f:Fact)
  UNWIND range(0, size(f.evidenceAt) - 1) AS i
  RETURN toInteger(f.evidenceAt[i]) AS second, f.evidenceChapter[i] AS chapterId, f.evidenceSpeaker[i] AS speakerId,
         f.evidenceNote[i] AS note, x.name + ' ' + f.metric + ' = ' + toString(CASE WHEN f.value = round(f.value) THEN toInteger(f.value) ELSE f.value END) + ' ' + f.unit AS claim,
         null AS other, null AS relationship, f AS fact
}
OPTIONAL MATCH (c:Chapter {id: chapterId})
OPTIONAL MATCH (sp:Entity {id: speakerId})
RETURN second,
       CASE WHEN second >= 3600 THEN toString(second / 3600) + ':' + right('0' + toString(second % 3600 / 60), 2)
            ELSE toString(second / 60) END + ':' + right('0' + toString(second % 60), 2) AS time,
       coalesce(c.title, chapterId) AS chapter,
       coalesce(sp.name, speakerId) AS speaker,
       note,
       claim,
       other,
       relationship,
       fact,
       'https://www.youtube.com/watch?v=' + ep.youtubeId + '&t=' + toString(second) + 's' AS link
ORDER BY second, claim
