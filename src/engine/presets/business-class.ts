import type { GradingTable } from '../model';
import { SWATCHES } from './palette';

/** grading-systems.md section 11: five business classes 优质 / 核心 / 潜力 / 普通 / 低价值 by spend, loyalty and potential. */
export const BUSINESS_CLASS: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'business-class',
  name: { en: 'Five business classes', zh: '五类客户（优质/核心/潜力/普通/低价值）' },
  description: {
    en:
      'Checked in order: premium (优质): annual spend >= 500,000 and 3+ years as a customer; core (核心): spend >= ' +
      '500,000, or spend >= 100,000 and 3+ years; potential (潜力): assessed potential high; ordinary (普通): spend ' +
      '>= 20,000; everyone else is low value (低价值). Loyalty is measured as years as a customer. The figures are ' +
      'editable examples (the source gives none).',
    zh:
      '按顺序判断：优质客户：年消费额 ≥ 50万且合作3年以上；核心客户：年消费额 ≥ 50万，或 ≥ 10万且合作3年以上；' +
      '潜力客户：潜力评估为高；普通客户：年消费额 ≥ 2万；其余为低价值客户。忠诚度以合作年限衡量。金额和年限为可修改的示例（原资料未给出）。',
  },
  category: 'segment',
  inputs: [
    {
      id: 'annual_spend',
      type: 'number',
      label: { en: 'Annual spend', zh: '年消费额' },
      aliases: ['年消费额', '年消费金额', '年采购额', '消费额', 'Annual spend', 'Spend', 'Yearly spend'],
    },
    {
      id: 'years_as_customer',
      type: 'number',
      label: { en: 'Years as customer', zh: '合作年限' },
      aliases: ['合作年限', '合作年数', '客户年限', 'Years as customer', 'Tenure', 'Customer years'],
      required: false,
    },
    {
      id: 'potential',
      type: 'category',
      label: { en: 'Potential', zh: '潜力' },
      aliases: ['潜力', '增长潜力', '潜力评估', 'Potential', 'Growth potential'],
      required: false,
      values: [
        { id: 'high', label: { en: 'High', zh: '高' }, aliases: ['高', '高潜力', 'High'] },
        { id: 'medium', label: { en: 'Medium', zh: '中' }, aliases: ['中', '中潜力', '一般', 'Medium', 'Mid'] },
        { id: 'low', label: { en: 'Low', zh: '低' }, aliases: ['低', '低潜力', 'Low'] },
      ],
    },
  ],
  method: {
    kind: 'rules',
    rules: [
      {
        tier: 'premium',
        when: {
          all: [
            { input: 'annual_spend', op: '>=', value: 500_000 },
            { input: 'years_as_customer', op: '>=', value: 3 },
          ],
        },
      },
      {
        tier: 'core',
        when: {
          any: [
            { input: 'annual_spend', op: '>=', value: 500_000 },
            {
              all: [
                { input: 'annual_spend', op: '>=', value: 100_000 },
                { input: 'years_as_customer', op: '>=', value: 3 },
              ],
            },
          ],
        },
      },
      { tier: 'potential', when: { input: 'potential', op: '=', value: 'high' } },
      { tier: 'ordinary', when: { input: 'annual_spend', op: '>=', value: 20_000 } },
    ],
    default: 'low_value',
  },
  tiers: [
    { id: 'premium', label: { en: 'Premium', zh: '优质客户' }, ...SWATCHES.green },
    { id: 'core', label: { en: 'Core', zh: '核心客户' }, ...SWATCHES.lightGreen },
    { id: 'potential', label: { en: 'Potential', zh: '潜力客户' }, ...SWATCHES.blue },
    { id: 'ordinary', label: { en: 'Ordinary', zh: '普通客户' }, ...SWATCHES.yellow },
    { id: 'low_value', label: { en: 'Low value', zh: '低价值客户' }, ...SWATCHES.grey },
  ],
};
