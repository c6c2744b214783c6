import type { GradingTable } from '../model';
import { SWATCHES } from './palette';

/**
 * grading-systems.md section 5, 客户等级划分五个等级: need and expected time to
 * close, with the follow-up log cadence (客户追踪志) on each tier.
 */
export const CLOSE_HORIZON: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'close-horizon',
  name: { en: 'Time to close, with follow-up cadence', zh: '客户等级划分（五个等级，按成交时间）' },
  description: {
    en:
      'A: clear need, close within 1 month (<= 1). B: clear need, within 3 months (<= 3). C: clear need, within 6 ' +
      'months (<= 6). D: latent need, or clear need more than 6 months away. E: no need, no chance ("dead"). A clear ' +
      'need without an expected time to close is ungraded. Re-grade after every follow-up.',
    zh:
      'A：需求明确，预计1个月内成交（≤ 1）。B：需求明确，3个月内（≤ 3）。C：需求明确，6个月内（≤ 6）。' +
      'D：潜在需求，或需求明确但6个月以后成交。E：无需求、无机会（死亡客户）。需求明确但未填预计成交时间的客户不评级。' +
      '每次跟进后重新评级。',
  },
  category: 'pipeline',
  inputs: [
    {
      id: 'need',
      type: 'category',
      label: { en: 'Need', zh: '需求' },
      aliases: ['需求', '客户需求', '需求情况', '需求类型', 'Need', 'Customer need', 'Need type'],
      values: [
        {
          id: 'clear',
          label: { en: 'Clear need', zh: '明确需求' },
          aliases: ['明确需求', '需求明确', '明确', '有明确需求', 'Clear need', 'Explicit', 'Explicit need'],
        },
        {
          id: 'latent',
          label: { en: 'Latent need', zh: '潜在需求' },
          aliases: ['潜在需求', '潜在', '有潜在需求', 'Latent need', 'Potential need'],
        },
        {
          id: 'none',
          label: { en: 'No need', zh: '无需求' },
          aliases: ['无需求', '无', '没有需求', '死亡客户', 'No need', 'Dead'],
        },
      ],
    },
    {
      id: 'months_to_close',
      type: 'number',
      label: { en: 'Months to close', zh: '预计成交月数' },
      aliases: [
        '预计成交月数',
        '预计成交时间（月）',
        '距成交月数',
        '几个月内成交',
        'Months to close',
        'Expected months to close',
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
          all: [
            { input: 'need', op: '=', value: 'clear' },
            { input: 'months_to_close', op: '<=', value: 1 },
          ],
        },
      },
      {
        tier: 'B',
        when: {
          all: [
            { input: 'need', op: '=', value: 'clear' },
            { input: 'months_to_close', op: '<=', value: 3 },
          ],
        },
      },
      {
        tier: 'C',
        when: {
          all: [
            { input: 'need', op: '=', value: 'clear' },
            { input: 'months_to_close', op: '<=', value: 6 },
          ],
        },
      },
      {
        tier: 'D',
        when: {
          any: [
            { input: 'need', op: '=', value: 'latent' },
            {
              all: [
                { input: 'need', op: '=', value: 'clear' },
                { input: 'months_to_close', op: '>', value: 6 },
              ],
            },
          ],
        },
      },
      { tier: 'E', when: { input: 'need', op: '=', value: 'none' } },
    ],
  },
  tiers: [
    {
      id: 'A',
      label: { en: 'A: close within 1 month', zh: 'A级：1个月内成交' },
      ...SWATCHES.green,
      cadence: { en: 'daily (daily log)', zh: '每天（日志）' },
    },
    {
      id: 'B',
      label: { en: 'B: close within 3 months', zh: 'B级：3个月内成交' },
      ...SWATCHES.lightGreen,
      cadence: { en: 'weekly (weekly log)', zh: '每周（周志）' },
    },
    {
      id: 'C',
      label: { en: 'C: close within 6 months', zh: 'C级：6个月内成交' },
      ...SWATCHES.yellow,
      cadence: { en: 'every 15 days (half-monthly log)', zh: '每15天（半月志）' },
    },
    {
      id: 'D',
      label: { en: 'D: latent need or 6+ months', zh: 'D级：潜在需求或6个月以上' },
      ...SWATCHES.orange,
      cadence: { en: 'every 30 days (monthly log)', zh: '每30天（月志）' },
    },
    {
      id: 'E',
      label: { en: 'E: no need ("dead")', zh: 'E级：无需求（死亡客户）' },
      ...SWATCHES.grey,
      cadence: { en: 'yearly (yearly log)', zh: '每年（年志）' },
    },
  ],
};
