import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReadOnly } from '../server/console/guard.js';
import { coerceParam, findSavedQuery, listSavedQueries, mergeParams, parseSavedQuery, QUERIES_DIR } from './savedQueries.js';

const HEADER = `// title: Blast radius of an export-control rule
// title_zh: 出口管制规则的影响范围
// description: Chips, companies and models a rule reaches within 2 hops.
// description_zh: 一条规则在两跳之内影响到的芯片、公司和模型。
// param: policy = us-export-controls
// param: limit = 25
// returns: policy, reached, kind, hops
`;
const BODY = `MATCH (p:Entity {id: $policy})-[:RESTRICTS]->(t:Entity)
RETURN p AS policy, t AS reached, t.kind AS kind, 1 AS hops
LIMIT toInteger($limit)`;

const parseError = (source: string, file = '99-broken.cypher'): string => {
  try {
    parseSavedQuery(file, source);
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

describe('parseSavedQuery', () => {
  it('reads every header field and keeps the statement as written', () => {
    const q = parseSavedQuery('cypher/queries/01-export-control-blast-radius.cypher', HEADER + BODY);
    expect(q).toEqual({
      name: '01-export-control-blast-radius',
      title: 'Blast radius of an export-control rule',
      titleZh: '出口管制规则的影响范围',
      description: 'Chips, companies and models a rule reaches within 2 hops.',
      descriptionZh: '一条规则在两跳之内影响到的芯片、公司和模型。',
      params: [
        { name: 'policy', default: 'us-export-controls' },
        { name: 'limit', default: 25 },
      ],
      returns: ['policy', 'reached', 'kind', 'hops'],
      cypher: BODY,
    });
  });

  it('coerces defaults, keeps quoted defaults as text, and drops one trailing semicolon', () => {
    const q = parseSavedQuery(
      'x.cypher',
      HEADER.replace('// param: limit = 25\n', '// param: limit = 25\n// param: year = "2025"\n// param: exact = true\n// param: ratio = 0.5\n') +
        BODY.replace('RETURN', 'WHERE $exact AND $ratio < 1 AND $year <> "" RETURN') +
        ';\n',
    );
    expect(q.params.map((p) => p.default)).toEqual(['us-export-controls', 25, '2025', true, 0.5]);
    expect(q.cypher.endsWith(';')).toBe(false);
  });

  it('allows a query without params and ignores a blank comment line in the header', () => {
    const q = parseSavedQuery('a.cypher', '// title: T\n//\n// title_zh: 题\n// description: D\n// description_zh: 说明\n// returns: n\n\n// a comment in the body\nRETURN 1 AS n');
    expect(q.params).toEqual([]);
    expect(q.cypher).toBe('// a comment in the body\nRETURN 1 AS n');
  });

  it('does not take $ or ; inside strings and comments for parameters or statement breaks', () => {
    const q = parseSavedQuery('a.cypher', HEADER + BODY.replace('1 AS hops', "'$2; not a param' AS hops // $nope;"));
    expect(q.params.map((p) => p.name)).toEqual(['policy', 'limit']);
  });

  it('ends a string where Cypher does, after a backslash-escaped quote', () => {
    const q = parseSavedQuery('a.cypher', HEADER + BODY.replace('1 AS hops', "'it\\'s $2; not a break' AS hops"));
    expect(q.params.map((p) => p.name)).toEqual(['policy', 'limit']);
    expect(q.cypher).toContain("'it\\'s $2; not a break'");
  });

  it.each([
    ['a missing title_zh', HEADER.replace(/^\/\/ title_zh:.*\n/m, '') + BODY, /99-broken\.cypher: the header has no "\/\/ title_zh:" line/],
    ['a missing returns', HEADER.replace(/^\/\/ returns:.*\n/m, '') + BODY, /no "\/\/ returns:" line/],
    ['an unknown key', HEADER.replace('// param: limit', '// parm: limit') + BODY, /unknown key "parm"/],
    ['a line that is not key: value', HEADER.replace('// param: limit = 25', '// see the README') + BODY, /is not "\/\/ key: value"/],
    ['a param without a default', HEADER.replace('limit = 25', 'limit =') + BODY, /param "limit" has no default/],
    ['a param without =', HEADER.replace('limit = 25', 'limit 25') + BODY, /must read "\/\/ param: name = default"/],
    ['a key given twice', HEADER.replace('// returns:', '// title: again\n// returns:') + BODY, /"title" appears twice/],
    ['a bad column name', HEADER.replace('kind, hops', 'kind, the hops') + BODY, /invalid column name "the hops"/],
    ['no statement', HEADER, /no Cypher statement/],
    ['two statements', HEADER + BODY + ';\nMATCH (n) RETURN n', /more than one statement/],
    ['an undeclared $param', HEADER + BODY.replace('$limit', '$max'), /uses \$max but the header has no/],
    ['an unused param', HEADER + BODY.replace('LIMIT toInteger($limit)', 'LIMIT 5'), /declares param "limit" that the statement never uses/],
  ])('names the file and the problem for %s', (_case, source, message) => {
    expect(parseError(source)).toMatch(message);
    expect(parseError(source)).toMatch(/^99-broken\.cypher: /);
  });
});

describe('coerceParam', () => {
  it('turns numbers and booleans into values and leaves the rest as text', () => {
    expect(coerceParam('42')).toBe(42);
    expect(coerceParam('-3.5')).toBe(-3.5);
    expect(coerceParam('0')).toBe(0);
    expect(coerceParam('true')).toBe(true);
    expect(coerceParam('false')).toBe(false);
    expect(coerceParam('deepseek-v3')).toBe('deepseek-v3');
    expect(coerceParam('')).toBe('');
    expect(coerceParam('TRUE')).toBe('TRUE');
  });

  it('keeps id-like and exotic numerals as text so they are never silently changed', () => {
    for (const s of ['007', '1e3', '0x10', '1.', '.5', ' 5', 'Infinity', 'NaN', '2025-01']) expect(coerceParam(s)).toBe(s);
  });
});

describe('findSavedQuery and mergeParams', () => {
  const queries = [parseSavedQuery('05-r1-o1-price-gap.cypher', HEADER + BODY), parseSavedQuery('15-competing-facts.cypher', HEADER + BODY)];

  it('finds a query by full name, file name or number', () => {
    expect(findSavedQuery(queries, '05-r1-o1-price-gap')?.name).toBe('05-r1-o1-price-gap');
    expect(findSavedQuery(queries, '05-r1-o1-price-gap.cypher')?.name).toBe('05-r1-o1-price-gap');
    expect(findSavedQuery(queries, '05')?.name).toBe('05-r1-o1-price-gap');
    expect(findSavedQuery(queries, '5')?.name).toBe('05-r1-o1-price-gap');
    expect(findSavedQuery(queries, '15')?.name).toBe('15-competing-facts');
    expect(findSavedQuery(queries, '06')).toBeUndefined();
    expect(findSavedQuery(queries, 'r1-o1-price-gap')).toBeUndefined();
  });

  it('lets given values override the saved defaults', () => {
    expect(mergeParams(queries[0], { limit: 3, extra: 'x' })).toEqual({ policy: 'us-export-controls', limit: 3, extra: 'x' });
    expect(mergeParams(undefined, { a: 1 })).toEqual({ a: 1 });
  });
});

describe('listSavedQueries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'saved-queries-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads only .cypher files, in file-name order', () => {
    writeFileSync(join(dir, '02-b.cypher'), HEADER + BODY);
    writeFileSync(join(dir, '01-a.cypher'), HEADER + BODY);
    writeFileSync(join(dir, 'README.md'), '# not a query');
    expect(listSavedQueries(dir).map((q) => q.name)).toEqual(['01-a', '02-b']);
  });
});

describe('the saved queries in cypher/queries', () => {
  const queries = listSavedQueries(QUERIES_DIR);

  it('are at least 16, uniquely numbered', () => {
    expect(queries.length).toBeGreaterThanOrEqual(16);
    const numbers = queries.map((q) => /^(\d+)-[a-z0-9-]+$/.exec(q.name)?.[1]);
    expect(numbers.every(Boolean)).toBe(true);
    expect(new Set(numbers).size).toBe(queries.length);
  });

  it.each(listSavedQueries(QUERIES_DIR).map((q) => [q.name, q] as const))('%s has a complete bilingual header and a read-only statement', (_name, q) => {
    expect(q.title.length).toBeGreaterThan(0);
    expect(q.titleZh).toMatch(/[\u4e00-\u9fff]/);
    expect(q.description.length).toBeGreaterThan(0);
    expect(q.descriptionZh).toMatch(/[\u4e00-\u9fff]/);
    expect(q.returns.length).toBeGreaterThanOrEqual(1);
    // The console runs saved queries through the same guard as typed ones.
    expect(() => checkReadOnly(q.cypher)).not.toThrow();
    expect(q.cypher).not.toMatch(/\bapoc\./i);
    // Every promised column is named in the statement (as an alias or a plain variable).
    for (const col of q.returns) expect(q.cypher).toMatch(new RegExp(`\\b${col}\\b`));
  });
});
