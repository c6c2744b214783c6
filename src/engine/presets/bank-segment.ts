import type { GradingTable } from '../model';
import { SWATCHES } from './palette';

/**
 * grading-systems.md section 11, bank: value (the bank-value table's tier) x
 * behaviour active / potential / dormant (days since the last transaction).
 */
export const BANK_SEGMENT: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'bank-segment',
  name: { en: 'Bank value x behaviour', zh: '银行客户价值 × 行为分群' },
  description: {
    en:
      'Value comes from the bank-value table (deposits, loans, wealth products). Behaviour from days since the ' +
      'last transaction (editable examples): active 0-90, potential 91-365 (over 90 up to 365), dormant over 365 ' +
      '(long without transactions). High value active or potential: VIP care; high value dormant: win back; mid ' +
      'value active or potential: develop; low value active or potential: standard service; mid or low value ' +
      'dormant: dormant.',
    zh:
      '价值取自“银行客户价值”表（存款、贷款、理财）。行为按距最近一次交易天数（可修改的示例）：活跃 0–90天，' +
      '潜在 90天以上至365天，休眠 超过365天（长期无交易）。高价值且活跃或潜在：重点维护；高价值休眠：重点挽回；' +
      '中价值活跃或潜在：提升培育；低价值活跃或潜在：基础服务；中低价值休眠：休眠客户。',
  },
  category: 'matrix',
  inputs: [
    {
      id: 'value_tier',
      type: 'category',
      label: { en: 'Customer value', zh: '客户价值' },
      source: { table: 'bank-value', output: 'tier' },
      values: [
        { id: 'high', label: { en: 'High value', zh: '高价值' } },
        { id: 'mid', label: { en: 'Mid value', zh: '中价值' } },
        { id: 'low', label: { en: 'Low value', zh: '低价值' } },
      ],
    },
    {
      id: 'days_since_last_txn',
      type: 'number',
      label: { en: 'Days since last transaction', zh: '距最近一次交易天数' },
      aliases: ['距最近一次交易天数', '未交易天数', '最近交易距今天数', 'Days since last transaction', 'Days inactive'],
    },
  ],
  method: {
    kind: 'matrix',
    rows: {
      input: 'value_tier',
      bands: [
        { id: 'high', label: { en: 'High value', zh: '高价值' }, match: { values: ['high'] } },
        { id: 'mid', label: { en: 'Mid value', zh: '中价值' }, match: { values: ['mid'] } },
        { id: 'low', label: { en: 'Low value', zh: '低价值' }, match: { values: ['low'] } },
      ],
    },
    columns: {
      input: 'days_since_last_txn',
      bands: [
        { id: 'active', label: { en: 'Active', zh: '活跃' }, match: { range: { gte: 0, lte: 90 } } },
        { id: 'potential', label: { en: 'Potential', zh: '潜在' }, match: { range: { gt: 90, lte: 365 } } },
        { id: 'dormant', label: { en: 'Dormant', zh: '休眠' }, match: { range: { gt: 365 } } },
      ],
    },
    cells: [
      ['vip', 'vip', 'win_back'],
      ['develop', 'develop', 'dormant'],
      ['standard', 'standard', 'dormant'],
    ],
    output: 'tier',
  },
  tiers: [
    { id: 'vip', label: { en: 'VIP care', zh: '重点维护' }, ...SWATCHES.green },
    { id: 'win_back', label: { en: 'Win back', zh: '重点挽回' }, ...SWATCHES.orange },
    { id: 'develop', label: { en: 'Develop', zh: '提升培育' }, ...SWATCHES.lightGreen },
    { id: 'standard', label: { en: 'Standard service', zh: '基础服务' }, ...SWATCHES.yellow },
    { id: 'dormant', label: { en: 'Dormant', zh: '休眠客户' }, ...SWATCHES.grey },
  ],
};
