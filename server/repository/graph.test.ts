// Bounds spliced into Cypher are refused as the caller's mistake, with a message the API can show.
import { describe, expect, it } from 'vitest';
import { BadInputError } from './inputError.js';
import { neighborhoodQuery, shortestPathQuery } from './graph.js';

describe('subgraph query bounds', () => {
  it.each([0, 11, 2.5, Number.NaN])('shortestPath maxLength %s is a BadInputError, not a RangeError', (maxLength) => {
    const refuse = () => shortestPathQuery('a', 'b', maxLength, ['DEVELOPS']);
    expect(refuse).toThrow(BadInputError);
    expect(refuse).toThrow('maxLength must be a whole number from 1 to 10');
    expect(refuse).not.toThrow(RangeError);
  });

  it('neighborhood depth 4 is a BadInputError naming the bound', () => {
    expect(() => neighborhoodQuery('a', { depth: 4, kinds: [], types: [], limit: 10 }, ['DEVELOPS'])).toThrow(
      new BadInputError('depth must be a whole number from 1 to 3'),
    );
  });

  it('splices a valid bound', () => {
    expect(shortestPathQuery('a', 'b', 6, ['DEVELOPS']).cypher).toContain('[:DEVELOPS*..6]');
  });
});
