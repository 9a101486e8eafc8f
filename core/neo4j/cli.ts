// npm run neo4j: provisions Neo4j the same way `npm start` does and keeps it running until Ctrl-C,
// for people who want to point other tools (cypher-shell, Neo4j Browser, scripts) at it.
import { loadConfig } from '../config.js';
import { provisionNeo4j } from './provision.js';

const config = loadConfig(process.env);
const neo4j = await provisionNeo4j(config.neo4j, { purpose: 'start', supervise: true, log: (m) => console.log(m) }).catch((err: unknown) => {
  console.error(`neo4j: ${(err as Error).message}`);
  process.exit(1);
});
const { uri, user } = neo4j.connection;
const where = neo4j.credentialsFile ? `the password is in ${neo4j.credentialsFile} (readable by you only)` : 'the password is NEO4J_PASSWORD';
console.log(`
Connect with user "${user}" at ${uri}; ${where}.
  cypher-shell:  cypher-shell -a ${uri} -u ${user} -p "$(node -p "require('${neo4j.credentialsFile ?? '<credentials.json>'}').password")"
  Neo4j Browser or Desktop (Bolt over WebSocket): restart with NEO4J_BOLT_WEBSOCKET_ORIGINS set to the
    page's origin, e.g. NEO4J_BOLT_WEBSOCKET_ORIGINS=https://browser.neo4j.io npm run neo4j, then connect to ${uri}.
    ${config.neo4j.boltWebsocketOrigins.length ? `WebSocket allowed now from: ${config.neo4j.boltWebsocketOrigins.join(', ')}` : 'WebSocket is off now: other web pages cannot reach this database from your browser.'}
Press Ctrl-C to stop.`);
const stop = (): void => {
  void neo4j.stop().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
