// What a newcomer sees when something is wrong at start-up: the cause, named, and what to do.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.js';
import { provisionNeo4j } from '../../core/neo4j/provision.js';
import { startTestServer } from '../support/server.js';

describe('start-up errors', () => {
  it('names the NEO4J_URI it cannot reach, after waiting NEO4J_WAIT_SECONDS for it', async () => {
    const config = loadConfig({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x', NEO4J_WAIT_SECONDS: '3' });
    await expect(provisionNeo4j(config.neo4j, { purpose: 'start', log: () => undefined })).rejects.toThrow(
      /cannot reach Neo4j at NEO4J_URI=bolt:\/\/127\.0\.0\.1:1 within 3s \(NEO4J_WAIT_SECONDS\)/,
    );
  }, 35_000);

  it('names the port that is taken and the PORT variable', async () => {
    const blocker = createServer();
    const port: number = await new Promise((r) => blocker.listen(0, '127.0.0.1', () => r((blocker.address() as { port: number }).port)));
    try {
      await expect(startTestServer({ PORT: String(port) })).rejects.toThrow(
        new RegExp(`port ${port} .*already in use.*PORT`),
      );
    } finally {
      blocker.close();
    }
  });

  it('rejects a malformed PORT with a clear message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT=eighty is not a whole number/);
  });
});
