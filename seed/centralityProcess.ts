// Computes centrality (centrality.ts) in a child process for the bulk path: there it runs on the second
// core while the parent writes the other CSVs, instead of after them (bench/README.md, "Bulk load").
// Given only the entity ids and the relationships' ends; answers with one row per entity.
import { computeCentrality } from './centrality.js';
import type { CentralityInput, CentralityReply } from './centralityChild.js';

process.once('message', (input: CentralityInput) => {
  let reply: CentralityReply;
  try {
    const entities = input.ids.map((id) => ({ id }));
    const relationships = input.sources.map((source, i) => ({ source, target: input.targets[i]! }));
    reply = { ok: true, rows: [...computeCentrality({ entities, relationships })].map(([id, c]) => [id, c.pagerank, c.betweenness, c.community]) };
  } catch (err) {
    reply = { ok: false, message: (err as Error).message };
  }
  process.send?.(reply, () => process.exit(0));
});
process.on('disconnect', () => process.exit(0));
