// The API server in a process of its own, started the way `npm start` starts it, so the load test
// reads the server's memory from /proc without the load generator's in it.
// Protocol: the connection in SOAK_NEO4J; one JSON line {url, pid} on stdout once listening; the
// server closes when stdin closes, so it never outlives the test that started it.
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/start.js';

const connection = JSON.parse(process.env.SOAK_NEO4J ?? 'null') as { uri: string; user: string; password: string } | null;
if (!connection) throw new Error('SOAK_NEO4J is not set: test/soak/*.soak.ts start this file');

// The shipped defaults plus a free port: the soak measures what users run.
const server = await startServer({ config: loadConfig({ PORT: '0' }), connection, log: (m) => process.stderr.write(`${m}\n`) });
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.port}`, pid: process.pid })}\n`);

let closing = false;
const close = async (): Promise<void> => {
  if (closing) return;
  closing = true;
  await server.close().catch(() => undefined);
  process.exit(0);
};
process.stdin.on('end', () => void close());
process.stdin.on('close', () => void close());
process.stdin.resume();
