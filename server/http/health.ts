import type { Request, Response } from 'express';
import type { Executor } from '../db/executor.js';
import { graphStats } from '../repository/stats.js';

/** 200 with counts when Neo4j answers, 503 when it does not; never throws. */
export function healthHandler(db: Executor) {
  return async (_req: Request, res: Response): Promise<void> => {
    try {
      const s = await graphStats(db);
      res.json({ status: 'ok', neo4j: { reachable: true }, entities: s.entities, relationships: s.relationships, facts: s.facts, byKind: s.byKind, byType: s.byType });
    } catch (err) {
      res.status(503).json({ status: 'unavailable', neo4j: { reachable: false, error: (err as Error).message } });
    }
  };
}
