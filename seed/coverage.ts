// npx tsx seed/coverage.ts [--data <dir>] [--markdown]
// How well the graph is connected: entities with no relationship at all, per-kind counts, and the
// structural edges users expect (a model's developer, a chip's designer and fab, a person's organisation).
// Reads seed/data through the validator, like `npm run seed -- --check`; no database is touched.
// --markdown rewrites the coverage table of seed/data/README.md (coverageTable.ts) instead.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { coverageMarkdown, withTable, TABLE_START } from './coverageTable.js';
import type { Dataset, EntityRecord, RelationshipRecord } from '../core/domain/types.js';
import { DEFAULT_DATA_DIR, readDataset } from './dataset.js';
import { formatError } from './validate.js';

/** What a person can lead or work at: a company, a lab or agency, or a country (Xi Jinping leads China). */
const ORG_KINDS = new Set(['COMPANY', 'ORGANIZATION', 'COUNTRY']);
const PERSON_ORG_TYPES = new Set(['LEADS', 'WORKS_AT', 'FOUNDED']);
/** A model that is a member or variant of a family inherits the family's developer (o3-mini-high -> o3-mini -> OpenAI). */
const FAMILY_TYPES = new Set(['PART_OF', 'VARIANT_OF']);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Dated by any source: the entity's dates hold the episode's value per key, else a cited page's. */
function hasDate(e: EntityRecord): boolean {
  return Object.values(e.dates).some((v) => typeof v === 'string' && v.length > 0);
}

export interface Coverage {
  isolated: EntityRecord[];
  perKind: { kind: string; entities: number; dated: number; connected: number }[];
  /** Neither a DEVELOPS edge of its own nor one inherited through PART_OF / VARIANT_OF. */
  modelsWithoutDeveloper: EntityRecord[];
  /** No DEVELOPS edge of its own, but a family it is PART_OF / VARIANT_OF has one. */
  modelsWithInheritedDeveloper: { model: EntityRecord; via: string; developer: string }[];
  chipsWithoutDesigner: EntityRecord[];
  chipsWithoutFab: EntityRecord[];
  peopleWithoutOrganisation: EntityRecord[];
}

export function coverage(d: Dataset): Coverage {
  const byId = new Map(d.entities.map((e) => [e.id, e]));
  const degree = new Map<string, number>();
  const incoming = (id: string, type: string): RelationshipRecord[] =>
    d.relationships.filter((r) => r.target === id && r.type === type);
  for (const r of d.relationships) {
    degree.set(r.source, (degree.get(r.source) ?? 0) + 1);
    degree.set(r.target, (degree.get(r.target) ?? 0) + 1);
  }
  const connected = (e: EntityRecord): boolean => (degree.get(e.id) ?? 0) > 0;
  // A model's developer, following PART_OF / VARIANT_OF up the family (cycle-safe).
  const developerOf = (id: string, seen = new Set<string>()): { via: string; developer: string } | null => {
    if (seen.has(id)) return null;
    seen.add(id);
    const own = incoming(id, 'DEVELOPS')[0];
    if (own) return { via: id, developer: own.source };
    for (const r of d.relationships) {
      if (r.source !== id || !FAMILY_TYPES.has(r.type) || byId.get(r.target)?.kind !== 'MODEL') continue;
      const up = developerOf(r.target, seen);
      if (up) return up;
    }
    return null;
  };
  const kinds = [...new Set(d.entities.map((e) => e.kind))].sort();
  const perKind = kinds.map((kind) => {
    const of = d.entities.filter((e) => e.kind === kind);
    return { kind, entities: of.length, dated: of.filter(hasDate).length, connected: of.filter(connected).length };
  });
  const ofKind = (kind: string): EntityRecord[] => d.entities.filter((e) => e.kind === kind);
  const personHasOrg = (p: EntityRecord): boolean =>
    d.relationships.some(
      (r) => r.source === p.id && PERSON_ORG_TYPES.has(r.type) && ORG_KINDS.has(byId.get(r.target)?.kind ?? ''),
    );
  return {
    isolated: d.entities.filter((e) => !connected(e)),
    perKind,
    modelsWithoutDeveloper: ofKind('MODEL').filter((m) => developerOf(m.id) === null),
    modelsWithInheritedDeveloper: ofKind('MODEL').flatMap((m) => {
      if (incoming(m.id, 'DEVELOPS').length > 0) return [];
      const up = developerOf(m.id);
      return up ? [{ model: m, ...up }] : [];
    }),
    chipsWithoutDesigner: ofKind('CHIP').filter((c) => incoming(c.id, 'DESIGNS').length === 0),
    chipsWithoutFab: ofKind('CHIP').filter((c) => incoming(c.id, 'FABRICATES').length === 0),
    peopleWithoutOrganisation: ofKind('PERSON').filter((p) => !personHasOrg(p)),
  };
}

function list(title: string, items: EntityRecord[]): string[] {
  return [`${title}: ${items.length}`, ...items.map((e) => `  ${e.id.padEnd(36)} ${e.kind.padEnd(13)} ${e.name}`)];
}

export function describeCoverage(c: Coverage): string {
  const total = c.perKind.reduce(
    (a, k) => ({ entities: a.entities + k.entities, dated: a.dated + k.dated, connected: a.connected + k.connected }),
    { entities: 0, dated: 0, connected: 0 },
  );
  const row = (k: string, e: number, d: number, n: number): string =>
    `  ${k.padEnd(14)} ${String(e).padStart(8)} ${String(d).padStart(10)} ${String(n).padStart(10)}`;
  return [
    ...list('isolated entities (degree 0)', c.isolated),
    '',
    'per kind:',
    `  ${'kind'.padEnd(14)} ${'entities'.padStart(8)} ${'with date'.padStart(10)} ${'connected'.padStart(10)}`,
    ...c.perKind.map((k) => row(k.kind, k.entities, k.dated, k.connected)),
    row('all', total.entities, total.dated, total.connected),
    '',
    ...list('models without a developer (no DEVELOPS, not even through PART_OF / VARIANT_OF)', c.modelsWithoutDeveloper),
    `models whose developer is only inherited through PART_OF / VARIANT_OF: ${c.modelsWithInheritedDeveloper.length}`,
    ...c.modelsWithInheritedDeveloper.map((x) => `  ${x.model.id.padEnd(36)} via ${x.via} <- ${x.developer}`),
    ...list('chips without a designer (no incoming DESIGNS)', c.chipsWithoutDesigner),
    ...list('chips without a fab (no incoming FABRICATES)', c.chipsWithoutFab),
    ...list('people without an organisation (no LEADS / WORKS_AT / FOUNDED to a company, organization or country)', c.peopleWithoutOrganisation),
  ].join('\n');
}

function main(): number {
  const dir = argValue('--data') ?? DEFAULT_DATA_DIR;
  const result = readDataset(dir);
  if (!result.ok) {
    for (const e of result.errors) console.error(formatError(e));
    console.error(`\n${result.errors.length} error(s) in ${dir}: fix them first (npx tsx seed/cli.ts --check).`);
    return 1;
  }
  if (process.argv.includes('--markdown')) {
    const file = join(dir, 'README.md');
    const next = withTable(readFileSync(file, 'utf8'), coverageMarkdown(result.dataset));
    if (next === null) {
      console.error(`${file} has no coverage table: add the line ${TABLE_START} and <!-- coverage:end --> where it goes.`);
      return 1;
    }
    writeFileSync(file, next);
    console.log(`wrote the coverage table to ${file}`);
    return 0;
  }
  console.log(describeCoverage(coverage(result.dataset)));
  return 0;
}

// Run as a script only: the coverage functions are imported by tests too.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
