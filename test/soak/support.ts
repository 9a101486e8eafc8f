// Helpers shared by the soak files: the seed CLI as a real child process, memory from /proc (the
// server's own process comes from bench/lib/serverProcess.ts, bundled as `npm start` bundles it), and synthetic datasets large enough for a load to be caught half-way.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR } from '../../core/config.js';
import type { Neo4jConnection } from '../../core/neo4j/types.js';

/** The JVM listening on `port`, only if it is this process's own child (never another session's Neo4j). */
export function ourJvmPid(port: number): number {
  const line = execFileSync('ss', ['-ltnpH'], { encoding: 'utf8' })
    .split('\n')
    .find((l) => new RegExp(`:${port}\\s`).test(l));
  const pid = Number(/pid=(\d+)/.exec(line ?? '')?.[1]);
  const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
  if (ppid !== process.pid) throw new Error(`port ${port} is served by pid ${pid}, not by a child of this process`);
  return pid;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident memory of a process in MiB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

export interface SeedRun {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code, or the signal name when killed. */
  exited: Promise<number | string>;
  /** SIGKILL to the whole process group: npx, tsx and the Node process that holds the transaction. */
  kill9(): void;
}

/** `npx tsx seed/cli.ts --data <dir>` against the given Neo4j, as `npm run seed` would run it. */
export function runSeedCli(dataDir: string, conn: Neo4jConnection, extraArgs: string[] = []): SeedRun {
  const child = spawn('npx', ['tsx', 'seed/cli.ts', '--data', dataDir, ...extraArgs], {
    cwd: ROOT_DIR,
    env: {
      ...process.env,
      NEO4J_URI: conn.uri,
      NEO4J_USER: conn.user,
      NEO4J_PASSWORD: conn.password,
      ...(conn.database ? { NEO4J_DATABASE: conn.database } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so one kill reaches every process npx starts.
    detached: true,
  });
  let out = '';
  const add = (d: Buffer) => {
    out = (out + d.toString()).slice(-50_000);
  };
  child.stdout!.on('data', add);
  child.stderr!.on('data', add);
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return {
    child,
    output: () => out,
    exited,
    kill9: () => {
      if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
    },
  };
}

/** Waits until `test` holds for the run's output; false when the run ended or the time ran out first. */
export async function waitForOutput(run: SeedRun, test: (out: string) => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; i < 100_000 && Date.now() < deadline; i++) {
    if (test(run.output())) return true;
    if (run.child.exitCode !== null || run.child.signalCode !== null) return false;
    await sleep(50);
  }
  return false;
}

/**
 * A valid dataset directory in the seed format: the real vocabulary and episode, the three speakers,
 * then `entities` generated companies, `relationships` PARTNERS_WITH edges and one fact per entity
 * up to `facts`. Names carry `tag`, so two synthetic datasets differ in content, not only in size.
 */
export function writeSyntheticDataset(dir: string, opts: { entities: number; relationships: number; facts: number; tag: string }): void {
  const src = join(ROOT_DIR, 'seed/data');
  for (const sub of ['entities', 'relationships', 'facts']) mkdirSync(join(dir, sub), { recursive: true });
  copyFileSync(join(src, 'vocabulary.yaml'), join(dir, 'vocabulary.yaml'));
  copyFileSync(join(src, 'episode.yaml'), join(dir, 'episode.yaml'));

  const id = (i: number) => `syn-${opts.tag}-${String(i).padStart(6, '0')}`;
  const ev = '[{ at: 300, speaker: dylan-patel, note: Generated for a soak test., noteZh: 为浸泡测试生成。 }]';
  const people = ['lex-fridman', 'dylan-patel', 'nathan-lambert']
    .map((p) => `- id: ${p}\n  kind: PERSON\n  name: ${p.replace(/-/g, ' ')}\n  summary:\n    en: A speaker of the episode.\n    zh: 本期节目的发言人。\n`)
    .join('');
  const entities: string[] = [people];
  for (let i = 0; i < opts.entities; i++)
    entities.push(`- id: ${id(i)}\n  kind: COMPANY\n  name: Synthetic ${opts.tag} company ${i}\n  summary:\n    en: A generated company for the soak tests.\n    zh: 压力测试生成的公司。\n`);
  writeFileSync(join(dir, 'entities/synthetic.yaml'), entities.join(''));

  const rels: string[] = [];
  const n = opts.entities;
  for (let k = 1; rels.length < opts.relationships && k < n; k++)
    for (let i = 0; i < n && rels.length < opts.relationships; i++)
      rels.push(`- type: PARTNERS_WITH\n  source: ${id(i)}\n  target: ${id((i + k) % n)}\n  evidence: ${ev}\n`);
  writeFileSync(join(dir, 'relationships/synthetic.yaml'), rels.join(''));

  const facts: string[] = [];
  for (let i = 0; i < Math.min(opts.facts, n); i++)
    facts.push(`- subject: ${id(i)}\n  metric: synthetic_value\n  value: ${i}\n  unit: USD\n  evidence: ${ev}\n`);
  writeFileSync(join(dir, 'facts/synthetic.yaml'), facts.join(''));
}
