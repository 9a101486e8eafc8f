// The Docker paths: `docker compose up -d neo4j` for start, @testcontainers/neo4j for tests.
import { spawnSync } from 'node:child_process';
import { ROOT_DIR } from '../config.js';
import { waitForBolt } from './waitForBolt.js';
import { ProvisionError, type ProvisionedNeo4j } from './types.js';

export const DOCKER_IMAGE = 'neo4j:5.26-community';
/** Matches NEO4J_AUTH in docker-compose.yml. */
const COMPOSE_AUTH = { user: 'neo4j', password: 'ai-industry-graph' };

/** True only when a Docker engine answers, not merely when the client is installed. */
export function dockerEngineAnswers(): boolean {
  const r = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 8000 });
  return r.status === 0 && r.stdout.trim().length > 0;
}

export async function startCompose(log: (m: string) => void): Promise<ProvisionedNeo4j> {
  log('neo4j: starting the neo4j service with `docker compose up -d neo4j`...');
  const r = spawnSync('docker', ['compose', 'up', '-d', 'neo4j'], { cwd: ROOT_DIR, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) throw new ProvisionError(`docker compose up -d neo4j failed: ${(r.stderr || r.stdout).trim()}`);
  const connection = { uri: 'bolt://127.0.0.1:7687', ...COMPOSE_AUTH };
  const version = await waitForBolt(connection, 180_000);
  return {
    connection,
    source: 'docker-compose',
    description: `neo4j: docker compose (${version}) at ${connection.uri}`,
    // The container keeps running (and keeps its volume) after the app stops: `docker compose down` ends it.
    stop: async () => undefined,
  };
}

export async function startTestcontainer(log: (m: string) => void): Promise<ProvisionedNeo4j> {
  log(`neo4j: starting ${DOCKER_IMAGE} with testcontainers...`);
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const container = await new Neo4jContainer(DOCKER_IMAGE).withPassword(COMPOSE_AUTH.password).start();
  const connection = { uri: container.getBoltUri(), user: container.getUsername(), password: container.getPassword() };
  return {
    connection,
    source: 'testcontainers',
    description: `neo4j: testcontainers ${DOCKER_IMAGE} at ${connection.uri}`,
    stop: async () => {
      await container.stop();
    },
  };
}
