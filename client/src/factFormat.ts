// How a fact reads: the metric's name and the value with its unit, in the interface language. The
// server's display string ("~$500B", "~100K GPUs") is English; Chinese counts in 万 and 亿.
import { getLang } from './i18n.js';
import type { Fact } from './queries.js';

const METRIC_ZH: Record<string, string> = {
  active_parameters: '激活参数量', arc_agi_score: 'ARC-AGI 得分', assets_for_ai: '用于 AI 的资产', available_funding: '可用资金',
  average_eval_score: '平均评测得分', backdoor_undetected_duration: '后门未被发现的时长', capacity_share: '产能占比', chip_count: '芯片数量',
  company_count: '公司数量', compute_multiple: '算力倍数', compute_savings: '算力节省', compute_share: '算力占比', construction_cost: '建设成本',
  context_length: '上下文长度', cost_halving_period: '成本减半周期', cost_per_task: '每项任务成本', cost_reduction: '成本降幅',
  count_per_gpu: '每块 GPU 的数量', creator_revenue_share: '创作者收入分成', curtailed_nuclear_power: '被削减的核电',
  customer_rank: '客户排名', data_center_moratorium_duration: '数据中心暂停建设期限', datacenter_cost: '数据中心成本',
  datacenter_count: '数据中心数量', datacenter_power_share: '数据中心用电占比', debt: '债务', domestic_production_target: '本土生产目标',
  duration: '时长', employees: '员工人数', eval_suite_size: '评测集规模', experts_active: '激活专家数', experts_total: '专家总数',
  flops_ratio_vs_h100: '相对 H100 的算力比', founder_ownership_share: '创始人持股比例', funding_period: '融资周期', funding_raised: '已融资金额',
  gender_ratio: '性别比例', gpu_count: 'GPU 数量', gross_margin: '毛利率', inference_price_per_million_tokens: '每百万 token 推理价格',
  investment: '投资额', layer_count: '层数', manufacturing_leadership: '制造领先程度', market_share: '市场份额', memory_saving: '内存节省',
  model_count: '模型数量', operating_cost: '运营成本', ownership_share: '持股比例', planned_production: '计划产量', power_capacity: '电力容量',
  power_growth: '电力增长', power_per_gpu: '每块 GPU 功耗', power_share_of_cost: '电力占成本比例',
  price_per_million_output_tokens: '每百万输出 token 价格', price_ratio: '价格比', process_engineers: '工艺工程师人数', process_gap: '工艺差距',
  process_node: '工艺节点', purchase_limit: '采购上限', relative_flops: '相对算力', rental_cluster_limit: '租用集群上限', rental_price: '租用价格',
  reporting_threshold: '报告门槛', reshoring_cost: '制造回流成本', reshoring_duration: '制造回流所需时间', revenue: '收入',
  samples_per_task: '每项任务采样数', server_cost: '服务器成本', server_price: '服务器价格', server_rental_price: '服务器租用价格',
  server_resale_price: '服务器转售价格', serving_speed: '推理速度', session_duration: '会话时长', share_of_amazon_profit: '占亚马逊利润比例',
  share_of_nvidia_revenue: '占英伟达收入比例', size_ratio: '规模比', smuggling_value: '走私金额', sparsity_ratio: '稀疏比',
  staff_from_taiwan: '来自台湾的员工', starting_salary: '起薪', subscription_price: '订阅价格', team_size: '团队规模', ticket_price: '票价',
  time_since_training: '距训练完成的时间', time_to_arrival: '到来所需时间', top_score: '最高得分', total_addressable_market: '潜在市场总规模',
  total_cost_of_ownership: '总拥有成本', total_parameters: '总参数量', tpu_purchases: 'TPU 采购量', training_cluster_power: '训练集群功率',
  training_compute: '训练算力', training_cost: '训练成本', training_tokens: '训练 token 数', units_shipped: '出货量', vocabulary_size: '词表大小',
  water_chiller_count: '冷水机组数量', weekly_work_hours: '每周工作时长', yield: '良率',
};

const ACRONYMS: Record<string, string> = { gpu: 'GPU', tpu: 'TPU', arc: 'ARC', agi: 'AGI', h100: 'H100', nvidia: 'NVIDIA', amazon: 'Amazon', flops: 'FLOPS', ai: 'AI' };

export function metricName(metric: string): string {
  if (getLang() === 'zh' && METRIC_ZH[metric]) return METRIC_ZH[metric]!;
  const words = metric.split('_').map((w) => ACRONYMS[w] ?? w);
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Units in Chinese, with the measure word a count takes (10 万块 GPU). Unknown units stay as written. */
const UNIT_ZH: Record<string, string> = {
  USD: '美元', 'USD/1M tokens': '美元/百万 token', 'USD/hour': '美元/小时', 'USD/GPU-hour': '美元/GPU·小时', 'USD/year': '美元/年', CNY: '元人民币',
  parameters: '参数', tokens: ' token', 'tokens/s': ' token/秒', GPUs: '块 GPU', chips: '颗芯片', 'GPU-hours': ' GPU·小时', experts: '个专家',
  MW: '兆瓦', GW: '吉瓦', kW: '千瓦', W: '瓦', '%': '%', x: '倍', nm: '纳米', years: '年', months: '个月', weeks: '周', days: '天', hours: '小时',
  people: '人', FLOP: ' FLOP', 'FLOP/s': ' FLOP/s', 'TB/s': ' TB/s', 'GB/s': ' GB/s', GB: ' GB', TB: ' TB', bits: '位', layers: '层', count: '个',
  'wafers/month': '片晶圆/月', acres: '英亩', TWh: '太瓦时',
};

export function unitName(unit: string): string {
  return getLang() === 'zh' ? (UNIT_ZH[unit] ?? unit).trim() : unit;
}

/** 500000000000 → "5000亿", 128000 → "12.8万", 2e25 → "2×10²⁵". */
export function numberZh(v: number): string {
  const abs = Math.abs(v);
  const trim = (x: number) => String(Number(x.toPrecision(4)));
  if (abs >= 1e16) {
    const exp = Math.floor(Math.log10(abs));
    const sup = String(exp).replace(/\d/g, (d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]!);
    return `${trim(v / 10 ** exp)}×10${sup}`;
  }
  if (abs >= 1e12) return `${trim(v / 1e12)}万亿`;
  if (abs >= 1e8) return `${trim(v / 1e8)}亿`;
  if (abs >= 1e4) return `${trim(v / 1e4)}万`;
  return trim(v);
}

export function factValue(f: Pick<Fact, 'display' | 'value' | 'valueMax' | 'unit' | 'approximate'>): string {
  if (getLang() !== 'zh' || f.value === null) return f.display;
  const range = f.valueMax !== null && f.valueMax !== undefined ? `${numberZh(f.value)}–${numberZh(f.valueMax)}` : numberZh(f.value);
  const unit = f.unit ? (UNIT_ZH[f.unit] ?? ` ${f.unit}`) : '';
  return `${f.approximate ? '约 ' : ''}${range}${unit}`;
}
