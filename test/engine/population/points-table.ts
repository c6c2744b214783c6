import type { GradingTable, Threshold } from '../../../src/engine/model';

/** A scorecard whose total is its one input rounded down to a multiple of 10 (0..100); tiers A, B, C. */
export function pointsScorecard(thresholds: Threshold[]): GradingTable {
  return {
    format: 'tierwise/grading-table',
    version: 1,
    id: 'points',
    name: { en: 'Points', zh: '分数' },
    inputs: [{ id: 'points', type: 'number', label: { en: 'Points', zh: '分数' }, aliases: ['得分'] }],
    method: {
      kind: 'scorecard',
      criteria: [
        {
          id: 'points',
          input: 'points',
          bands: Array.from({ length: 11 }, (_, k) => ({
            match: { range: k === 0 ? { lt: 10 } : k === 10 ? { gte: 100 } : { gte: k * 10, lt: k * 10 + 10 } },
            points: k * 10,
          })),
        },
      ],
      thresholds,
    },
    tiers: [
      { id: 'A', label: { en: 'A', zh: 'A类' }, fill: '#C6EFCE', font: '#006100' },
      { id: 'B', label: { en: 'B', zh: 'B类' }, fill: '#FFEB9C', font: '#9C5700' },
      { id: 'C', label: { en: 'C', zh: 'C类' }, fill: '#F8CBAD', font: '#843C0C' },
    ],
  };
}
