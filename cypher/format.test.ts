import { describe, expect, it } from 'vitest';
import type { PlainNode, PlainPath, PlainRelationship } from '../core/db/mapping.js';
import { displayWidth, formatCell, formatCsv, formatJson, formatRows, formatTable, rowCountLine, truncate } from './format.js';

const node = (id: string, name: string, kind: string, label = 'Company'): PlainNode => ({
  __type: 'node',
  elementId: `e-${id}`,
  labels: ['Entity', label],
  properties: { id, name, kind },
});
const nvidia = node('nvidia', 'NVIDIA', 'COMPANY');
const h800 = node('nvidia-h800', 'NVIDIA H800', 'CHIP', 'Chip');
const designs: PlainRelationship = {
  __type: 'relationship',
  elementId: 'r1',
  type: 'DESIGNS',
  startElementId: nvidia.elementId,
  endElementId: h800.elementId,
  properties: { id: 'nvidia--DESIGNS--nvidia-h800' },
};

describe('formatCell', () => {
  it('shows entities as name (kind) and relationships as their type', () => {
    expect(formatCell(nvidia)).toBe('NVIDIA (COMPANY)');
    expect(formatCell(designs)).toBe('DESIGNS');
  });

  it('falls back to title or id, and the label, for nodes without name or kind', () => {
    const chapter: PlainNode = { __type: 'node', elementId: 'c', labels: ['Chapter'], properties: { id: 'export-controls', title: 'Export controls' } };
    const fact: PlainNode = { __type: 'node', elementId: 'f', labels: ['Fact'], properties: { id: 'deepseek-r1--price' } };
    expect(formatCell(chapter)).toBe('Export controls (Chapter)');
    expect(formatCell(fact)).toBe('deepseek-r1--price (Fact)');
  });

  it('joins lists, writes paths with direction, and leaves null empty', () => {
    expect(formatCell([nvidia, h800])).toBe('NVIDIA (COMPANY), NVIDIA H800 (CHIP)');
    expect(formatCell(['a', 1, null])).toBe('a, 1, ');
    const forward: PlainPath = { __type: 'path', nodes: [nvidia, h800], relationships: [designs] };
    const backward: PlainPath = { __type: 'path', nodes: [h800, nvidia], relationships: [designs] };
    expect(formatCell(forward)).toBe('NVIDIA -DESIGNS-> NVIDIA H800');
    expect(formatCell(backward)).toBe('NVIDIA H800 <-DESIGNS- NVIDIA');
    expect(formatCell(null)).toBe('');
    expect(formatCell(undefined)).toBe('');
  });

  it('prints numbers without float noise and maps as JSON', () => {
    expect(formatCell(30)).toBe('30');
    expect(formatCell(0.1 + 0.2)).toBe('0.3');
    expect(formatCell(true)).toBe('true');
    expect(formatCell({ a: 1 })).toBe('{"a":1}');
  });
});

describe('displayWidth and truncate', () => {
  it('counts CJK characters as two columns', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('英伟达')).toBe(6);
    expect(displayWidth('台积电 TSMC')).toBe(11);
  });

  it('cuts long text with an ellipsis and leaves short text alone', () => {
    expect(truncate('short', 10)).toBe('short');
    expect(truncate('exactly10!', 10)).toBe('exactly10!');
    expect(truncate('a much longer sentence', 10)).toBe('a much lo…');
    expect(displayWidth(truncate('出口管制规则的影响范围', 9))).toBeLessThanOrEqual(9);
    expect(truncate('two\nlines', 20)).toBe('two lines');
  });
});

describe('formatTable', () => {
  it('aligns columns, right-aligns numbers and renders graph values', () => {
    const out = formatTable(
      ['company', 'chip', 'gpus'],
      [
        { company: nvidia, chip: h800, gpus: 2048 },
        { company: node('deepseek', 'DeepSeek', 'COMPANY'), chip: null, gpus: 50000 },
      ],
    );
    const lines = out.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^company +│ chip +│ gpus$/);
    expect(lines[1]).toMatch(/^─+─┼─+─┼─+$/);
    expect(lines[2]).toBe('NVIDIA (COMPANY)   │ NVIDIA H800 (CHIP) │  2048');
    expect(lines[3]).toBe('DeepSeek (COMPANY) │                    │ 50000');
  });

  it('truncates long cells and keeps CJK columns aligned', () => {
    const out = formatTable(['t'], [{ t: 'x'.repeat(100) }, { t: '出口管制' }], { maxCellWidth: 12 });
    const lines = out.split('\n');
    expect(lines[2]).toBe(`${'x'.repeat(11)}…`);
    expect(displayWidth(lines[1]!)).toBe(12);
  });

  it('prints just the header for an empty result', () => {
    expect(formatTable(['a', 'b'], [])).toBe('a │ b\n──┼──');
  });
});

describe('formatCsv', () => {
  it('quotes per RFC 4180 and ends lines with CRLF', () => {
    const out = formatCsv(['name', 'note', 'n'], [
      { name: nvidia, note: 'says "about $2", roughly', n: 2 },
      { name: 'plain', note: 'line one\nline two', n: null },
    ]);
    expect(out).toBe('name,note,n\r\nNVIDIA (COMPANY),"says ""about $2"", roughly",2\r\nplain,"line one\nline two",\r\n');
  });
});

describe('formatJson and formatRows', () => {
  it('keeps the returned key order and nulls for missing values', () => {
    const parsed = JSON.parse(formatJson(['b', 'a'], [{ a: 1 }]));
    expect(Object.keys(parsed[0])).toEqual(['b', 'a']);
    expect(parsed[0]).toEqual({ b: null, a: 1 });
  });

  it('dispatches on the format', () => {
    expect(formatRows('csv', ['x'], [{ x: 1 }])).toBe('x\r\n1\r\n');
    expect(JSON.parse(formatRows('json', ['x'], [{ x: 1 }]))).toEqual([{ x: 1 }]);
    expect(formatRows('table', ['x'], [{ x: 1 }])).toBe('x\n─\n1');
  });
});

describe('rowCountLine', () => {
  it('says how many rows and whether the cap cut the result', () => {
    expect(rowCountLine(1, false)).toBe('1 row');
    expect(rowCountLine(0, false)).toBe('0 rows');
    expect(rowCountLine(1000, true)).toBe('1000 rows (truncated)');
  });
});
