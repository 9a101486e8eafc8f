// The loader's Cypher for the minimal fixture, builder in, {cypher, params} out, without a database:
// a change to any load statement is a reviewed snapshot diff (`npx vitest run --project unit -u`).
import { describe, expect, it } from 'vitest';
import { readDataset } from './dataset.js';
import { loadStatements } from './load.js';
import * as S from './statements.js';
import { MINIMAL } from './testing.js';

const result = readDataset(MINIMAL);
if (!result.ok) throw new Error('the minimal fixture must be valid');
const dataset = result.dataset;

describe('load statements', () => {
  it.each([
    ['merge into an existing graph', { mode: 'merge' as const }],
    ['create into an empty store', { mode: 'create' as const }],
    ['merge batch by batch', { mode: 'merge' as const, committed: true }],
  ])('%s', (_name, plan) => {
    expect(loadStatements(dataset, plan)).toMatchSnapshot();
  });

  it('wipes', () => {
    expect([S.wipeAll(), ...S.wipeInBatches(1000), S.countNodes(), S.countEntities()]).toMatchSnapshot();
  });
});
