// Graceful shutdown: a request in flight when close() is called is answered in full, and the
// server takes no new connections after it.
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/server.js';

describe('shutdown', () => {
  it('lets a request in flight finish, then refuses new connections', async () => {
    const server = await startTestServer({ QUERY_TIMEOUT_MS: '20000', SHUTDOWN_GRACE_MS: '15000' });
    const slow = fetch(`${server.url}/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // About a second of work on this machine: long enough to be in flight when close() starts.
      body: JSON.stringify({ query: 'UNWIND range(1, 4000000) AS i WITH i WHERE i % 1000000 = 0 RETURN count(*) AS n' }),
    });
    await new Promise((r) => setTimeout(r, 300));
    const closing = server.close();
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ rows: [{ n: 4 }] });
    await closing;
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});
