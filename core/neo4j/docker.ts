// The Docker paths: `docker compose up -d neo4j` for start, @testcontainers/neo4j for tests.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT_DIR } from '../config.js';
import { LOCAL_USER, newPassword, storedPassword, writeCredentials } from './credentials.js';
import { waitForBolt } from './waitForBolt.js';
import { ProvisionError, type ProvisionedNeo4j } from './types.js';

export const DOCKER_IMAGE = 'neo4j:5.26-community';
/** Where `npm start` keeps the compose service's password (docker-compose.yml reads NEO4J_PASSWORD). */
const COMPOSE_HOME = join(ROOT_DIR, '.data', 'docker');

/** True only when a Docker engine answers, not merely when the client is installed. */
export function dockerEngineAnswers(): boolean {
  const r = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 8000 });
  return r.status === 0 && r.stdout.trim().length > 0;
}

export async function startCompose(log: (m: string) => void): Promise<ProvisionedNeo4j> {
  log('neo4j: starting the neo4j service with `docker compose up -d neo4j`...');
  // Neo4j applies NEO4J_AUTH only when its volume is new: the password is kept and reused.
  const password = process.env.NEO4J_PASSWORD || storedPassword(COMPOSE_HOME);
  const r = spawnSync('docker', ['compose', 'up', '-d', 'neo4j'], {
    cwd: ROOT_DIR,
    encoding: 'utf8',
    timeout: 600_000,
    env: { ...process.env, NEO4J_PASSWORD: password },
  });
  if (r.status !== 0) throw new ProvisionError(`docker compose up -d neo4j failed: ${(r.stderr || r.stdout).trim()}`);
  const connection = { uri: 'bolt://127.0.0.1:7687', user: LOCAL_USER, password };
  const credentialsFile = writeCredentials(COMPOSE_HOME, connection);
  const version = await waitForBolt(connection, 180_000);
  return {
    connection,
    source: 'docker-compose',
    description: `neo4j: docker compose (${version}) at ${connection.uri}`,
    credentialsFile,
    // The container keeps running (and keeps its volume) after the app stops: `docker compose down` ends it.
    stop: async () => undefined,
  };
}

export async function startTestcontainer(log: (m: string) => void): Promise<ProvisionedNeo4j> {
  log(`neo4j: starting ${DOCKER_IMAGE} with testcontainers...`);
  const { Neo4jContainer } = await import('@testcontainers/neo4j');
  const container = await new Neo4jContainer(DOCKER_IMAGE).withPassword(newPassword()).start();
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
