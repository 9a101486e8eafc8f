// npm run neo4j: provisions Neo4j the same way `npm start` does and keeps it running until Ctrl-C,
// for people who want to point other tools (cypher-shell, Neo4j Desktop, scripts) at it.
import { loadConfig } from '../config.js';
import { provisionNeo4j } from './provision.js';

const config = loadConfig(process.env);
const neo4j = await provisionNeo4j(config.neo4j, { purpose: 'start', log: (m) => console.log(m) }).catch((err: unknown) => {
  console.error(`neo4j: ${(err as Error).message}`);
  process.exit(1);
});
console.log('Press Ctrl-C to stop.');
const stop = (): void => {
  void neo4j.stop().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
