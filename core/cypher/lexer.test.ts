// One lexer reads Cypher for the console's guard and for the saved queries' parameter scan: where it
// disagrees with Neo4j about where a string ends, a keyword or a `$param` hides in what it took for text.
import { describe, expect, it } from 'vitest';
import { codeOf, stripLiterals } from './lexer.js';

describe('the lexer agrees with Cypher', () => {
  it('ends a // comment at \\r as at \\n', () => {
    expect(codeOf('// c\rRETURN 1')).toContain('RETURN 1');
    expect(codeOf('// c\nRETURN 1')).toContain('RETURN 1');
  });

  it('treats U+001C–U+001F and other Unicode spaces as whitespace', () => {
    for (const ws of ['\u001c', '\u001d', '\u001e', '\u001f', '\u2003', '\u3000', '\u0085'])
      expect(codeOf(`LOAD${ws}CSV`)).toBe('LOAD CSV');
  });

  it('does not fold full-width quotes or comment ends into ASCII ones', () => {
    // Cypher sees code after the full-width quote; so must the guard.
    expect(stripLiterals("WITH '\uff07' AS x RETURN x")).toContain('AS x RETURN x');
    expect(stripLiterals('/* \uff0a\uff0f */ RETURN 1')).toBe('  RETURN 1');
  });
});

describe('backslashes', () => {
  it('escape a quote inside a string, in single and double quotes', () => {
    expect(stripLiterals("RETURN 'it\\'s' AS x")).toBe("RETURN  ''  AS x");
    expect(stripLiterals('RETURN "say \\"hi\\"" AS x')).toBe("RETURN  ''  AS x");
  });

  it('escape themselves: a string ending in \\\\ closes at the next quote', () => {
    // 'a\\' is the text a\ ; what follows is code again.
    expect(codeOf("RETURN 'a\\\\' AS x, $p AS y")).toBe("RETURN  ''  AS x, $p AS y");
  });

  it('hide no $param or ; behind an escaped quote', () => {
    const code = codeOf("RETURN 'it\\'s $5; really' AS price, $limit AS n");
    expect(code).not.toContain('$5');
    expect(code).not.toContain(';');
    expect(code).toContain('$limit');
  });

  it('do not escape anything in a backtick identifier, where `` is an escaped backtick', () => {
    expect(stripLiterals('WITH 1 AS `a\\` RETURN 2')).toBe('WITH 1 AS  ident  RETURN 2');
    expect(stripLiterals('WITH 1 AS `a``b` RETURN 2')).toBe('WITH 1 AS  ident  RETURN 2');
  });

  it('leave a string that never closes as text to the end', () => {
    expect(codeOf("RETURN 'open \\' CREATE (n)")).toBe("RETURN  '' ");
  });
});
