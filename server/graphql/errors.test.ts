// What a client sees for each kind of failure: the code says what happened, and only messages written
// for clients leave the server. Errors go through a real Apollo server, as they do in production.
import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CypherClientError,
  DatabaseUnavailableError,
  MemoryLimitError,
  QueryTimeoutError,
  TransactionTerminatedError,
} from '../../core/db/errors.js';
import { BadInputError } from '../repository/inputError.js';
import { badInput, formatError, notFound } from './errors.js';

function stackOverflow(): RangeError {
  const deeper = (n: number): number => deeper(n + 1) + 1;
  try {
    deeper(0);
  } catch (err) {
    return err as RangeError;
  }
  throw new Error('the stack did not overflow');
}

const thrown: Record<string, unknown> = {
  unavailable: new DatabaseUnavailableError('the graph database is not reachable right now; try again shortly'),
  timeout: new QueryTimeoutError('the query ran longer than the time limit and was stopped'),
  terminated: new TransactionTerminatedError('the query was stopped by the database; try again'),
  memory: new MemoryLimitError('the query needs more memory than one query may use'),
  cypher: new CypherClientError('Invalid input "MATCH (secret:Label"', 'Neo.ClientError.Statement.SyntaxError'),
  overflow: stackOverflow(),
  range: new RangeError('Invalid array length at /srv/app/secret.ts'),
  repoInput: new BadInputError('maxLength must be a whole number from 1 to 10'),
  badInput: badInput('first must be from 1 to 50 (got 0)', 'first'),
  notFound: notFound('no entity with id "nope"'),
  secret: new Error('connect ECONNREFUSED 10.0.0.7:7687 password=hunter2'),
  typeError: new TypeError("Cannot read properties of undefined (reading 'id')"),
  string: 'a thrown string with /srv/app/internal.ts',
};

let apollo: ApolloServer;
beforeAll(async () => {
  apollo = new ApolloServer({
    typeDefs: 'type Query { fail(kind: String!): String }',
    resolvers: {
      Query: {
        fail: (_root: unknown, a: { kind: string }) => {
          throw thrown[a.kind];
        },
      },
    },
    formatError,
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();
});
afterAll(() => apollo?.stop());

async function failure(kind: string): Promise<{ message: string; code: unknown; text: string }> {
  const res = await apollo.executeOperation({ query: 'query($k: String!) { fail(kind: $k) }', variables: { k: kind } });
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  const [error] = res.body.singleResult.errors ?? [];
  return { message: error!.message, code: error!.extensions?.code, text: JSON.stringify(res.body.singleResult) };
}

describe('formatError', () => {
  it.each([
    ['unavailable', 'SERVICE_UNAVAILABLE', 'the graph database is not reachable right now; try again shortly'],
    ['timeout', 'QUERY_TIMEOUT', 'the query ran longer than the time limit and was stopped'],
    ['terminated', 'TRANSACTION_TERMINATED', 'the query was stopped by the database; try again'],
    ['memory', 'MEMORY_LIMIT', 'the query needs more memory than one query may use'],
    ['repoInput', 'BAD_USER_INPUT', 'maxLength must be a whole number from 1 to 10'],
    ['badInput', 'BAD_USER_INPUT', 'first must be from 1 to 50 (got 0)'],
    ['notFound', 'NOT_FOUND', 'no entity with id "nope"'],
  ])('%s: %s with its own message', async (kind, code, message) => {
    expect(await failure(kind)).toMatchObject({ code, message });
  });

  it('a Cypher error from Neo4j is ours, not the caller\'s: INTERNAL_SERVER_ERROR without the query', async () => {
    const f = await failure('cypher');
    expect(f).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', message: 'the database rejected the query' });
    expect(f.text).not.toMatch(/secret|Neo\.ClientError/);
  });

  it.each(['overflow', 'range', 'secret', 'typeError', 'string'])('%s: INTERNAL_SERVER_ERROR, "internal error", nothing else', async (kind) => {
    const f = await failure(kind);
    expect(f).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', message: 'internal error' });
    expect(f.text).not.toMatch(/stack|Maximum call|secret|hunter2|ECONNREFUSED|10\.0\.0\.7|reading|srv/i);
  });

  it.each([
    ['an unknown field', '{ nope }'],
    ['a syntax error', '{ fail(kind: '],
  ])('leaves Apollo\'s own refusals alone: %s is GRAPHQL_VALIDATION_FAILED with its message', async (_name, query) => {
    const res = await apollo.executeOperation({ query });
    const error = res.body.kind === 'single' ? res.body.singleResult.errors?.[0] : undefined;
    expect(error?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error?.message).not.toBe('internal error');
  });

  it('keeps the field a BAD_USER_INPUT points at', async () => {
    const res = await apollo.executeOperation({ query: '{ fail(kind: "badInput") }' });
    expect(res.body.kind === 'single' && res.body.singleResult.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
