// title: What each speaker talked about most
// title_zh: 每位发言人谈论最多的话题
// description: For each speaker, the entities most often in their evidence: each evidence item of a relationship counts for both ends, each evidence item of a fact for its subject. The speaker's own node is left out.
// description_zh: 每位发言人证据中出现最多的实体:关系的每条证据计入两端实体,事实的每条证据计入其主体;发言人本人不计。
// param: top = 8
// returns: speaker, rank, topic, kind, mentions, viaRelationships, viaFacts
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.evidenceSpeaker IS NOT NULL
  UNWIND r.evidenceSpeaker AS speakerId
  UNWIND [a, b] AS e
  RETURN speakerId, e, 1 AS rel, 0 AS fact
  UNION ALL
  MATCH (e:Entity)-[:HAS_FACT]->(f:Fact)
  UNWIND f.evidenceSpeaker AS speakerId
  RETURN speakerId, e, 0 AS rel, 1 AS fact
}
WITH speakerId, e, count(*) AS mentions, sum(rel) AS viaRelationships, sum(fact) AS viaFacts
MATCH (sp:Entity {id: speakerId})
WHERE e <> sp
WITH sp, e, mentions, viaRelationships, viaFacts
ORDER BY mentions DESC, e.name
WITH sp, collect({e: e, mentions: mentions, viaRelationships: viaRelationships, viaFacts: viaFacts})[..toInteger($top)] AS topics
UNWIND range(0, size(topics) - 1) AS i
RETURN sp AS speaker,
       i + 1 AS rank,
       topics[i].e AS topic,
       topics[i].e.kind AS kind,
       topics[i].mentions AS mentions,
       topics[i].viaRelationships AS viaRelationships,
       topics[i].viaFacts AS viaFacts
ORDER BY speaker.name, rank
