// Queries that must never run in the console, spelled every way that fooled an earlier guard: the
// tricks an attack run found (comment ended by \r, U+001C–U+001F as whitespace, full-width quotes
// and comment ends, a backslash before a closing backtick) crossed with every payload. Shared by the
// unit tests (lexical guard, no database) and the integration tests (the whole console, real Neo4j).

/** What each payload would do if it ran. */
export const PAYLOADS: string[] = [
  "LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r[0]",
  "LOAD CSV FROM 'file:///../../../etc/hostname' AS r RETURN r",
  "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/' AS r RETURN r",
  'SHOW TRANSACTIONS',
  'SHOW SETTINGS',
  'SHOW PROCEDURES',
  "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
  "CALL db.stats.retrieve('QUERIES')",
  "CALL db.stats.clear('QUERIES')",
  "CALL db.stats.stop('QUERIES')",
  'CALL db.prepareForReplanning()',
  'CALL dbms.listConfig()',
  'CREATE (n:Pwned)',
  'INSERT (n:Pwned)',
  'MATCH (n:Entity) SET n.pwned = true',
  "RENAME USER neo4j TO pwned",
];

/** Spellings of the gap between two keywords. */
const GAPS = [' ', '\u001c', '\u001d', '\u001e', '\u001f', '\u000b', '\u00a0', '\u2028', '\u3000', '\r', '/**/', '/* \uff0a\uff0f */'];

/** Prefixes that once hid what follows from the guard. */
const PREFIXES = [
  '',
  '// x\r',
  '// x\u2028',
  "WITH '\uff07' AS x ",
  "/* \uff0a\uff0f ' */ ",
  'WITH 1 AS `a\\` ',
  'WITH 1 AS `a``b` ',
  'WITH "\\"" AS x ',
  '\ufeff',
];

function respell(payload: string, gap: string, upper: boolean): string {
  const words = payload.split(' ');
  const out = words.join(gap);
  return upper ? out : out.replace(/[A-Z]{2,}/g, (w) => w[0] + w.slice(1).toLowerCase());
}

/** Every prefix × gap × payload (and mixed case): a few thousand queries, all to be refused. */
export function attackCorpus(): string[] {
  const out: string[] = [];
  for (const prefix of PREFIXES)
    for (const gap of GAPS)
      for (const payload of PAYLOADS) {
        out.push(prefix + respell(payload, gap, true));
        out.push(prefix + respell(payload, gap, false));
      }
  return out;
}

/** The five tricks of the attack report, exactly as reported. */
export const REPORTED_TRICKS: string[] = [
  "// x\rLOAD CSV FROM 'file:///etc/passwd' AS r RETURN r[0]",
  "LOAD\u001cCSV FROM 'file:///etc/passwd' AS r RETURN r[0]",
  'CALL\u001cdb.stats.status()',
  "WITH '\uff07' AS x LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r[0]",
  "/* \uff0a\uff0f ' */ SHOW TRANSACTIONS YIELD currentQuery RETURN currentQuery",
  "WITH 1 AS `a\\` LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r[0]",
];
