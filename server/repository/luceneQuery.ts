// Builds a Lucene query for the entity_search full-text index from free text typed by a user.
// Every token is escaped, so user input can never change the query's structure.

const SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

export function escapeLucene(token: string): string {
  return token.replace(SPECIAL, (c) => `\\${c}`);
}

export function tokenize(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s,;:.!?()[\]{}"'`|/\\+\-–—_]+/u)
    .map((t) => t.replace(/[\p{C}]/gu, ''))
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

/** Exact term (boosted), prefix and, for longer Latin tokens, fuzzy matches; CJK text as a phrase. */
export function buildLuceneQuery(text: string): string | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  const clauses = tokens.map((t) => {
    const e = escapeLucene(t);
    if (CJK.test(t)) return `"${e.replace(/"/g, '')}"`;
    const parts = [`${e}^4`];
    if (t.length >= 2) parts.push(`${e}*^2`);
    if (t.length >= 4) parts.push(`${e}~${t.length >= 7 ? 2 : 1}`);
    return `(${parts.join(' OR ')})`;
  });
  return clauses.join(' AND ');
}
