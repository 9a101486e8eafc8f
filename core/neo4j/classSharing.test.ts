import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archiveKey, classSharing, usableClassList } from './classSharing.js';

let dir: string;
let jar: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'aig-cds-unit-'));
  jar = join(dir, 'a.jar');
  writeFileSync(jar, 'jar bytes');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const sharing = (over: Partial<Parameters<typeof classSharing>[0]> = {}) =>
  classSharing({ classpath: jar, javaVersion: 'openjdk 17', dir, mayWrite: true, enabled: true, log: () => undefined, ...over });

describe('the class-data archive of the runner', () => {
  it('gets a new name when a jar, the classpath or the JVM changes, so a stale archive is never reused', () => {
    const k = archiveKey(jar, 'openjdk 17');
    expect(archiveKey(jar, 'openjdk 17')).toBe(k);
    expect(archiveKey(jar, 'openjdk 21')).not.toBe(k);
    expect(archiveKey(`${jar}:${join(dir, 'b.jar')}`, 'openjdk 17')).not.toBe(k);
    utimesSync(jar, new Date(2020, 1, 1), new Date(2020, 1, 1));
    expect(archiveKey(jar, 'openjdk 17')).not.toBe(k);
  });

  it('keeps whole lines the archive writer accepts: the last one may still be half written, long ones are refused', () => {
    const long = `@lambda-proxy ${'x'.repeat(5000)}`;
    expect(usableClassList(`java/lang/Object\n${long}\norg/neo4j/A\norg/neo4j/Hal`)).toBe('java/lang/Object\norg/neo4j/A\n');
    expect(usableClassList('org/neo4j/Hal')).toBe('');
  });

  it('records the classes of the first start, and maps the archive once it exists', () => {
    const first = sharing();
    expect(first.jvmArgs()).toEqual([expect.stringMatching(/^-XX:DumpLoadedClassList=.*\.classlist\.rec-\d+$/)]);
    // A restart of the same runner does not record again.
    expect(first.jvmArgs()).toEqual([]);
    writeFileSync(first.archive, 'archive');
    expect(sharing().jvmArgs()).toEqual([`-XX:SharedArchiveFile=${first.archive}`, '-Xshare:auto', '-Xlog:cds=off']);
  });

  it('does nothing when turned off or the launcher is not a jar, and test stores never record', () => {
    expect(sharing({ enabled: false }).jvmArgs()).toEqual([]);
    expect(sharing({ mayWrite: false }).jvmArgs()).toEqual([]);
  });

  it('removes archives of other classpaths and partial files of processes that are gone', () => {
    const current = sharing().archive;
    const stale = ['cds-0123456789ab.jsa', 'cds-0123456789ab.classlist', `${current.split('/').pop()}.tmp-999999999`];
    for (const n of stale) writeFileSync(join(dir, n), 'x');
    const own = `${current}.tmp-${process.pid}`;
    writeFileSync(own, 'x');
    sharing();
    expect(readdirSync(dir).filter((n) => n.startsWith('cds-'))).toEqual([own.split('/').pop()]);
    expect(existsSync(jar)).toBe(true);
  });

  it('does not start a second writer while another live process writes the same archive', () => {
    writeFileSync(`${sharing().archive}.tmp-${process.pid}`, 'x');
    expect(sharing().jvmArgs()).toEqual([]);
  });
});
