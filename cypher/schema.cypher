// Schema as code: constraints and indexes. Idempotent (IF NOT EXISTS); applied by `npm start` and `npm run seed`.

// Every entity, fact, chapter and episode has one stable id.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT fact_id IF NOT EXISTS FOR (f:Fact) REQUIRE f.id IS UNIQUE;
CREATE CONSTRAINT chapter_id IF NOT EXISTS FOR (c:Chapter) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT episode_id IF NOT EXISTS FOR (e:Episode) REQUIRE e.id IS UNIQUE;
// One date claim per entity, key and source kind (seed/data/dates).
CREATE CONSTRAINT date_claim_id IF NOT EXISTS FOR (d:DateClaim) REQUIRE d.id IS UNIQUE;

// Lookups by kind (entities(kind:)), by metric (compare numbers) and by first appearance (replay).
CREATE INDEX entity_kind IF NOT EXISTS FOR (e:Entity) ON (e.kind);
CREATE INDEX entity_first_seconds IF NOT EXISTS FOR (e:Entity) ON (e.firstSeconds);
CREATE INDEX fact_metric IF NOT EXISTS FOR (f:Fact) ON (f.metric);

// Search: names, Chinese names and aliases. The CJK analyzer splits Chinese into bigrams
// (so 英伟达 finds NVIDIA's nameZh) and still lower-cases and tokenizes Latin text.
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS
FOR (e:Entity) ON EACH [e.name, e.nameZh, e.aliasesText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
