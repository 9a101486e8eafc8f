// The timeline's words in both languages (the date keys as the API names them, the lanes, the legend).
import { lookup, type Strings, type Vars } from '../i18n.js';

const EN = {
  help: 'Dated entities and relationships. Pick one to select it in the graph; selecting in the graph marks its events here.',
  models: 'Model releases', rules: 'Rules announced and effective', clusters: 'Clusters and fabs', other: 'Companies and other',
  episode: 'said in the episode', reference: 'from a cited page', both: 'episode and cited page',
  founded: 'founded', released: 'released', announced: 'announced', effective: 'takes effect', published: 'published', opened: 'opened', since: 'since', until: 'until',
  lanes: 'Lanes', marks: 'Where the date comes from',
  selected: 'Selected: {name} · {n} events', details: 'Details', none: 'No dated events.', loading: 'Loading the timeline…', count: '{n} dated events',
};
const ZH: typeof EN = {
  help: '有日期的实体和关系。点一下即在图中选中;在图中选中时,这里会标出它的事件。',
  models: '模型发布', rules: '规则的宣布与生效', clusters: '集群与晶圆厂', other: '公司及其他',
  episode: '节目中所说', reference: '来自引用网页', both: '节目和引用网页',
  founded: '成立', released: '发布', announced: '宣布', effective: '生效', published: '发表', opened: '启用', since: '起', until: '止',
  lanes: '分组', marks: '日期来源',
  selected: '已选中:{name} · {n} 个事件', details: '详情', none: '没有带日期的事件。', loading: '正在加载时间线…', count: '{n} 个带日期的事件',
};
export type TimelineKey = keyof typeof EN;

export const TIMELINE_STRINGS: Strings<TimelineKey> = { en: EN, zh: ZH };
/** Takes any key: date keys come from the API, and one the table lacks reads as itself. */
export const tt: (key: string, vars?: Vars) => string = lookup<string>(TIMELINE_STRINGS);
