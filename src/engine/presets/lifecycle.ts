import type { GradingTable } from '../model';
import { SWATCHES } from './palette';

/** grading-systems.md section 11: lifecycle stages potential, new, active, loyal, churned. */
export const LIFECYCLE: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'lifecycle',
  name: { en: 'Customer lifecycle', zh: '客户生命周期' },
  description: {
    en:
      'Checked in order: potential: no purchase yet (0 orders); churned: last purchase more than 365 days ago; ' +
      'new: first purchase within the last 90 days; loyal: 10 or more orders; everyone else is active. The day ' +
      'counts and order count are editable examples; a blank day count does not match its rule.',
    zh:
      '按顺序判断：潜在客户：尚未购买（0单）；流失客户：最近一次购买距今超过365天；新客户：首次购买在90天以内；' +
      '忠诚客户：累计10单及以上；其余为活跃客户。天数和单数为可修改的示例；天数空白时对应规则不成立。',
  },
  category: 'segment',
  inputs: [
    {
      id: 'order_count',
      type: 'number',
      label: { en: 'Orders', zh: '累计购买次数' },
      aliases: ['累计购买次数', '购买次数', '订单数', '累计订单数', 'Orders', 'Order count', 'Purchases'],
    },
    {
      id: 'days_since_first_purchase',
      type: 'number',
      label: { en: 'Days since first purchase', zh: '首次购买距今天数' },
      aliases: ['首次购买距今天数', '首购距今天数', 'Days since first purchase', 'Customer age (days)'],
      required: false,
    },
    {
      id: 'days_since_last_purchase',
      type: 'number',
      label: { en: 'Days since last purchase', zh: '最近购买距今天数' },
      aliases: ['最近购买距今天数', '距上次购买天数', '未购买天数', 'Days since last purchase', 'Recency'],
      required: false,
    },
  ],
  method: {
    kind: 'rules',
    rules: [
      { tier: 'potential', when: { input: 'order_count', op: '<=', value: 0 } },
      { tier: 'churned', when: { input: 'days_since_last_purchase', op: '>', value: 365 } },
      { tier: 'new', when: { input: 'days_since_first_purchase', op: '<=', value: 90 } },
      { tier: 'loyal', when: { input: 'order_count', op: '>=', value: 10 } },
    ],
    default: 'active',
  },
  tiers: [
    { id: 'loyal', label: { en: 'Loyal', zh: '忠诚客户' }, ...SWATCHES.green },
    { id: 'active', label: { en: 'Active', zh: '活跃客户' }, ...SWATCHES.lightGreen },
    { id: 'new', label: { en: 'New', zh: '新客户' }, ...SWATCHES.blue },
    { id: 'potential', label: { en: 'Potential', zh: '潜在客户' }, ...SWATCHES.yellow },
    { id: 'churned', label: { en: 'Churned', zh: '流失客户' }, ...SWATCHES.grey },
  ],
};
