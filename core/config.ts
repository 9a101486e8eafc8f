// Configuration is read from the environment once, here, and passed down explicitly.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface Neo4jConfig {
  /** Used as given when set (bolt://, neo4j://, neo4j+s:// ...). */
  uri?: string;
  user: string;
  password: string;
  database?: string;
  /** Where the local runner keeps its store for `npm start`. */
  dataDir: string;
  /** Bolt port of the local runner for `npm start`. */
  localPort: number;
  heap: string;
  pageCache: string;
  /** Per-transaction and total transaction memory of the local runner (default: 40% / 60% of the heap). */
  txMemoryMax?: string;
  txMemoryTotalMax?: string;
  /** Origins allowed to speak Bolt over WebSocket to the local runner (e.g. a Neo4j Browser); none by default. */
  boltWebsocketOrigins: string[];
  /** NEO4J_PROVIDER=local|docker forces one path (skips the Docker probe when local). */
  provider?: 'local' | 'docker';
  /**
   * NEO4J_WAIT_SECONDS (default 60): how long a Neo4j that does not answer yet is waited for, by the
   * provisioning (a NEO4J_URI) and by start-up (started beside it, still booting, in crash recovery).
   */
  waitSeconds: number;
  /** NEO4J_RUNNER_CDS=off: the local runner's JVM neither writes nor maps a class-data archive (core/neo4j/classSharing.ts). */
  classSharing: boolean;
}

const DEFAULT_NEO4J_WAIT_SECONDS = 60;

/** Where the offline importer starts to beat the online loader on a new store (measured: bench/README.md, "Bulk load"). */
export const DEFAULT_BULK_MIN_RELATIONSHIPS = 40_000;

/** Bounded work per client (see server/http/limits.ts). */
export interface ClientLimits {
  /** Console requests a client may send per minute. */
  consolePerMinute: number;
  /** GraphQL requests a client may send per minute. */
  graphqlPerMinute: number;
  /** GraphQL requests of one client running at once; the rest get 429. */
  graphqlConcurrent: number;
  /** Neo4j statements of one client's GraphQL requests running at once; the rest wait their turn. */
  graphqlStatements: number;
}

export interface Config {
  host: string;
  port: number;
  neo4j: Neo4jConfig;
  /** Per-request transaction timeout for GraphQL and the Cypher console. */
  queryTimeoutMs: number;
  consoleRowCap: number;
  /** Bytes of a console answer's rows as JSON (the first row included). */
  consoleByteCap: number;
  /** Console transactions Neo4j may still be running (stopped ones included) before new ones get 429. */
  consoleMaxActive: number;
  /** Big GraphQL answers (server/http/bigAnswers.ts) built and sent at once, server-wide; the rest wait in arrival order. */
  bigAnswersAtOnce: number;
  limits: ClientLimits;
  /** How long shutdown lets requests in flight finish. */
  shutdownGraceMs: number;
  /** A new local-runner store is filled by Neo4j's offline importer from this many relationships on (seed/bulkChoice.ts). */
  bulkMinRelationships: number;
  corsOrigins: string[];
  /** Host names (without port) the API answers for; anything else gets 421 (DNS rebinding). */
  allowedHosts: string[];
  clientDir: string;
}

export class ConfigError extends Error {}

export const DEFAULT_ALLOWED_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

function list(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** Loopback names, the address the server is bound to when it is a concrete one, and ALLOWED_HOSTS. */
function allowedHosts(env: NodeJS.ProcessEnv): string[] {
  const bound = (env.HOST ?? '').trim().toLowerCase();
  const own = bound && bound !== '0.0.0.0' && bound !== '::' ? [bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound] : [];
  return [...new Set([...DEFAULT_ALLOWED_HOSTS, ...own, ...list(env.ALLOWED_HOSTS).map((h) => h.toLowerCase())])];
}

function size(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+[kmg]?$/i.test(raw)) throw new ConfigError(`${name}=${raw} is not a size like 256m or 1g`);
  return raw;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '') return fallback;
  if (['on', 'true', '1'].includes(raw)) return true;
  if (['off', 'false', '0'].includes(raw)) return false;
  throw new ConfigError(`${name}=${env[name]} must be "on" or "off"`);
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${name}=${raw} is not a whole number between ${min} and ${max}`);
  return n;
}

/**
 * The project's root: the nearest folder above this module with a package.json. Found by walking up,
 * not by a fixed '..', so the same code works from core/ (tsx) and from the bundle in dist/ (npm start).
 */
export const ROOT_DIR = findRoot(import.meta.dirname);

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '..');
  }
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const provider = env.NEO4J_PROVIDER;
  if (provider !== undefined && provider !== '' && provider !== 'local' && provider !== 'docker')
    throw new ConfigError(`NEO4J_PROVIDER=${provider} must be "local" or "docker"`);
  return {
    host: env.HOST || '127.0.0.1',
    port: int(env, 'PORT', 4000, 0, 65535),
    neo4j: {
      uri: env.NEO4J_URI || undefined,
      user: env.NEO4J_USER || 'neo4j',
      // No default password: the local runner and Docker make their own, NEO4J_URI brings its own.
      password: env.NEO4J_PASSWORD ?? '',
      database: env.NEO4J_DATABASE || undefined,
      dataDir: resolve(ROOT_DIR, env.NEO4J_DATA_DIR || '.data/neo4j'),
      localPort: int(env, 'NEO4J_LOCAL_PORT', 7687, 1, 65535),
      heap: env.NEO4J_HEAP || '512m',
      pageCache: env.NEO4J_PAGECACHE || '128m',
      txMemoryMax: size(env, 'NEO4J_TX_MEMORY_MAX'),
      txMemoryTotalMax: size(env, 'NEO4J_TX_MEMORY_TOTAL_MAX'),
      boltWebsocketOrigins: list(env.NEO4J_BOLT_WEBSOCKET_ORIGINS),
      provider: (provider || undefined) as Neo4jConfig['provider'],
      waitSeconds: int(env, 'NEO4J_WAIT_SECONDS', DEFAULT_NEO4J_WAIT_SECONDS, 0, 3600),
      classSharing: onOff(env, 'NEO4J_RUNNER_CDS', true),
    },
    queryTimeoutMs: int(env, 'QUERY_TIMEOUT_MS', 5000, 100, 600_000),
    consoleRowCap: int(env, 'CONSOLE_ROW_CAP', 1000, 1, 100_000),
    consoleByteCap: int(env, 'CONSOLE_BYTE_CAP', 4 * 1024 * 1024, 1024, 256 * 1024 * 1024),
    consoleMaxActive: int(env, 'CONSOLE_MAX_ACTIVE', 2, 1, 1000),
    bigAnswersAtOnce: int(env, 'GRAPHQL_BIG_ANSWERS_AT_ONCE', 2, 1, 10_000),
    limits: {
      consolePerMinute: int(env, 'CONSOLE_RATE_PER_MINUTE', 120, 1, 1_000_000),
      graphqlPerMinute: int(env, 'GRAPHQL_RATE_PER_MINUTE', 1200, 1, 10_000_000),
      graphqlConcurrent: int(env, 'GRAPHQL_CONCURRENT_PER_CLIENT', 8, 1, 10_000),
      graphqlStatements: int(env, 'GRAPHQL_STATEMENTS_PER_CLIENT', 4, 1, 10_000),
    },
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    bulkMinRelationships: int(env, 'SEED_BULK_MIN_RELATIONSHIPS', DEFAULT_BULK_MIN_RELATIONSHIPS, 0, 1_000_000_000),
    corsOrigins: list(env.CORS_ORIGINS),
    allowedHosts: allowedHosts(env),
    clientDir: resolve(ROOT_DIR, 'dist/client'),
  };
}
