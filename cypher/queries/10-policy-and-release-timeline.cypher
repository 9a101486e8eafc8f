// title: Timeline of policies and releases
// title_zh: 政策与发布时间线
// description: Dated events from entity dates (a policy taking effect or being announced, a model or chip released, a paper published), from the given year on, oldest first, with where the episode first mentions each entity.
// description_zh: 根据实体日期排出的事件(政策生效或宣布、模型或芯片发布、论文发表),从指定年份起由早到晚排列,并附节目中首次提到该实体的位置。
// param: fields = effective,announced,released,published
// param: fromYear = 2015
// returns: date, event, entity, kind, firstMention, link
MATCH (ep:Episode)
MATCH (e:Entity)
UNWIND split($fields, ',') AS field
WITH ep, e, field, toString(e[field]) AS date
WHERE e[field] IS NOT NULL AND toInteger(left(date, 4)) >= toInteger($fromYear)
RETURN date,
       field AS event,
       e AS entity,
       e.kind AS kind,
       toInteger(e.firstSeconds) AS firstMention,
       CASE WHEN e.firstSeconds IS NULL THEN null
            ELSE 'https://www.youtube.com/watch?v=' + ep.youtubeId + '&t=' + toString(toInteger(e.firstSeconds)) + 's' END AS link
ORDER BY date, kind, entity.name
