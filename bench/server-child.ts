// The API server in its own process, started the way `npm start` starts it (startServer on a
// connection), so its memory can be read from /proc without the load generator's in it. The soak's
// load test (test/soak/load.soak.ts) starts it the same way.
// Parent protocol: the connection in BENCH_NEO4J, one JSON line {url, pid} on stdout when listening,
// and the server closes when stdin closes (so it never outlives the benchmark).
import { loadConfig } from '../core/config.js';
import { startServer } from '../app/start.js';
import { dataset } from './datasets.js';

const connection = JSON.parse(process.env.BENCH_NEO4J ?? 'null') as { uri: string; user: string; password: string } | null;
if (!connection) throw new Error('BENCH_NEO4J is not set: this file is started by bench/lib/serverProcess.ts');

// The defaults of `npm start` plus a free port, except the per-client limits: the load generator is
// one address standing for many clients, and the benchmark measures serving, not refusing.
const config = loadConfig({
  PORT: '0',
  GRAPHQL_CONCURRENT_PER_CLIENT: '10000',
  GRAPHQL_STATEMENTS_PER_CLIENT: '10000',
  GRAPHQL_RATE_PER_MINUTE: '10000000',
  CONSOLE_RATE_PER_MINUTE: '1000000',
  // bench/bigAnswers.ts compares servers that differ only in this.
  ...(process.env.GRAPHQL_BIG_ANSWERS_AT_ONCE ? { GRAPHQL_BIG_ANSWERS_AT_ONCE: process.env.GRAPHQL_BIG_ANSWERS_AT_ONCE } : {}),
});
if (process.env.BENCH_CLIENT_DIR) config.clientDir = process.env.BENCH_CLIENT_DIR;

const scale = process.env.BENCH_DATASET;
const server = await startServer({ config, connection, log: (m) => process.stderr.write(`${m}\n`), ...(scale ? { dataset: dataset(scale, { keep: false }) } : {}) });

// Where the resident memory goes (V8 heap, buffers, the rest), sampled for the parent at a fixed interval.
if (process.env.BENCH_MEMORY_INTERVAL_MS) {
  const every = Number(process.env.BENCH_MEMORY_INTERVAL_MS);
  setInterval(() => process.stderr.write(`BENCH_MEM ${JSON.stringify(process.memoryUsage())}\n`), every).unref();
}
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${server.port}`, pid: process.pid })}\n`);

let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await server.close().catch(() => undefined);
  process.exit(0);
};
process.stdin.on('end', close);
process.stdin.on('close', close);
process.stdin.resume();
