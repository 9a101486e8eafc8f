// `npm start` skips the build only when nothing the bundles are built from has changed.
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inputsHash } from './buildIfStale.js';

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'aig-build-'));
  for (const dir of ['client/src', 'server', 'dist/app', 'test']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'client/src/main.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'server/x.ts'), 'export const b = 2;\n');
  writeFileSync(join(root, 'package-lock.json'), '{}\n');
  return root;
}

describe('inputsHash', () => {
  it('changes when a source, a new file or the lock file changes', () => {
    const root = tree();
    const before = inputsHash(root);
    writeFileSync(join(root, 'client/src/main.ts'), 'export const a = 2;\n');
    const edited = inputsHash(root);
    writeFileSync(join(root, 'server/y.ts'), '\n');
    const added = inputsHash(root);
    writeFileSync(join(root, 'package-lock.json'), '{"v":2}\n');
    const upgraded = inputsHash(root);
    expect(new Set([before, edited, added, upgraded]).size).toBe(4);
  });

  it('ignores what the build writes and what it does not read', () => {
    const root = tree();
    const before = inputsHash(root);
    writeFileSync(join(root, 'dist/app/main.mjs'), 'built\n');
    writeFileSync(join(root, 'test/z.test.ts'), '\n');
    expect(inputsHash(root)).toBe(before);
  });

  it('tells a renamed file from an edited one', () => {
    const a = tree();
    const b = tree();
    renameSync(join(b, 'server/x.ts'), join(b, 'server/x2.ts'));
    expect(inputsHash(a)).not.toBe(inputsHash(b));
  });
});
