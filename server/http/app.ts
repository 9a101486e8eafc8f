// The HTTP surface: /health, /graphql (API, and GraphiQL for browsers), /cypher, and the client.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ConsoleRunner } from '../console/isolated.js';
import type { Executor } from '../../core/db/executor.js';
import type { Vocabulary } from '../../core/domain/types.js';
import { createContext, wantsExplain, type GraphQLContext } from '../graphql/context.js';
import { BIG_ANSWER_ITEMS, createBigAnswerGate } from './bigAnswers.js';
import { datasetCacheFor } from '../graphql/datasetCache.js';
import { createAnswerCache } from './answerCache.js';
import type { LayoutService } from '../layout/service.js';
import { cypherConsoleHandler } from './cypherConsole.js';
import { exportRouter } from './exports.js';
import { healthHandler, type Neo4jState } from './health.js';
import { createStatementLimiter } from '../../core/db/statementLimit.js';
import { concurrentPerClient, perMinute, type ClientLimits } from './limits.js';
import { corsAllowlist, hostAllowlist, securityHeaders } from './security.js';
import { CODE, httpStatus } from '../../core/domain/errors.js';

export interface AppDeps {
  db: Executor;
  /** /health's own connections: it never waits behind queries. */
  healthDb: Executor;
  console: ConsoleRunner;
  limits: ClientLimits;
  /** What the local runner's supervisor knows (restarting, why), when there is one. */
  neo4jState?: () => Neo4jState;
  vocabulary: Vocabulary;
  apollo: ApolloServer<GraphQLContext>;
  clientDir: string;
  corsOrigins: string[];
  allowedHosts: string[];
  layout?: LayoutService;
  /** GRAPHQL_BIG_ANSWERS_AT_ONCE: big answers built and sent at once, server-wide. */
  bigAnswersAtOnce: number;
}

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders);
  app.use(hostAllowlist(deps.allowedHosts));
  // JS, CSS and JSON answers compress 3-5x; compression skips what is already small.
  app.use(compression());
  app.use(corsAllowlist(deps.corsOrigins));
  const json = express.json({ limit: '256kb' });
  const statements = createStatementLimiter(deps.limits.graphqlStatements);
  // The fingerprint read is shared by every client's requests (one small statement at a time), so it runs on the server's executor.
  const answers = createAnswerCache({ enabled: datasetCacheFor(deps.db).enabled, db: deps.db });
  const bigAnswers = createBigAnswerGate(deps.bigAnswersAtOnce);

  app.get('/health', healthHandler(deps.healthDb, deps.neo4jState));

  // Browsers asking for /graphql get the locally built GraphiQL; API clients get Apollo.
  const graphiql = join(deps.clientDir, 'graphiql.html');
  app.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'text/html']) === 'text/html' && existsSync(graphiql)) {
      res.sendFile(graphiql);
      return;
    }
    next();
  });
  app.use(
    '/graphql',
    perMinute(deps.limits.graphqlPerMinute, 'GraphQL'),
    concurrentPerClient(deps.limits.graphqlConcurrent, 'concurrent GraphQL'),
    json,
    answers.middleware,
    expressMiddleware(deps.apollo, {
      context: async ({ req, res }) =>
        createContext({
          db: statements.forClient(deps.db, req.ip ?? 'unknown'),
          answer: answers.noteOf(res),
          failed: answers.failureOf(res),
          vocabulary: deps.vocabulary,
          layout: deps.layout,
          cache: datasetCacheFor(deps.db),
          explain: wantsExplain(req.headers, req.body),
          bigAnswer: (items) => (items < BIG_ANSWER_ITEMS ? Promise.resolve() : bigAnswers.enter(res)),
        }),
    }),
  );

  app.post('/cypher', perMinute(deps.limits.consolePerMinute, 'console'), json, cypherConsoleHandler(deps.console));
  app.use('/export', exportRouter(deps));
  app.get('/api/vocabulary', (_req, res) => {
    res.json(deps.vocabulary);
  });

  if (existsSync(deps.clientDir)) {
    app.use(express.static(deps.clientDir, { index: 'index.html', maxAge: '1h' }));
  } else {
    app.get('/', (_req, res) => {
      res.status(503).type('text').send('The client is not built yet: run `npm run build:client` (npm start does this for you).');
    });
  }

  app.use((req, res) => {
    res.status(httpStatus(CODE.NOT_FOUND)).json({ error: { code: CODE.NOT_FOUND, message: `nothing at ${req.method} ${req.path}` } });
  });
  // Body-parser failures (malformed JSON, too large) and anything unexpected: a code, never a stack.
  app.use((err: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    const code = status === 413 ? CODE.PAYLOAD_TOO_LARGE : status < 500 ? CODE.BAD_REQUEST : CODE.INTERNAL_SERVER_ERROR;
    const message = err.type === 'entity.parse.failed' ? 'the request body is not valid JSON' : status < 500 ? err.message : 'internal error';
    res.status(status).json({ error: { code, message } });
  });
  return app;
}
