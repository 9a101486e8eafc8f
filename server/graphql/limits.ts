// Every bound the GraphQL API puts on one request, in one place: document limits (graphql-armor and the
// parser, server.ts) and the page sizes and depths the resolvers accept (queryResolvers.ts,
// entityTypes.ts; text arguments: MAX_TEXT in core/domain/limits.ts). README's "Limits" line lists the
// same numbers.
export const LIMITS = {
  maxDepth: 10,
  // The explorer's own entity query needs 16 (both languages of every label); cost and tokens bound the rest.
  maxAliases: 24,
  maxCost: 5000,
  maxTokens: 2000,
  maxDirectives: 10,
  /** search(first:) */
  searchFirst: 50,
  /** entities(first:) */
  entitiesFirst: 100,
  /** neighborhood(limit:) */
  neighborhoodLimit: 1000,
  /** neighborhood(depth:): hops, each multiplying the rows read */
  neighborhoodDepth: 3,
  /** shortestPath(maxLength:) */
  pathMaxLength: 10,
  /** Entity.relationships(first:), and what an entity answers without `first` */
  relationshipsFirst: 500,
  /** graph(limit:) */
  graphLimit: 20_000,
  /** facts(first:) */
  factsFirst: 1000,
  /** metrics(minEntities:) */
  minEntities: 1000,
} as const;
