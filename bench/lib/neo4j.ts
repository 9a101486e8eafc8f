// The benchmark's own Neo4j: a throwaway local-runner store on a free port, with the heap and page
// cache chosen per experiment. NEO4J_URI and Docker are ignored on purpose: a benchmark wipes and
// reloads its database many times, and must never do that to anyone else's.
import { join } from 'node:path';
import { loadConfig } from '../../core/config.js';
import { createExecutor, type Executor } from '../../core/db/executor.js';
import { provisionNeo4j, type Neo4jConnection } from '../../core/neo4j/provision.js';
import { directorySize, findChildPid, procMemory } from './proc.js';
import { mib, round } from './stats.js';

export interface BenchNeo4j {
  connection: Neo4jConnection;
  heap: string;
  pageCache: string;
  home: string | null;
  pid: number | null;
  startSeconds: number;
  stop(): Promise<void>;
}

export async function startNeo4j(heap: string, pageCache: string, log: (m: string) => void): Promise<BenchNeo4j> {
  const config = loadConfig({ NEO4J_PROVIDER: 'local', NEO4J_HEAP: heap, NEO4J_PAGECACHE: pageCache });
  let home: string | null = null;
  const t0 = performance.now();
  const provisioned = await provisionNeo4j(config.neo4j, {
    purpose: 'test',
    log: (m) => {
      // The runner names its temporary store in its start line; the store size is read from there.
      home ??= /store (\S+?)\)/.exec(m)?.[1] ?? null;
      log(m);
    },
  });
  const startSeconds = round((performance.now() - t0) / 1000, 1);
  const pid = home ? findChildPid(home) : null;
  return { connection: provisioned.connection, heap, pageCache, home, pid, startSeconds, stop: () => provisioned.stop() };
}

export function benchExecutor(neo: BenchNeo4j, timeoutMs = 60 * 60_000): Executor {
  return createExecutor(neo.connection, { queryTimeoutMs: timeoutMs });
}

export interface Neo4jMemory {
  heapUsedMiB: number;
  heapCommittedMiB: number;
  heapMaxMiB: number;
  gcCount: number;
  gcSeconds: number;
  oldGenCollections: number;
  jvmRssMiB: number | null;
  jvmPeakRssMiB: number | null;
  /** Store files on disk as of the last checkpoint (Community has no db.checkpoint() to force one). */
  storeMiB: number | null;
  transactionLogsMiB: number | null;
  pageCache: string;
}

/** Heap and GC from the JVM's own MXBeans (dbms.queryJmx works in Community), RSS from /proc, store size from disk. */
export async function neo4jMemory(db: Executor, neo: BenchNeo4j): Promise<Neo4jMemory> {
  const [mem] = await db.read({
    cypher: "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties AS heap",
    params: {},
  });
  const gcs = await db.read({
    cypher: "CALL dbms.queryJmx('java.lang:type=GarbageCollector,*') YIELD name, attributes RETURN name, attributes.CollectionCount.value AS count, attributes.CollectionTime.value AS ms",
    params: {},
  });
  const heap = (mem?.heap ?? {}) as { used?: number; committed?: number; max?: number };
  const proc = neo.pid ? procMemory(neo.pid) : null;
  const dbDir = neo.home ? join(neo.home, 'data', 'databases', 'neo4j') : null;
  const txDir = neo.home ? join(neo.home, 'data', 'transactions', 'neo4j') : null;
  return {
    heapUsedMiB: mib(heap.used ?? NaN),
    heapCommittedMiB: mib(heap.committed ?? NaN),
    heapMaxMiB: mib(heap.max ?? NaN),
    gcCount: gcs.reduce((s, g) => s + Number(g.count ?? 0), 0),
    gcSeconds: round(gcs.reduce((s, g) => s + Number(g.ms ?? 0), 0) / 1000, 2),
    oldGenCollections: gcs.filter((g) => /Old|Full|Mark/i.test(String(g.name))).reduce((s, g) => s + Number(g.count ?? 0), 0),
    jvmRssMiB: proc ? mib(proc.rssBytes) : null,
    jvmPeakRssMiB: proc ? mib(proc.peakRssBytes) : null,
    storeMiB: dbDir ? mib(directorySize(dbDir)) : null,
    transactionLogsMiB: txDir ? mib(directorySize(txDir)) : null,
    pageCache: neo.pageCache,
  };
}

/** Polls the heap while something runs, for the peak a load or a burst of queries needed. */
export function heapSampler(db: Executor, intervalMs = 1000): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    for (let i = 0; running && i < 36_000; i++) {
      try {
        const [row] = await db.read({
          cypher: "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties.used AS used",
          params: {},
        });
        peak = Math.max(peak, Number(row?.used ?? 0));
      } catch {
        // A busy or dying JVM may not answer; the peak so far still stands.
      }
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return mib(peak);
    },
  };
}
