// What a result was measured on: numbers from a noisy 2-core VM and from a quiet 16-core desktop are
// not comparable, so every result file carries the machine, the load around it, the versions and the date.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, freemem, release, platform } from 'node:os';
import { join } from 'node:path';
import { ROOT_DIR } from '../../core/config.js';
import { neo4jVersionFromPom } from '../../core/neo4j/localRunner.js';

const PACKAGES = ['neo4j-driver', '@apollo/server', 'express', 'graphql', 'dataloader', 'cytoscape', 'cytoscape-fcose', 'autocannon', 'playwright-core', 'vite', 'tsx'];

function packageVersion(name: string): string | null {
  const file = join(ROOT_DIR, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? null;
}

function javaVersion(): string | null {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return /version "([^"]+)"/.exec(`${r.stderr ?? ''}${r.stdout ?? ''}`)?.[1] ?? null;
}

/** The commit the numbers belong to, read from .git without running git. */
function gitCommit(): string | null {
  try {
    const head = readFileSync(join(ROOT_DIR, '.git', 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head.slice(0, 12);
    const ref = join(ROOT_DIR, '.git', head.slice(5));
    if (existsSync(ref)) return readFileSync(ref, 'utf8').trim().slice(0, 12);
    const packed = readFileSync(join(ROOT_DIR, '.git', 'packed-refs'), 'utf8');
    return packed.split('\n').find((l) => l.endsWith(` ${head.slice(5)}`))?.slice(0, 12) ?? null;
  } catch {
    return null;
  }
}

export interface MachineInfo {
  date: string;
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  freeMemoryGiB: number;
  loadAverage1mAtStart: number;
  os: string;
  node: string;
  java: string | null;
  neo4j: string;
  commit: string | null;
  packages: Record<string, string | null>;
  chromium?: string;
}

export function machineInfo(): MachineInfo {
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    cores: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 1024 ** 3) * 10) / 10,
    loadAverage1mAtStart: Math.round(loadavg()[0]! * 100) / 100,
    os: `${platform()} ${release()}`,
    node: process.version,
    java: javaVersion(),
    neo4j: neo4jVersionFromPom(),
    commit: gitCommit(),
    packages: Object.fromEntries(PACKAGES.map((p) => [p, packageVersion(p)])),
  };
}

/** Other processes' CPU use, so a report can say how noisy the machine was while it ran. */
export function loadAverage(): number {
  return Math.round(loadavg()[0]! * 100) / 100;
}
