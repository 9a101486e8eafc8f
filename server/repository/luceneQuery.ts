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

/** A name as its letters and digits only: "Deep Seek", "deep-seek" and "DeepSeek" compare equal. */
export function compact(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Edit distance with adjacent transpositions counted as one edit ("TMSC" is one from "TSMC"), as
 * Lucene's fuzzy queries count them. Gives up early: anything above max comes back as max + 1.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    rows.push(row);
  }
  return Math.min(rows[a.length]![b.length]!, max + 1);
}

function termClause(t: string): string {
  const e = escapeLucene(t);
  if (CJK.test(t)) return `"${e.replace(/"/g, '')}"`;
  const parts = [`${e}^4`];
  if (t.length >= 2) parts.push(`${e}*^2`);
  if (t.length >= 4) parts.push(`${e}~${t.length >= 7 ? 2 : 1}`);
  return `(${parts.join(' OR ')})`;
}

/**
 * Exact term (boosted), prefix and, for longer Latin tokens, fuzzy matches; CJK text as a phrase.
 * Several Latin words also match as one word: "deep seek" finds "DeepSeek".
 */
export function buildLuceneQuery(text: string): string | null {
  const tokens = tokenize(text);
  if (tokens.length === 0) return null;
  const all = tokens.map(termClause).join(' AND ');
  if (tokens.length === 1 || tokens.some((t) => CJK.test(t))) return all;
  return `(${all}) OR ${termClause(tokens.join(''))}`;
}
