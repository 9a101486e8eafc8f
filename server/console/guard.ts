// First, fast line of defence of the read-only Cypher console: a lexical check that refuses writes,
// admin commands, multiple statements and any procedure not on the allowlist. It reads the query as
// Cypher's lexer does (core/cypher/lexer.ts). What decides is the second line, the plan (plan.ts: every operator
// of EXPLAIN's plan must be a read), and the third a READ access-mode session.
import { codeOf } from '../../core/cypher/lexer.js';
import { CODE, CodedError } from '../../core/domain/errors.js';

export const MAX_QUERY_LENGTH = 20_000;

export const ALLOWED_PROCEDURES = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
  'db.index.fulltext.querynodes',
  'db.index.fulltext.queryrelationships',
]);

const FORBIDDEN: [RegExp, string][] = [
  [/\bCREATE\b/i, 'CREATE'],
  [/\bINSERT\b/i, 'INSERT'],
  [/\bRENAME\b/i, 'RENAME'],
  [/\bMERGE\b/i, 'MERGE'],
  [/(?<![.\w$])SET\b/i, 'SET'],
  [/\bDELETE\b/i, 'DELETE'],
  [/\bDETACH\b/i, 'DETACH'],
  [/(?<![.\w$])REMOVE\b/i, 'REMOVE'],
  [/\bDROP\b/i, 'DROP'],
  [/\bLOAD\s+CSV\b/i, 'LOAD CSV'],
  [/\bFOREACH\b/i, 'FOREACH'],
  [/\bIN\s+(?:\d+\s+CONCURRENT\s+)?TRANSACTIONS\b/i, 'CALL { ... } IN TRANSACTIONS'],
  [/(?<![.\w$])USE\b/i, 'USE'],
  [/\bALTER\b/i, 'ALTER'],
  [/\bGRANT\b/i, 'GRANT'],
  [/\bDENY\b/i, 'DENY'],
  [/\bREVOKE\b/i, 'REVOKE'],
  [/\bSTART\s+DATABASE\b/i, 'START DATABASE'],
  [/\bSTOP\s+DATABASE\b/i, 'STOP DATABASE'],
  [/\bTERMINATE\b/i, 'TERMINATE'],
  [/(?<![.\w$])SHOW\b/i, 'SHOW'],
  [/\bENABLE\b/i, 'ENABLE'],
  [/\bDEALLOCATE\b/i, 'DEALLOCATE'],
  [/\bREALLOCATE\b/i, 'REALLOCATE'],
  [/\bFINISH\b/i, 'FINISH'],
];

export class ConsoleRefusal extends CodedError {
  constructor(message: string, readonly code: typeof CODE.READ_ONLY | typeof CODE.BAD_USER_INPUT = CODE.READ_ONLY) {
    super(message);
  }
}

/** Throws ConsoleRefusal when the query could write, administer, or do more than one thing. */
export function checkReadOnly(query: string): void {
  if (typeof query !== 'string' || query.trim().length === 0) throw new ConsoleRefusal('query must be a non-empty string', CODE.BAD_USER_INPUT);
  if (query.length > MAX_QUERY_LENGTH)
    throw new ConsoleRefusal(`query is longer than ${MAX_QUERY_LENGTH} characters`, CODE.BAD_USER_INPUT);
  const code = codeOf(query);
  if (/;\s*\S/.test(code)) throw new ConsoleRefusal('only one statement at a time: remove the ";" and what follows it');
  if (/^\s*(EXPLAIN|PROFILE)\b/i.test(code)) throw new ConsoleRefusal('EXPLAIN and PROFILE are not available in the console', CODE.BAD_USER_INPUT);
  for (const [re, name] of FORBIDDEN)
    if (re.test(code) || re.test(code.replace(/(?<=\d)(?=[A-Za-z])/g, ' '))) throw new ConsoleRefusal(`${name} is not allowed: the console is read-only`);
  for (const m of code.matchAll(/\bCALL\s+([A-Za-z_][\w.]*)/gi)) {
    const proc = m[1]!.toLowerCase();
    if (!ALLOWED_PROCEDURES.has(proc))
      throw new ConsoleRefusal(`procedure ${m[1]} is not allowed; allowed: ${[...ALLOWED_PROCEDURES].join(', ')}`);
  }
}
