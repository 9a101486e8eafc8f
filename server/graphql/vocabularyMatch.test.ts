// Kinds, relationship types and claim statuses are defined once, in seed/data/vocabulary.yaml: this fails
// when the GraphQL schema and the vocabulary disagree, whichever side gained or lost a term.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../../core/domain/types.js';
import { GRAPHQL_SCHEMA_FILE } from './server.js';
import { vocabularyMismatches } from './vocabularyMatch.js';

const ROOT = join(import.meta.dirname, '..', '..');
const sdl = readFileSync(GRAPHQL_SCHEMA_FILE, 'utf8');
const vocabulary = parse(readFileSync(join(ROOT, 'seed', 'data', 'vocabulary.yaml'), 'utf8')) as Vocabulary;

describe('the GraphQL schema and the vocabulary', () => {
  it('name the same kinds, entity types, claim statuses and relationship types', () => {
    expect(vocabularyMismatches(sdl, vocabulary)).toEqual([]);
  });

  it('disagree when the vocabulary gains a kind or a status the schema lacks', () => {
    const more = {
      ...vocabulary,
      kinds: { ...vocabulary.kinds, ROBOT: { label: 'Robot', en: 'Robot', zh: '机器人' } },
      claimStatuses: { ...vocabulary.claimStatuses, rumoured: 'heard, not confirmed' },
    };
    expect(vocabularyMismatches(sdl, more)).toEqual([
      'kind ROBOT is in the vocabulary but not in the GraphQL schema',
      'claim status RUMOURED is in the vocabulary but not in the GraphQL schema',
      'entity type Robot is in the vocabulary but not in the GraphQL schema',
    ]);
  });

  it('disagree when the schema gains a kind or a status the vocabulary lacks', () => {
    const wider = sdl.replace('  CONCEPT\n}', '  CONCEPT\n  ROBOT\n}').replace('  FORECAST\n}', '  FORECAST\n  RUMOURED\n}');
    expect(vocabularyMismatches(wider, vocabulary)).toEqual([
      'kind ROBOT is in the GraphQL schema but not in the vocabulary',
      'claim status RUMOURED is in the GraphQL schema but not in the vocabulary',
    ]);
  });
});
