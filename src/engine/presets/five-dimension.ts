import type { CategoryValue, GradingTable, InputDef, ScoreBand } from '../model';
import { SWATCHES } from './palette';

const GRADES: CategoryValue[] = ['A', 'B', 'C', 'D', 'E'].map((g) => ({
  id: g,
  label: { en: g, zh: `${g}级` },
  aliases: [`${g}级`, `${g}类`],
}));

/** A = 5 points down to E = 1. */
const GRADE_BANDS: ScoreBand[] = GRADES.map((g, i) => ({ match: { values: [g.id] }, points: 5 - i }));

function dimension(id: string, en: string, zh: string, aliases: string[]): InputDef {
  return { id, type: 'category', label: { en, zh }, aliases: [zh, en, ...aliases], values: GRADES };
}

const DIMENSIONS: InputDef[] = [
  dimension('size_grade', 'Transaction size grade', '交易规模等级', ['交易规模', '交易额等级', 'Transaction size']),
  dimension('frequency_grade', 'Frequency grade', '交易频率等级', ['交易频率', '购买频率', 'Frequency']),
  dimension('loyalty_grade', 'Loyalty grade', '忠诚度等级', ['忠诚度', '客户忠诚度', 'Loyalty']),
  dimension('potential_grade', 'Potential grade', '潜力等级', ['潜力', '发展潜力', 'Potential']),
  dimension('influence_grade', 'Industry influence grade', '行业影响力等级', [
    '行业影响力',
    '影响力',
    'Industry influence',
  ]),
];

/** grading-systems.md section 11: five dimensions each graded A-E, combined into one grade. */
export const FIVE_DIMENSION: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'five-dimension',
  name: { en: 'Five dimensions, A-E', zh: '五维度客户分级（A–E）' },
  description: {
    en:
      'Transaction size, frequency, loyalty, potential and industry influence are each graded A-E (A = 5 points ... ' +
      'E = 1), equally weighted; total 5-25. Overall (editable examples): A >= 22, B >= 18, C >= 14, D >= 10, E below.',
    zh:
      '交易规模、交易频率、忠诚度、潜力、行业影响力五个维度各评A–E级（A = 5分 … E = 1分），权重相同，合计5–25分。' +
      '综合等级（可修改的示例）：A ≥ 22，B ≥ 18，C ≥ 14，D ≥ 10，E 低于10。',
  },
  category: 'scorecard',
  inputs: DIMENSIONS,
  method: {
    kind: 'scorecard',
    criteria: DIMENSIONS.map((d) => ({ id: d.id, input: d.id, label: d.label, bands: GRADE_BANDS })),
    thresholds: [
      { tier: 'A', gte: 22 },
      { tier: 'B', gte: 18 },
      { tier: 'C', gte: 14 },
      { tier: 'D', gte: 10 },
      { tier: 'E' },
    ],
  },
  tiers: [
    { id: 'A', label: { en: 'A', zh: 'A级客户' }, ...SWATCHES.green },
    { id: 'B', label: { en: 'B', zh: 'B级客户' }, ...SWATCHES.lightGreen },
    { id: 'C', label: { en: 'C', zh: 'C级客户' }, ...SWATCHES.yellow },
    { id: 'D', label: { en: 'D', zh: 'D级客户' }, ...SWATCHES.orange },
    { id: 'E', label: { en: 'E', zh: 'E级客户' }, ...SWATCHES.red },
  ],
};
