// The committed generated types must match what `npm run codegen` produces from the current schema.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('generated GraphQL types', () => {
  it('are up to date with server/graphql/schema.graphql (run `npm run codegen` if this fails)', async () => {
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      const outputs = await generate({ ...config, silent: true }, false);
      expect(outputs.length).toBeGreaterThan(0);
      for (const out of outputs) expect(readFileSync(join(ROOT, out.filename), 'utf8')).toBe(out.content);
    } finally {
      process.chdir(cwd);
    }
  }, 60_000);
});
