// Cursors of entities(orderBy: PAGERANK | BETWEENNESS): the order, the last score and the last id, so a
// cursor from one order is refused by another instead of silently skipping entities.
import type { ScoreCursor, ScoreOrder } from '../repository/entityOrder.js';
import { MAX_TEXT } from '../../core/domain/limits.js';
import { badInput } from './errors.js';

export function encodeScoreCursor(order: ScoreOrder, score: number, id: string): string {
  // String(number) is the shortest text that parses back to the same double: the keyset compares exactly.
  return Buffer.from(`s:${order}:${String(score)}:${id}`).toString('base64url');
}

export function decodeScoreCursor(cursor: unknown, order: ScoreOrder): ScoreCursor | null {
  if (cursor === null || cursor === undefined) return null;
  const raw = Buffer.from(String(cursor), 'base64url').toString('utf8');
  const m = /^s:([A-Z]+):([^:]+):(.+)$/s.exec(raw);
  const score = m ? Number(m[2]) : NaN;
  if (!m || raw.length > MAX_TEXT || m[1] !== order || !Number.isFinite(score))
    throw badInput(`after is not a cursor returned by this API for orderBy: ${order}`, 'after');
  return { score, id: m[3]! };
}
