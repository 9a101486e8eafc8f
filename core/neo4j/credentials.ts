// The local runner's password: random, made on first start, kept beside the store with mode 0600.
// Anyone who can read the file can reach the database (as with Neo4j's own auth file); nobody else can.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Neo4jConnection } from './types.js';

export const CREDENTIALS_FILE = 'credentials.json';
export const LOCAL_USER = 'neo4j';

export function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

/** The password stored for this store, or a new one written there (0600) when there is none or it is unreadable. */
export function storedPassword(home: string): string {
  const file = join(home, CREDENTIALS_FILE);
  if (existsSync(file)) {
    try {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<Neo4jConnection>;
      if (typeof saved.password === 'string' && saved.password.length >= 16) return saved.password;
    } catch {
      // A damaged file is replaced: the runner sets the store's password from it on every start.
    }
  }
  return newPassword();
}

export function writeCredentials(home: string, connection: Neo4jConnection): string {
  mkdirSync(home, { recursive: true });
  const file = join(home, CREDENTIALS_FILE);
  writeFileSync(file, `${JSON.stringify({ uri: connection.uri, user: connection.user, password: connection.password }, null, 2)}\n`, {
    mode: 0o600,
  });
  // writeFileSync's mode applies only when it creates the file.
  chmodSync(file, 0o600);
  return file;
}
