import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../../core/domain/types.js';
import type { EntityNode, RelationshipEdge } from '../repository/records.js';
import { toGraphml, xmlEscape } from './graphml.js';

const vocabulary = { kinds: { COMPANY: { label: 'Company', en: 'Company', zh: '公司' } }, relationshipTypes: { SUPPLIES: { en: 'supplies', zh: '供应', description: '' } } } as unknown as Vocabulary;
const entity = (id: string, name: string): EntityNode => ({
  id, kind: 'COMPANY', name, nameZh: null, aliases: [], summaryEn: 'A <b>&</b> "quoted" \u0001 summary', summaryZh: '摘要',
  wikidata: null, dates: {}, firstSeconds: 12, chapters: [], degree: 1, centrality: { pagerank: 0.5, betweenness: 0, community: 0 },
});
const rel: RelationshipEdge = { id: 'a--supplies--b', type: 'SUPPLIES', source: 'a', target: 'b', since: null, until: null, status: 'stated', evidence: [] };

describe('GraphML export', () => {
  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape('<a href="x">&\u0000</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
  });

  it('is well-formed XML with typed keys, and the nodes and edges it was given', () => {
    const xml = toGraphml({ ctx: { vocabulary, episode: null, entities: new Map() }, episode: null, entities: [entity('a', 'ASML'), entity('b', 'TSMC -- fab')], relationships: [rel], facts: [] });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const keys = doc.graphml.key as { id: string; 'attr.type': string; for: string }[];
    expect(keys.find((k) => k.id === 'n_pagerank')).toMatchObject({ for: 'node', 'attr.type': 'double' });
    expect(keys.find((k) => k.id === 'n_community')).toMatchObject({ for: 'node', 'attr.type': 'int' });
    expect(doc.graphml.graph.node).toHaveLength(2);
    expect(doc.graphml.graph.edge).toMatchObject({ id: 'a--supplies--b', source: 'a', target: 'b' });
  });
});
