// The local runner: Neo4j Community embedded in a small JVM (neo4j-runner/LocalNeo4j.java),
// for machines without Docker. Jars come from Maven Central through `mvn dependency:build-classpath`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT_DIR, type Neo4jConfig } from '../config.js';
import { LOCAL_USER, storedPassword, writeCredentials } from './credentials.js';
import { classSharing } from './classSharing.js';
import { freePort, isPortFree } from './ports.js';
import { ProvisionError, type Neo4jState, type ProvisionOptions, type ProvisionedNeo4j } from './types.js';

const RUNNER_DIR = join(ROOT_DIR, 'neo4j-runner');
const POM = join(RUNNER_DIR, 'pom.xml');
const LAUNCHER = join(RUNNER_DIR, 'LocalNeo4j.java');
const READY_TIMEOUT_MS = 240_000;

export function neo4jVersionFromPom(): string {
  const m = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(POM, 'utf8'));
  return m?.[1] ?? 'unknown';
}

/** Returns what `java -version` says (it names the class-data archive). */
function checkJava(): string {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new ProvisionError(
      'Java 17 or newer is needed for the local Neo4j runner, and `java` was not found. ' +
        'Install it (Debian/Ubuntu: `apt-get install openjdk-17-jdk-headless`), or set NEO4J_URI to an existing Neo4j, or start a Docker engine.',
    );
  const m = /version "(\d+)(?:\.(\d+))?/.exec(`${r.stderr}${r.stdout}`);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : 0;
  if (major < 17)
    throw new ProvisionError(
      `Java 17 or newer is needed for the local Neo4j runner (Neo4j 5.26), found Java ${major || 'of unknown version'}. ` +
        'Install a newer JDK (Debian/Ubuntu: `apt-get install openjdk-17-jdk-headless`) and put it first on PATH.',
    );
  return `${r.stderr}${r.stdout}`;
}

function checkMaven(): void {
  const r = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new ProvisionError(
      'Maven is needed once to fetch the Neo4j jars for the local runner, and `mvn` was not found. ' +
        'Install it (Debian/Ubuntu: `apt-get install maven`), or set NEO4J_URI to an existing Neo4j, or start a Docker engine.',
    );
}

/** Resolves (and caches) the runner's classpath; the first run downloads the jars. */
export function classpath(log: (m: string) => void): string {
  const pom = readFileSync(POM);
  const hash = createHash('sha256').update(pom).digest('hex').slice(0, 12);
  const cacheDir = join(ROOT_DIR, '.data', 'runner');
  const cacheFile = join(cacheDir, `classpath-${hash}.txt`);
  if (existsSync(cacheFile)) {
    const cp = readFileSync(cacheFile, 'utf8').trim();
    if (cp.split(':').every((jar) => existsSync(jar))) return cp;
  }
  checkMaven();
  log(`neo4j: resolving Neo4j ${neo4jVersionFromPom()} jars from Maven Central (first run only; about a minute)...`);
  mkdirSync(cacheDir, { recursive: true });
  const tmpFile = `${cacheFile}.tmp`;
  const r = spawnSync('mvn', ['-q', '-B', '-f', POM, 'dependency:build-classpath', `-Dmdep.outputFile=${tmpFile}`], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (r.status !== 0 || !existsSync(tmpFile))
    throw new ProvisionError(
      `could not fetch the Neo4j jars with Maven (exit ${r.status}): ${(r.stdout + r.stderr).trim().split('\n').slice(-5).join(' | ')}`,
    );
  const cp = readFileSync(tmpFile, 'utf8').trim();
  writeFileSync(cacheFile, cp);
  rmSync(tmpFile, { force: true });
  return cp;
}

/**
 * The launcher compiled once per version of its source and classpath (javac, ~2.5 s), so that a start
 * runs a class instead of Java's single-file launcher compiling the source every time, and packed as a
 * jar: the JVM shares classes (classSharing.ts) only from jars. Falls back to the class directory when
 * `jar` fails, and to the source launcher when javac is missing or fails; neither shares classes.
 */
function compiledLauncher(cp: string): { classpath: string; main: string; jarsOnly: boolean } {
  const source = readFileSync(LAUNCHER);
  const hash = createHash('sha256').update(source).update(cp).digest('hex').slice(0, 12);
  const dir = join(ROOT_DIR, '.data', 'runner', `classes-${hash}`);
  const jar = join(dir, 'launcher.jar');
  if (!existsSync(join(dir, 'LocalNeo4j.class'))) {
    const tmp = `${dir}.tmp-${process.pid}`;
    mkdirSync(tmp, { recursive: true });
    const r = spawnSync('javac', ['-nowarn', '-cp', cp, '-d', tmp, LAUNCHER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) {
      rmSync(tmp, { recursive: true, force: true });
      return { classpath: cp, main: LAUNCHER, jarsOnly: false };
    }
    // Renamed into place whole: a concurrent start sees either no directory or a complete one.
    try {
      renameSync(tmp, dir);
    } catch {
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  if (!existsSync(jar)) {
    // Packed beside the directory, then moved in: a jar inside it while written would pack itself.
    const tmpJar = `${dir}.jar.tmp-${process.pid}`;
    const r = spawnSync('jar', ['cf', tmpJar, '-C', dir, '.'], { stdio: 'ignore' });
    if (r.status === 0) renameSync(tmpJar, jar);
    else rmSync(tmpJar, { force: true });
  }
  if (existsSync(jar)) return { classpath: `${jar}:${cp}`, main: 'LocalNeo4j', jarsOnly: true };
  return { classpath: `${dir}:${cp}`, main: 'LocalNeo4j', jarsOnly: false };
}

export async function startLocalRunner(cfg: Neo4jConfig, opts: ProvisionOptions): Promise<ProvisionedNeo4j> {
  const javaVersion = checkJava();
  const launcher = compiledLauncher(classpath(opts.log));
  const sharing = classSharing({
    classpath: launcher.classpath,
    javaVersion,
    dir: join(ROOT_DIR, '.data', 'runner'),
    mayWrite: opts.purpose !== 'test',
    enabled: cfg.classSharing && launcher.jarsOnly,
    log: opts.log,
  });
  const version = neo4jVersionFromPom();

  let home: string;
  let port: number;
  let tempHome = false;
  if (opts.purpose === 'test') {
    home = mkdtempSync(join(tmpdir(), 'aig-neo4j-'));
    tempHome = true;
    port = await freePort();
  } else {
    home = cfg.dataDir;
    mkdirSync(home, { recursive: true });
    port = cfg.localPort;
    if (!(await isPortFree(port))) {
      const other = await freePort();
      opts.log(`neo4j: port ${port} is taken (set NEO4J_LOCAL_PORT to choose another); using ${other}`);
      port = other;
    }
  }

  // A new store may be filled offline before the first start; a store with a database never is.
  const pending = opts.prepareNewStore && !existsSync(join(home, 'data', 'databases', 'neo4j')) ? await opts.prepareNewStore(home) : null;
  const password = storedPassword(home);
  const memory = transactionMemory(cfg);
  opts.log(`neo4j: starting local runner ${version} (embedded, Bolt on 127.0.0.1:${port}, store ${home})...`);
  const launch = async (): Promise<ChildProcess> => {
    const jvm = await launchJvm({
      // No -XX:+ExitOnOutOfMemoryError: a query that builds a string larger than the heap (nested
      // replace(), a reduce() that doubles a string) fails with Neo.TransientError.General.OutOfMemoryError
      // and Neo4j lives on (measured); with the flag the whole JVM exited for everyone.
      args: [
        `-Xmx${cfg.heap}`,
        ...sharing.jvmArgs(),
        '-cp',
        launcher.classpath,
        launcher.main,
        home,
        String(port),
        cfg.pageCache,
        memory.perTransaction,
        memory.total,
      ],
      env: { NEO4J_RUNNER_PASSWORD: password, NEO4J_RUNNER_WEBSOCKET_ORIGINS: cfg.boltWebsocketOrigins.join(',') },
      home,
    });
    sharing.ready();
    return jvm;
  };
  let child = await launch();

  // Supervision: a JVM that dies (out of memory, killed) is started again on the same store and port,
  // with backoff; the server's driver reconnects by itself. /health reports the state meanwhile.
  const state: Neo4jState = { state: 'running', restarts: 0 };
  let stopping = false;
  const supervise = (c: ChildProcess): void => {
    c.once('exit', (code, signal) => {
      if (stopping || !opts.supervise) return;
      state.state = 'restarting';
      state.reason = `the local Neo4j exited (${signal ?? `code ${code}`}) and is being restarted`;
      opts.log(`neo4j: ${state.reason}`);
      void restart(1);
    });
  };
  const restart = async (attempt: number): Promise<void> => {
    await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * 2 ** (attempt - 1))));
    if (stopping) return;
    try {
      child = await launch();
      state.restarts++;
      state.state = 'running';
      state.reason = `restarted ${state.restarts} time(s); last: ${state.reason ?? 'unknown'}`;
      opts.log(`neo4j: the local Neo4j is back (restart ${state.restarts}, attempt ${attempt})`);
      supervise(child);
    } catch (err) {
      state.reason = `the local Neo4j could not be restarted (attempt ${attempt}): ${(err as Error).message}`;
      opts.log(`neo4j: ${state.reason}`);
      await restart(attempt + 1);
    }
  };
  supervise(child);

  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping = true;
    state.state = 'stopped';
    sharing.stop();
    const cleanUp = (): void => {
      if (tempHome) rmSync(home, { recursive: true, force: true });
    };
    stopped ??= new Promise<void>((resolve) => {
      // A JVM that already died still leaves its temporary store behind.
      if (child.exitCode !== null || child.signalCode !== null) {
        cleanUp();
        return resolve();
      }
      const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.once('exit', () => {
        clearTimeout(killer);
        cleanUp();
        resolve();
      });
      child.stdin!.end();
    });
    return stopped;
  };

  const connection = { uri: `bolt://127.0.0.1:${port}`, user: LOCAL_USER, password };
  const credentialsFile = writeCredentials(home, connection);
  return {
    connection,
    source: 'local-runner',
    description: `neo4j: local runner ${version} at ${connection.uri}`,
    credentialsFile,
    pending: pending ?? undefined,
    state: () => ({ ...state }),
    stop,
  };
}

/** Starts the JVM and resolves once it prints READY; rejects with what its last lines said. */
function launchJvm(o: { args: string[]; env: Record<string, string>; home: string }): Promise<ChildProcess> {
  const child = spawn('java', o.args, {
    // stdin stays a pipe: the launcher exits when it closes, so the JVM dies with this process.
    stdio: ['pipe', 'pipe', 'pipe'],
    cwd: RUNNER_DIR,
    // The password goes by environment, not argument: /proc/<pid>/cmdline is readable by every user.
    env: { ...process.env, ...o.env },
  });
  let stderrTail = '';
  child.stderr.on('data', (d: Buffer) => {
    stderrTail = (stderrTail + d.toString()).slice(-4000);
  });
  return new Promise<ChildProcess>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new ProvisionError(`the local Neo4j did not become ready within ${READY_TIMEOUT_MS / 1000}s; see ${join(o.home, 'logs', 'debug.log')}`));
    }, READY_TIMEOUT_MS);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      const locked = /lock|in use/i.test(stderrTail);
      reject(
        new ProvisionError(
          locked
            ? `the Neo4j store ${o.home} is locked by another process (is another \`npm start\` or seed running?)`
            : `the local Neo4j exited with code ${code} before it was ready: ${stderrTail.trim().split('\n').slice(-6).join(' | ')}`,
        ),
      );
    };
    child.once('exit', onExit);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('READY ')) {
        clearTimeout(timer);
        child.off('exit', onExit);
        child.stdout.removeAllListeners('data');
        child.stdout.resume();
        resolve(child);
      }
    });
  });
}

const UNITS: Record<string, number> = { k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };

/** Bytes of a JVM-style size ("512m", "2g"). */
export function parseSize(size: string): number {
  const m = /^(\d+)([kmg]?)$/i.exec(size.trim());
  if (!m) throw new ProvisionError(`"${size}" is not a size like 512m or 2g`);
  return Number(m[1]) * (UNITS[m[2]!.toLowerCase()] ?? 1);
}

/**
 * Neo4j's transaction memory limits, unless set: one transaction may use 40% of the heap and all of
 * them together 60%, so a runaway query fails with MemoryLimitExceeded and the JVM (and every other
 * client) lives on. The rest is Neo4j's own working memory.
 */
export function transactionMemory(cfg: Neo4jConfig): { perTransaction: string; total: string } {
  const heap = parseSize(cfg.heap);
  const kib = (bytes: number): string => `${Math.floor(bytes / 1024)}k`;
  return {
    perTransaction: cfg.txMemoryMax ?? kib(heap * 0.4),
    total: cfg.txMemoryTotalMax ?? kib(heap * 0.6),
  };
}
