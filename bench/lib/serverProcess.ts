// Starts bench/server-child.ts as a separate Node process, bundled by esbuild the way `npm start`
// bundles app/main.ts (plain Node, no tsx loader in the process), and stops it by closing its
// stdin, with a kill after a bounded wait.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR } from '../../core/config.js';
import type { Neo4jConnection } from '../../core/neo4j/types.js';

export interface ServerProcess {
  url: string;
  pid: number;
  /** process.memoryUsage() of the server, as it reported it (every 500 ms), oldest first. */
  memory(): NodeJS.MemoryUsage[];
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 180_000;

/** The same esbuild options as `npm run build:server`; the layout process is bundled beside it. */
function bundleServerChild(): string {
  const outdir = join(ROOT_DIR, 'bench', '.build');
  execFileSync(
    join(ROOT_DIR, 'node_modules', '.bin', 'esbuild'),
    [
      join(ROOT_DIR, 'bench', 'server-child.ts'),
      join(ROOT_DIR, 'server', 'layout', 'layoutProcess.ts'),
      '--bundle', '--platform=node', '--target=node20', '--format=esm', '--packages=external',
      `--outdir=${outdir}`, '--entry-names=[name]', '--out-extension:.js=.mjs', '--log-level=warning',
    ],
    { cwd: ROOT_DIR, stdio: 'inherit' },
  );
  return join(outdir, 'server-child.mjs');
}

/** The Node flags `npm start` gives the server (package.json's start script is their one home). */
export function startScriptNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(ROOT_DIR, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/);
  const node = words.lastIndexOf('node');
  return node < 0 ? [] : words.slice(node + 1).filter((w) => w.startsWith('--'));
}

export interface ServerProcessOptions {
  clientDir?: string;
  log?: (m: string) => void;
  /** After the start script's own flags, e.g. ['--cpu-prof'] (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
  /** A benchmark scale (bench/datasets.ts) the server serves instead of seed/data: install it with keepMarker. */
  dataset?: string;
  /** More environment for the server child (it reads only what server-child.ts passes to loadConfig). */
  env?: Record<string, string>;
}

export async function startServerProcess(connection: Neo4jConnection, opts: ServerProcessOptions = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...startScriptNodeFlags(), ...(opts.nodeArgs ?? []), bundleServerChild()], {
    cwd: ROOT_DIR,
    env: {
      ...process.env,
      // As `npm start` runs it: graphql-js skips its development-mode checks.
      NODE_ENV: 'production',
      BENCH_NEO4J: JSON.stringify(connection),
      BENCH_MEMORY_INTERVAL_MS: '500',
      ...(opts.clientDir ? { BENCH_CLIENT_DIR: opts.clientDir } : {}),
      ...(opts.dataset ? { BENCH_DATASET: opts.dataset } : {}),
      ...opts.env,
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
