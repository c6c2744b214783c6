import type { GradingTable } from '../model';
import { SWATCHES } from './palette';

/** grading-systems.md section 11: three levels by importance, 重要客户 / 核心客户 / 普通客户. */
export const IMPORTANCE_3: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'importance-3',
  name: { en: 'Three levels by importance', zh: '重要/核心/普通客户三级分类' },
  description: {
    en:
      'Key customer (重要客户): annual sales >= 1,000,000; core customer (核心客户): annual sales >= 200,000; every ' +
      'other customer is ordinary (普通客户). The source names the levels in this order but gives no figures: the ' +
      'amounts are editable examples.',
    zh:
      '重要客户：年销售额 ≥ 100万；核心客户：年销售额 ≥ 20万；其余为普通客户。原资料按此顺序列出三个级别但未给出金额，' +
      '以上金额为可修改的示例。',
  },
  category: 'segment',
  inputs: [
    {
      id: 'annual_sales',
      type: 'number',
      label: { en: 'Annual sales', zh: '年销售额' },
      aliases: ['年销售额', '年销售', '年度销售额', '年采购额', 'Annual sales', 'Yearly sales', 'Annual revenue'],
    },
  ],
  method: {
    kind: 'rules',
    rules: [
      { tier: 'key', when: { input: 'annual_sales', op: '>=', value: 1_000_000 } },
      { tier: 'core', when: { input: 'annual_sales', op: '>=', value: 200_000 } },
    ],
    default: 'ordinary',
  },
  tiers: [
    { id: 'key', label: { en: 'Key customer', zh: '重要客户' }, ...SWATCHES.green },
    { id: 'core', label: { en: 'Core customer', zh: '核心客户' }, ...SWATCHES.yellow },
    { id: 'ordinary', label: { en: 'Ordinary customer', zh: '普通客户' }, ...SWATCHES.grey },
  ],
};
