import type { CypherStatement } from '../db/executor.js';

export interface Neo4jConnection {
  uri: string;
  user: string;
  password: string;
  database?: string;
}

export type Neo4jSource = 'env' | 'docker-compose' | 'testcontainers' | 'local-runner';

export interface ProvisionedNeo4j {
  connection: Neo4jConnection;
  source: Neo4jSource;
  /** One line for humans, e.g. "neo4j: local runner 5.26.30 at bolt://127.0.0.1:7687". */
  description: string;
  /** Where the local runner keeps its connection (uri, user, password; mode 0600). */
  credentialsFile?: string;
  /** The local runner's supervisor state; absent for NEO4J_URI and Docker. */
  state?: () => Neo4jState;
  /** Set when the new store was filled offline: statements to run once the database answers (what the import could not store). */
  pending?: CypherStatement[];
  stop(): Promise<void>;
}

/** What the local runner's supervisor knows. */
export interface Neo4jState {
  state: 'running' | 'restarting' | 'stopped';
  /** Why it is not running, or why it last restarted. */
  reason?: string;
  restarts: number;
}

export interface ProvisionOptions {
  /** start: persistent store under .data/; test: a throwaway store on a free port. */
  purpose: 'start' | 'test';
  /** Restart the local runner's JVM when it dies (npm start, npm run neo4j). */
  supervise?: boolean;
  log: (message: string) => void;
  /**
   * Called with the local runner's store directory when it holds no database yet, before the JVM starts:
   * the composition root fills it with Neo4j's offline importer when the dataset is big enough. Returns
   * the statements to run once the database answers, or null when it left the store empty. Not called
   * for NEO4J_URI or Docker.
   */
  prepareNewStore?: (home: string) => Promise<CypherStatement[] | null>;
}

export class ProvisionError extends Error {}
