// The runner's class-data archive with a real JVM: what one run records is written to an archive, and the
// next JVM on the same classpath loads its classes from it. Neo4j's admin tool stands in for the runner
// (the same jars, a few thousand classes, done in seconds); the runner passes the same flags.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classSharing } from '../../core/neo4j/classSharing.js';
import { classpath } from '../../core/neo4j/localRunner.js';

const dir = mkdtempSync(join(tmpdir(), 'aig-cds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The admin tool wants a home; it only reads its config there.
const java = (args: string[]) => spawnSync('java', args, { encoding: 'utf8', env: { ...process.env, NEO4J_HOME: dir } });

describe('class-data sharing for the runner', () => {
  it('records one run, writes the archive, and the next JVM loads Neo4j classes from it', async () => {
    const cp = classpath(() => undefined);
    const javaVersion = java(['-version']).stderr;
    const tool = ['-cp', cp, 'org.neo4j.cli.AdminTool', '--version'];
    const first = classSharing({ classpath: cp, javaVersion, dir, mayWrite: true, enabled: true, log: () => undefined });
    const record = first.jvmArgs();
    expect(record[0]).toMatch(/^-XX:DumpLoadedClassList=/);
    expect(java([...record, ...tool]).status).toBe(0);
    first.ready();
    expect(await first.written()).toBe(true);

    const next = classSharing({ classpath: cp, javaVersion, dir, mayWrite: true, enabled: true, log: () => undefined });
    const share = next.jvmArgs();
    expect(share[0]).toBe(`-XX:SharedArchiveFile=${first.archive}`);
    // -Xshare:on makes an unusable archive an error instead of a silent fallback.
    const run = java([...share, '-Xshare:on', '-Xlog:class+load=info', ...tool]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/org\.neo4j\.cli\.AdminTool source: shared objects file/);
  }, 120_000);
});
