// The one boundary between driver values and plain objects: what the API and the console hand out.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from './mapping.js';

describe('toPlain', () => {
  it('turns Neo4j integers into numbers, and keeps ones beyond 2^53 exact as strings', () => {
    expect(toPlain(neo4j.int(256))).toBe(256);
    expect(toPlain(neo4j.int('9007199254740993'))).toBe('9007199254740993');
  });

  it('maps integers inside projected maps and lists, and leaves strings, numbers and booleans alone', () => {
    const projected = { id: 'deepseek-v3', experts: neo4j.int(256), chapters: ['ch03', 'ch04'], at: [neo4j.int(830)], ok: true, price: 2.19, none: null };
    expect(toPlain(projected)).toEqual({ id: 'deepseek-v3', experts: 256, chapters: ['ch03', 'ch04'], at: [830], ok: true, price: 2.19, none: null });
  });

  it('turns temporal values into ISO strings', () => {
    expect(toPlain(new neo4j.types.Date(2025, 2, 3))).toBe('2025-02-03');
  });

  it('turns nodes and relationships into plain objects with element ids', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Entity', 'Company'], { id: 'nvidia', firstSeconds: neo4j.int(95) }, '4:x:1');
    expect(toPlain(node)).toEqual({ __type: 'node', elementId: '4:x:1', labels: ['Entity', 'Company'], properties: { id: 'nvidia', firstSeconds: 95 } });
    const rel = new neo4j.types.Relationship(neo4j.int(7), neo4j.int(1), neo4j.int(2), 'DESIGNS', { evidenceAt: [neo4j.int(600)] }, '5:x:7', '4:x:1', '4:x:2');
    expect(toPlain(rel)).toEqual({ __type: 'relationship', elementId: '5:x:7', type: 'DESIGNS', startElementId: '4:x:1', endElementId: '4:x:2', properties: { evidenceAt: [600] } });
  });
});
