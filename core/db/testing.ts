// For snapshot tests of Cypher builders without a database: an Executor that records each statement it
// is given and answers with no rows. It tests what Cypher is built, never what Neo4j does with it
// (that is the integration tests' job, on a real Neo4j).
import type { CypherStatement, Executor } from './executor.js';

export function recordingExecutor(): { db: Executor; statements: CypherStatement[] } {
  const statements: CypherStatement[] = [];
  const record = async (stmt: CypherStatement) => {
    statements.push(stmt);
    return [];
  };
  const db: Executor = {
    uri: 'bolt://recording.invalid',
    read: record,
    write: record,
    writeTransaction: (work) => work({ run: record }),
    readWithSummary: async (stmt) => {
      statements.push(stmt);
      return { rows: [], keys: [], truncated: false };
    },
    explain: async (stmt) => {
      statements.push(stmt);
      return { queryType: 'r', plan: null };
    },
    verify: async () => undefined,
    onStatement: () => () => undefined,
    close: async () => undefined,
  };
  return { db, statements };
}
