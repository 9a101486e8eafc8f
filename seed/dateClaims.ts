// seed/data/dates/*.yaml: dated claims about entities, each with evidence of one kind. The episode's
// date and a cited page's date for the same key are two claims side by side, never merged; each
// entity's `dates` then shows the episode's value per key, else the reference's.
import type { DateClaimRecord, EntityRecord, EvidenceSource } from '../server/domain/types.js';
import type { SourceEntry } from './read.js';
import { dateClaimSchema } from './schema.js';
import { checkEvidence, checkOneSource } from './evidence.js';
import { checkReference } from './entries.js';
import { entryName, has, parseEntry, reportIssues, type At, type Checks } from './issues.js';

const where = (src: SourceEntry): string => `${src.file}:${src.line}`;

function checkDateClaim(checks: Checks, src: SourceEntry, seen: Map<string, SourceEntry>): DateClaimRecord | null {
  const { full, part: d, error } = parseEntry(dateClaimSchema, src);
  const name = d.entity && d.key ? `"${d.entity} ${d.key}"` : entryName(src);
  const at: At = { file: src.file, line: src.line, entry: name };
  reportIssues(error, src, checks.errors, at.entry);
  checkReference(checks, at, 'entity', d.entity);
  const keys = checks.vocab?.dateKeys;
  if (d.key !== undefined && keys && !has(keys, d.key))
    checks.errors.push({ ...at, field: 'key', message: `unknown date key "${d.key}"; allowed: ${Object.keys(keys).join(', ')} (dateKeys in vocabulary.yaml)` });
  const evidence = checkEvidence(checks, at, src, d.evidence);
  const source: EvidenceSource | null = checkOneSource(checks, at, 'date', src, 'give the other source its own entry (one per entity, key and source)');
  const id = d.entity && d.key && source ? `${d.entity}--${d.key}--${source}` : undefined;
  const first = id === undefined ? undefined : seen.get(id);
  if (id !== undefined && first)
    checks.errors.push({
      ...at,
      field: 'key',
      message: `a second ${source} date "${d.key}" for "${d.entity}": first at ${where(first)}, again at ${where(src)}; keep one entry per entity, key and source (merge the evidence)`,
    });
  else if (id !== undefined) seen.set(id, src);
  if (!full || first || id === undefined || source === null) return null;
  return { id, entity: full.entity, key: full.key, value: full.value, source, evidence };
}

export function checkDateClaims(list: SourceEntry[], checks: Checks): DateClaimRecord[] {
  const seen = new Map<string, SourceEntry>();
  return list.flatMap((src) => checkDateClaim(checks, src, seen) ?? []);
}

/** Each entity's date per key: the episode's claim when there is one, else the reference's. */
export function applyDates(entities: EntityRecord[], claims: DateClaimRecord[]): void {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const rank = (s: EvidenceSource): number => (s === 'episode' ? 0 : 1);
  const ordered = [...claims].sort((a, b) => rank(b.source) - rank(a.source));
  // References first, episodes last: the episode's value overwrites.
  for (const c of ordered) {
    const e = byId.get(c.entity);
    if (e) (e.dates as Record<string, string>)[c.key] = c.value;
  }
}
