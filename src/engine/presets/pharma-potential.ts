import type { GradingTable } from '../model';
import { SWATCHES } from './palette';

/**
 * grading-systems.md section 7, first half of 九宫格客户分级: the potential
 * score from hospital level x doctor title. pharma-nine-box takes its score.
 */
export const PHARMA_POTENTIAL: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'pharma-potential',
  name: { en: 'Pharma potential (hospital x title)', zh: '医生潜力（医院级别 × 职称）' },
  description: {
    en:
      'Potential points: tier-3 hospital (or annual revenue > 2亿) 9 / 8 / 5 for chief (deputy chief and above) / ' +
      'attending / resident; tier-2 (or revenue > 0.8亿) 7 / 5 / 3; below tier-2 target hospital 3 / 2 / 1. Enter a ' +
      'hospital by its revenue as tier3 or tier2 when it passes those figures. Potential tiers (editable examples): ' +
      'high >= 7, medium 3-6, low <= 2.',
    zh:
      '潜力分：三级医院（或年收入 > 2亿）主任及副主任以上 / 主治医师 / 住院医师 = 9 / 8 / 5；二级医院（或年收入 > 0.8亿）' +
      '7 / 5 / 3；二级以下目标医院 3 / 2 / 1。按年收入达到上述标准的医院请填三级或二级。' +
      '潜力等级（可修改的示例）：高 ≥ 7，中 3–6，低 ≤ 2。',
  },
  category: 'matrix',
  inputs: [
    {
      id: 'hospital_level',
      type: 'category',
      label: { en: 'Hospital level', zh: '医院级别' },
      aliases: ['医院级别', '医院等级', '医院分级', 'Hospital level', 'Hospital tier', 'Hospital grade'],
      values: [
        {
          id: 'tier3',
          label: { en: 'Tier 3', zh: '三级' },
          aliases: ['三级', '三级医院', '三甲', '三乙', '三级甲等', '三级乙等', 'Tier 3', 'Tier-3', 'Tertiary'],
        },
        {
          id: 'tier2',
          label: { en: 'Tier 2', zh: '二级' },
          aliases: ['二级', '二级医院', '二甲', '二乙', '二级甲等', '二级乙等', 'Tier 2', 'Tier-2', 'Secondary'],
        },
        {
          id: 'other',
          label: { en: 'Below tier 2', zh: '二级以下' },
          aliases: [
            '二级以下',
            '二级以下目标医院',
            '一级',
            '一级医院',
            '社区医院',
            '卫生院',
            '其他',
            'Other',
            'Below tier 2',
          ],
        },
      ],
    },
    {
      id: 'doctor_title',
      type: 'category',
      label: { en: 'Doctor title', zh: '医生职称' },
      aliases: ['医生职称', '职称', 'Doctor title', 'Title'],
      values: [
        {
          id: 'chief',
          label: { en: 'Chief / deputy chief and above', zh: '副主任以上' },
          aliases: [
            '副主任以上',
            '主任',
            '主任医师',
            '副主任',
            '副主任医师',
            '主任/副主任',
            'Chief',
            'Deputy chief',
            'Chief physician',
          ],
        },
        {
          id: 'attending',
          label: { en: 'Attending', zh: '主治医师' },
          aliases: ['主治医师', '主治', 'Attending', 'Attending physician'],
        },
        {
          id: 'resident',
          label: { en: 'Resident', zh: '住院医师' },
          aliases: ['住院医师', '住院', 'Resident', 'Resident physician'],
        },
      ],
    },
  ],
  method: {
    kind: 'matrix',
    rows: {
      input: 'hospital_level',
      bands: [
        { id: 'tier3', label: { en: 'Tier 3', zh: '三级' }, match: { values: ['tier3'] } },
        { id: 'tier2', label: { en: 'Tier 2', zh: '二级' }, match: { values: ['tier2'] } },
        { id: 'other', label: { en: 'Below tier 2', zh: '二级以下' }, match: { values: ['other'] } },
      ],
    },
    columns: {
      input: 'doctor_title',
      bands: [
        { id: 'chief', label: { en: 'Chief+', zh: '副主任以上' }, match: { values: ['chief'] } },
        { id: 'attending', label: { en: 'Attending', zh: '主治医师' }, match: { values: ['attending'] } },
        { id: 'resident', label: { en: 'Resident', zh: '住院医师' }, match: { values: ['resident'] } },
      ],
    },
    cells: [
      [9, 8, 5],
      [7, 5, 3],
      [3, 2, 1],
    ],
    output: 'score',
    thresholds: [{ tier: 'high', gte: 7 }, { tier: 'medium', gte: 3 }, { tier: 'low' }],
  },
  tiers: [
    { id: 'high', label: { en: 'High potential', zh: '高潜力' }, ...SWATCHES.green },
    { id: 'medium', label: { en: 'Medium potential', zh: '中潜力' }, ...SWATCHES.yellow },
    { id: 'low', label: { en: 'Low potential', zh: '低潜力' }, ...SWATCHES.red },
  ],
};
