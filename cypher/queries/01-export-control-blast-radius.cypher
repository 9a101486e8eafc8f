// title: Blast radius of an export-control rule
// title_zh: 出口管制规则的影响范围
// description: Chips, companies and models a rule reaches within 2 hops: hop 1 is what the rule (or a rule that is PART_OF it) RESTRICTS, hop 2 is anything one domain edge further, except along the loose types in skip (a competitor is not reached by a rule). Each reached entity appears once, at its shortest distance.
// description_zh: 一条规则在两跳之内影响到的芯片、公司和模型:第一跳是该规则(或隶属于它的子规则)直接限制的对象,第二跳是再沿一条领域关系走一步可达的实体(不走 skip 中的松散关系类型,竞争对手不算被规则波及);每个实体只按最短距离出现一次。
// param: policy = us-export-controls
// param: kinds = CHIP,COMPANY,MODEL
// param: skip = RELATED_TO,COMPETES_WITH
// returns: policy, reached, kind, hops, rule, via, route, edges
MATCH (p:Entity {id: $policy})
// Sub-rules (the 2022 and 2023 rounds, the AI diffusion rule) are PART_OF the umbrella policy.
MATCH (rule:Entity)-[:PART_OF*0..2]->(p)
MATCH path = (rule)-[:RESTRICTS]->(:Entity)-[*0..1]-(t:Entity)
WHERE t <> p AND t <> rule AND t.kind IN split($kinds, ',')
  AND none(r IN relationships(path) WHERE type(r) IN split($skip, ','))
WITH p, t, rule, path
ORDER BY length(path), rule.id, [n IN nodes(path) | n.id]
WITH p, t, collect({rule: rule, path: path})[0] AS best
RETURN p AS policy,
       t AS reached,
       t.kind AS kind,
       length(best.path) AS hops,
       best.rule.name AS rule,
       [n IN nodes(best.path)[1..-1] | n.name] AS via,
       [r IN relationships(best.path) | type(r)] AS route,
       relationships(best.path) AS edges
ORDER BY hops, kind, reached.name
