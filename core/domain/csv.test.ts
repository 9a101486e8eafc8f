import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { guardCell, toCsv } from './csv.js';

describe('CSV export', () => {
  it('prefixes text a spreadsheet would run as a formula, and leaves numbers and plain text alone', () => {
    expect(guardCell('=HYPERLINK("http://evil","click")')).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(guardCell('+1')).toBe("'+1");
    expect(guardCell('-2+3')).toBe("'-2+3");
    expect(guardCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(guardCell('\t=1')).toBe("'\t=1");
    expect(guardCell(-5)).toBe('-5');
    expect(guardCell('~$2 per 1M tokens')).toBe('~$2 per 1M tokens');
    expect(guardCell(null)).toBe('');
  });

  it('round-trips commas, quotes, newlines and Chinese through a real CSV parser', () => {
    const rows = [{ a: 'x, "y"\nz', b: 3.5 }, { a: '台积电', b: null }, { a: '=cmd|calc', b: -1 }];
    const text = toCsv(
      [
        { name: 'a', value: (r: (typeof rows)[number]) => r.a },
        { name: 'b', value: (r: (typeof rows)[number]) => r.b },
      ],
      rows,
    );
    const parsed = parse(text, { bom: true, columns: true }) as { a: string; b: string }[];
    expect(parsed).toEqual([
      { a: 'x, "y"\nz', b: '3.5' },
      { a: '台积电', b: '' },
      { a: "'=cmd|calc", b: '-1' },
    ]);
  });
});
