// npm start: provision Neo4j, apply the schema, seed if needed, serve http://localhost:4000.
import { ConfigError, loadConfig } from '../core/config.js';
import { ProvisionError, provisionNeo4j, type ProvisionedNeo4j } from '../core/neo4j/provision.js';
import { StartupError, startServer, type RunningServer } from './start.js';
import { newStoreSeeder } from '../seed/bulkChoice.js';
import { readDataset } from '../seed/dataset.js';

// Start-up reports a broken dataset itself (and keeps serving the old graph); the bulk path just skips it.
const validDataset = () => {
  const r = readDataset();
  return r.ok ? r.dataset : null;
};

const log = (m: string): void => console.log(m);

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  let neo4j: ProvisionedNeo4j | null = null;
  let server: RunningServer | null = null;
  let stopping = false;
  const shutdown = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      await server?.close().catch(() => undefined);
      await neo4j?.stop().catch(() => undefined);
    }
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));

  try {
    const prepareNewStore = newStoreSeeder(validDataset, { minRelationships: config.bulkMinRelationships, log });
    neo4j = await provisionNeo4j(config.neo4j, { purpose: 'start', supervise: true, log, prepareNewStore });
    server = await startServer({ config, connection: neo4j.connection, neo4jState: neo4j.state, pending: neo4j.pending, log });
  } catch (err) {
    const known = err instanceof StartupError || err instanceof ProvisionError || err instanceof ConfigError;
    console.error(`\nstart failed: ${known ? (err as Error).message : String((err as Error)?.stack ?? err)}`);
    await shutdown(1);
    return;
  }
  console.log(`\nAI Industry Graph is ready: ${server.url}`);
  console.log(`  explorer  ${server.url}/`);
  console.log(`  GraphQL   ${server.url}/graphql`);
  console.log(`  health    ${server.url}/health`);
  console.log('Press Ctrl-C to stop.');
}

main().catch((err: unknown) => {
  console.error(`start failed: ${(err as Error)?.message ?? String(err)}`);
  process.exit(1);
});
