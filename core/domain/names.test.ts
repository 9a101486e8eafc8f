// One naming rule for the API and the explorer: a Chinese name where there is one, and kind names
// without the vocabulary's definitions.
import { describe, expect, it } from 'vitest';
import { inLang, kindName } from './names.js';

describe('inLang', () => {
  it('takes the Chinese name in Chinese where there is one, else the English one', () => {
    expect(inLang('zh', 'NVIDIA', '英伟达')).toBe('英伟达');
    expect(inLang('en', 'NVIDIA', '英伟达')).toBe('NVIDIA');
    expect(inLang('zh', 'H800', null)).toBe('H800');
    expect(inLang('zh', 'H800', '')).toBe('H800');
  });
});

describe('kindName', () => {
  const org = { en: 'Organization (lab, agency, fund)', zh: '机构' };
  it("names a kind by its vocabulary entry, without the definition in brackets", () => {
    expect(kindName('en', 'ORGANIZATION', org)).toBe('Organization');
    expect(kindName('zh', 'ORGANIZATION', org)).toBe('机构');
    expect(kindName('en', 'MODEL', { en: 'AI model', zh: '模型' })).toBe('AI model');
  });
  it('falls back to the id in sentence case when the vocabulary has not arrived', () => {
    expect(kindName('en', 'DATACENTER', null)).toBe('Datacenter');
  });
});
