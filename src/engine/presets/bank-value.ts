import type { GradingTable } from '../model';
import { SWATCHES } from './palette';

/**
 * grading-systems.md section 11, bank: customer value high / mid / low from
 * deposits, loans and wealth products. bank-segment takes its tier.
 */
export const BANK_VALUE: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'bank-value',
  name: { en: 'Bank customer value', zh: '银行客户价值' },
  description: {
    en:
      'Points (editable examples, CNY balances): deposits >= 1,000,000 -> 40, 200,000-1,000,000 -> 25, ' +
      '50,000-200,000 -> 10, below -> 0; loans >= 1,000,000 -> 30, 100,000-1,000,000 -> 20, above 0 -> 10, none -> 0; ' +
      'wealth products >= 500,000 -> 30, 100,000-500,000 -> 20, above 0 -> 10, none -> 0 (lower ends inclusive). A ' +
      'blank balance counts as none. Value: high >= 60, mid >= 30, low below.',
    zh:
      '得分（可修改的示例，余额单位元）：存款 ≥ 100万得40分，20万–100万得25分，5万–20万得10分，以下0分；' +
      '贷款 ≥ 100万得30分，10万–100万得20分，大于0得10分，无贷款0分；理财 ≥ 50万得30分，10万–50万得20分，' +
      '大于0得10分，无理财0分（含下限）。空白视为无。价值：高 ≥ 60，中 ≥ 30，低 低于30。',
  },
  category: 'matrix',
  inputs: [
    {
      id: 'deposits',
      type: 'number',
      label: { en: 'Deposits', zh: '存款余额' },
      aliases: ['存款余额', '存款', '日均存款', 'Deposits', 'Deposit balance'],
      required: false,
    },
    {
      id: 'loans',
      type: 'number',
      label: { en: 'Loans', zh: '贷款余额' },
      aliases: ['贷款余额', '贷款', 'Loans', 'Loan balance'],
      required: false,
    },
    {
      id: 'wealth',
      type: 'number',
      label: { en: 'Wealth products', zh: '理财产品余额' },
      aliases: ['理财产品余额', '理财余额', '理财', '理财产品', 'Wealth products', 'Wealth management', 'Investments'],
      required: false,
    },
  ],
  method: {
    kind: 'scorecard',
    criteria: [
      {
        id: 'deposits',
        input: 'deposits',
        label: { en: 'Deposits', zh: '存款余额' },
        blankPoints: 0,
        bands: [
          { match: { range: { gte: 1_000_000 } }, points: 40 },
          { match: { range: { gte: 200_000, lt: 1_000_000 } }, points: 25 },
          { match: { range: { gte: 50_000, lt: 200_000 } }, points: 10 },
          { match: { range: { lt: 50_000 } }, points: 0 },
        ],
      },
      {
        id: 'loans',
        input: 'loans',
        label: { en: 'Loans', zh: '贷款余额' },
        blankPoints: 0,
        bands: [
          { match: { range: { gte: 1_000_000 } }, points: 30 },
          { match: { range: { gte: 100_000, lt: 1_000_000 } }, points: 20 },
          { match: { range: { gt: 0, lt: 100_000 } }, points: 10 },
          { match: { range: { lte: 0 } }, points: 0 },
        ],
      },
      {
        id: 'wealth',
        input: 'wealth',
        label: { en: 'Wealth products', zh: '理财产品余额' },
        blankPoints: 0,
        bands: [
          { match: { range: { gte: 500_000 } }, points: 30 },
          { match: { range: { gte: 100_000, lt: 500_000 } }, points: 20 },
          { match: { range: { gt: 0, lt: 100_000 } }, points: 10 },
          { match: { range: { lte: 0 } }, points: 0 },
        ],
      },
    ],
    thresholds: [{ tier: 'high', gte: 60 }, { tier: 'mid', gte: 30 }, { tier: 'low' }],
  },
  tiers: [
    { id: 'high', label: { en: 'High value', zh: '高价值' }, ...SWATCHES.green },
    { id: 'mid', label: { en: 'Mid value', zh: '中价值' }, ...SWATCHES.yellow },
    { id: 'low', label: { en: 'Low value', zh: '低价值' }, ...SWATCHES.red },
  ],
};
