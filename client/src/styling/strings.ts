// The styling controls' and legend's words, in both languages (kept here so the shared string tables
// change by one line at most while other work on them goes on).
import { lookup, type Strings } from '../i18n.js';

const EN = {
  styleTitle: 'Style by data',
  sizeBy: 'Size',
  colorBy: 'Colour',
  degree: 'Connections (degree)',
  pagerank: 'PageRank',
  betweenness: 'Betweenness',
  kind: 'Kind',
  status: 'Claim status of its facts',
  source: 'Source: episode / cited page',
  legend: 'Legend',
  sizeDegree: 'Size: number of connections.',
  sizeMetric: 'Size: {metric}, in {unit}, log scale: {lo} (smallest) to {hi} (largest); {n} entities.',
  sizeMeasure: 'Size: {metric}, {lo} (smallest) to {hi} (largest).',
  sizeWithout: 'Small: no {metric} stated ({n}).',
  sizeOtherUnits: 'Not sized: {n} stated only in {unit} (units are never compared).',
  sizeNone: 'No entity states “{metric}” as a number: sizes unchanged.',
  colorKind: 'Colour and shape: kind.',
  colorStatus: 'Colour: the least firm status among its facts (shape: kind).',
  colorSource: 'Colour: where its evidence comes from (shape: kind).',
  NONE: 'no facts',
  episode: 'episode only', reference: 'cited pages only', both: 'episode and cited pages', none: 'no evidence',
  loading: 'Loading…',
};
const ZH: typeof EN = {
  styleTitle: '按数据设置样式',
  sizeBy: '大小',
  colorBy: '颜色',
  degree: '连接数(度)',
  pagerank: 'PageRank',
  betweenness: '中介中心性',
  kind: '类型',
  status: '其数据的陈述状态',
  source: '来源:节目 / 引用网页',
  legend: '图例',
  sizeDegree: '大小:连接数。',
  sizeMetric: '大小:{metric},单位 {unit},对数刻度:{lo}(最小)到 {hi}(最大);共 {n} 个实体。',
  sizeMeasure: '大小:{metric},{lo}(最小)到 {hi}(最大)。',
  sizeWithout: '小圆点:未给出{metric}({n} 个)。',
  sizeOtherUnits: '未按大小显示:{n} 个只以 {unit} 给出(不同单位从不比较)。',
  sizeNone: '没有实体以数字给出“{metric}”:大小不变。',
  colorKind: '颜色和形状:类型。',
  colorStatus: '颜色:其数据中最不确定的状态(形状:类型)。',
  colorSource: '颜色:证据来自哪里(形状:类型)。',
  NONE: '无数据',
  episode: '仅节目', reference: '仅引用网页', both: '节目和引用网页', none: '无证据',
  loading: '加载中…',
};
export type StyleKey = keyof typeof EN;

export const STYLE_STRINGS: Strings<StyleKey> = { en: EN, zh: ZH };
export const st = lookup(STYLE_STRINGS);
