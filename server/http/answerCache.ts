// Finished GraphQL answers of the loaded dataset, kept as the bytes sent (JSON, gzip, brotli) and keyed by
// the dataset's fingerprint and the request body. The data changes only on seed, yet every explorer
// visitor's first view cost ~190 ms of server CPU (resolving, serialising, compressing the same answers).
// Each request still reads the stored fingerprint first (one small statement), so a seed (a new hash)
// or a load in progress (no hash) is never answered from here; a miss is kept only when the fingerprint
// read after it is the one read before it. Never kept: answers with errors, a layout still PENDING (the
// context's `answer.keep`), "show the query" requests (their Cypher trace is per request). A request
// with `Cache-Control: no-cache` is answered from the data (the benchmark's computed side does that).
// Only JSON bodies are looked up, so a hit has passed the same CSRF rule as Apollo (non-simple content type).
// AIG_ANSWER_CACHE=off turns it off with the other dataset caches.
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';
import type { Executor } from '../../core/db/executor.js';
import { storedDataset } from '../../core/db/graphState.js';
import { wantsExplain, type AnswerNote } from '../graphql/context.js';
import { dooms } from '../graphql/requestGuard.js';

/** Defaults of the answer cache. */
export const ANSWER_CACHE_DEFAULTS = {
  /** Bytes kept over all variants; the 10k graph's whole view is ~2 MB as JSON, ~0.3 MB compressed. */
  maxBytes: 32 * 1024 * 1024,
  /** An answer bigger than this as JSON is never kept (it would push out everything else). */
  maxAnswerBytes: 8 * 1024 * 1024,
  /** Below this the compression middleware sends JSON as it is, and so does a hit. */
  compressFrom: 1024,
  /** The compression middleware's own brotli quality: a hit and a miss send the same kind of bytes. */
  brotliQuality: 4,
  /**
   * How long a request waits for the fingerprint before it is answered from the data instead. A Neo4j
   * that went away makes the read retry for seconds; the request's own statements would then wait
   * them out a second time (SERVICE_UNAVAILABLE must come within ~4 s).
   */
  fingerprintWaitMs: 500,
} as const;

/** `hit` (from the cache) or `miss` (read now, kept if it may be); absent where nothing was looked up. */
export const ANSWER_CACHE_HEADER = 'x-aig-answer-cache';

interface Entry {
  json: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  contentType: string;
  bytes: number;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export interface AnswerCache {
  middleware: (req: Request, res: Response, next: NextFunction) => void;
  /** The note a request's context carries (res.locals of a request this cache may keep). */
  noteOf: (res: Response) => AnswerNote | undefined;
  /**
   * The failure of this request's fingerprint read (Neo4j unreachable, out of time): the request's own
   * statements then fail at once with it instead of each waiting it out again.
   */
  failureOf: (res: Response) => Error | undefined;
}

type Body = { query?: unknown; variables?: unknown; operationName?: unknown };

const SLOW = Symbol('fingerprint read still running');

/**
 * The stored fingerprint, read by one statement for every request that arrives while none is being read:
 * a request that arrives during a read waits for the next one, which starts after it arrived, so it never
 * sees a state older than its own arrival. 32 concurrent hits cost one small statement per round trip,
 * not 32 (they had waited behind each other's reads: 60–70 ms a hit at c=32).
 */
export function coalescedReads<T>(read: () => Promise<T>): () => Promise<T> {
  let current: Promise<T> | null = null;
  let next: Promise<T> | null = null;
  const start = () => {
    const p = read();
    current = p;
    p.then(
      () => void (current === p && (current = null)),
      () => void (current === p && (current = null)),
    );
    return p;
  };
  return () => {
    if (!current) return start();
    if (!next) {
      const after = current;
      next = after.then(
        () => undefined,
        () => undefined,
      ).then(() => {
        next = null;
        return start();
      });
    }
    return next;
  };
}

function keyOf(hash: string, body: Body): string | null {
  if (typeof body?.query !== 'string') return null;
  try {
    return `${hash}\u0000${JSON.stringify([body.operationName ?? null, body.query, body.variables ?? null])}`;
  } catch {
    // Variables nested too deep to serialise: not looked up; Apollo answers them with its own error.
    return null;
  }
}

function pickEncoding(req: Request, e: Entry): 'br' | 'gzip' | null {
  const accepted = req.acceptsEncodings(...(e.br ? ['br'] : []), ...(e.gzip ? ['gzip'] : []), 'identity');
  return accepted === 'br' || accepted === 'gzip' ? accepted : null;
}

export function createAnswerCache(opts: { enabled: boolean; db: Executor; limits?: Partial<typeof ANSWER_CACHE_DEFAULTS> }): AnswerCache {
  const limits = { ...ANSWER_CACHE_DEFAULTS, ...opts.limits };
  const fingerprint = coalescedReads(async () => {
    const s = await storedDataset(opts.db);
    return s.loading === null ? s.hash : null;
  });
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let hashOfEntries: string | null = null;

  const forget = (key: string) => {
    const e = entries.get(key);
    if (e) bytes -= e.bytes;
    entries.delete(key);
  };
  const keep = (hash: string, key: string, e: Entry) => {
    // Answers of an older fingerprint can never be hit again.
    if (hashOfEntries !== hash) {
      entries.clear();
      bytes = 0;
      hashOfEntries = hash;
    }
    forget(key);
    entries.set(key, e);
    bytes += e.bytes;
    while (bytes > limits.maxBytes && entries.size) forget(entries.keys().next().value!);
  };

  const send = (req: Request, res: Response, e: Entry) => {
    const enc = pickEncoding(req, e);
    res.setHeader(ANSWER_CACHE_HEADER, 'hit');
    res.setHeader('Content-Type', e.contentType);
    res.setHeader('Vary', 'Accept-Encoding');
    // A Content-Encoding already set makes the compression middleware pass the bytes through.
    if (enc) res.setHeader('Content-Encoding', enc);
    const bodyBytes = enc ? e[enc]! : e.json;
    res.setHeader('Content-Length', String(bodyBytes.length));
    res.status(200).end(bodyBytes);
  };

  const build = async (json: string, contentType: string): Promise<Entry> => {
    const raw = Buffer.from(json, 'utf8');
    if (raw.length < limits.compressFrom) return { json: raw, contentType, bytes: raw.length };
    const [gz, br] = await Promise.all([
      gzipAsync(raw),
      brotliAsync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: limits.brotliQuality, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
    ]);
    return { json: raw, gzip: gz, br, contentType, bytes: raw.length + gz.length + br.length };
  };

  const middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (!opts.enabled || req.method !== 'POST' || !req.is('application/json') || wantsExplain(req.headers, req.body)) return next();
    if (/no-cache|no-store/i.test(req.headers['cache-control'] ?? '')) return next();
    void (async () => {
      let before: string | null;
      try {
        const read = fingerprint();
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<typeof SLOW>((resolve) => (timer = setTimeout(() => resolve(SLOW), limits.fingerprintWaitMs)));
        const first = await Promise.race([read, late]).finally(() => clearTimeout(timer));
        if (first === SLOW) {
          read.catch(() => undefined);
          return next();
        }
        before = first;
      } catch (err) {
        // Apollo answers with the database's error, coded, as it does without a cache.
        if (dooms(err)) res.locals.answerFailure = err;
        return next();
      }
      if (before === null) return next();
      const key = keyOf(before, req.body as Body);
      if (key === null) return next();
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return send(req, res, hit);
      }
      const note: AnswerNote = { keep: true };
      res.locals.answerNote = note;
      res.setHeader(ANSWER_CACHE_HEADER, 'miss');
      const original = res.send.bind(res);
      res.send = (body?: unknown) => {
        const contentType = String(res.getHeader('Content-Type') ?? '');
        if (note.keep && res.statusCode === 200 && typeof body === 'string' && body.length <= limits.maxAnswerBytes && contentType.startsWith('application/json')) {
          void keepIfUnchanged(before, key, body, contentType);
        }
        return original(body);
      };
      next();
    })().catch(next);
  };

  const keepIfUnchanged = async (before: string, key: string, json: string, contentType: string) => {
    try {
      const [entry, after] = await Promise.all([build(json, contentType), fingerprint()]);
      if (after === before) keep(before, key, entry);
    } catch {
      // Not kept: the next request reads it again.
    }
  };

  return {
    middleware,
    noteOf: (res) => res.locals.answerNote as AnswerNote | undefined,
    failureOf: (res) => res.locals.answerFailure as Error | undefined,
  };
}
