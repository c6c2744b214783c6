import type { GradingTable } from '../model';
import { SWATCHES } from './palette';

/**
 * grading-systems.md section 6, 潜在客户分级 (2016): time to close OR expected
 * monthly amount, checked from A down so that the higher grade wins.
 */
export const POTENTIAL_TIME_AMOUNT: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'potential-time-amount',
  name: { en: 'Potential customers: time or amount', zh: '潜在客户分级（成交时间或金额）' },
  description: {
    en:
      'A: close within 3 months (<= 3) or expected monthly amount >= 100,000. B: 3 < months <= 6 or 50,000 <= amount ' +
      '< 100,000. C: 6 < months <= 12 or 20,000 <= amount < 50,000. D: months > 12 or amount < 20,000. Checked from A ' +
      'down, so the higher grade wins: amount first, and a short time to close may lift the grade. Either input may ' +
      'be blank; a row with both blank is ungraded. Re-grade at every month end; higher grades win when resources ' +
      'conflict.',
    zh:
      'A：3个月内成交（≤ 3）或预计月均金额 ≥ 10万。B：3 < 月数 ≤ 6，或5万 ≤ 金额 < 10万。C：6 < 月数 ≤ 12，' +
      '或2万 ≤ 金额 < 5万。D：12个月内无法成交，或金额 < 2万。从A往下判断，取较高等级：以金额为主，成交时间短可提升等级。' +
      '两项均可空白；两项都空白的客户不评级。每月月底重新评级；资源冲突时优先高等级客户。',
  },
  category: 'pipeline',
  inputs: [
    {
      id: 'months_to_close',
      type: 'number',
      label: { en: 'Months to close', zh: '预计成交月数' },
      aliases: ['预计成交月数', '预计成交时间（月）', '距成交月数', 'Months to close', 'Expected months to close'],
      required: false,
    },
    {
      id: 'monthly_amount',
      type: 'number',
      label: { en: 'Expected monthly amount', zh: '预计月均金额' },
      aliases: [
        '预计月均金额',
        '预计月金额',
        '月均金额',
        '预计每月金额',
        '预计月采购额',
        'Expected monthly amount',
        'Monthly amount',
        'Monthly value',
      ],
      required: false,
    },
  ],
  method: {
    kind: 'rules',
    rules: [
      {
        tier: 'A',
        when: {
          any: [
            { input: 'months_to_close', op: '<=', value: 3 },
            { input: 'monthly_amount', op: '>=', value: 100_000 },
          ],
        },
      },
      {
        tier: 'B',
        when: {
          any: [
            { input: 'months_to_close', op: 'between', range: { gt: 3, lte: 6 } },
            { input: 'monthly_amount', op: 'between', range: { gte: 50_000, lt: 100_000 } },
          ],
        },
      },
      {
        tier: 'C',
        when: {
          any: [
            { input: 'months_to_close', op: 'between', range: { gt: 6, lte: 12 } },
            { input: 'monthly_amount', op: 'between', range: { gte: 20_000, lt: 50_000 } },
          ],
        },
      },
      {
        tier: 'D',
        when: {
          any: [
            { input: 'months_to_close', op: '>', value: 12 },
            { input: 'monthly_amount', op: '<', value: 20_000 },
          ],
        },
      },
    ],
  },
  tiers: [
    { id: 'A', label: { en: 'Grade A', zh: 'A类潜在客户' }, ...SWATCHES.green },
    { id: 'B', label: { en: 'Grade B', zh: 'B类潜在客户' }, ...SWATCHES.lightGreen },
    { id: 'C', label: { en: 'Grade C', zh: 'C类潜在客户' }, ...SWATCHES.yellow },
    { id: 'D', label: { en: 'Grade D', zh: 'D类潜在客户' }, ...SWATCHES.red },
  ],
};
