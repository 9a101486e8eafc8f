import { describe, expect, it } from 'vitest';
import { SIZE_RANGE, leastFirm, metricScale, sizeFor, sourceClass } from './options.js';

describe('styling by data', () => {
  it('sizes by a metric in one unit only, never comparing across units', () => {
    const s = metricScale(
      [
        { subject: 'a', metric: 'gpu_count', value: 100000, valueMax: 200000, unit: 'GPUs' },
        { subject: 'a', metric: 'gpu_count', value: 50000, valueMax: null, unit: 'GPUs' },
        { subject: 'b', metric: 'gpu_count', value: 2000, valueMax: null, unit: 'GPUs' },
        { subject: 'c', metric: 'gpu_count', value: 3, valueMax: null, unit: 'racks' },
        { subject: 'd', metric: 'investment', value: 5e11, valueMax: null, unit: 'USD' },
      ],
      'gpu_count',
    )!;
    expect(s.unit).toBe('GPUs');
    expect([...s.values]).toEqual([['a', 200000], ['b', 2000]]);
    expect(s.otherUnits).toEqual([{ unit: 'racks', entities: 1 }]);
    expect(sizeFor(200000, s.lo, s.hi)).toBe(SIZE_RANGE.max);
    expect(sizeFor(2000, s.lo, s.hi)).toBe(SIZE_RANGE.min);
    expect(SIZE_RANGE.without).toBeLessThan(SIZE_RANGE.min);
    expect(metricScale([], 'gpu_count')).toBeNull();
  });

  it('colours by the least firm status and by where the evidence comes from', () => {
    expect(leastFirm(['STATED', 'ESTIMATE'])).toBe('ESTIMATE');
    expect(leastFirm(['STATED', null])).toBe('STATED');
    expect(leastFirm([])).toBe('NONE');
    expect(sourceClass(['EPISODE', 'REFERENCE'])).toBe('both');
    expect(sourceClass(['reference'])).toBe('reference');
    expect(sourceClass([])).toBe('none');
  });
});
