// The parent side of centralityProcess.ts: the same numbers as computeCentrality, from another process.
import { forkSibling } from '../core/process/forkSibling.js';
import type { Centrality, CentralitySource } from './centrality.js';

export interface CentralityInput { ids: string[]; sources: string[]; targets: string[] }
export type CentralityReply = { ok: true; rows: [string, number, number | null, number][] } | { ok: false; message: string };

export interface CentralityJob {
  result: Promise<Map<string, Centrality>>;
  /**
   * Settles once the input has gone down the pipe. Await it before synchronous work: the pipe only drains
   * while the event loop runs, and at 100k/500k the child otherwise got its input only after the dataset
   * hash (7 s later) and finished 20 s after the start instead of ~12 s.
   */
  sent: Promise<void>;
  /** Ends the process if it is still running (the load failed elsewhere); the result then rejects. */
  stop: () => void;
}

export function centralityInChild(d: CentralitySource): CentralityJob {
  // Structured clone, not JSON: the three lists are 1.1M strings at 100k/500k.
  const child = forkSibling(import.meta.url, 'centralityProcess', { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], serialization: 'advanced' });
  let inputSent!: () => void;
  const sent = new Promise<void>((resolve) => (inputSent = resolve));
  const result = new Promise<Map<string, Centrality>>((resolve, reject) => {
    let settled = false;
    const fail = (message: string) => {
      inputSent();
      if (settled) return;
      settled = true;
      child.kill();
      reject(new Error(`centrality: ${message}`));
    };
    child.once('error', (err) => fail(err.message));
    child.once('exit', (code, signal) => fail(`the process exited (${signal ?? `code ${code}`}) before answering`));
    child.once('message', (reply: CentralityReply) => {
      if (!reply.ok) return fail(reply.message);
      settled = true;
      resolve(new Map(reply.rows.map(([id, pagerank, betweenness, community]) => [id, { pagerank, betweenness, community }])));
    });
    const input: CentralityInput = { ids: d.entities.map((e) => e.id), sources: d.relationships.map((r) => r.source), targets: d.relationships.map((r) => r.target) };
    // Settles on failure too: the result says what went wrong.
    child.send(input, () => inputSent());
  });
  // A caller that fails before it awaits the result must not leave an unhandled rejection behind.
  result.catch(() => undefined);
  return { result, sent, stop: () => void child.kill() };
}
