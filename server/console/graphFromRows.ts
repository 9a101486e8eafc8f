// Collects the nodes and relationships found anywhere in console rows, so a table result can also
// be drawn on the canvas. Entities are mapped like GraphQL entities; other nodes get a generic shape.
import type { PlainNode, PlainPath, PlainRelationship } from '../../core/db/mapping.js';
import type { ConsoleEdge, ConsoleNode } from '../../core/domain/consoleGraph.js';
import { toEntity } from '../repository/records.js';

export type { ConsoleEdge, ConsoleNode };

export function graphFromRows(rows: Record<string, unknown>[]): { nodes: ConsoleNode[]; edges: ConsoleEdge[] } {
  const nodes = new Map<string, ConsoleNode>();
  const idOf = new Map<string, string>();
  const rels = new Map<string, PlainRelationship>();

  const addNode = (n: PlainNode): void => {
    if (idOf.has(n.elementId)) return;
    const p = n.properties;
    const isEntity = n.labels.includes('Entity') && typeof p.id === 'string';
    const node: ConsoleNode = isEntity
      ? (({ id, kind, name, nameZh }) => ({ id, kind, name, nameZh, isEntity: true }))(toEntity(p))
      : {
          id: typeof p.id === 'string' ? `${n.labels[0] ?? 'node'}:${p.id}` : n.elementId,
          kind: (n.labels[0] ?? 'NODE').toUpperCase(),
          name: String(p.name ?? p.title ?? p.metric ?? p.id ?? n.labels.join(':')),
          nameZh: typeof p.titleZh === 'string' ? p.titleZh : null,
          isEntity: false,
        };
    idOf.set(n.elementId, node.id);
    nodes.set(node.id, node);
  };

  const visit = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach(visit);
    const t = (v as { __type?: string }).__type;
    if (t === 'node') return addNode(v as PlainNode);
    if (t === 'relationship') {
      rels.set((v as PlainRelationship).elementId, v as PlainRelationship);
      return;
    }
    if (t === 'path') {
      const p = v as PlainPath;
      p.nodes.forEach(addNode);
      p.relationships.forEach((r) => rels.set(r.elementId, r));
      return;
    }
    Object.values(v).forEach(visit);
  };
  rows.forEach(visit);

  const edges: ConsoleEdge[] = [];
  for (const r of rels.values()) {
    const source = idOf.get(r.startElementId);
    const target = idOf.get(r.endElementId);
    if (!source || !target) continue;
    edges.push({ id: typeof r.properties.id === 'string' ? r.properties.id : r.elementId, type: r.type, source, target });
  }
  return { nodes: [...nodes.values()], edges };
}
