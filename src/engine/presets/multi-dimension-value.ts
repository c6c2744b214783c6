import type { CategoryValue, GradingTable, InputDef, ScoreBand } from '../model';
import { SWATCHES } from './palette';

/** Four bands for "more is better", each 10 / 7 / 4 / 1 points; cuts ascending, lower ends inclusive. */
function ladder(low: number, mid: number, high: number): ScoreBand[] {
  return [
    { match: { range: { gte: high } }, points: 10 },
    { match: { range: { gte: mid, lt: high } }, points: 7 },
    { match: { range: { gte: low, lt: mid } }, points: 4 },
    { match: { range: { lt: low } }, points: 1 },
  ];
}

function numberInput(id: string, en: string, zh: string, aliases: string[]): InputDef {
  return { id, type: 'number', label: { en, zh }, aliases: [zh, en, ...aliases] };
}

function level(id: string, en: string, zh: string, aliases: string[]): CategoryValue {
  return { id, label: { en, zh }, aliases: [zh, en, ...aliases] };
}

const INPUTS: InputDef[] = [
  numberInput('lifetime_value', 'Lifetime value', '客户终身价值', [
    '终身价值',
    'CLV',
    'LTV',
    'Customer lifetime value',
  ]),
  numberInput('purchase_frequency', 'Purchases per year', '年购买次数', [
    '购买频率',
    '年购买频次',
    'Purchase frequency',
  ]),
  numberInput('order_value', 'Average order value', '客单价', ['平均订单金额', '平均每单消费', 'AOV']),
  numberInput('repurchase_rate', 'Repurchase rate', '复购率', ['回购率', 'Repeat purchase rate']),
  numberInput('profit', 'Annual profit contribution', '年利润贡献', ['利润贡献', '利润', 'Profit']),
  numberInput('interactions', 'Interactions per month', '月互动次数', [
    '互动频率',
    '互动次数',
    'Interaction frequency',
  ]),
  {
    id: 'usage_depth',
    type: 'category',
    label: { en: 'Depth of use', zh: '使用深度' },
    aliases: ['使用深度', '产品使用深度', 'Depth of use', 'Usage depth'],
    values: [
      level('high', 'Deep', '深度', ['深', 'High']),
      level('medium', 'Medium', '中度', ['中', '一般']),
      level('low', 'Shallow', '浅度', ['浅', 'Low']),
    ],
  },
  {
    id: 'channel',
    type: 'category',
    label: { en: 'Channel', zh: '渠道' },
    aliases: ['渠道', '购买渠道', '主要渠道', 'Channel', 'Sales channel'],
    values: [
      {
        id: 'omni',
        label: { en: 'Omnichannel', zh: '全渠道' },
        aliases: ['全渠道', '线上线下', 'Omnichannel', 'Both'],
      },
      { id: 'online', label: { en: 'Online', zh: '线上' }, aliases: ['线上', '网上', 'Online'] },
      { id: 'offline', label: { en: 'Offline', zh: '线下' }, aliases: ['线下', '门店', 'Offline', 'Store'] },
    ],
  },
  numberInput('nps', 'Likelihood to recommend (0-10)', '推荐意愿（0–10）', ['推荐意愿', 'NPS', 'NPS score']),
  numberInput('satisfaction', 'Satisfaction (1-5)', '满意度（1–5）', ['满意度', '客户满意度', 'Satisfaction', 'CSAT']),
  {
    id: 'potential',
    type: 'category',
    label: { en: 'Potential', zh: '潜力' },
    aliases: ['潜力', '增长潜力', '潜力评估', 'Potential', 'Growth potential'],
    values: [
      level('high', 'High', '高', ['高潜力']),
      level('medium', 'Medium', '中', ['中潜力', '一般', 'Mid']),
      level('low', 'Low', '低', ['低潜力']),
    ],
  },
];

/** Financial criteria weigh 0.8 each (5 x 10 x 0.8 = 40 points); the others 1 (30 + 20 + 10). */
const FINANCIAL = 0.8;

/**
 * grading-systems.md section 11: multi-dimension customer value, financial,
 * behavioural, emotional and potential criteria, weighted to 100 points.
 */
export const MULTI_DIMENSION_VALUE: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'multi-dimension-value',
  name: { en: 'Multi-dimension customer value', zh: '多维度客户价值评分' },
  description: {
    en:
      'Each criterion scores 10 / 7 / 4 / 1 (lower ends inclusive); weights give financial 40%, behavioural 30%, ' +
      'emotional 20%, potential 10% of 100 points. Financial (weight 0.8 each): lifetime value >= 1,000,000 / ' +
      '200,000 / 50,000; purchases per year >= 12 / 6 / 2; average order value >= 10,000 / 2,000 / 500; repurchase ' +
      'rate >= 60% / 30% / 10% (enter as a percentage, 60% = 0.6); annual profit >= 200,000 / 50,000 / 10,000. ' +
      'Behavioural: interactions per month >= 8 / 4 / 1; depth of use deep 10, medium 6, shallow 2; channel omni 10, ' +
      'online 7, offline 5. Emotional: likelihood to recommend 9-10 -> 10, 7-8 -> 6, 0-6 -> 0; satisfaction (1-5) ' +
      '>= 4.5 -> 10, >= 3.5 -> 7, >= 2.5 -> 4, below -> 0. Potential high 10, medium 6, low 2. Grades: A >= 80, ' +
      'B >= 60, C >= 40, D below. All figures are editable examples.',
    zh:
      '每项按10 / 7 / 4 / 1分计（含下限）；权重使财务占40%、行为占30%、情感占20%、潜力占10%，满分100。' +
      '财务（每项权重0.8）：客户终身价值 ≥ 100万 / 20万 / 5万；年购买次数 ≥ 12 / 6 / 2；客单价 ≥ 1万 / 2,000 / 500；' +
      '复购率 ≥ 60% / 30% / 10%（按百分比填写，60% = 0.6）；年利润贡献 ≥ 20万 / 5万 / 1万。行为：月互动次数 ≥ 8 / 4 / 1；' +
      '使用深度 深10分、中6分、浅2分；渠道 全渠道10分、线上7分、线下5分。情感：推荐意愿 9–10分得10分，7–8分得6分，' +
      '0–6分得0分；满意度（1–5）≥ 4.5得10分，≥ 3.5得7分，≥ 2.5得4分，以下0分。潜力 高10分、中6分、低2分。' +
      '等级：A ≥ 80，B ≥ 60，C ≥ 40，D 低于40。全部数值为可修改的示例。',
  },
  category: 'scorecard',
  inputs: INPUTS,
  method: {
    kind: 'scorecard',
    criteria: [
      { id: 'lifetime_value', input: 'lifetime_value', weight: FINANCIAL, bands: ladder(50_000, 200_000, 1_000_000) },
      { id: 'purchase_frequency', input: 'purchase_frequency', weight: FINANCIAL, bands: ladder(2, 6, 12) },
      { id: 'order_value', input: 'order_value', weight: FINANCIAL, bands: ladder(500, 2_000, 10_000) },
      { id: 'repurchase_rate', input: 'repurchase_rate', weight: FINANCIAL, bands: ladder(0.1, 0.3, 0.6) },
      { id: 'profit', input: 'profit', weight: FINANCIAL, bands: ladder(10_000, 50_000, 200_000) },
      { id: 'interactions', input: 'interactions', bands: ladder(1, 4, 8) },
      {
        id: 'usage_depth',
        input: 'usage_depth',
        bands: [
          { match: { values: ['high'] }, points: 10 },
          { match: { values: ['medium'] }, points: 6 },
          { match: { values: ['low'] }, points: 2 },
        ],
      },
      {
        id: 'channel',
        input: 'channel',
        bands: [
          { match: { values: ['omni'] }, points: 10 },
          { match: { values: ['online'] }, points: 7 },
          { match: { values: ['offline'] }, points: 5 },
        ],
      },
      {
        id: 'nps',
        input: 'nps',
        bands: [
          { match: { range: { gte: 9, lte: 10 } }, points: 10 },
          { match: { range: { gte: 7, lt: 9 } }, points: 6 },
          { match: { range: { gte: 0, lt: 7 } }, points: 0 },
        ],
      },
      {
        id: 'satisfaction',
        input: 'satisfaction',
        bands: [
          { match: { range: { gte: 4.5, lte: 5 } }, points: 10 },
          { match: { range: { gte: 3.5, lt: 4.5 } }, points: 7 },
          { match: { range: { gte: 2.5, lt: 3.5 } }, points: 4 },
          { match: { range: { gte: 1, lt: 2.5 } }, points: 0 },
        ],
      },
      {
        id: 'potential',
        input: 'potential',
        bands: [
          { match: { values: ['high'] }, points: 10 },
          { match: { values: ['medium'] }, points: 6 },
          { match: { values: ['low'] }, points: 2 },
        ],
      },
    ],
    thresholds: [{ tier: 'A', gte: 80 }, { tier: 'B', gte: 60 }, { tier: 'C', gte: 40 }, { tier: 'D' }],
    round: 2,
  },
  tiers: [
    { id: 'A', label: { en: 'A', zh: 'A级客户' }, ...SWATCHES.green },
    { id: 'B', label: { en: 'B', zh: 'B级客户' }, ...SWATCHES.lightGreen },
    { id: 'C', label: { en: 'C', zh: 'C级客户' }, ...SWATCHES.yellow },
    { id: 'D', label: { en: 'D', zh: 'D级客户' }, ...SWATCHES.red },
  ],
};
