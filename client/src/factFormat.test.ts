// Facts read in the interface language from the API's own labels; English headings start with a capital.
import { afterEach, describe, expect, it } from 'vitest';
import { factValue, metricName, unitName } from './factFormat.js';
import { setLang } from './i18n.js';

afterEach(() => setLang('en'));

const fact = {
  metric: 'gpu_count', metricLabel: 'GPU count', metricZh: 'GPU 数量',
  unit: 'GPUs', unitLabel: 'GPUs', unitZh: '块 GPU',
  display: '~100K–128K GPUs', displayZh: '约 10万–12.8万块 GPU',
};

describe('fact labels', () => {
  it('shows the English label, unit and display', () => {
    expect(metricName(fact)).toBe('GPU count');
    expect(metricName({ ...fact, metricLabel: 'active parameters' })).toBe('Active parameters');
    expect(unitName(fact)).toBe('GPUs');
    expect(factValue(fact)).toBe('~100K–128K GPUs');
  });

  it('shows the Chinese the API sent, and the English where it sent none', () => {
    setLang('zh');
    expect(metricName(fact)).toBe('GPU 数量');
    expect(unitName(fact)).toBe('块 GPU');
    expect(factValue(fact)).toBe('约 10万–12.8万块 GPU');
    expect(factValue({ ...fact, displayZh: '' })).toBe('~100K–128K GPUs');
    expect(metricName({ metric: 'gpu_count', label: 'GPU count', labelZh: 'GPU 数量' })).toBe('GPU 数量');
  });
});
