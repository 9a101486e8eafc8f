// Process memory from /proc (Linux): resident set now and its peak, for the server child and the JVM.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ProcMemory {
  rssBytes: number;
  peakRssBytes: number;
}

export function procMemory(pid: number): ProcMemory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rssBytes: kib('VmRSS'), peakRssBytes: kib('VmHWM') };
  } catch {
    return null;
  }
}

/** A child of this process whose command line contains `needle` (the JVM the local runner spawned). */
export function findChildPid(needle: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: the ppid is the 2nd field after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes(needle)) return Number(entry);
    } catch {
      // The process ended while we looked: not ours to worry about.
    }
  }
  return null;
}

/** Bytes under a directory, bounded in depth and entries so a surprise tree cannot stall the run. */
export function directorySize(dir: string, depth = 6): number {
  let total = 0;
  let seen = 0;
  const walk = (d: string, level: number): void => {
    if (level > depth) return;
    let entries: string[];
    try {
      entries = readdirSync(d);
    } catch {
      return;
    }
    for (const name of entries) {
      if (++seen > 100_000) return;
      const p = join(d, name);
      try {
        const st = statSync(p);
        if (st.isDirectory()) walk(p, level + 1);
        else total += st.size;
      } catch {
        // Files come and go in a live store (transaction logs rotate).
      }
    }
  };
  walk(dir, 0);
  return total;
}

/** Samples a process's RSS at a fixed interval until stopped; every sample is kept. */
export function rssSampler(pid: number, intervalMs = 200): { stop(): number[] } {
  const samples: number[] = [];
  const take = () => {
    const m = procMemory(pid);
    if (m) samples.push(m.rssBytes);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}
