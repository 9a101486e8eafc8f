// Builds the Apollo server: schema from schema.graphql, resolvers, limits from graphql-armor,
// error formatting that never leaks internals.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { ROOT_DIR } from '../../core/config.js';
import type { Vocabulary } from '../../core/domain/types.js';
import type { GraphQLContext } from './context.js';
import { formatError } from './errors.js';
import { LIMITS } from './limits.js';
import { createResolvers } from './resolvers.js';
import { vocabularyMismatches } from './vocabularyMatch.js';

export const GRAPHQL_SCHEMA_FILE = join(ROOT_DIR, 'server', 'graphql', 'schema.graphql');

export { LIMITS } from './limits.js';

/**
 * Puts the statements a request ran (when it asked: context.ts) into its answer's extensions, and keeps
 * an answer with errors out of the answer cache (a timeout or a dead database is not the dataset's answer).
 */
const answerPlugin: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (response.body.kind !== 'single') {
          contextValue.answer.keep = false;
          return;
        }
        const result = response.body.singleResult;
        if (result.errors?.length) contextValue.answer.keep = false;
        if (!contextValue.cypher) return;
        result.extensions = { ...result.extensions, cypher: contextValue.cypher };
      },
    };
  },
};

export function createApolloServer(vocabulary: Vocabulary): ApolloServer<GraphQLContext> {
  const typeDefs = readFileSync(GRAPHQL_SCHEMA_FILE, 'utf8');
  const mismatches = vocabularyMismatches(typeDefs, vocabulary);
  if (mismatches.length) throw new Error(`the GraphQL schema does not match the vocabulary: ${mismatches.join('; ')}`);
  const kindToType = Object.fromEntries(Object.entries(vocabulary.kinds).map(([kind, v]) => [kind, v.label]));
  const armor = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: LIMITS.maxAliases },
    costLimit: { maxCost: LIMITS.maxCost, ignoreIntrospection: true },
    // Off here, on in parseOptions below: armor's token check throws from a plugin hook, which Apollo
    // treats as an unexpected failure, so every syntax error and token flood answered HTTP 500.
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  return new ApolloServer<GraphQLContext>({
    typeDefs,
    // Codegen's Resolvers type is stricter than Apollo's IResolvers (no index signature): same objects.
    resolvers: createResolvers(kindToType) as never,
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: LIMITS.maxTokens },
    // graphql-armor's typings point at Apollo's CommonJS build; the plugins are the same objects.
    // No cache hints are set anywhere, so Apollo's default cache-control plugin only costs time (3–6%).
    plugins: [
      ...(protection.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      answerPlugin,
    ],
    allowBatchedHttpRequests: false,
    // The composition root (app/main.ts) owns shutdown: Apollo's own SIGINT/SIGTERM handler re-sent the
    // signal once it had stopped, which killed the process before the local Neo4j was stopped.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    introspection: true,
    formatError,
  });
}
