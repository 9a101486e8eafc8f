// Starts bench/server-child.ts as a separate Node process (with tsx's loader, as `npm start` runs
// the server) and stops it by closing its stdin, with a kill after a bounded wait.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT_DIR } from '../../server/config.js';
import type { Neo4jConnection } from '../../server/neo4j/types.js';

export interface ServerProcess {
  url: string;
  pid: number;
  /** process.memoryUsage() of the server, as it reported it (every 500 ms), oldest first. */
  memory(): NodeJS.MemoryUsage[];
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 180_000;

export async function startServerProcess(connection: Neo4jConnection, opts: { clientDir?: string; log?: (m: string) => void } = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT_DIR, 'bench', 'server-child.ts')], {
    cwd: ROOT_DIR,
    env: {
      ...process.env,
      BENCH_NEO4J: JSON.stringify(connection),
      BENCH_MEMORY_INTERVAL_MS: '500',
      ...(opts.clientDir ? { BENCH_CLIENT_DIR: opts.clientDir } : {}),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  const memory: NodeJS.MemoryUsage[] = [];
  child.stderr.setEncoding('utf8');
  let partial = '';
  child.stderr.on('data', (d: string) => {
    stderr = (stderr + d).slice(-4000);
    const lines = (partial + d).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      if (line.startsWith('BENCH_MEM ')) {
        // Bounded: an hour of samples at 2/s.
        if (memory.length < 7200) memory.push(JSON.parse(line.slice(10)) as NodeJS.MemoryUsage);
      } else opts.log?.(`  server: ${line}`);
    }
  });
  const started = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${START_TIMEOUT_MS / 1000}s: ${stderr.trim().split('\n').slice(-5).join(' | ')}`));
    }, START_TIMEOUT_MS);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line) as { url: string; pid: number });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with code ${code} before listening: ${stderr.trim().split('\n').slice(-5).join(' | ')}`));
    });
  });
  child.stdout.resume();
  let stopped: Promise<void> | null = null;
  return {
    ...started,
    memory: () => memory,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.stdin.end();
      });
      return stopped;
    },
  };
}
