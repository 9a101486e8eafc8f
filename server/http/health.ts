import type { Request, Response } from 'express';
import type { Executor } from '../../core/db/executor.js';
import type { Neo4jState } from '../../core/neo4j/types.js';
import { graphStats } from '../../core/db/graphState.js';

export type { Neo4jState } from '../../core/neo4j/types.js';

/**
 * 200 with counts when Neo4j answers; 503 "degraded" while the supervisor restarts a local Neo4j that
 * died (with the reason), 503 "unavailable" otherwise. Never throws. Runs on its own connections.
 */
export function healthHandler(db: Executor, neo4jState?: () => Neo4jState) {
  return async (_req: Request, res: Response): Promise<void> => {
    const supervisor = neo4jState?.();
    try {
      const s = await graphStats(db);
      res.json({
        status: 'ok',
        neo4j: { reachable: true, ...(supervisor ? { restarts: supervisor.restarts } : {}) },
        entities: s.entities,
        relationships: s.relationships,
        facts: s.facts,
        byKind: s.byKind,
        byType: s.byType,
      });
    } catch (err) {
      const restarting = supervisor?.state === 'restarting';
      res.status(503).json({
        status: restarting ? 'degraded' : 'unavailable',
        neo4j: { reachable: false, error: (err as Error).message, ...(supervisor ? { reason: supervisor.reason, restarts: supervisor.restarts } : {}) },
      });
    }
  };
}
