import type { GradingTable } from '../model';
import { SWATCHES } from './palette';

/**
 * grading-systems.md section 7, 九宫格客户分级: the potential score of
 * pharma-potential (hospital x title) plus the prescribing behaviour score.
 */
export const PHARMA_NINE_BOX: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'pharma-nine-box',
  name: { en: 'Pharma nine-box', zh: '九宫格客户分级' },
  description: {
    en:
      'Total = potential (from the pharma-potential table: hospital level x doctor title, 1-9) + prescribing ' +
      'behaviour (first choice 1, second choice 2, competitor 3). A target customer 8-12, B 4-7, C 1-3. The ' +
      'source sheet also records monthly prescription volume and a sub-grade such as A1; keep them as extra columns.',
    zh:
      '总分 = 潜力分（取自“医生潜力”表：医院级别 × 职称，1–9分）+ 处方程度分（首选1分，次选2分，竞品3分）。' +
      'A类目标客户8–12分，B类4–7分，C类1–3分。原表还记录月处方量和A1等细分级别，可作为附加列保留。',
  },
  category: 'matrix',
  inputs: [
    {
      id: 'potential',
      type: 'number',
      label: { en: 'Potential score', zh: '潜力分' },
      source: { table: 'pharma-potential', output: 'score' },
    },
    {
      id: 'prescribing',
      type: 'category',
      label: { en: 'Prescribing behaviour', zh: '处方程度' },
      aliases: [
        '处方程度',
        '处方情况',
        '处方行为',
        '用药情况',
        'Prescribing',
        'Prescribing behaviour',
        'Prescribing behavior',
      ],
      values: [
        {
          id: 'first',
          label: { en: 'First choice', zh: '首选' },
          aliases: ['首选', '首选用药', 'First choice', 'First-line'],
        },
        {
          id: 'second',
          label: { en: 'Second choice', zh: '次选' },
          aliases: ['次选', '次选用药', 'Second choice', 'Second-line'],
        },
        {
          id: 'competitor',
          label: { en: 'Competitor', zh: '竞品' },
          aliases: ['竞品', '使用竞品', '竞品用户', 'Competitor', 'Competitor user'],
        },
      ],
    },
  ],
  method: {
    kind: 'scorecard',
    criteria: [
      {
        id: 'potential',
        input: 'potential',
        label: { en: 'Potential', zh: '潜力分' },
        // The potential table's cells are 1, 2, 3, 5, 7, 8, 9: each band passes one of them through.
        bands: [
          { match: { range: { lte: 1 } }, points: 1 },
          { match: { range: { gt: 1, lte: 2 } }, points: 2 },
          { match: { range: { gt: 2, lte: 3 } }, points: 3 },
          { match: { range: { gt: 3, lte: 5 } }, points: 5 },
          { match: { range: { gt: 5, lte: 7 } }, points: 7 },
          { match: { range: { gt: 7, lte: 8 } }, points: 8 },
          { match: { range: { gt: 8 } }, points: 9 },
        ],
      },
      {
        id: 'prescribing',
        input: 'prescribing',
        label: { en: 'Prescribing behaviour', zh: '处方程度' },
        bands: [
          { match: { values: ['first'] }, points: 1 },
          { match: { values: ['second'] }, points: 2 },
          { match: { values: ['competitor'] }, points: 3 },
        ],
      },
    ],
    thresholds: [{ tier: 'A', gte: 8 }, { tier: 'B', gte: 4 }, { tier: 'C' }],
  },
  tiers: [
    {
      id: 'A',
      label: { en: 'A target customer', zh: 'A类目标客户' },
      ...SWATCHES.green,
      strategy: {
        en:
          'Red zone (high potential, first- or second-line user): keep and deepen. Yellow zone (high potential, ' +
          'not yet using or trying): build awareness.',
        zh: '红区（高潜力，首选或次选用户）：维护并深化。黄区（高潜力，尚未使用或试用）：建立认知。',
      },
      cadence: {
        en: 'red zone about 8 visits/month; yellow zone 2-4 visits/month',
        zh: '红区每月约8次拜访；黄区每月2–4次',
      },
    },
    { id: 'B', label: { en: 'B customer', zh: 'B类客户' }, ...SWATCHES.yellow },
    { id: 'C', label: { en: 'C customer', zh: 'C类客户' }, ...SWATCHES.red },
  ],
};
