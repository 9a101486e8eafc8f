import { describe, expect, it } from 'vitest';
import { parseTurns, speakersNear } from './speakers.js';

describe('speaker turns', () => {
  const turns = parseTurns('second\tspeaker\n0\tlex-fridman\n100\tnathan-lambert\n200\tdylan-patel\n300\tunknown\n');

  it('names the one speaker holding the floor well inside a turn', () => {
    expect(speakersNear(turns, 150, 5)).toEqual(['nathan-lambert']);
  });

  it('accepts either speaker within the slack of a turn edge', () => {
    expect(speakersNear(turns, 197, 5).sort()).toEqual(['dylan-patel', 'nathan-lambert']);
    expect(speakersNear(turns, 104, 5).sort()).toEqual(['lex-fridman', 'nathan-lambert']);
  });

  it('refuses a malformed line with its line number', () => {
    expect(() => parseTurns('0\tlex-fridman\nabc\tdylan-patel\n')).toThrow(/line 2/);
  });
});
