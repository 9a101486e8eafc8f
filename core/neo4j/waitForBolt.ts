import neo4j from 'neo4j-driver';
import type { Neo4jConnection } from './types.js';

/** Retries with backoff until Neo4j answers or the deadline passes; returns the server version. */
export async function waitForBolt(conn: Neo4jConnection, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let delay = 250;
  let lastError: unknown;
  while (Date.now() < deadline) {
    const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password), {
      connectionTimeout: Math.min(5000, Math.max(500, deadline - Date.now())),
      maxConnectionPoolSize: 1,
      logging: { level: 'error', logger: () => undefined },
    });
    try {
      const info = await driver.getServerInfo({ database: conn.database });
      return info.agent ?? 'neo4j';
    } catch (err) {
      lastError = err;
      // Wrong credentials will not fix themselves: fail at once.
      if (err instanceof Error && /unauthorized|authentication/i.test(err.message)) throw err;
    } finally {
      await driver.close().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, Math.min(delay, Math.max(0, deadline - Date.now()))));
    delay = Math.min(delay * 2, 3000);
  }
  throw lastError instanceof Error ? lastError : new Error('timed out');
}
