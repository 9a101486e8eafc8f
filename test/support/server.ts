// Starts the real HTTP server in-process against the test Neo4j, the way `npm start` does.
import { inject } from 'vitest';
import { loadConfig } from '../../core/config.js';
import type { Dataset } from '../../core/domain/types.js';
import type { Neo4jConnection } from '../../core/neo4j/types.js';
import { startServer, type RunningServer } from '../../app/start.js';
import { testExecutor, withRealDataset } from './db.js';

export interface TestServerOptions {
  /** Another way to the test Neo4j (a relay in front of it, a port where nothing listens); the shared one by default. */
  connection?: Neo4jConnection;
  /** Start-up's log lines; dropped by default. */
  log?: (message: string) => void;
  /** A built client to serve instead of dist/client. */
  clientDir?: string;
  /** A dataset already loaded into the test Neo4j, served instead of seed/data's (which would be loaded over it). */
  dataset?: Dataset;
}

/** `env` is read as `npm start` reads the environment, over the test defaults below. */
export async function startTestServer(env: Record<string, string> = {}, opts: TestServerOptions = {}): Promise<RunningServer> {
  // Test files send hundreds of requests from one address: per-client limits are tested on their own.
  const config = loadConfig({
    PORT: '0',
    QUERY_TIMEOUT_MS: '3000',
    CONSOLE_RATE_PER_MINUTE: '1000000',
    GRAPHQL_RATE_PER_MINUTE: '1000000',
    GRAPHQL_CONCURRENT_PER_CLIENT: '10000',
    GRAPHQL_STATEMENTS_PER_CLIENT: '10000',
    SHUTDOWN_GRACE_MS: '2000',
    ...env,
  });
  return startServer({
    config: opts.clientDir ? { ...config, clientDir: opts.clientDir } : config,
    connection: opts.connection ?? inject('neo4j'),
    log: opts.log ?? (() => undefined),
    ...(opts.dataset ? { dataset: opts.dataset } : {}),
  });
}

/** Exactly the real dataset in the test Neo4j (support/db.ts), then a server on it. */
export async function startSeededServer(env: Record<string, string> = {}, opts: TestServerOptions = {}): Promise<RunningServer> {
  const db = testExecutor(60_000);
  try {
    await withRealDataset(db);
  } finally {
    await db.close();
  }
  return startTestServer(env, opts);
}

export async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] } }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as never };
}
