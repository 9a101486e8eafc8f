// Facts in Chinese count in 万 and 亿 and name the unit in Chinese; English keeps the server's display.
import { afterEach, describe, expect, it } from 'vitest';
import { factValue, metricName, numberZh, unitName } from './factFormat.js';
import { setLang } from './i18n.js';

afterEach(() => setLang('en'));

describe('numberZh', () => {
  it('counts in 万, 亿 and 万亿, and uses powers of ten beyond', () => {
    expect(numberZh(128_000)).toBe('12.8万');
    expect(numberZh(500_000_000_000)).toBe('5000亿');
    expect(numberZh(2e12)).toBe('2万亿');
    expect(numberZh(2e25)).toBe('2×10²⁵');
    expect(numberZh(27)).toBe('27');
  });
});

describe('factValue', () => {
  const fact = { display: '~100K–128K GPUs', value: 100_000, valueMax: 128_000, unit: 'GPUs', approximate: true };
  it('keeps the server display in English', () => {
    expect(factValue(fact)).toBe('~100K–128K GPUs');
    expect(metricName('gpu_count')).toBe('GPU count');
  });

  it('writes value, range and unit in Chinese', () => {
    setLang('zh');
    expect(factValue(fact)).toBe('约 10万–12.8万块 GPU');
    expect(factValue({ display: '$500B', value: 5e11, valueMax: null, unit: 'USD', approximate: false })).toBe('5000亿美元');
    expect(metricName('gpu_count')).toBe('GPU 数量');
    expect(unitName('USD/1M tokens')).toBe('美元/百万 token');
  });
});
