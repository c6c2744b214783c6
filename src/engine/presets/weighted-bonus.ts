import type { GradingTable, ScoreBand } from '../model';
import { SWATCHES } from './palette';

/** Example sales bands (CNY) shared by both periods; the source's own band table is missing. */
const SALES_BANDS: ScoreBand[] = [
  { match: { range: { gte: 5_000_000 } }, points: 100 },
  { match: { range: { gte: 1_000_000, lt: 5_000_000 } }, points: 90 },
  { match: { range: { gte: 500_000, lt: 1_000_000 } }, points: 80 },
  { match: { range: { gte: 200_000, lt: 500_000 } }, points: 70 },
  { match: { range: { lt: 200_000 } }, points: 60 },
];

/**
 * grading-systems.md section 2, 政府类客户分级 (2010):
 * score = (historical-sales score x 50% + expected-sales score x 50%) x bonus.
 */
export const WEIGHTED_BONUS: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'weighted-bonus',
  name: { en: 'Weighted two-period score with bonus', zh: '政府类客户分级（历史+预期销售加权，奖励系数）' },
  description: {
    en:
      'score = (historical-sales score x 50% + expected-sales score x 50%) x 1.05 when the 2-year cumulative sales ' +
      "reached the set share (else x 1.0). The source's band tables and grade thresholds are missing, so these are " +
      'editable examples: sales (CNY) >= 5,000,000 -> 100; 1,000,000-5,000,000 -> 90; 500,000-1,000,000 -> 80; ' +
      '200,000-500,000 -> 70; < 200,000 -> 60 (lower ends inclusive), the same bands for both periods. A gross margin ' +
      '10%+ below the company requirement lowers the expected-sales score by 20 (entered as yes/no, scored -20 at ' +
      'weight 50%). Grades (examples): A >= 80, B >= 70, C >= 60, D below. Worked example: historical 150万 -> 90, ' +
      'expected 400万 -> 90 - 20 = 70 for the margin, bonus 1.05: (90 x 50% + 70 x 50%) x 1.05 = 84 -> A. ' +
      'Grade one product line at a time (MMS, 城管, 公安, 数字城市, 交通, 应急, 旅游), and only customers meeting all ' +
      'four project elements (need, budget this year, timeline this year, known decision makers). Grade once a year ' +
      'before 1 January; update monthly by region.',
    zh:
      '得分 =（历史销售得分 × 50% + 预期销售得分 × 50%）× 奖励系数：近两年累计销售达到规定比例时为1.05，否则为1.0。' +
      '原资料缺少分档表和等级分数线，以下为可修改的示例：销售额 ≥ 500万得100分；100万–500万得90分；50万–100万得80分；' +
      '20万–50万得70分；< 20万得60分（含下限），两个时期使用相同分档。毛利率低于公司要求10%以上时，预期销售得分减20分' +
      '（填“是/否”，按50%权重计 -20分）。等级（示例）：A ≥ 80，B ≥ 70，C ≥ 60，D 低于60。' +
      '原例：历史销售150万得90分，预期销售400万因毛利率偏低得70分，奖励系数1.05：（90×50% + 70×50%）× 1.05 = 84 → A。' +
      '按产品线（MMS、城管、公安、数字城市、交通、应急、旅游）分别评级，不混合；只对满足立项四要素' +
      '（有潜在需求、今年有符合价格政策的预算、今年有明确实施时间、决策人明确）的客户评级。每年1月1日前完成评级，各区域按月更新。',
  },
  category: 'scorecard',
  inputs: [
    {
      id: 'historical_sales',
      type: 'number',
      label: { en: 'Historical sales', zh: '历史销售额' },
      aliases: ['历史销售额', '历史销售', '历史销量', '以往销售额', 'Historical sales', 'Past sales', 'Sales history'],
    },
    {
      id: 'expected_sales',
      type: 'number',
      label: { en: 'Expected sales', zh: '预期销售额' },
      aliases: [
        '预期销售额',
        '预计销售额',
        '预期销售',
        '预计销售',
        'Expected sales',
        'Forecast sales',
        'Projected sales',
      ],
    },
    {
      id: 'margin_below_requirement',
      type: 'boolean',
      label: { en: 'Gross margin 10%+ below requirement', zh: '毛利率低于公司要求10%以上' },
      aliases: [
        '毛利率低于公司要求10%以上',
        '毛利率低于要求',
        '毛利率不达标',
        'Margin below requirement',
        'Low margin',
        'Gross margin below requirement',
      ],
      required: false,
      description: {
        en: 'Yes when the expected gross margin is 10% or more below the company requirement; blank counts as no.',
        zh: '预期毛利率低于公司要求10%及以上时填“是”；空白视为“否”。',
      },
    },
    {
      id: 'two_year_share_reached',
      type: 'boolean',
      label: { en: '2-year cumulative sales reached the set share', zh: '近两年累计销售达到规定比例' },
      aliases: [
        '近两年累计销售达到规定比例',
        '近两年累计销售达标',
        '两年累计销售达标',
        '2-year share reached',
        '2-year sales target met',
        'Bonus qualified',
      ],
      required: false,
      description: {
        en: 'Yes earns the 1.05 bonus; blank counts as no.',
        zh: '填“是”则乘以奖励系数1.05；空白视为“否”。',
      },
    },
  ],
  method: {
    kind: 'scorecard',
    criteria: [
      {
        id: 'historical',
        input: 'historical_sales',
        label: { en: 'Historical sales', zh: '历史销售额' },
        weight: 0.5,
        bands: SALES_BANDS,
      },
      {
        id: 'expected',
        input: 'expected_sales',
        label: { en: 'Expected sales', zh: '预期销售额' },
        weight: 0.5,
        bands: SALES_BANDS,
      },
      {
        id: 'margin',
        input: 'margin_below_requirement',
        label: { en: 'Margin 10%+ below requirement', zh: '毛利率低于要求10%以上' },
        weight: 0.5,
        bands: [
          { match: { is: true }, points: -20 },
          { match: { is: false }, points: 0 },
        ],
        blankPoints: 0,
      },
    ],
    multipliers: [
      {
        id: 'bonus',
        label: { en: '2-year bonus', zh: '两年累计奖励' },
        factor: 1.05,
        when: { input: 'two_year_share_reached', op: '=', value: true },
      },
    ],
    thresholds: [{ tier: 'A', gte: 80 }, { tier: 'B', gte: 70 }, { tier: 'C', gte: 60 }, { tier: 'D' }],
    round: 2,
  },
  tiers: [
    {
      id: 'A',
      label: { en: 'Grade A', zh: 'A级客户' },
      ...SWATCHES.green,
      strategy: { en: 'Served by the most able sales staff.', zh: '由最有能力的销售人员负责。' },
    },
    { id: 'B', label: { en: 'Grade B', zh: 'B级客户' }, ...SWATCHES.lightGreen },
    { id: 'C', label: { en: 'Grade C', zh: 'C级客户' }, ...SWATCHES.yellow },
    { id: 'D', label: { en: 'Grade D', zh: 'D级客户' }, ...SWATCHES.red },
  ],
};
