// GET /export/*: the data out, as files (CSV, GraphML, JSON) with attachment names and the licence
// linked from each. Read through the repository in one statement per download; behind the app's host
// allowlist like everything else, and limited like the console (per client: its per-minute rate, and
// at most 2 downloads at once), since one download reads the whole graph.
import express, { type Request, type Response } from 'express';
import type { ClientLimits } from '../../core/config.js';
import type { Executor } from '../../core/db/executor.js';
import { CODE, errorAnswer } from '../../core/domain/errors.js';
import type { Vocabulary } from '../../core/domain/types.js';
import { toCsv } from '../../core/domain/csv.js';
import { toDatasetJson } from '../export/dataset.js';
import { toGraphml } from '../export/graphml.js';
import { LICENSE_PATH, licenseText } from '../export/license.js';
import { entityColumns, factColumns, relationshipColumns, type ExportContext } from '../export/tables.js';
import { loadEpisode } from '../repository/episode.js';
import { readExportRows, type ExportRows } from '../repository/exportData.js';
import { concurrentPerClient, perMinute } from './limits.js';

export interface ExportDeps {
  db: Executor;
  vocabulary: Vocabulary;
  limits: ClientLimits;
}

type Snapshot = ExportRows & { ctx: ExportContext; episode: ExportContext['episode'] };

interface ExportFile {
  name: string;
  type: string;
  render: (s: Snapshot) => string;
}

const FILES: ExportFile[] = [
  { name: 'entities.csv', type: 'text/csv; charset=utf-8', render: (s) => toCsv(entityColumns(s.ctx), s.entities) },
  { name: 'relationships.csv', type: 'text/csv; charset=utf-8', render: (s) => toCsv(relationshipColumns(s.ctx), s.relationships) },
  { name: 'facts.csv', type: 'text/csv; charset=utf-8', render: (s) => toCsv(factColumns(s.ctx), s.facts) },
  { name: 'graph.graphml', type: 'application/graphml+xml; charset=utf-8', render: toGraphml },
  { name: 'dataset.json', type: 'application/json; charset=utf-8', render: toDatasetJson },
];

/** Attachment names say where the file is from: ai-industry-graph-entities.csv, ... */
export const attachmentName = (file: string) => `ai-industry-graph-${file}`;

async function snapshot(deps: ExportDeps): Promise<Snapshot> {
  const types = Object.keys(deps.vocabulary.relationshipTypes);
  const [episode, rows] = await Promise.all([loadEpisode(deps.db), readExportRows(deps.db, types, 30_000)]);
  const ctx: ExportContext = { vocabulary: deps.vocabulary, episode, entities: new Map(rows.entities.map((e) => [e.id, e])) };
  return { ...rows, ctx, episode };
}

function fail(res: Response, err: unknown): void {
  // The one mapping (errorAnswer); a fault of ours says only that the export failed.
  const a = errorAnswer(err);
  const known = a.code !== CODE.INTERNAL_SERVER_ERROR;
  res.status(a.status).json({
    error: known ? { code: a.code, message: a.message } : { code: a.code, message: 'the export failed; try again', messageZh: '导出失败,请重试。' },
  });
}

export function exportRouter(deps: ExportDeps): express.Router {
  const router = express.Router();
  router.use(perMinute(deps.limits.consolePerMinute, 'export'), concurrentPerClient(Math.min(2, deps.limits.graphqlConcurrent), 'concurrent export'));
  const license = `<${LICENSE_PATH}>; rel="license"`;
  router.get('/LICENSE.txt', async (_req: Request, res: Response) => {
    try {
      res.type('text/plain; charset=utf-8').send(licenseText(await loadEpisode(deps.db)));
    } catch (err) {
      fail(res, err);
    }
  });
  for (const file of FILES)
    router.get(`/${file.name}`, async (_req: Request, res: Response) => {
      try {
        const body = file.render(await snapshot(deps));
        res.setHeader('Content-Type', file.type);
        res.setHeader('Content-Disposition', `attachment; filename="${attachmentName(file.name)}"`);
        res.setHeader('Link', license);
        res.setHeader('Cache-Control', 'no-cache');
        res.send(body);
      } catch (err) {
        fail(res, err);
      }
    });
  return router;
}
