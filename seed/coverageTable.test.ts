// The coverage table in seed/data/README.md is generated from the files: it must match them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset } from './dataset.js';
import { coverageMarkdown, kindCoverage, tableIn, withTable } from './coverageTable.js';
import { MINIMAL, REAL } from './testing.js';

describe('the coverage table', () => {
  it('in seed/data/README.md is current (else run: npx tsx seed/coverage.ts --markdown)', () => {
    const r = readDataset(REAL);
    if (!r.ok) throw new Error('seed/data is invalid: npx tsx seed/cli.ts --check');
    const readme = readFileSync(join(REAL, 'README.md'), 'utf8');
    expect(tableIn(readme), 'the coverage table is stale: run npx tsx seed/coverage.ts --markdown').toBe(coverageMarkdown(r.dataset));
    // Reading the whole dataset: room for a busy machine.
  }, 60_000);

  it('counts dated entities per source, Chinese names and connected entities per kind', () => {
    const r = readDataset(MINIMAL);
    if (!r.ok) throw new Error('fixture invalid');
    expect(kindCoverage(r.dataset)).toEqual([
      { kind: 'CHIP', entities: 1, dated: 1, datedEpisode: 1, datedReference: 0, withChinese: 0, connected: 1 },
      { kind: 'COMPANY', entities: 1, dated: 0, datedEpisode: 0, datedReference: 0, withChinese: 1, connected: 1 },
      { kind: 'PERSON', entities: 1, dated: 0, datedEpisode: 0, datedReference: 0, withChinese: 0, connected: 0 },
    ]);
  });

  it('replaces only what lies between the markers', () => {
    const r = readDataset(MINIMAL);
    if (!r.ok) throw new Error('fixture invalid');
    const table = coverageMarkdown(r.dataset);
    const readme = `# x\n\nbefore\n${table.replace(/\| CHIP .*\n/, '| stale |\n')}\nafter\n`;
    expect(withTable(readme, table)).toBe(`# x\n\nbefore\n${table}\nafter\n`);
    expect(withTable('# no markers\n', table)).toBeNull();
  });
});
