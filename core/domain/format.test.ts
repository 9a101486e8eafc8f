import { describe, expect, it } from 'vitest';
import { formatTimestamp, formatValue } from './format.js';

const fact = (value: number, unit: string, extra: Partial<{ valueMax: number; approximate: boolean }> = {}) => ({
  value,
  unit,
  valueMax: extra.valueMax ?? null,
  approximate: extra.approximate ?? false,
});

describe('formatValue', () => {
  it('keeps the unit a number was said in', () => {
    expect(formatValue(fact(2, 'USD/1M tokens', { approximate: true }))).toBe('~$2 per 1M tokens');
    expect(formatValue(fact(5_500_000, 'USD'))).toBe('$5.5M');
    expect(formatValue(fact(75, '%'))).toBe('75%');
    expect(formatValue(fact(27, 'x', { approximate: true }))).toBe('~27×');
    expect(formatValue(fact(256, 'experts'))).toBe('256 experts');
  });

  it('shows ranges as said', () => {
    expect(formatValue(fact(5, 'x', { valueMax: 7 }))).toBe('5–7×');
  });
});

describe('formatTimestamp', () => {
  it('formats seconds as the YouTube player shows them', () => {
    expect(formatTimestamp(266)).toBe('4:26');
    expect(formatTimestamp(3725)).toBe('1:02:05');
    expect(formatTimestamp(0)).toBe('0:00');
    // The episode runs over five hours; a replay position between seconds shows the second it is in.
    expect(formatTimestamp(5 * 3600 + 4)).toBe('5:00:04');
    expect(formatTimestamp(266.7)).toBe('4:26');
  });
});
