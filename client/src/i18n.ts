// UI strings in English and Chinese. Entity and relationship names come from the API in both
// languages; only the chrome of the explorer lives here.

export type Lang = 'en' | 'zh';

const en = {
  title: 'AI Industry Graph',
  subtitle: 'Lex Fridman Podcast #459: DeepSeek, China, OpenAI, NVIDIA, xAI, TSMC, Stargate',
  search: 'Search entities',
  searchPlaceholder: 'Search… (press /)',
  noHits: 'No matches',
  language: 'Language',
  switchLang: '中文',
  switchLangLabel: 'Switch the interface to Chinese',
  filters: 'Filters',
  kinds: 'Kinds',
  relTypes: 'Relationship types',
  statuses: 'Claim status',
  asOf: 'As of',
  asOfAll: 'all dates',
  replay: 'Episode replay',
  replayAll: 'whole episode',
  legend: 'Legend',
  layout: 'Layout',
  relayout: 'Re-run layout',
  fit: 'Fit',
  exportPng: 'PNG',
  exportPngLabel: 'Export the current view as PNG',
  exportJson: 'JSON',
  exportJsonLabel: 'Export the current view as JSON',
  copyLink: 'Copy link',
  copied: 'Link copied',
  tabDetails: 'Details',
  tabPath: 'Path',
  tabConsole: 'Cypher',
  tabQuery: 'Query',
  tabCompare: 'Compare',
  panels: 'Panels',
  detailsEmpty: 'Select an entity or a relationship: click a node, or search.',
  summary: 'Summary',
  kind: 'Kind',
  aliases: 'Aliases',
  dates: 'Dates',
  facts: 'Facts',
  relationships: 'Relationships',
  evidence: 'Evidence',
  noEvidence: 'No evidence recorded.',
  firstMention: 'First mentioned at',
  unit: 'unit',
  asOfShort: 'as of',
  expand: 'Expand neighbours',
  collapse: 'Collapse neighbours',
  focus: 'Show only this neighbourhood',
  wholeGraph: 'Show the whole graph',
  pathFrom: 'Path from',
  pathTo: 'Path to',
  pathFind: 'Find shortest path',
  pathClear: 'Clear path',
  pathNone: 'No path within 6 steps.',
  pathNeedBoth: 'Choose both ends of the path first.',
  pathSteps: 'Steps',
  consoleExamples: 'Examples',
  consoleEditor: 'Cypher query (read only)',
  consoleRun: 'Run',
  consoleRunning: 'Running…',
  consoleRows: 'rows',
  consoleTruncated: 'truncated at the row cap',
  consoleMerged: 'nodes merged into the canvas',
  refused: 'Refused',
  queryIntro: 'The GraphQL operation behind the current view, and the Cypher it stands for.',
  queryGraphql: 'GraphQL',
  queryVariables: 'Variables',
  queryCypher: 'Equivalent Cypher',
  openIde: 'Open in the GraphQL IDE',
  compareMetric: 'Metric',
  compareIntro: 'Every value stated for the metric, with its unit and a link to where it was said.',
  loading: 'Loading…',
  loadingGraph: 'Loading the graph…',
  unknownId: 'No entity with the id “{id}”. The rest of the graph is shown.',
  badParam: 'Ignored the link parameter {name}={value}: {why}.',
  graphTruncated: 'The graph is larger than the first {n} entities shown: search for an entity, or filter by kind or type to see the rest.',
  unknownValue: 'unknown value',
  serverDown: 'Cannot reach the server. Retrying in {s} s…',
  serverBack: 'Connected again.',
  nodesShown: '{n} of {total} entities shown',
  status: 'Status',
  since: 'since',
  until: 'until',
  from: 'from',
  to: 'to',
  close: 'Clear selection',
  error: 'Error',
  notFound: 'Not found',
} as const;

export type Key = keyof typeof en;

const zh: Record<Key, string> = {
  title: 'AI 产业图谱',
  subtitle: 'Lex Fridman 播客第 459 期:DeepSeek、中国、OpenAI、英伟达、xAI、台积电、星际之门',
  search: '搜索实体',
  searchPlaceholder: '搜索…(按 /)',
  noHits: '没有匹配项',
  language: '语言',
  switchLang: 'English',
  switchLangLabel: '将界面切换为英文',
  filters: '筛选',
  kinds: '类型',
  relTypes: '关系类型',
  statuses: '断言状态',
  asOf: '截至',
  asOfAll: '全部日期',
  replay: '节目回放',
  replayAll: '整期节目',
  legend: '图例',
  layout: '布局',
  relayout: '重新布局',
  fit: '适应窗口',
  exportPng: 'PNG',
  exportPngLabel: '将当前视图导出为 PNG',
  exportJson: 'JSON',
  exportJsonLabel: '将当前视图导出为 JSON',
  copyLink: '复制链接',
  copied: '链接已复制',
  tabDetails: '详情',
  tabPath: '路径',
  tabConsole: 'Cypher',
  tabQuery: '查询',
  tabCompare: '比较',
  panels: '面板',
  detailsEmpty: '选择一个实体或关系:点击节点,或使用搜索。',
  summary: '简介',
  kind: '类型',
  aliases: '别名',
  dates: '日期',
  facts: '数据',
  relationships: '关系',
  evidence: '证据',
  noEvidence: '没有记录证据。',
  firstMention: '首次提及于',
  unit: '单位',
  asOfShort: '截至',
  expand: '展开邻居',
  collapse: '收起邻居',
  focus: '只显示此邻域',
  wholeGraph: '显示整个图谱',
  pathFrom: '路径起点',
  pathTo: '路径终点',
  pathFind: '查找最短路径',
  pathClear: '清除路径',
  pathNone: '6 步之内没有路径。',
  pathNeedBoth: '请先选择路径的两端。',
  pathSteps: '步骤',
  consoleExamples: '示例',
  consoleEditor: 'Cypher 查询(只读)',
  consoleRun: '运行',
  consoleRunning: '运行中…',
  consoleRows: '行',
  consoleTruncated: '已按行数上限截断',
  consoleMerged: '个节点已并入画布',
  refused: '已拒绝',
  queryIntro: '当前视图背后的 GraphQL 操作,以及等价的 Cypher。',
  queryGraphql: 'GraphQL',
  queryVariables: '变量',
  queryCypher: '等价的 Cypher',
  openIde: '在 GraphQL IDE 中打开',
  compareMetric: '指标',
  compareIntro: '该指标的所有数值,附单位及出处链接。',
  loading: '加载中…',
  loadingGraph: '正在加载图谱…',
  unknownId: '没有 id 为“{id}”的实体。其余图谱照常显示。',
  badParam: '已忽略链接参数 {name}={value}:{why}。',
  graphTruncated: '图谱超过当前显示的前 {n} 个实体:请搜索实体,或按类型/关系筛选查看其余部分。',
  unknownValue: '未知的值',
  serverDown: '无法连接服务器。{s} 秒后重试…',
  serverBack: '已重新连接。',
  nodesShown: '显示 {n} / {total} 个实体',
  status: '状态',
  since: '始于',
  until: '止于',
  from: '从',
  to: '到',
  close: '清除选择',
  error: '错误',
  notFound: '未找到',
};

const STATUS_NAMES: Record<Lang, Record<string, string>> = {
  en: { STATED: 'stated', ESTIMATE: 'estimate', DISPUTED: 'disputed', FORECAST: 'forecast' },
  zh: { STATED: '陈述', ESTIMATE: '估计', DISPUTED: '有争议', FORECAST: '预测' },
};

let lang: Lang = 'en';
const listeners: (() => void)[] = [];

export const getLang = (): Lang => lang;
export function setLang(next: Lang): void {
  if (next === lang) return;
  lang = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  listeners.forEach((fn) => fn());
}
export function onLangChange(fn: () => void): void {
  listeners.push(fn);
}
export function defaultLang(): Lang {
  return (navigator.languages?.[0] ?? navigator.language ?? 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const s = (lang === 'zh' ? zh : en)[key];
  return s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
export const statusName = (s: string | null | undefined): string => (s ? (STATUS_NAMES[lang][s] ?? s.toLowerCase()) : '');

/** Re-labels every element carrying data-i18n / data-i18n-label / data-i18n-placeholder. */
export function applyStatic(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as Key);
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-label]').forEach((el) => {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel as Key));
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((el) => {
    el.title = t(el.dataset.i18nTitle as Key);
  });
  root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]').forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder as Key);
  });
}
