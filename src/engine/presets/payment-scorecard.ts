import type { GradingTable } from '../model';
import { SWATCHES } from './palette';

/**
 * grading-systems.md section 1, 客户分级标准(总分100分): monthly average sales
 * (70 points) plus timely payment (30 points), A >= 80, B >= 60, C below.
 */
export const PAYMENT_SCORECARD: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'payment-scorecard',
  name: { en: 'Payment scorecard (100 points)', zh: '客户分级标准（总分100分）' },
  description: {
    en:
      'Monthly average sales (70 points) plus days to collect payment (30 points); A >= 80, B 60-79, C < 60. ' +
      'Bands exactly as the rulebook: exactly 10,000 scores 40, exactly 20,000 scores 70, exactly 30 days scores 30. ' +
      'Net sales below zero (returns) fall into the lowest band; a negative number of days is rejected as out of range ' +
      '(enter a prepaying customer as 0 days). Payment days are counted against the collection period agreed at the ' +
      "start of the relationship, using last year's figure; grade a new customer like similar existing ones; " +
      're-grade every half year.',
    zh:
      '月均销售额（70分）+ 及时回款天数（30分）；A级 ≥ 80分，B级 60–79分，C级 < 60分。' +
      '分档与原标准一致：恰好1万得40分，恰好2万得70分，恰好30天得30分。' +
      '月均销售额为负（退货冲减）归入最低档；回款天数为负视为超出范围的数据错误（预付款客户请填0天）。' +
      '回款天数以合作之初约定的回款周期为准，按上一年数据计算；新客户参照同类老客户评级；每半年复评一次。',
  },
  category: 'scorecard',
  inputs: [
    {
      id: 'monthly_sales',
      type: 'number',
      label: { en: 'Monthly average sales', zh: '月均销售额' },
      aliases: [
        '月均销售额',
        '月均销量额',
        '月平均销售额',
        '月均销售',
        '月销售额',
        'Monthly Sales',
        'Monthly average sales',
        'Avg monthly sales',
        'Average monthly sales',
      ],
    },
    {
      id: 'payment_days',
      type: 'number',
      label: { en: 'Days to collect', zh: '回款天数' },
      aliases: [
        '回款天数',
        '回款周期',
        '及时回款天数',
        '回款期',
        '收款天数',
        'Days to collect',
        'Payment days',
        'Collection days',
        'Days sales outstanding',
      ],
    },
  ],
  method: {
    kind: 'scorecard',
    criteria: [
      {
        id: 'sales',
        input: 'monthly_sales',
        label: { en: 'Monthly average sales', zh: '月均销售额' },
        bands: [
          { match: { range: { gte: 20000 } }, points: 70 },
          { match: { range: { gt: 10000, lt: 20000 } }, points: 50 },
          { match: { range: { gt: 5000, lte: 10000 } }, points: 40 },
          { match: { range: { lte: 5000 } }, points: 30 },
        ],
      },
      {
        id: 'payment',
        input: 'payment_days',
        label: { en: 'Days to collect', zh: '回款天数' },
        bands: [
          { match: { range: { gte: 0, lte: 30 } }, points: 30 },
          { match: { range: { gt: 30, lte: 45 } }, points: 20 },
          { match: { range: { gt: 45, lte: 60 } }, points: 10 },
          { match: { range: { gt: 60 } }, points: 0 },
        ],
      },
    ],
    thresholds: [{ tier: 'A', gte: 80 }, { tier: 'B', gte: 60 }, { tier: 'C' }],
  },
  tiers: [
    { id: 'A', label: { en: 'Grade A', zh: 'A级客户' }, ...SWATCHES.green },
    { id: 'B', label: { en: 'Grade B', zh: 'B级客户' }, ...SWATCHES.yellow },
    { id: 'C', label: { en: 'Grade C', zh: 'C级客户' }, ...SWATCHES.red },
  ],
};
