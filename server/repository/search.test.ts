// Search ranking: exact name or alias first, then prefix, then typos; Lucene's score only breaks ties.
import { describe, expect, it } from 'vitest';
import { rankCandidates, type Candidate } from './search.js';

const c = (id: string, name: string, extra: Partial<Candidate> = {}): Candidate => ({ id, name, nameZh: null, aliases: [], degree: 1, score: 1, ...extra });

// What the full-text index hands back for "deepsek": every DeepSeek-something, the company not first.
const deepseeks = [
  c('deepseek-moment', 'DeepSeek moment', { score: 4.57 }),
  c('deepseek-app', 'DeepSeek chat app', { score: 4.46 }),
  c('deepseek-r1', 'DeepSeek-R1', { score: 4.35, degree: 34 }),
  c('deepseek-v3', 'DeepSeek-V3', { score: 4.35, degree: 25 }),
  c('deepseek', 'DeepSeek', { nameZh: '深度求索', score: 1.2, degree: 40 }),
];
const tsmcs = [
  c('tsmc-arizona-fab', 'TSMC Arizona fab', { score: 3.01 }),
  c('tsmc-japan-fab', 'TSMC Japan fab', { score: 3.01 }),
  c('huawei-tsmc-ban', 'Huawei TSMC ban', { score: 2.44 }),
  c('tsmc', 'TSMC', { nameZh: '台积电', score: 1.97, degree: 14 }),
];
const nvidias = [
  c('nvidia-h100', 'NVIDIA H100', { nameZh: '英伟达 H100', score: 3.03, degree: 16 }),
  c('nvidia', 'NVIDIA', { nameZh: '英伟达', aliases: ['Nvidia', 'NVDA'], score: 3, degree: 24 }),
];
const first = (text: string, candidates: Candidate[]) => rankCandidates(text, candidates)[0]!.id;

describe('rankCandidates', () => {
  it('puts the entity a typo stands for first ("Deepsek", "TMSC")', () => {
    expect(first('Deepsek', deepseeks)).toBe('deepseek');
    expect(first('TMSC', tsmcs)).toBe('tsmc');
  });

  it('matches names with spaces and hyphens removed ("deep seek", "gpt 4")', () => {
    expect(first('deep seek', deepseeks)).toBe('deepseek');
    expect(first('deepseek r1', deepseeks)).toBe('deepseek-r1');
  });

  it('ranks an exact alias or Chinese name first ("nvda", "英伟达")', () => {
    expect(first('nvda', nvidias)).toBe('nvidia');
    expect(first('英伟达', nvidias)).toBe('nvidia');
    expect(first('台积电', tsmcs)).toBe('tsmc');
  });

  it('ranks prefixes by how little the name adds, then by degree', () => {
    expect(rankCandidates('deeps', deepseeks).map((r) => r.id).slice(0, 3)).toEqual(['deepseek', 'deepseek-r1', 'deepseek-v3']);
    expect(first('nvid', nvidias)).toBe('nvidia');
  });

  it('keeps the order of the tiers in the score', () => {
    const r = rankCandidates('Deepsek', deepseeks);
    expect(r.map((x) => x.score)).toEqual([...r.map((x) => x.score)].sort((a, b) => b - a));
  });
});
