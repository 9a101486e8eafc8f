// Bounded work per client. Rates come from express-rate-limit (a fixed window per client address,
// 429 with Retry-After); concurrency, which it does not do, is counted here: one client cannot hold
// every connection of the pool while staying inside every per-request limit.
import type { NextFunction, Request, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { CODE, httpStatus } from '../../core/domain/errors.js';

export type { ClientLimits } from '../../core/config.js';

const tooMany = (what: string) => (_req: Request, res: Response) => {
  res.status(httpStatus(CODE.TOO_MANY_REQUESTS)).json({
    error: { code: CODE.TOO_MANY_REQUESTS, message: `too many ${what} requests from this client; wait a moment (see Retry-After)`, messageZh: '请求过多:请稍后再试。' },
  });
};

export function perMinute(limit: number, what: string) {
  return rateLimit({ windowMs: 60_000, limit, standardHeaders: 'draft-7', legacyHeaders: false, handler: tooMany(what) });
}

/** At most `limit` requests of one client in flight; counted until the response is finished or closed. */
export function concurrentPerClient(limit: number, what: string) {
  const running = new Map<string, number>();
  const refuse = tooMany(what);
  return (req: Request, res: Response, next: NextFunction): void => {
    const key = req.ip ?? 'unknown';
    const n = running.get(key) ?? 0;
    if (n >= limit) {
      res.setHeader('Retry-After', '1');
      return refuse(req, res);
    }
    running.set(key, n + 1);
    let done = false;
    const release = () => {
      if (done) return;
      done = true;
      const left = (running.get(key) ?? 1) - 1;
      if (left <= 0) running.delete(key);
      else running.set(key, left);
    };
    res.once('finish', release);
    res.once('close', release);
    next();
  };
}
