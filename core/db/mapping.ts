// The one boundary where Neo4j driver values become plain JavaScript:
// Integer -> number, temporal -> ISO string, graph types -> plain objects.
import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';

export interface PlainNode {
  __type: 'node';
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}
export interface PlainRelationship {
  __type: 'relationship';
  elementId: string;
  type: string;
  startElementId: string;
  endElementId: string;
  properties: Record<string, unknown>;
}
export interface PlainPath {
  __type: 'path';
  nodes: PlainNode[];
  relationships: PlainRelationship[];
}

function mapProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = toPlain(v);
  return out;
}

export function toPlain(value: unknown): unknown {
  // Most values are strings, numbers and maps from projections: answer those before the driver's
  // type probes, which cost ~10x more than the mapping itself on a 200-node neighborhood.
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return value;
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toPlain);
  const proto: unknown = t === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) return mapProps(value as Record<string, unknown>);
  if (neo4j.isInt(value)) {
    const n = value as ReturnType<typeof neo4j.int>;
    return n.inSafeRange() ? n.toNumber() : n.toString();
  }
  if (typeof value === 'bigint') return Number(value);
  if (
    neo4j.isDate(value) ||
    neo4j.isDateTime(value) ||
    neo4j.isLocalDateTime(value) ||
    neo4j.isLocalTime(value) ||
    neo4j.isTime(value) ||
    neo4j.isDuration(value)
  )
    return (value as { toString(): string }).toString();
  if (neo4j.isPoint(value)) {
    const p = value as { srid: unknown; x: number; y: number; z?: number };
    return { srid: toPlain(p.srid), x: p.x, y: p.y, z: p.z ?? null };
  }
  if (neo4j.isNode(value)) {
    const n = value as { elementId: string; labels: string[]; properties: Record<string, unknown> };
    return { __type: 'node', elementId: n.elementId, labels: [...n.labels], properties: mapProps(n.properties) } satisfies PlainNode;
  }
  if (neo4j.isRelationship(value)) {
    const r = value as { elementId: string; type: string; startNodeElementId: string; endNodeElementId: string; properties: Record<string, unknown> };
    return {
      __type: 'relationship',
      elementId: r.elementId,
      type: r.type,
      startElementId: r.startNodeElementId,
      endElementId: r.endNodeElementId,
      properties: mapProps(r.properties),
    } satisfies PlainRelationship;
  }
  if (neo4j.isPath(value)) {
    const p = value as { start: unknown; segments: { relationship: unknown; end: unknown }[] };
    return {
      __type: 'path',
      nodes: [toPlain(p.start), ...p.segments.map((s) => toPlain(s.end))] as PlainNode[],
      relationships: p.segments.map((s) => toPlain(s.relationship)) as PlainRelationship[],
    } satisfies PlainPath;
  }
  if (typeof value === 'object') return mapProps(value as Record<string, unknown>);
  return value;
}

export function recordToObject(record: Neo4jRecord): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of record.keys) out[String(key)] = toPlain(record.get(key));
  return out;
}
