// Cross-file checks of entities, relationships and facts: vocabulary, references, uniqueness and
// evidence. Every check runs on whatever fields of an entry parsed, so one entry reports all its errors.
import type { EntityRecord, FactRecord, RelationshipRecord } from '../server/domain/types.js';
import type { SourceEntry } from './read.js';
import { entitySchema, factSchema, relationshipSchema } from './schema.js';
import { checkEvidence, checkOneSource } from './evidence.js';
import { entryName, has, parseEntry, reportIssues, type At, type Checks } from './issues.js';

const where = (src: SourceEntry): string => `${src.file}:${src.line}`;

/** Both places, so that the reader need not search for the first. */
function duplicate(checks: Checks, at: At, id: string, first: SourceEntry, again: SourceEntry, hint = ''): void {
  checks.errors.push({ ...at, field: 'id', message: `duplicate id "${id}": first defined at ${where(first)}, again at ${where(again)}${hint}` });
}

export function checkReference(checks: Checks, at: At, field: string, id: string | undefined): void {
  // With an entity file unreadable, a missing id is probably defined there: one note, not an error per reference.
  if (id === undefined || checks.entityKinds.has(id) || !checks.entitiesComplete) return;
  checks.errors.push({ ...at, field, message: `unknown entity "${id}" (dangling reference)` });
}

function checkAliases(checks: Checks, at: At, id: string, names: string[], aliases: string[], owners: Map<string, string>): void {
  aliases.forEach((alias, i) => {
    const owner = owners.get(alias.toLowerCase());
    if (owner && owner !== id) checks.errors.push({ ...at, field: `aliases.${i}`, message: `alias "${alias}" already belongs to "${owner}"` });
  });
  for (const n of [...names, ...aliases]) if (!owners.has(n.toLowerCase())) owners.set(n.toLowerCase(), id);
}

function checkEntity(checks: Checks, src: SourceEntry, seen: Map<string, SourceEntry>, owners: Map<string, string>): EntityRecord | null {
  const { full, part: e, error } = parseEntry(entitySchema, src);
  const at: At = { file: src.file, line: src.line, entry: e.id ? `"${e.id}"` : entryName(src) };
  reportIssues(error, src, checks.errors, at.entry);
  const vocab = checks.vocab;
  if (e.kind !== undefined && vocab && !has(vocab.kinds, e.kind))
    checks.errors.push({ ...at, field: 'kind', message: `unknown kind "${e.kind}"; allowed: ${Object.keys(vocab.kinds).join(', ')}` });
  const first = e.id === undefined ? undefined : seen.get(e.id);
  if (e.id !== undefined && first) duplicate(checks, at, e.id, first, src);
  else if (e.id !== undefined) {
    seen.set(e.id, src);
    checks.entityKinds.set(e.id, e.kind);
  }
  if (checks.ep) {
    const chapterIds = checks.ep.chapterIds;
    e.chapters?.forEach((c, i) => {
      if (!chapterIds.has(c)) checks.errors.push({ ...at, field: `chapters.${i}`, message: `unknown chapter "${c}"` });
    });
  }
  if (e.id !== undefined && e.aliases) checkAliases(checks, at, e.id, e.name === undefined ? [] : [e.name], e.aliases, owners);
  // Dates carry their own evidence now; an inline map would be a date without a source.
  const inlineDates = (src.value as { dates?: unknown } | null)?.dates !== undefined;
  if (inlineDates)
    checks.errors.push({ ...at, field: 'dates', message: 'inline dates are not read any more: give each date an entry in seed/data/dates/*.yaml ({ entity, key, value, evidence }) so that it carries its source' });
  if (!full || first || inlineDates) return null;
  return {
    id: full.id,
    kind: full.kind,
    name: full.name,
    nameZh: full.nameZh ?? null,
    aliases: full.aliases,
    summaryEn: full.summary.en,
    summaryZh: full.summary.zh,
    wikidata: full.wikidata ?? null,
    // Filled from seed/data/dates by validate.ts: the episode's date per key, else a reference's.
    dates: {},
    firstSeconds: null,
    chapters: [...(full.chapters ?? [])],
  };
}

export function checkEntities(list: SourceEntry[], checks: Checks): EntityRecord[] {
  const seen = new Map<string, SourceEntry>();
  const owners = new Map<string, string>();
  return list.flatMap((src) => checkEntity(checks, src, seen, owners) ?? []);
}

function checkRelationship(checks: Checks, src: SourceEntry, seen: Map<string, SourceEntry>): RelationshipRecord | null {
  const { full, part: r, error } = parseEntry(relationshipSchema, src);
  const rid = r.id ?? (r.source && r.type && r.target ? `${r.source}--${r.type}--${r.target}` : undefined);
  const at: At = { file: src.file, line: src.line, entry: rid ? `"${rid}"` : entryName(src) };
  reportIssues(error, src, checks.errors, at.entry);
  if (r.type !== undefined && checks.vocab && !has(checks.vocab.relationshipTypes, r.type))
    checks.errors.push({ ...at, field: 'type', message: `unknown relationship type "${r.type}"; see seed/data/vocabulary.yaml` });
  checkReference(checks, at, 'source', r.source);
  checkReference(checks, at, 'target', r.target);
  if (r.source !== undefined && r.source === r.target)
    checks.errors.push({ ...at, field: 'target', message: 'a relationship cannot point at its own source' });
  if (r.since && r.until && r.until < r.since) checks.errors.push({ ...at, field: 'until', message: 'is before "since"' });
  const first = rid === undefined ? undefined : seen.get(rid);
  if (rid !== undefined && first) duplicate(checks, at, rid, first, src, '; merge the evidence or give an explicit id');
  else if (rid !== undefined) seen.set(rid, src);
  const evidence = checkEvidence(checks, at, src, r.evidence);
  if (!full || first || rid === undefined) return null;
  const { type, source, target, since, until, status } = full;
  return { id: rid, type, source, target, since: since ?? null, until: until ?? null, status, evidence };
}

export function checkRelationships(list: SourceEntry[], checks: Checks): RelationshipRecord[] {
  const seen = new Map<string, SourceEntry>();
  return list.flatMap((src) => checkRelationship(checks, src, seen) ?? []);
}

/** `<subject>--<metric>`, then `--2`, `--3` ... for repeats, in file order. */
function factId(explicit: string | undefined, subject: string | undefined, metric: string | undefined, counts: Map<string, number>): string | undefined {
  if (explicit) return explicit;
  if (subject === undefined || metric === undefined) return undefined;
  const base = `${subject}--${metric.replace(/_/g, '-')}`;
  const n = (counts.get(base) ?? 0) + 1;
  counts.set(base, n);
  return n === 1 ? base : `${base}--${n}`;
}

function checkFact(checks: Checks, src: SourceEntry, seen: Map<string, SourceEntry>, counts: Map<string, number>): FactRecord | null {
  const { full, part: f, error } = parseEntry(factSchema, src);
  const fid = factId(f.id, f.subject, f.metric, counts);
  const at: At = { file: src.file, line: src.line, entry: fid ? `"${fid}"` : entryName(src) };
  reportIssues(error, src, checks.errors, at.entry);
  checkReference(checks, at, 'subject', f.subject);
  if (f.metric !== undefined && checks.vocab && !has(checks.vocab.metrics, f.metric))
    checks.errors.push({ ...at, field: 'metric', message: `unknown metric "${f.metric}": add it with its English and Chinese label under metrics in vocabulary.yaml` });
  if (f.unit !== undefined && checks.vocab && !has(checks.vocab.units, f.unit))
    checks.errors.push({ ...at, field: 'unit', message: `unknown unit "${f.unit}"; allowed: ${Object.keys(checks.vocab.units).join(', ')}` });
  if (f.valueMax !== undefined && f.value !== undefined && f.valueMax < f.value)
    checks.errors.push({ ...at, field: 'valueMax', message: 'must not be below "value"' });
  const first = fid === undefined ? undefined : seen.get(fid);
  if (fid !== undefined && first) duplicate(checks, at, fid, first, src);
  else if (fid !== undefined) seen.set(fid, src);
  const evidence = checkEvidence(checks, at, src, f.evidence);
  checkOneSource(checks, at, 'fact', src, `give the reference figure its own fact (id: ${f.subject ?? '<subject>'}--${(f.metric ?? '<metric>').replace(/_/g, '-')}--reference) in facts/reference.yaml`);
  if (!full || first || fid === undefined) return null;
  return {
    id: fid,
    subject: full.subject,
    metric: full.metric,
    value: full.value,
    valueMax: full.valueMax ?? null,
    unit: full.unit,
    approximate: full.approximate,
    asOf: full.asOf ?? null,
    status: full.status,
    qualifier: full.qualifier ?? null,
    qualifierZh: full.qualifierZh ?? null,
    evidence,
  };
}

export function checkFacts(list: SourceEntry[], checks: Checks): FactRecord[] {
  const seen = new Map<string, SourceEntry>();
  const counts = new Map<string, number>();
  return list.flatMap((src) => checkFact(checks, src, seen, counts) ?? []);
}
