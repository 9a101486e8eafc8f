// The layers and the one direction they may point: a small script over the import graph, run by
// app/layers.test.ts. core/ is the kernel; seed/ and server/ sit on it side by side and never meet;
// app/ (the composition root) joins them; the client may use core's plain types and pure helpers only.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  from: string;
  to: string;
}

const SOURCE = /\.(ts|tsx|mts)$/;
const SKIP = new Set(['node_modules', 'dist', '.data', 'test-results', '.git', 'results', '.scratch', '.build']);

/** The folder a repository path belongs to ('core', 'server', ...), or '' for root files. */
const layerOf = (path: string): string => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '');

/** Which imports break the layering; each answer says who imported what. */
export function violations(edges: ImportEdge[]): string[] {
  const out: string[] = [];
  for (const { from, to } of edges) {
    const a = layerOf(from);
    const b = layerOf(to);
    const say = (why: string) => out.push(`${from} imports ${to}: ${why}`);
    if (a === 'core' && b !== 'core') say('core/ imports nothing above it');
    else if (a === 'seed' && (b === 'server' || b === 'app')) say('seed/ never imports server/ or app/');
    else if (a === 'server' && (b === 'seed' || b === 'app')) say('server/ never imports seed/ or app/');
    else if (b === 'client' && a !== 'client' && a !== 'bench') say('only the client (and the benchmarks that measure it) imports client/');
    else if (a === 'client' && b !== 'client') {
      const plain = to.startsWith('core/domain/') || to.startsWith('core/generated/');
      if (!plain) say('client/ imports only its own code and core/domain, core/generated (types and pure helpers)');
    }
  }
  return out;
}

function sourceFiles(root: string, dir: string, out: string[]): string[] {
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) sourceFiles(root, path, out);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Every relative import (static, type-only, dynamic, re-export) of every source file under the layers. */
export function importGraph(root: string, layers: string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const layer of layers) {
    for (const file of sourceFiles(root, layer, [])) {
      const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
      for (const ref of info.importedFiles) {
        if (!ref.fileName.startsWith('.')) continue; // packages
        const target = relative(root, resolve(root, dirname(file), ref.fileName)).split(sep).join('/');
        edges.push({ from: file, to: target });
      }
    }
  }
  return edges;
}
