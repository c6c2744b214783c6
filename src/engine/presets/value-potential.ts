import type { GradingTable } from '../model';
import { SWATCHES } from './palette';

/**
 * grading-systems.md section 10, 价值+潜力双维度: current value x potential,
 * the grid cell gives A (high value), B (growth potential) or C (price-sensitive base).
 */
export const VALUE_POTENTIAL: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'value-potential',
  name: { en: 'Value x potential', zh: '价值 + 潜力双维度分级' },
  description: {
    en:
      "Rows: current value as average spend per order, high > 5,000 (the source's A-customer figure), medium " +
      '500-5,000 (500 exclusive, 5,000 inclusive), low <= 500 (editable examples). Columns: potential (growth room) ' +
      'high / medium / low. High value is A whatever the potential; medium or low value with high potential is B ' +
      '(growth potential: upgrade them to A); medium value with medium potential is B; the rest is C ' +
      "(price-sensitive base: about 90% join discount events). Target share of A: 20% (the source's Pareto check: " +
      'the top 20% of customers bring 70% of repeat purchases).',
    zh:
      '行：当前价值，按客单价（平均每单消费）：高 > 5,000（原资料中A类客户的标准），中 500–5,000（不含500，含5,000），' +
      '低 ≤ 500（可修改的示例）。列：潜力（增长空间）高 / 中 / 低。高价值客户不论潜力均为A；中低价值但高潜力为B' +
      '（成长潜力客户，争取升级为A）；中价值中潜力为B；其余为C（价格敏感的基础客户，约90%参加折扣活动）。' +
      'A类目标占比20%（原资料的二八检验：前20%的客户贡献70%的复购）。',
  },
  category: 'matrix',
  inputs: [
    {
      id: 'order_value',
      type: 'number',
      label: { en: 'Average spend per order', zh: '客单价' },
      aliases: ['客单价', '平均每单消费', '单均消费', '平均订单金额', 'Average order value', 'AOV', 'Spend per order'],
    },
    {
      id: 'potential',
      type: 'category',
      label: { en: 'Potential', zh: '潜力' },
      aliases: ['潜力', '增长潜力', '成长空间', '潜力评估', 'Potential', 'Growth potential'],
      values: [
        { id: 'high', label: { en: 'High', zh: '高' }, aliases: ['高', '高潜力', 'High'] },
        { id: 'medium', label: { en: 'Medium', zh: '中' }, aliases: ['中', '中潜力', '一般', 'Medium', 'Mid'] },
        { id: 'low', label: { en: 'Low', zh: '低' }, aliases: ['低', '低潜力', 'Low'] },
      ],
    },
  ],
  method: {
    kind: 'matrix',
    rows: {
      input: 'order_value',
      bands: [
        { id: 'high', label: { en: 'High value', zh: '高价值' }, match: { range: { gt: 5000 } } },
        { id: 'medium', label: { en: 'Medium value', zh: '中价值' }, match: { range: { gt: 500, lte: 5000 } } },
        { id: 'low', label: { en: 'Low value', zh: '低价值' }, match: { range: { lte: 500 } } },
      ],
    },
    columns: {
      input: 'potential',
      bands: [
        { id: 'high', label: { en: 'High potential', zh: '高潜力' }, match: { values: ['high'] } },
        { id: 'medium', label: { en: 'Medium potential', zh: '中潜力' }, match: { values: ['medium'] } },
        { id: 'low', label: { en: 'Low potential', zh: '低潜力' }, match: { values: ['low'] } },
      ],
    },
    cells: [
      ['A', 'A', 'A'],
      ['B', 'B', 'C'],
      ['B', 'C', 'C'],
    ],
    output: 'tier',
  },
  tiers: [
    {
      id: 'A',
      label: { en: 'A high value', zh: 'A 高价值客户' },
      ...SWATCHES.green,
      targetShare: 0.2,
      strategy: { en: 'Keep and serve first.', zh: '重点维护，优先服务。' },
    },
    {
      id: 'B',
      label: { en: 'B growth potential', zh: 'B 成长潜力客户' },
      ...SWATCHES.yellow,
      strategy: { en: 'Develop and upgrade them to A.', zh: '重点培育，争取升级为A类。' },
    },
    {
      id: 'C',
      label: { en: 'C price-sensitive base', zh: 'C 价格敏感基础客户' },
      ...SWATCHES.red,
      strategy: {
        en: 'Reach through discount events (about 90% of them join).',
        zh: '以折扣活动触达（约90%会参加）。',
      },
    },
  ],
};
