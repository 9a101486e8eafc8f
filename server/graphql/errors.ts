// GraphQL errors always carry a code; internal details and stack traces never leave the server.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { CypherClientError, DatabaseError } from '../../core/db/errors.js';
import { BadInputError } from '../repository/inputError.js';

export const badInput = (message: string, field?: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });

export const notFound = (message: string): GraphQLError => new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });

const PASS_THROUGH = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'SERVICE_UNAVAILABLE',
  'QUERY_TIMEOUT',
  'TRANSACTION_TERMINATED',
  'MEMORY_LIMIT',
]);

/**
 * By tag, not instanceof: graphql ships a CommonJS and an ES module build, and where both are loaded
 * (vitest gives our code the ESM one, Node gives Apollo the CommonJS one) Apollo's errors are
 * instances of the other copy's class.
 */
const isGraphQLError = (e: Error): boolean => e instanceof GraphQLError || Object.prototype.toString.call(e) === '[object GraphQLError]';

const internal = (base: GraphQLFormattedError): GraphQLFormattedError => ({
  ...base,
  message: 'internal error',
  extensions: { code: 'INTERNAL_SERVER_ERROR' },
});

/** Apollo's formatError: classify database failures, hide everything unexpected. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  // The API builds its own Cypher: Neo4j refusing it is our fault, not the caller's.
  if (original instanceof CypherClientError)
    return { ...base, message: 'the database rejected the query', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  if (original instanceof DatabaseError) return { ...base, message: original.message, extensions: { code: original.code } };
  if (original instanceof BadInputError) return { ...base, message: original.message, extensions: { code: 'BAD_USER_INPUT' } };
  // Anything else thrown as a plain Error is a bug or an exhausted resource (a stack overflow is a
  // RangeError): its text is about the server, not the request.
  if (original instanceof Error && !isGraphQLError(original)) return internal(base);
  const code = String(formatted.extensions?.code ?? '');
  // One documented code for every document refused before it runs, syntax errors included.
  if (code === 'GRAPHQL_PARSE_FAILED') return { ...base, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
  if (PASS_THROUGH.has(code)) {
    const { stacktrace: _s, exception: _e, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...base, extensions: { ...extensions, code } };
  }
  // graphql-armor and the parser report limits as plain GraphQLErrors without a code.
  if (!code && /max|limit|depth|alias|cost|token|directive/i.test(formatted.message))
    return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
  return internal(base);
}
