import type { GradingTable } from '../model';
import { SWATCHES } from './palette';

/** grading-systems.md section 11: A/B/C/D by spend, D = long inactive (长期未消费). */
export const SPEND_ABCD: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'spend-abcd',
  name: { en: 'A/B/C/D by spend', zh: 'ABCD客户分级（按消费额）' },
  description: {
    en:
      'D: no purchase for more than 365 days (long inactive), whatever the spend. Otherwise A: annual spend >= ' +
      '100,000; B: >= 20,000; C: the rest. The figures are editable examples (the source gives none).',
    zh: 'D：超过365天未消费（长期未消费），不论消费额。其余：A 年消费额 ≥ 10万；B ≥ 2万；C 其他。金额和天数为可修改的示例（原资料未给出）。',
  },
  category: 'segment',
  inputs: [
    {
      id: 'annual_spend',
      type: 'number',
      label: { en: 'Annual spend', zh: '年消费额' },
      aliases: ['年消费额', '年消费金额', '消费金额', '消费额', 'Annual spend', 'Spend', 'Yearly spend'],
    },
    {
      id: 'days_since_last_purchase',
      type: 'number',
      label: { en: 'Days since last purchase', zh: '距上次消费天数' },
      aliases: [
        '距上次消费天数',
        '未消费天数',
        '最近一次消费距今天数',
        'Days since last purchase',
        'Recency',
        'Days inactive',
      ],
    },
  ],
  method: {
    kind: 'rules',
    rules: [
      { tier: 'D', when: { input: 'days_since_last_purchase', op: '>', value: 365 } },
      { tier: 'A', when: { input: 'annual_spend', op: '>=', value: 100_000 } },
      { tier: 'B', when: { input: 'annual_spend', op: '>=', value: 20_000 } },
    ],
    default: 'C',
  },
  tiers: [
    { id: 'A', label: { en: 'A', zh: 'A类客户' }, ...SWATCHES.green },
    { id: 'B', label: { en: 'B', zh: 'B类客户' }, ...SWATCHES.yellow },
    { id: 'C', label: { en: 'C', zh: 'C类客户' }, ...SWATCHES.orange },
    { id: 'D', label: { en: 'D long inactive', zh: 'D类 长期未消费' }, ...SWATCHES.grey },
  ],
};
