// A Cypher text's code, tokenised the way Cypher's own lexer does it, so that the console's lexical
// guard (server/console/guard.ts), the saved queries' parameter scan (cypher/savedQueries.ts) and Neo4j
// agree on what is code and what is a string, an identifier or a comment:
// - a `//` comment ends at \n or \r (and at the other line separators, which only ends it earlier);
// - strings take backslash escapes, backtick identifiers do not (`` inside one is a backtick);
// - nothing is Unicode-normalised: Neo4j does not fold ＇ into ' or ＊／ into */, so neither may we;
// - every character Cypher (or any Unicode table) calls whitespace, U+001C–U+001F included, is a space.
// Where this lexer and Neo4j could still disagree, the guard errs towards refusing; its plan check decides anyway.

/** Whitespace to Cypher plus every other control and separator character: all become one space. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this must match
export const WHITESPACE = /[\s\u0000-\u001F\u007F-\u009F\u00A0\u1680\u180E\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF]/gu;

const LINE_END = new Set(['\n', '\r', '\u0085', '\u2028', '\u2029']);

/** Replaces string literals, quoted identifiers and comments with blanks so keywords inside them do not count. */
export function stripLiterals(query: string): string {
  let out = '';
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    const next = query[i + 1];
    if (c === '/' && next === '/') {
      while (i < query.length && !LINE_END.has(query[i]!)) i++;
      out += ' ';
    } else if (c === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end < 0 ? query.length : end + 2;
      out += ' ';
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < query.length && query[j] !== c) j += query[j] === '\\' ? 2 : 1;
      i = j + 1;
      out += " '' ";
    } else if (c === '`') {
      let j = i + 1;
      while (j < query.length && !(query[j] === '`' && query[j + 1] !== '`')) j += query[j] === '`' ? 2 : 1;
      i = j + 1;
      out += ' ident ';
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The code of a query with literals and comments blanked and all whitespace made plain spaces. */
export function codeOf(query: string): string {
  return stripLiterals(query).replace(WHITESPACE, ' ');
}
