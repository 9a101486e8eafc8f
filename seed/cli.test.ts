// The seed CLI, as a user runs it: what it says about Neo4j must match what it did to Neo4j.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, MINIMAL, replaceIn } from './testing.js';

const ROOT = join(import.meta.dirname, '..');

function seed(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'seed', 'cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

// Each case starts the CLI with tsx: seconds of start-up on a busy 2-core machine, more than the unit default.
describe('npm run seed', { timeout: 60_000 }, () => {
  it('--check with invalid data: exit 1, every error listed, and no claim about any graph', () => {
    const dir = copyOf(MINIMAL, (d) => {
      replaceIn(d, 'entities/people.yaml', 'kind: CHIP', 'kind: SPACESHIP');
      replaceIn(d, 'facts/all.yaml', 'unit: W', 'unit: horsepower');
    });
    const r = seed(['--check', '--data', dir]);
    expect(r.code).toBe(1);
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/entities\/people\.yaml:16 entry "widget-1" field "kind": unknown kind "SPACESHIP"/);
    expect(lines[1]).toMatch(/facts\/all\.yaml:1 entry "widget-1--power-capacity" field "unit": unknown unit "horsepower"/);
    expect(lines[3]).toBe(`2 error(s) in ${dir}; nothing was loaded and no database was contacted.`);
    expect(r.err + r.out).not.toMatch(/Neo4j|graph/);
  });

  it('--check lists what was not checked because a file could not be read', () => {
    const dir = copyOf(MINIMAL, (d) => replaceIn(d, 'entities/people.yaml', '  kind: COMPANY', '  kind: [COMPANY'));
    const r = seed(['--check', '--data', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/people\.yaml:10: YAML: .*\nreferences to entities were not checked: .*people\.yaml could not be read, and any id may be defined there\n\n1 error\(s\) in /);
  });

  it('a failure before any database is reached says so, not that the graph is unchanged', () => {
    const r = seed(['--data', MINIMAL], { NEO4J_PROVIDER: 'nonsense' });
    expect(r.code).toBe(1);
    expect(r.err).toBe('seed failed: NEO4J_PROVIDER=nonsense must be "local" or "docker"\nNothing was loaded; no database was contacted.\n');
  });

  it('--check with valid data: exit 0', () => {
    const r = seed(['--check', '--data', MINIMAL]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/check: the dataset is valid \(no database was touched\)\./);
  });
});
