import neo4j from 'neo4j-driver';
import { loadConfig } from '../../server/config.js';
import { provisionNeo4j } from '../../server/neo4j/provision.js';
const t0 = Date.now();
const cfg = loadConfig({ ...process.env, NEO4J_PROVIDER: 'local' });
const p = await provisionNeo4j(cfg.neo4j, { purpose: 'test', log: (m) => console.log(m) });
console.log('started in', Date.now() - t0);
const d = neo4j.driver(p.connection.uri, neo4j.auth.basic('neo4j', 'x'));
const s = d.session();
try {
  for (const q of ["CALL dbms.queryJmx('java.lang:type=Memory') YIELD name, attributes RETURN name, attributes",
    "CALL dbms.queryJmx('org.neo4j:*') YIELD name RETURN name",
    "CALL dbms.queryJmx('java.lang:type=GarbageCollector,*') YIELD name, attributes RETURN name, attributes.CollectionCount, attributes.CollectionTime",
    "CALL dbms.components()",
    "SHOW SETTINGS YIELD name, value WHERE name CONTAINS 'memory' OR name CONTAINS 'pagecache' RETURN name, value",
  ]) {
    try { const r = await s.run(q); console.log(q, JSON.stringify(r.records.map(x => x.toObject()), (k, v) => typeof v === 'bigint' ? Number(v) : v).slice(0, 3000)); }
    catch (e) { console.log(q, 'ERR', (e as Error).message); }
  }
} finally { await s.close(); await d.close(); await p.stop(); }
