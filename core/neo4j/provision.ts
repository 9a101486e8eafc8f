// One place decides where Neo4j comes from, for `npm start`, the seed CLI and the tests:
// NEO4J_URI if set; else a Docker engine if one answers; else the local runner.
import type { Neo4jConfig } from '../config.js';
import { dockerEngineAnswers, startCompose, startTestcontainer } from './docker.js';
import { startLocalRunner } from './localRunner.js';
import { ProvisionError, type ProvisionOptions, type ProvisionedNeo4j } from './types.js';
import { waitForBolt } from './waitForBolt.js';

export { ProvisionError } from './types.js';
export type { ProvisionedNeo4j, Neo4jConnection } from './types.js';

export async function provisionNeo4j(cfg: Neo4jConfig, opts: ProvisionOptions): Promise<ProvisionedNeo4j> {
  const provisioned = await choose(cfg, opts);
  opts.log(provisioned.description);
  return provisioned;
}

async function choose(cfg: Neo4jConfig, opts: ProvisionOptions): Promise<ProvisionedNeo4j> {
  if (cfg.uri) {
    const connection = { uri: cfg.uri, user: cfg.user, password: cfg.password, database: cfg.database };
    // NEO4J_WAIT_SECONDS, as for start-up's own wait: a database started beside the app may take a while.
    const { waitSeconds } = cfg;
    try {
      const version = await waitForBolt(connection, waitSeconds * 1000);
      return { connection, source: 'env', description: `neo4j: NEO4J_URI (${version}) at ${cfg.uri}`, stop: async () => undefined };
    } catch (err) {
      throw new ProvisionError(
        `cannot reach Neo4j at NEO4J_URI=${cfg.uri} within ${waitSeconds}s (NEO4J_WAIT_SECONDS): ${(err as Error).message}. ` +
          'Check the address and credentials (NEO4J_USER, NEO4J_PASSWORD), or unset NEO4J_URI to use a local Neo4j.',
      );
    }
  }
  if (cfg.provider !== 'local' && (cfg.provider === 'docker' || dockerEngineAnswers())) {
    return opts.purpose === 'test' ? startTestcontainer(opts.log) : startCompose(opts.log);
  }
  return startLocalRunner(cfg, opts);
}
