// Provisions one real Neo4j for the whole run (NEO4J_URI, else Docker, else the local runner)
// and hands its connection to the tests through vitest's provide/inject.
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../core/config.js';
import { provisionNeo4j } from '../../core/neo4j/provision.js';
import type { Neo4jConnection } from '../../core/neo4j/types.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Neo4jConnection;
    /** Where that Neo4j came from: some checks (the runner's WebSocket guard) apply to the local runner only. */
    neo4jSource: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const config = loadConfig(process.env);
  const neo4j = await provisionNeo4j(config.neo4j, { purpose: 'test', log: (m) => console.log(m) });
  project.provide('neo4j', neo4j.connection);
  project.provide('neo4jSource', neo4j.source);
  return () => neo4j.stop();
}
