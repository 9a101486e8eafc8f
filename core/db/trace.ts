// "Show the query" shows what the server ran, not a copy: an executor for one request that records
// every statement it hands on, with its parameters, in the order they start.
import type { CypherStatement, Executor, TxRunner } from './executor.js';
import type { TracedStatement } from '../domain/types.js';
import { toPlain } from './mapping.js';

export type { TracedStatement };

const plain = (stmt: CypherStatement): TracedStatement => ({ cypher: stmt.cypher, params: toPlain(stmt.params) as Record<string, unknown> });

/** `db` recording into `sink` every statement run through it (reads, writes, transactions, plans). */
export function tracedExecutor(db: Executor, sink: TracedStatement[]): Executor {
  const record = (stmt: CypherStatement): CypherStatement => {
    sink.push(plain(stmt));
    return stmt;
  };
  return {
    uri: db.uri,
    read: (stmt, opts) => db.read(record(stmt), opts),
    write: (stmt, opts) => db.write(record(stmt), opts),
    writeTransaction: (work, opts) => db.writeTransaction((tx: TxRunner) => work({ run: (stmt) => tx.run(record(stmt)) }), opts),
    readWithSummary: (stmt, opts) => db.readWithSummary(record(stmt), opts),
    explain: (stmt) => db.explain(record(stmt)),
    verify: () => db.verify(),
    onStatement: (listener) => db.onStatement(listener),
    close: () => db.close(),
  };
}
