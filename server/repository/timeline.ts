import type { Executor } from '../db/executor.js';
import { entityProjection, toEntity, type EntityNode } from './records.js';

export interface TimelineEntry {
  date: string;
  kind: string;
  entity: EntityNode;
}

const DATE_KEYS = ['founded', 'announced', 'released', 'effective', 'published', 'opened'] as const;

export async function timeline(db: Executor, kinds: string[]): Promise<TimelineEntry[]> {
  const rows = await db.read({
    cypher: `MATCH (e:Entity)
WHERE (size($kinds) = 0 OR e.kind IN $kinds) AND any(k IN $keys WHERE e[k] IS NOT NULL)
RETURN ${entityProjection()} AS e`,
    params: { kinds, keys: [...DATE_KEYS] },
  });
  const out: TimelineEntry[] = [];
  for (const r of rows) {
    const entity = toEntity(r.e as Record<string, unknown>);
    for (const k of DATE_KEYS) {
      const date = entity.dates[k];
      if (date) out.push({ date, kind: k, entity });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.entity.id.localeCompare(b.entity.id));
}
