// First line of defence of the read-only Cypher console: a lexical check that refuses writes,
// admin commands, multiple statements and any procedure not on the allowlist. The second line is
// the planner (EXPLAIN must report a read-only query) and the third a READ access-mode session.

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

export class ConsoleRefusal extends Error {
  constructor(message: string, readonly code: 'READ_ONLY' | 'BAD_USER_INPUT' = 'READ_ONLY') {
    super(message);
  }
}

/** Replaces string literals, quoted identifiers and comments with blanks so keywords inside them do not count. */
export function stripLiterals(query: string): string {
  let out = '';
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    const next = query[i + 1];
    if (c === '/' && next === '/') {
      while (i < query.length && query[i] !== '\n') i++;
      out += ' ';
    } else if (c === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end < 0 ? query.length : end + 2;
      out += ' ';
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < query.length && query[j] !== c) j += query[j] === '\\' ? 2 : 1;
      i = j + 1;
      out += c === '`' ? ' ident ' : " '' ";
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Throws ConsoleRefusal when the query could write, administer, or do more than one thing. */
export function checkReadOnly(query: string): void {
  if (typeof query !== 'string' || query.trim().length === 0) throw new ConsoleRefusal('query must be a non-empty string', 'BAD_USER_INPUT');
  if (query.length > MAX_QUERY_LENGTH)
    throw new ConsoleRefusal(`query is longer than ${MAX_QUERY_LENGTH} characters`, 'BAD_USER_INPUT');
  const code = stripLiterals(query.normalize('NFKC'));
  if (/;\s*\S/.test(code)) throw new ConsoleRefusal('only one statement at a time: remove the ";" and what follows it');
  if (/^\s*(EXPLAIN|PROFILE)\b/i.test(code)) throw new ConsoleRefusal('EXPLAIN and PROFILE are not available in the console', 'BAD_USER_INPUT');
  for (const [re, name] of FORBIDDEN)
    if (re.test(code)) throw new ConsoleRefusal(`${name} is not allowed: the console is read-only`);
  for (const m of code.matchAll(/\bCALL\s+([A-Za-z_][\w.]*)/gi)) {
    const proc = m[1]!.toLowerCase();
    if (!ALLOWED_PROCEDURES.has(proc))
      throw new ConsoleRefusal(`procedure ${m[1]} is not allowed; allowed: ${[...ALLOWED_PROCEDURES].join(', ')}`);
  }
}
