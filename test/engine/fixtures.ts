import type { GradingTable, Tier } from '../../src/engine/model';

/** Tiers with valid colours, for tables built in tests. */
export function tiers(...ids: string[]): Tier[] {
  return ids.map((id) => ({ id, label: { en: id, zh: `${id} 级` }, fill: '#C6EFCE', font: '#006100' }));
}

/** The payment scorecard of grading-systems.md section 1, written out in full. */
export const paymentScorecard: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'payment-test',
  name: { en: 'Payment scorecard', zh: '客户分级标准' },
  inputs: [
    { id: 'monthly_sales', type: 'number', label: { en: 'Monthly sales', zh: '月均销售额' }, aliases: ['月均销售额'] },
    { id: 'payment_days', type: 'number', label: { en: 'Payment days', zh: '回款天数' }, aliases: ['回款天数'] },
  ],
  method: {
    kind: 'scorecard',
    criteria: [
      {
        id: 'sales',
        input: 'monthly_sales',
        bands: [
          { match: { range: { gte: 20000 } }, points: 70 },
          { match: { range: { gt: 10000, lt: 20000 } }, points: 50 },
          { match: { range: { gt: 5000, lte: 10000 } }, points: 40 },
          { match: { range: { lte: 5000 } }, points: 30 },
        ],
      },
      {
        id: 'payment',
        input: 'payment_days',
        bands: [
          { match: { range: { lte: 30 } }, points: 30 },
          { match: { range: { gt: 30, lte: 45 } }, points: 20 },
          { match: { range: { gt: 45, lte: 60 } }, points: 10 },
          { match: { range: { gt: 60 } }, points: 0 },
        ],
      },
    ],
    thresholds: [{ tier: 'A', gte: 80 }, { tier: 'B', gte: 60 }, { tier: 'C' }],
  },
  tiers: tiers('A', 'B', 'C'),
};
