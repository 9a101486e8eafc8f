// Class-data sharing (AppCDS) for the runner's JVM. Booting Neo4j is CPU-bound on both cores, much of it
// loading, verifying and linking ~16,000 classes; a shared archive of them, made once per classpath,
// cut the runner's start from 10.2-17.9 s to 7.2-10.4 s here (bench/README.md, "Start-up"). The first
// start records which classes it loads; once it is ready, a niced background JVM writes the archive
// (~36 s of CPU, ~130 MB, once); every later start maps it. Without an archive, or with one the JVM
// finds stale, the runner starts as before: `-Xshare:auto` falls back silently.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The JVM refuses class-list lines longer than this (long lambda-proxy signatures); they are left out. */
const MAX_LIST_LINE = 4000;

export interface ClassSharing {
  /** The archive this classpath uses (it may not exist yet). */
  archive: string;
  /** JVM flags for the next launch: map the archive, or record the classes this start loads. */
  jvmArgs(): string[];
  /** The JVM is ready: if it recorded its classes, the archive is written in the background. */
  ready(): void;
  /** Settles when a background write has finished (or at once when none runs); for tests. */
  written(): Promise<boolean>;
  /** Ends a write still running (the runner is stopping); its partial file is removed. */
  stop(): void;
}

/**
 * The archive's name: the JVM, and every classpath entry with its size and modification time, so a new
 * Neo4j version, launcher or Java gets a new archive instead of a stale one the JVM would ignore.
 */
export function archiveKey(classpath: string, javaVersion: string): string {
  const h = createHash('sha256').update(javaVersion);
  for (const entry of classpath.split(':')) {
    let stamp = 'missing';
    try {
      const s = statSync(entry);
      stamp = `${s.size}:${s.mtimeMs}`;
    } catch {
      // A missing entry still names the archive; the JVM then ignores it anyway.
    }
    h.update(`\n${entry}\0${stamp}`);
  }
  return h.digest('hex').slice(0, 12);
}

/** The lines of a recorded class list the archive writer accepts: whole lines (the JVM may still be appending), none too long. */
export function usableClassList(recorded: string): string {
  const whole = recorded.slice(0, recorded.lastIndexOf('\n') + 1);
  return whole
    .split('\n')
    .filter((line) => line.length > 0 && line.length < MAX_LIST_LINE)
    .map((line) => `${line}\n`)
    .join('');
}

const pidAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Archives of other classpaths, and partial files of processes that are gone (a start stopped while it
 * wrote its archive), are removed: each archive is ~130 MB.
 */
function removeStale(dir: string, key: string): void {
  for (const name of readdirSync(dir)) {
    const m = /^cds-([0-9a-f]{12})\.(?:jsa|classlist)(?:\.(?:tmp|rec)-(\d+))?$/.exec(name);
    if (!m) continue;
    if (m[1] !== key || (m[2] && !pidAlive(Number(m[2])))) rmSync(join(dir, name), { force: true });
  }
}

export function classSharing(o: {
  /** The runner's classpath: jars only (the JVM cannot share classes from a directory). */
  classpath: string;
  javaVersion: string;
  /** Where archives live (.data/runner). */
  dir: string;
  /** Whether this start may write an archive (not for test stores: tests should not pay its CPU). */
  mayWrite: boolean;
  enabled: boolean;
  log: (m: string) => void;
}): ClassSharing {
  const key = archiveKey(o.classpath, o.javaVersion);
  const archive = join(o.dir, `cds-${key}.jsa`);
  const recording = join(o.dir, `cds-${key}.classlist.rec-${process.pid}`);
  const list = join(o.dir, `cds-${key}.classlist`);
  let recorded = false;
  let writer: ChildProcess | null = null;
  let done: Promise<boolean> = Promise.resolve(existsSync(archive));
  if (o.enabled) removeStale(o.dir, key);

  const writing = (): boolean => readdirSync(o.dir).some((n) => n.startsWith(`cds-${key}.jsa.tmp-`) && pidAlive(Number(n.split('-').pop())));

  return {
    archive,
    jvmArgs() {
      if (!o.enabled) return [];
      // -Xlog:cds=off: a stale archive is skipped without a word on stdout (where READY is read).
      if (existsSync(archive)) return [`-XX:SharedArchiveFile=${archive}`, '-Xshare:auto', '-Xlog:cds=off'];
      if (!o.mayWrite || recorded || writing()) return [];
      recorded = true;
      return [`-XX:DumpLoadedClassList=${recording}`];
    },
    ready() {
      if (!recorded || writer || existsSync(archive)) return;
      let classes: string;
      try {
        classes = usableClassList(readFileSync(recording, 'utf8'));
        writeFileSync(list, classes);
      } catch {
        return;
      } finally {
        // The JVM keeps appending to the unlinked file until it exits; nothing is left on disk.
        rmSync(recording, { force: true });
      }
      if (classes.length === 0) return;
      const tmp = `${archive}.tmp-${process.pid}`;
      o.log('neo4j: writing a class-data archive for faster starts (once, in the background)');
      done = new Promise<boolean>((resolve) => {
        // nice: the archive is for later starts; this one's requests come first.
        const child = spawn('nice', ['-n', '19', 'java', '-Xshare:dump', `-XX:SharedClassListFile=${list}`, `-XX:SharedArchiveFile=${tmp}`, '-cp', o.classpath], {
          stdio: 'ignore',
        });
        writer = child;
        // A parent that exits without stop() (a crash) must not leave the writer running alone.
        const orphaned = () => child.kill('SIGKILL');
        process.once('exit', orphaned);
        const finish = (ok: boolean) => {
          process.off('exit', orphaned);
          writer = null;
          if (ok && existsSync(tmp)) renameSync(tmp, archive);
          else rmSync(tmp, { force: true });
          resolve(ok && existsSync(archive));
        };
        child.once('error', () => finish(false));
        child.once('exit', (code) => finish(code === 0));
      });
    },
    written: () => done,
    stop() {
      writer?.kill('SIGKILL');
      rmSync(recording, { force: true });
    },
  };
}
