// Issue 8, the fast half (the slow half is test/soak, `npm run test:soak`): the HTTP surface exposes nothing it should not.
// Every case runs against the real Neo4j of the run (test/support/reliability.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ROOT_DIR } from '../../core/config.js';
import type { RunningServer } from '../../app/start.js';
import { startTestServer } from '../support/server.js';
import { boltUrl, loopbackNeo4j, server, useReliabilityServer } from '../support/reliability.js';

useReliabilityServer();

describe('HTTP surface', () => {
  const SECRETS = {
    NEO4J_PASSWORD: `pw-${Math.random().toString(36).slice(2)}-sentinel`,
    NEO4J_USER: `user-${Math.random().toString(36).slice(2)}-sentinel`,
    NEO4J_URI: `bolt://secret-${Math.random().toString(36).slice(2)}.example:7687`,
    VITE_NEO4J_PASSWORD: `vite-${Math.random().toString(36).slice(2)}-sentinel`,
  };
  let clientDir = '';
  let withClient: RunningServer | null = null;

  beforeAll(async () => {
    // Built with secrets in the environment, into a directory of our own (others may be building dist/).
    clientDir = mkdtempSync(join(tmpdir(), 'aig-client-'));
    const saved = Object.fromEntries(Object.keys(SECRETS).map((k) => [k, process.env[k]]));
    Object.assign(process.env, SECRETS);
    try {
      await build({ configFile: join(ROOT_DIR, 'client/vite.config.ts'), logLevel: 'error', build: { outDir: clientDir, emptyOutDir: true } });
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
    withClient = await startTestServer({}, { clientDir });
  }, 120_000);
  afterAll(async () => {
    await withClient?.close();
    if (clientDir) rmSync(clientDir, { recursive: true, force: true });
  });

  function files(dir: string): string[] {
    return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
  }

  it('the built client bundle holds no secret, connection string, server path or source map', () => {
    const all = files(clientDir);
    expect(all.some((f) => f.endsWith('.js'))).toBe(true);
    expect(all.filter((f) => f.endsWith('.map'))).toEqual([]);
    const own = process.env.NEO4J_PASSWORD && process.env.NEO4J_PASSWORD.length >= 6 ? [process.env.NEO4J_PASSWORD] : [];
    for (const f of all) {
      const text = readFileSync(f, 'utf8');
      for (const s of [...Object.values(SECRETS), ...own]) expect(text.includes(s), `${f} contains ${s}`).toBe(false);
      expect(text, f).not.toMatch(/bolt:\/\/|neo4j(\+s|\+ssc)?:\/\/|NEO4J_|process\.env|-----BEGIN [A-Z ]*PRIVATE KEY/);
      expect(text.includes(ROOT_DIR), `${f} contains the server path`).toBe(false);
    }
  });

  it('sends the security headers on every kind of response', async () => {
    const base = withClient!.url;
    const asset = files(join(clientDir, 'assets')).find((f) => f.endsWith('.js'))!;
    const responses = await Promise.all([
      fetch(`${base}/`),
      fetch(`${base}/assets/${asset.split('/').pop()}`),
      fetch(`${base}/graphql`, { headers: { accept: 'text/html' } }),
      fetch(`${base}/health`),
      fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ stats { entities } }"}' }),
      fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' }),
      fetch(`${base}/cypher`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"CREATE (n)"}' }),
      fetch(`${base}/no/such/path`),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 400, 400, 404]);
    for (const r of responses) {
      await r.arrayBuffer();
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      const csp = r.headers.get('content-security-policy') ?? '';
      for (const d of ["default-src 'self'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "connect-src 'self'"]) expect(csp).toContain(d);
      expect(r.headers.get('x-powered-by')).toBeNull();
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('answers CORS only for the origins in CORS_ORIGINS', async () => {
    const allowed = 'https://allowed.example';
    const cors = await startTestServer({ CORS_ORIGINS: `${allowed}, http://localhost:5173` });
    try {
      const ask = (origin: string, method = 'POST') =>
        fetch(`${cors.url}/graphql`, {
          method,
          headers:
            method === 'OPTIONS'
              ? { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' }
              : { origin, 'content-type': 'application/json' },
          ...(method === 'POST' ? { body: '{"query":"{ stats { entities } }"}' } : {}),
        });
      const ok = await ask(allowed);
      expect(ok.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(ok.headers.get('vary')).toMatch(/Origin/);
      expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
      const preflight = await ask(allowed, 'OPTIONS');
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/);
      for (const origin of ['https://evil.example', 'https://allowed.example.evil.example', 'http://allowed.example', 'null', 'https://ALLOWED.example']) {
        for (const method of ['POST', 'OPTIONS']) {
          const r = await ask(origin, method);
          await r.arrayBuffer();
          expect({ origin, method, acao: r.headers.get('access-control-allow-origin') }).toEqual({ origin, method, acao: null });
        }
      }
    } finally {
      await cors.close();
    }
  });

  /** Listening TCP sockets as `ss` reports them: local address, port and owning process id. */
  function listening(): { addr: string; port: number; pid: number | null }[] {
    const out = execFileSync('ss', ['-ltnpH'], { encoding: 'utf8' });
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const local = line.trim().split(/\s+/)[3] ?? '';
        const i = local.lastIndexOf(':');
        return { addr: local.slice(0, i), port: Number(local.slice(i + 1)), pid: Number(/pid=(\d+)/.exec(line)?.[1]) || null };
      });
  }
  const isLoopback = (addr: string) => /^(127\.\d+\.\d+\.\d+|\[::1\]|\[::ffff:127\.\d+\.\d+\.\d+\])(%\w+)?$/.test(addr);
  const externalIPv4 = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  const refused = (host: string, port: number) =>
    new Promise<string>((resolve) => {
      const s = connect({ host, port, timeout: 3000 });
      s.once('connect', () => {
        s.destroy();
        resolve('connected');
      });
      s.once('timeout', () => {
        s.destroy();
        resolve('timeout');
      });
      s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });

  it('listens on 127.0.0.1 by default, and where HOST says otherwise', async () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    const mine = listening().filter((l) => l.port === server.port);
    expect(mine.length).toBeGreaterThan(0);
    for (const l of mine) expect(isLoopback(l.addr), l.addr).toBe(true);
    if (externalIPv4) expect(await refused(externalIPv4, server.port)).toBe('ECONNREFUSED');

    const everywhere = await startTestServer({ HOST: '0.0.0.0' });
    try {
      expect(listening().filter((l) => l.port === everywhere.port).map((l) => l.addr)).toContain('0.0.0.0');
    } finally {
      await everywhere.close();
    }
  });

  it.skipIf(!loopbackNeo4j)('the local Neo4j runner listens on loopback only, every socket of its process', async (ctx) => {
    const all = listening();
    const bolt = all.filter((l) => l.port === Number(boltUrl.port));
    expect(bolt.length).toBeGreaterThan(0);
    const pid = bolt[0]!.pid;
    // Docker or NEO4J_URI provide Neo4j otherwise, and publish it as they are configured to.
    if (!pid || !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('LocalNeo4j')) return ctx.skip();
    for (const l of bolt) expect(isLoopback(l.addr), l.addr).toBe(true);
    for (const l of all.filter((x) => x.pid === pid)) expect(isLoopback(l.addr), `${l.addr}:${l.port}`).toBe(true);
    if (externalIPv4) expect(await refused(externalIPv4, Number(boltUrl.port))).toBe('ECONNREFUSED');
  });
});
