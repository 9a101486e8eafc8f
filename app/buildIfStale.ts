// `npm start`'s build step: runs `npm run build` unless dist/ was built from exactly the files it would
// be built from now. The build took 2.4-5 s of every start although most starts change nothing.
// The stamp is a hash over every file the bundles can read (paths and contents), written only after a
// build succeeded; a missing or different stamp, or a missing bundle, builds again.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
/** What `npm run build` reads: the sources of both bundles, and what decides the packages and compiler. */
const INPUTS = ['app', 'client', 'core', 'server', 'seed', 'package.json', 'package-lock.json', 'tsconfig.json'];
const BUNDLES = ['dist/app/main.mjs', 'dist/client/index.html'];
const STAMP = join(ROOT, 'dist', '.build-inputs');

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

export function inputsHash(root = ROOT): string {
  const hash = createHash('sha256');
  const all = INPUTS.flatMap((p) => files(join(root, p))).map((f) => relative(root, f)).sort();
  for (const f of all) hash.update(`${f}\0`).update(readFileSync(join(root, f))).update('\0');
  return hash.digest('hex');
}

function main(): number {
  const before = inputsHash();
  const stamp = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : null;
  if (stamp === before && BUNDLES.every((b) => existsSync(join(ROOT, b)))) {
    console.log('build: dist/ is up to date with the sources (skipped; `npm run build` forces one)');
    return 0;
  }
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) return r.status ?? 1;
  // Stamped with the hash from before the build: a file edited during it builds again next time.
  writeFileSync(STAMP, `${before}\n`);
  return 0;
}

if (process.argv[1] === import.meta.filename) process.exit(main());
