// Argument checks shared by the resolvers: every bound is checked here, before any query is built.
import { badInput } from './errors.js';
import type { GraphQLContext } from './context.js';
import { MAX_TEXT } from '../../core/domain/limits.js';

type Ctx = GraphQLContext;

export function intArg(value: unknown, name: string, min: number, max: number): number {
  const n = value as number;
  if (!Number.isInteger(n) || n < min || n > max) throw badInput(`${name} must be from ${min} to ${max} (got ${String(value)})`, name);
  return n;
}

export function idArg(value: unknown, name: string): string {
  const s = String(value);
  if (s.length === 0 || s.length > MAX_TEXT) throw badInput(`${name} must be 1 to ${MAX_TEXT} characters`, name);
  return s;
}

export function typesArg(ctx: Ctx, value: unknown, name = 'relationshipTypes'): string[] {
  const list = (value as string[] | null | undefined) ?? [];
  const unknown = list.filter((t) => !ctx.vocabulary.relationshipTypes[t]);
  if (unknown.length)
    throw badInput(`unknown relationship type(s) ${unknown.join(', ')}; see the relationshipTypes query`, name);
  return list;
}

export const kindsArg = (value: unknown): string[] => (value as string[] | null | undefined) ?? [];
export const allowedTypes = (ctx: Ctx): string[] => Object.keys(ctx.vocabulary.relationshipTypes);

export const encodeCursor = (id: string): string => Buffer.from(`e:${id}`).toString('base64url');
export function decodeCursor(cursor: unknown): string | null {
  if (cursor === null || cursor === undefined) return null;
  const raw = Buffer.from(String(cursor), 'base64url').toString('utf8');
  if (!raw.startsWith('e:') || raw.length > MAX_TEXT) throw badInput('after is not a cursor returned by this API', 'after');
  return raw.slice(2);
}
