// The repositories' Cypher, builder in, {cypher, params} out, without a database (in the manner of
// neo4j/graphql's TCK): a change to any statement shows up as a reviewed snapshot diff
// (__snapshots__/cypher.snapshot.test.ts.snap; `npx vitest run --project unit -u` after a deliberate change).
import { describe, expect, it } from 'vitest';
import { forgetDataset, graphStats, markDataset, markLoading, storedDataset } from '../../core/db/graphState.js';
import { recordingExecutor } from '../../core/db/testing.js';
import { countEntities, entitiesByIdsQuery, entitiesInChapters, listEntitiesQuery } from './entities.js';
import { loadEpisode } from './episode.js';
import { factsOfEntities, findFacts, metricsWithFacts } from './facts.js';
import { neighborhoodQuery, shortestPathQuery, wholeGraphQuery } from './graph.js';
import { relationshipsByIds, relationshipsOfEntitiesQuery, relationshipTypeCounts } from './relationships.js';
import { searchEntities } from './search.js';
import { timeline } from './timeline.js';

const TYPES = ['DEVELOPS', 'LEADS', 'TRAINED_ON'];

/** What a repository function hands the executor, whatever it then makes of the (empty) answer. */
async function ran(call: (db: ReturnType<typeof recordingExecutor>['db']) => Promise<unknown>) {
  const { db, statements } = recordingExecutor();
  await call(db).catch(() => undefined);
  return statements;
}

describe('repository Cypher', () => {
  it.each([
    ['entitiesByIds', () => entitiesByIdsQuery(['nvidia', 'tsmc'])],
    ['listEntities of a kind', () => listEntitiesQuery('COMPANY', 10, null)],
    ['listEntities after a cursor', () => listEntitiesQuery(null, 5, 'deepseek')],
    ['neighborhood', () => neighborhoodQuery('xai', { depth: 2, kinds: ['PERSON'], types: ['LEADS'], limit: 100 }, TYPES)],
    ['neighborhood of every type', () => neighborhoodQuery('xai', { depth: 1, kinds: [], types: [], limit: 1000 }, TYPES)],
    ['wholeGraph as of a date', () => wholeGraphQuery({ kinds: ['MODEL', 'CHIP'], types: ['TRAINED_ON'], asOf: '2024-01', limit: 5000 }, TYPES)],
    ['shortestPath', () => shortestPathQuery('asml', 'deepseek', 6, TYPES)],
    ['relationshipsOfEntities', () => relationshipsOfEntitiesQuery(['nvidia'])],
  ])('%s', (_name, build) => {
    expect(build()).toMatchSnapshot();
  });

  it.each([
    ['countEntities', (db) => countEntities(db, 'MODEL')],
    ['entitiesInChapters', (db) => entitiesInChapters(db, ['c01', 'c02'])],
    ['loadEpisode', (db) => loadEpisode(db)],
    ['factsOfEntities', (db) => factsOfEntities(db, ['deepseek-v3'])],
    ['findFacts', (db) => findFacts(db, { metric: 'training_cost', subject: null, first: 20 })],
    ['metricsWithFacts', (db) => metricsWithFacts(db, 3)],
    ['relationshipsByIds', (db) => relationshipsByIds(db, ['deepseek--DEVELOPS--deepseek-v3'])],
    ['relationshipTypeCounts', (db) => relationshipTypeCounts(db)],
    ['searchEntities', (db) => searchEntities(db, '台积电 tsmc', ['COMPANY'], 5)],
    ['timeline', (db) => timeline(db, ['POLICY', 'MODEL'])],
    ['graphStats', (db) => graphStats(db)],
    ['storedDataset', (db) => storedDataset(db)],
  ] satisfies [string, Parameters<typeof ran>[0]][])('%s', async (_name, call) => {
    expect(await ran(call)).toMatchSnapshot();
  });

  it('the Dataset marker', () => {
    expect([markLoading('abc'), markDataset('abc', { entities: 3, relationships: 2, facts: 1 }), forgetDataset()]).toMatchSnapshot();
  });
});
