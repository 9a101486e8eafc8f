// Start-up as a function, so tests can start the whole server in-process the way `npm start` does.
import type { Server } from 'node:http';
import type { Config } from '../core/config.js';
import { createConsoleRunner, type ConsoleRunner } from '../server/console/isolated.js';
import { DatabaseUnavailableError, QueryTimeoutError } from '../core/db/errors.js';
import { createExecutor, type CypherStatement, type Executor } from '../core/db/executor.js';
import { applySchema } from '../core/db/schema.js';
import type { Dataset, Vocabulary } from '../core/domain/types.js';
import { createApolloServer } from '../server/graphql/server.js';
import { createApp } from '../server/http/app.js';
import type { Neo4jState } from '../server/http/health.js';
import { isPortFree } from '../core/neo4j/ports.js';
import type { Neo4jConnection } from '../core/neo4j/types.js';
import { DEFAULT_DATA_DIR, readDataset } from '../seed/dataset.js';
import { readDataDir } from '../seed/read.js';
import { vocabularySchema } from '../seed/schema.js';
import { formatError, type ValidationResult } from '../seed/validate.js';
import { datasetHash, loadDataset } from '../seed/load.js';
import { graphStats, storedDataset } from '../core/db/graphState.js';
import { DEFAULT_GRAPH_LIMIT, wholeGraph } from '../server/repository/graph.js';
import { createLayoutService, LAYOUT_MAX_NODES, layoutInput, type LayoutService } from '../server/layout/service.js';
import { FIRST_VIEW_NODES } from '../core/domain/layoutOptions.js';

export class StartupError extends Error {}

export interface RunningServer {
  url: string;
  port: number;
  db: Executor;
  close(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  connection: Neo4jConnection;
  log: (message: string) => void;
  /** Directory of seed data (tests point this at fixtures). */
  dataDir?: string;
  /**
   * A validated dataset to serve instead of dataDir's: the benchmark's synthetic graphs, so that their
   * store keeps its fingerprint and answers are cached as they are for a seeded store.
   */
  dataset?: Dataset;
  /** The local runner's supervisor state, for /health. */
  neo4jState?: () => Neo4jState;
  /** Statements provisioning left to run once the database answers (after a bulk import). */
  pending?: CypherStatement[];
}

/** The vocabulary alone, so a graph can still be served while other data files are being fixed. */
function readVocabulary(dataDir: string | undefined): Vocabulary | null {
  const raw = readDataDir(dataDir ?? DEFAULT_DATA_DIR);
  const parsed = vocabularySchema.safeParse(raw.vocabulary?.value);
  return parsed.success ? (parsed.data as Vocabulary) : null;
}

/** Seeds when the database is empty or holds an older version of the dataset; keeps the old graph if the files are broken. */
async function ensureSeeded(db: Executor, dataDir: string | undefined, given: Dataset | undefined, log: (m: string) => void): Promise<Vocabulary> {
  const result: ValidationResult = given ? { ok: true, dataset: given, errors: [] } : readDataset(dataDir);
  const counts = await graphStats(db);
  if (!result.ok) {
    for (const e of result.errors.slice(0, 20)) log(`  ${formatError(e)}`);
    if (counts.entities === 0)
      throw new StartupError(`seed/data has ${result.errors.length} error(s) and the database is empty: fix them (npm run seed -- --check)`);
    const vocabulary = readVocabulary(dataDir);
    if (!vocabulary) throw new StartupError('seed/data/vocabulary.yaml is broken: fix it (npm run seed -- --check)');
    log(`seed: the data files have ${result.errors.length} error(s); serving the graph already in Neo4j (${counts.entities} entities)`);
    return vocabulary;
  }
  const hash = datasetHash(result.dataset);
  const stored = await storedDataset(db);
  const interrupted = stored.loading !== null;
  if (counts.entities === 0 || interrupted || (stored.hash !== null && stored.hash !== hash)) {
    log(
      counts.entities === 0
        ? 'seed: the database is empty, loading seed/data...'
        : interrupted
          ? 'seed: the last load did not finish, loading seed/data again...'
          : 'seed: seed/data changed since the last load, reloading...',
    );
    const loaded = await loadDataset(db, result.dataset);
    log(`seed: ${loaded.entities} entities, ${loaded.relationships} relationships, ${loaded.facts} facts`);
  } else {
    log(`seed: graph is up to date (${counts.entities} entities, ${counts.relationships} relationships, ${counts.facts} facts)`);
  }
  return result.dataset.vocabulary;
}

/**
 * Schema, the statements a bulk import left, then the seed. A function of its own because a closure
 * written inside startServer would keep `opts` alive for as long as the server runs (V8 gives every
 * closure of a function one shared context), and with it a given dataset (the benchmark's 10k/50k graph).
 */
function provision(db: Executor, opts: StartOptions): () => Promise<Vocabulary> {
  return async () => {
    await applySchema(db);
    for (const st of opts.pending ?? []) await db.write(st);
    return ensureSeeded(db, opts.dataDir, opts.dataset, opts.log);
  };
}

/**
 * A server started beside its database (compose, systemd, a restart of both) often wins the race:
 * keep asking with backoff until NEO4J_WAIT_SECONDS have passed instead of dying at once.
 */
async function waitForDatabase(db: Executor, waitSeconds: number, log: (m: string) => void): Promise<void> {
  const deadline = Date.now() + waitSeconds * 1000;
  let delay = 250;
  for (let attempt = 1; attempt <= 10_000; attempt++) {
    try {
      await db.verify();
      if (attempt > 1) log(`neo4j: reachable at ${db.uri} after ${attempt} attempts`);
      return;
    } catch (err) {
      // Only "not reachable" can fix itself; bad credentials or a bad URI will not. A timeout is
      // "not reachable yet" too: a store in crash recovery accepts connections before it answers.
      if (!(err instanceof DatabaseUnavailableError) && !(err instanceof QueryTimeoutError)) throw err;
      if (Date.now() + delay > deadline)
        throw new StartupError(
          `Neo4j at ${db.uri} did not answer within ${waitSeconds}s: start it, check NEO4J_URI, or raise NEO4J_WAIT_SECONDS`,
        );
      log(`neo4j: not reachable at ${db.uri} yet (attempt ${attempt}); retrying in ${delay} ms`);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 5000);
    }
  }
}

/** Runs start-up work again while Neo4j is reachable but not answering yet (crash recovery), up to the wait. */
async function untilAnswered<T>(db: Executor, waitSeconds: number, log: (m: string) => void, work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + waitSeconds * 1000;
  for (let delay = 500; ; delay = Math.min(delay * 2, 5000)) {
    try {
      return await work();
    } catch (err) {
      const transient = err instanceof QueryTimeoutError || err instanceof DatabaseUnavailableError;
      if (!transient || Date.now() + delay > deadline) throw err;
      log(`neo4j: ${(err as Error).message} during start-up (still recovering?); retrying in ${delay} ms`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/**
 * Graceful stop: no new connections, idle keep-alive connections closed, requests in flight get up
 * to `graceMs` to finish; whatever is left then is cut.
 */
export function drain(server: Server, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    cut.unref();
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/**
 * The explorer opens on the first view's graph and shows the whole one on request: lay both out before
 * the first visitor asks (the same one for a graph under FIRST_VIEW_NODES), waiting at most a few
 * seconds (the layout goes on in the background if it takes longer; start-up never fails on it).
 */
async function warmWholeGraph(db: Executor, vocabulary: Vocabulary, layout: LayoutService, log: (m: string) => void): Promise<void> {
  const t0 = performance.now();
  const warming: Promise<void>[] = [];
  try {
    for (const limit of [FIRST_VIEW_NODES, DEFAULT_GRAPH_LIMIT]) {
      const g = await wholeGraph(db, { kinds: [], types: [], asOf: null, limit }, Object.keys(vocabulary.relationshipTypes));
      warming.push(layout.warm(layoutInput(g)));
      // A graph that fits the first view is also the whole one: no second read of it.
      if (!g.truncated) break;
    }
  } catch (err) {
    return log(`layout: not warmed (${(err as Error).message})`);
  }
  const inTime = await Promise.race([Promise.all(warming).then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 15_000).unref())]);
  if (!inTime) log(`layout: still computing after ${Math.round(performance.now() - t0)} ms; the first visitors lay out in the browser`);
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const { config, log } = opts;
  if (config.port !== 0 && !(await isPortFree(config.port, config.host)))
    throw new StartupError(`port ${config.port} on ${config.host} is already in use: stop what runs there or set PORT to another port (e.g. PORT=4001 npm start)`);

  const db = createExecutor(opts.connection, { queryTimeoutMs: config.queryTimeoutMs });
  // Its own two connections: /health answers while every pooled connection is busy with queries.
  const healthDb = createExecutor(opts.connection, { queryTimeoutMs: 2000, maxConnectionPoolSize: 2 });
  let layout: LayoutService | undefined;
  let consoleRunner: ConsoleRunner | undefined;
  try {
    await waitForDatabase(db, config.neo4j.waitSeconds, log);
    const vocabulary = await untilAnswered(db, config.neo4j.waitSeconds, log, provision(db, opts));
    const apollo = createApolloServer(vocabulary);
    await apollo.start();
    layout = createLayoutService({ maxNodes: LAYOUT_MAX_NODES, log });
    await warmWholeGraph(db, vocabulary, layout, log);
    consoleRunner = createConsoleRunner({
      connection: opts.connection,
      limits: { timeoutMs: config.queryTimeoutMs, rowCap: config.consoleRowCap, byteCap: config.consoleByteCap, maxActive: config.consoleMaxActive },
      log,
    });
    const app = createApp({
      db,
      healthDb,
      console: consoleRunner,
      limits: config.limits,
      neo4jState: opts.neo4jState,
      vocabulary,
      apollo,
      layout,
      clientDir: config.clientDir,
      corsOrigins: config.corsOrigins,
      allowedHosts: config.allowedHosts,
      bigAnswersAtOnce: config.bigAnswersAtOnce,
    });
    const server: Server = await new Promise((resolve, reject) => {
      const s = app.listen(config.port, config.host, () => resolve(s));
      s.once('error', (err: NodeJS.ErrnoException) =>
        reject(err.code === 'EADDRINUSE' ? new StartupError(`port ${config.port} is already in use: set PORT to another port`) : err),
      );
    });
    server.keepAliveTimeout = 5000;
    server.requestTimeout = 30_000;
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const shownHost = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
    const runner = consoleRunner;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      db,
      close: async () => {
        await drain(server, config.shutdownGraceMs);
        await apollo.stop();
        await runner.close();
        await layout?.close();
        await healthDb.close();
        await db.close();
      },
    };
  } catch (err) {
    await consoleRunner?.close();
    await layout?.close();
    await healthDb.close();
    await db.close();
    throw err;
  }
}
