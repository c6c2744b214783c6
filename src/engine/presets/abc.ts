import type { GradingTable } from '../model';
import { SWATCHES } from './palette';

/**
 * ABC / Pareto analysis (grading-systems.md section 12: "A customers are 20%
 * of customers and bring 70%..."): customers ranked by value, A up to 80% of
 * the total, B up to 95%, C the rest (ADR 0016).
 */
export const ABC: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'abc',
  name: { en: 'ABC analysis (Pareto)', zh: 'ABC 分析（帕累托）' },
  description: {
    en:
      'Customers sorted by value, largest first. A customer is in the first tier whose cut the running share ' +
      'before it has not reached: A up to 80% of the total (the customer that crosses 80% is still A), B up to 95%, ' +
      'C the rest. Equal values share the tier of the first of them. Zero, negative and blank values are reported, ' +
      'not graded C. Grade the whole column: one customer alone has no rank.',
    zh:
      '客户按价值从大到小排序。某客户之前的累计占比尚未达到哪一级的分界，就属于第一个这样的等级：A 至总额的 80%' +
      '（跨过 80% 的那位客户仍是 A），B 至 95%，其余为 C。价值相同的客户同属其中第一位的等级。零、负数和空值作为错误' +
      '报告，不归为 C。请对整列评分：单个客户没有排名。',
  },
  category: 'segment',
  inputs: [
    {
      id: 'value',
      type: 'number',
      label: { en: 'Value', zh: '价值' },
      aliases: ['revenue', 'sales', 'profit', 'volume', 'amount', '销售额', '金额', '收入', '利润', '营业额'],
      description: {
        en: 'One value per customer: revenue, profit or volume over the period; above zero.',
        zh: '每位客户一个数值：期间内的销售额、利润或销量；须大于零。',
      },
    },
  ],
  method: {
    kind: 'abc',
    input: 'value',
    cuts: [{ tier: 'A', upTo: 0.8 }, { tier: 'B', upTo: 0.95 }, { tier: 'C' }],
  },
  tiers: [
    {
      id: 'A',
      label: { en: 'A', zh: 'A类客户' },
      ...SWATCHES.green,
      strategy: { en: 'Key accounts: most of the value', zh: '重点客户：贡献大部分价值' },
    },
    { id: 'B', label: { en: 'B', zh: 'B类客户' }, ...SWATCHES.yellow },
    { id: 'C', label: { en: 'C', zh: 'C类客户' }, ...SWATCHES.orange },
  ],
};
