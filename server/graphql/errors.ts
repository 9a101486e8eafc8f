// GraphQL errors always carry a code from core/domain/errors.ts; internal details and stack traces never
// leave the server.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { CypherClientError } from '../../core/db/errors.js';
import { CODE, CodedError, errorAnswer, isErrorCode, type ErrorCode } from '../../core/domain/errors.js';

export const badInput = (message: string, field?: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: CODE.BAD_USER_INPUT, ...(field ? { field } : {}) } });

export const notFound = (message: string): GraphQLError => new GraphQLError(message, { extensions: { code: CODE.NOT_FOUND } });

/** Codes set by our resolvers or by Apollo that reach the caller unchanged. */
const PASS_THROUGH = new Set<ErrorCode>([
  CODE.BAD_USER_INPUT,
  CODE.NOT_FOUND,
  CODE.GRAPHQL_VALIDATION_FAILED,
  CODE.BAD_REQUEST,
  CODE.PERSISTED_QUERY_NOT_FOUND,
  CODE.PERSISTED_QUERY_NOT_SUPPORTED,
  CODE.OPERATION_RESOLUTION_FAILURE,
  CODE.SERVICE_UNAVAILABLE,
  CODE.QUERY_TIMEOUT,
  CODE.TRANSACTION_TERMINATED,
  CODE.MEMORY_LIMIT,
]);

/** Apollo's name for a syntax error; answered as GRAPHQL_VALIDATION_FAILED, one code for every refused document. */
const APOLLO_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED';

/**
 * By tag, not instanceof: graphql ships a CommonJS and an ES module build, and where both are loaded
 * (vitest gives our code the ESM one, Node gives Apollo the CommonJS one) Apollo's errors are
 * instances of the other copy's class.
 */
const isGraphQLError = (e: Error): boolean => e instanceof GraphQLError || Object.prototype.toString.call(e) === '[object GraphQLError]';

const internal = (base: GraphQLFormattedError): GraphQLFormattedError => {
  const { code, message } = errorAnswer(null);
  return { ...base, message, extensions: { code } };
};

/** Apollo's formatError: classify database failures, hide everything unexpected. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  // The API builds its own Cypher: Neo4j refusing it is our fault, not the caller's.
  if (original instanceof CypherClientError) return { ...internal(base), message: 'the database rejected the query' };
  if (original instanceof CodedError) {
    const { code, message } = errorAnswer(original);
    return { ...base, message, extensions: { code } };
  }
  // Anything else thrown as a plain Error is a bug or an exhausted resource (a stack overflow is a
  // RangeError): its text is about the server, not the request.
  if (original instanceof Error && !isGraphQLError(original)) return internal(base);
  const code = String(formatted.extensions?.code ?? '');
  if (code === APOLLO_PARSE_FAILED) return { ...base, extensions: { code: CODE.GRAPHQL_VALIDATION_FAILED } };
  if (isErrorCode(code) && PASS_THROUGH.has(code)) {
    const { stacktrace: _s, exception: _e, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...base, extensions: { ...extensions, code } };
  }
  // graphql-armor and the parser report limits as plain GraphQLErrors without a code.
  if (!code && /max|limit|depth|alias|cost|token|directive/i.test(formatted.message))
    return { ...base, extensions: { code: CODE.BAD_USER_INPUT } };
  return internal(base);
}
