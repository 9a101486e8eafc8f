import { describe, expect, it } from 'vitest';
import { byYear, laneOf, sourceMark, touches, type End, type TimelineEvent } from './events.js';

const end = (id: string, kind: End['kind']): End => ({ id, kind, name: id, labelZh: id });
const ev = (date: string, entity: End, extra: Partial<TimelineEvent> = {}): TimelineEvent => ({ date, kind: 'released', sources: ['EPISODE'], entity, relationship: null, ...extra });

describe('timeline events', () => {
  const r1 = ev('2025-01-20', end('deepseek-r1', 'MODEL'));
  const rule = ev('2022-10-07', end('us-export-controls-2022', 'POLICY'), { kind: 'effective', sources: ['EPISODE', 'REFERENCE'] });
  const built = ev('2021', end('high-flyer', 'COMPANY'), {
    kind: 'since',
    relationship: { id: 'high-flyer--BUILDS--high-flyer-a100-cluster', type: 'BUILDS', labelEn: 'builds', labelZh: '建造', source: end('high-flyer', 'COMPANY'), target: end('high-flyer-a100-cluster', 'DATACENTER') },
  });

  it('puts releases, rules and clusters in their lanes; a relationship by the end that is one of them', () => {
    expect([r1, rule, built].map(laneOf)).toEqual(['models', 'rules', 'clusters']);
    expect(laneOf(ev('2015', end('high-flyer', 'COMPANY'), { kind: 'founded' }))).toBe('other');
  });

  it('tells episode, cited-page and both apart', () => {
    expect(sourceMark(['EPISODE'])).toBe('episode');
    expect(sourceMark(['REFERENCE'])).toBe('reference');
    expect(sourceMark(rule.sources)).toBe('both');
  });

  it('links events to the selected entity, either end of a relationship, or the selected relationship', () => {
    expect(touches(built, 'high-flyer-a100-cluster', null)).toBe(true);
    expect(touches(r1, 'high-flyer', null)).toBe(false);
    expect(touches(built, null, 'high-flyer--BUILDS--high-flyer-a100-cluster')).toBe(true);
    expect(byYear([built, rule, r1]).map(([y, es]) => [y, es.length])).toEqual([['2021', 1], ['2022', 1], ['2025', 1]]);
  });
});
