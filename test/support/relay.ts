// A TCP relay in front of the test Neo4j. To the server, closing it is exactly Neo4j's process going
// away (open sockets reset, new connects refused) without paying for a JVM restart in `npm test`;
// the real stop and restart of a Neo4j process is in test/soak/neo4jRestart.soak.ts. Rules break or
// delay exactly the statements a test names, as a dying or overloaded Neo4j would.
import { connect, createServer, type Server, type Socket } from 'node:net';

type Rule = { marker: Buffer; kill: true } | { marker: Buffer; stallMs: number; used: boolean };

/**
 * Rules: a connection sending a `kill` marker is reset before Neo4j sees it (to the driver, Neo4j died
 * under that statement); the first one sending a `stall` marker is held that long, the statement still
 * running from the server's point of view. Bolt carries Cypher text as plain UTF-8, so a marker is a
 * piece of a statement's text.
 */
export class BoltRelay {
  private listener: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private rules: Rule[] = [];
  constructor(
    readonly port: number,
    private readonly target: URL,
  ) {}

  kill(marker: string): void {
    this.rules.push({ marker: Buffer.from(marker), kill: true });
  }
  stall(marker: string, ms: number): void {
    this.rules.push({ marker: Buffer.from(marker), stallMs: ms, used: false });
  }
  clear(): void {
    this.rules = [];
  }

  up(): Promise<void> {
    return new Promise((resolve, reject) => {
      const listener = createServer((client) => this.relay(client));
      listener.once('error', reject);
      listener.listen(this.port, '127.0.0.1', () => {
        this.listener = listener;
        resolve();
      });
    });
  }

  down(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    const l = this.listener;
    this.listener = null;
    return new Promise((resolve) => (l ? l.close(() => resolve()) : resolve()));
  }

  private relay(client: Socket): void {
    const upstream = connect(Number(this.target.port || 7687), this.target.hostname.replace(/^\[|\]$/g, ''));
    this.sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    for (const s of [client, upstream]) {
      s.on('error', drop);
      s.on('close', drop);
    }
    upstream.pipe(client);
    let held: Buffer[] | null = null;
    let tail = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      if (held) return void held.push(chunk);
      // A marker may straddle two TCP reads.
      const seen = Buffer.concat([tail, chunk]);
      tail = seen.subarray(-256);
      const rule = this.rules.find((r) => seen.includes(r.marker) && ('kill' in r || !r.used));
      if (rule && 'kill' in rule) return drop();
      if (!rule) return void upstream.write(chunk);
      rule.used = true;
      const queued: Buffer[] = (held = [chunk]);
      setTimeout(() => {
        held = null;
        for (const c of queued) upstream.write(c);
      }, rule.stallMs);
    });
  }
}
