// Starts the real HTTP server in-process against the test Neo4j, the way `npm start` does.
import { inject } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { startServer, type RunningServer } from '../../app/start.js';

export async function startTestServer(env: Record<string, string> = {}): Promise<RunningServer> {
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
  return startServer({ config, connection: inject('neo4j'), log: () => undefined });
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
