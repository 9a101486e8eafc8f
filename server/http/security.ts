import type { NextFunction, Request, Response } from 'express';
import { CODE, httpStatus } from '../../core/domain/errors.js';

/** Security headers on every response; the client and GraphiQL are served from this origin only. */
export function securityHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  );
  next();
}

/** CORS only for origins listed in CORS_ORIGINS; everything else gets no CORS headers at all. */
export function corsAllowlist(origins: string[]) {
  const allowed = new Set(origins);
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.headers.origin;
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'content-type, apollo-require-preflight, x-aig-explain');
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
    }
    next();
  };
}

/** The host name of a Host header, lower-cased and without its port ("[::1]:4000" → "[::1]"), or null. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  return m ? m[1]!.toLowerCase().replace(/\.$/, '') : null;
}

/**
 * Only requests addressed to one of our own names reach the API. A page on evil.example whose DNS
 * name is rebound to 127.0.0.1 is same-origin to the browser, but its requests still say
 * "Host: evil.example" and are refused here (421: this server is not the one that name is meant for).
 */
export function hostAllowlist(allowedHosts: string[]) {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  return (req: Request, res: Response, next: NextFunction): void => {
    const name = hostName(req.headers.host);
    if (name && allowed.has(name)) return next();
    res.status(httpStatus(CODE.HOST_NOT_ALLOWED)).json({
      error: {
        code: CODE.HOST_NOT_ALLOWED,
        message: `this server answers only for ${[...allowed].join(', ')}; add the name you use to ALLOWED_HOSTS`,
      },
    });
  };
}
