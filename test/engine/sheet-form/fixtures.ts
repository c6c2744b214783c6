import type { GradingTable, Tier } from '../../../src/engine/model';

const tiers = (ids: string[]): Tier[] =>
  ids.map((id, i) => ({
    id,
    label: { en: `Tier ${id}`, zh: `${id} 级客户` },
    fill: ['#C6EFCE', '#FFEB9C', '#FFC7CE', '#DDDDDD'][i % 4] as string,
    font: '#000000',
  }));

/** grading-systems.md section 1. */
export const paymentScorecard: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'payment-scorecard',
  name: { en: 'Payment scorecard', zh: '客户分级标准（总分100分）' },
  category: 'scorecard',
  inputs: [
    {
      id: 'monthly_sales',
      type: 'number',
      label: { en: 'Monthly average sales', zh: '月均销售额' },
      aliases: ['月均销售额'],
    },
    { id: 'payment_days', type: 'number', label: { en: 'Days to collect', zh: '回款天数' }, aliases: ['回款天数'] },
  ],
  method: {
    kind: 'scorecard',
    criteria: [
      {
        id: 'sales',
        input: 'monthly_sales',
        label: { en: 'Monthly average sales', zh: '月均销售额' },
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
        label: { en: 'Timely payment', zh: '及时回款' },
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
  tiers: [
    {
      id: 'A',
      label: { en: 'A', zh: 'A 级客户' },
      fill: '#C6EFCE',
      font: '#006100',
      cadence: { en: 'weekly', zh: '周志' },
      targetShare: 0.2,
    },
    { id: 'B', label: { en: 'B', zh: 'B 级客户' }, fill: '#FFEB9C', font: '#9C5700' },
    { id: 'C', label: { en: 'C', zh: 'C 级客户' }, fill: '#FFC7CE', font: '#9C0006' },
  ],
};

/** Section 2: weights and a bonus multiplier, plus category and boolean criteria and odd numbers. */
export const weightedScorecard: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'weighted-bonus',
  name: { en: 'Weighted bonus', zh: '政府类客户分级' },
  description: { en: 'score = (hist x 50% + expected x 50%) x bonus' },
  inputs: [
    { id: 'hist_sales', type: 'number', label: { en: 'Historical sales', zh: '历史销售额' }, required: false },
    { id: 'exp_sales', type: 'number', label: { en: 'Expected sales', zh: '预期销售额' } },
    {
      id: 'line',
      type: 'category',
      label: { en: 'Product line', zh: '产品线' },
      values: [
        { id: 'police', label: { en: 'Police', zh: '公安' }, aliases: ['公安', 'PSB; police'] },
        { id: 'transport', aliases: ['交通'] },
        { id: 'tourism' },
      ],
    },
    { id: 'two_year_share', type: 'number', label: { en: '2-year share' } },
    { id: 'key_account', type: 'boolean', label: { en: 'Key account', zh: '重点客户' } },
  ],
  method: {
    kind: 'scorecard',
    round: 2,
    criteria: [
      {
        id: 'hist',
        input: 'hist_sales',
        weight: 0.5,
        blankPoints: 0,
        bands: [
          { match: { range: { gte: 1000000 } }, points: 90 },
          { match: { range: { gte: 0.1, lt: 1000000 } }, points: 1234567.891 },
          { match: { range: { lt: 0.1 } }, points: 1e-7 },
        ],
      },
      { id: 'exp', input: 'exp_sales', weight: 0.5, bands: [{ match: { range: {} }, points: 70 }] },
      {
        id: 'line_points',
        input: 'line',
        bands: [
          { match: { values: ['police', 'transport'] }, points: 5 },
          { match: { values: ['tourism'] }, points: -2.5 },
        ],
      },
      {
        id: 'key',
        input: 'key_account',
        bands: [
          { match: { is: true }, points: 3 },
          { match: { is: false }, points: 0 },
        ],
      },
    ],
    multipliers: [
      {
        id: 'bonus',
        label: { en: 'Two-year bonus', zh: '两年累计加成' },
        factor: 1.05,
        when: { input: 'two_year_share', op: '>=', value: 0.3 },
      },
    ],
    thresholds: [{ tier: 'A', gt: 85 }, { tier: 'B', gte: 70 }, { tier: 'C', gte: 0.1 }, { tier: 'D' }],
  },
  tiers: tiers(['A', 'B', 'C', 'D']),
};

const yes = (input: string) => ({ input, op: '=' as const, value: true });

/** Section 3 (levels A05..A21) with every operator and nested ALL / ANY / NOT. */
export const salesPipeline: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'sales-pipeline',
  name: { en: 'Ten-level sales pipeline', zh: '客户十级分级标准' },
  inputs: [
    ...[
      'considering_switch',
      'supplier_dissatisfied',
      'talking_to_new',
      'dm_feedback',
      'knows_our_edge',
      'considered_decision',
      'asks_for_material',
      'books_next_contact',
      'asks_about_us',
    ].map((id) => ({ id, type: 'boolean' as const, label: { en: id.replace(/_/g, ' ') } })),
    { id: 'annual_sales', type: 'number', label: { en: 'Annual sales', zh: '年销售额' } },
    {
      id: 'industry',
      type: 'category',
      label: { en: 'Industry', zh: '行业' },
      values: [{ id: 'manufacturing' }, { id: 'retail' }, { id: 'government' }],
    },
    { id: 'note', type: 'text', label: { en: 'Note', zh: '备注' }, required: false },
  ],
  method: {
    kind: 'rules',
    default: 'A21',
    rules: [
      {
        tier: 'A06',
        label: { en: 'Positive response', zh: '积极回应' },
        when: {
          any: [
            yes('considering_switch'),
            yes('supplier_dissatisfied'),
            yes('talking_to_new'),
            {
              all: [
                yes('dm_feedback'),
                yes('knows_our_edge'),
                yes('considered_decision'),
                { any: [yes('asks_for_material'), yes('books_next_contact'), yes('asks_about_us')] },
              ],
            },
          ],
        },
      },
      {
        tier: 'A08',
        when: {
          all: [
            { input: 'industry', op: 'in', values: ['manufacturing', 'retail'] },
            { not: { input: 'industry', op: '=', value: 'government' } },
            { input: 'annual_sales', op: 'between', range: { gt: 5000, lte: 10000 } },
            { input: 'annual_sales', op: '<>', value: 7777 },
            { input: 'annual_sales', op: '<', value: 1e9 },
            { input: 'annual_sales', op: '<=', value: 0.1 },
            { input: 'annual_sales', op: '>', value: -3 },
            { input: 'annual_sales', op: 'in', values: [1, 2.5] },
            { input: 'note', op: 'contains', value: '=SUM; risky' },
            { input: 'note', op: 'not_blank' },
            { not: { input: 'note', op: 'blank' } },
            { input: 'note', op: '=', value: '007' },
          ],
        },
      },
      { tier: 'A31', when: { all: [] } },
    ],
  },
  tiers: tiers(['A06', 'A08', 'A31', 'A21']),
};

/** Section 7: the pharma nine-box potential as a score matrix. */
export const nineBoxScore: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'pharma-nine-box',
  name: { en: 'Pharma nine-box', zh: '九宫格客户分级' },
  inputs: [
    {
      id: 'hospital_level',
      type: 'category',
      label: { en: 'Hospital level', zh: '医院等级' },
      values: [
        { id: 'tier3', aliases: ['三级'] },
        { id: 'tier2', aliases: ['二级'] },
        { id: 'other', aliases: ['其他'] },
      ],
    },
    {
      id: 'doctor_title',
      type: 'category',
      label: { en: 'Doctor title', zh: '医生职称' },
      values: [
        { id: 'chief', aliases: ['主任', '副主任'] },
        { id: 'attending', aliases: ['主治医师'] },
        { id: 'resident' },
      ],
    },
  ],
  method: {
    kind: 'matrix',
    output: 'score',
    rows: {
      input: 'hospital_level',
      bands: [
        { id: 'h3', label: { en: 'Tier 3', zh: '三级医院' }, match: { values: ['tier3'] } },
        { id: 'h2', match: { values: ['tier2'] } },
        { id: 'h1', match: { values: ['other'] } },
      ],
    },
    columns: {
      input: 'doctor_title',
      bands: [
        { id: 'chief', match: { values: ['chief'] } },
        { id: 'attending', match: { values: ['attending'] } },
        { id: 'resident', label: { en: 'Resident', zh: '住院医师' }, match: { values: ['resident'] } },
      ],
    },
    cells: [
      [9, 8, 5],
      [7, 5, 3],
      [3, 2, 1],
    ],
    thresholds: [{ tier: 'A', gte: 8 }, { tier: 'B', gte: 4 }, { tier: 'C' }],
  },
  tiers: tiers(['A', 'B', 'C']),
};

/** Section 6 as a tier matrix over two numeric axes. */
export const timeAmountMatrix: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'potential-time-amount',
  name: { en: 'Time or amount', zh: '潜在客户分级' },
  inputs: [
    { id: 'months_to_close', type: 'number', label: { en: 'Months to close', zh: '预计成交月数' } },
    { id: 'monthly_amount', type: 'number', label: { en: 'Monthly amount', zh: '月金额' } },
  ],
  method: {
    kind: 'matrix',
    output: 'tier',
    rows: {
      input: 'months_to_close',
      bands: [
        { id: 'm3', match: { range: { lte: 3 } } },
        { id: 'm6', match: { range: { gt: 3, lte: 6 } } },
        { id: 'later', match: { range: { gt: 6 } } },
      ],
    },
    columns: {
      input: 'monthly_amount',
      bands: [
        { id: 'big', match: { range: { gte: 100000 } } },
        { id: 'small', match: { range: { lt: 100000 } } },
      ],
    },
    cells: [
      ['A', 'A'],
      ['A', 'B'],
      ['A', 'D'],
    ],
  },
  tiers: tiers(['A', 'B', 'D']),
};

export const rfmTable: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'rfm-basic',
  name: { en: 'RFM', zh: 'RFM 分群' },
  inputs: [
    { id: 'recency', type: 'number', label: { en: 'Days since last order' } },
    { id: 'frequency', type: 'number', label: { en: 'Orders' } },
    { id: 'monetary', type: 'number', label: { en: 'Amount' } },
  ],
  method: {
    kind: 'rfm',
    bins: { r: 5, m: 3 },
    binning: 'fixed',
    breakpoints: { r: [30, 60, 90, 180], f: [], m: [1000.5, 1e-7] },
    segments: [
      { tier: 'champions', r: [4, 5], f: [4, 5], m: [2, 3] },
      { tier: 'others', r: [1, 5], f: [1, 5], m: [1, 3] },
    ],
  },
  tiers: tiers(['champions', 'others']),
};

const rfmInputs: GradingTable['inputs'] = [
  { id: 'recency', type: 'date', label: { en: 'Last order date', zh: '最近下单日期' } },
  { id: 'frequency', type: 'number', label: { en: 'Orders', zh: '订单数' } },
  { id: 'monetary', type: 'number', label: { en: 'Amount', zh: '金额' } },
];

/** Every RfmMethod option: fixed cut points closed on the left, all three cap forms, an as-of date, FM, a default. */
export const rfmEveryOption: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'rfm-every-option',
  name: { en: 'RFM, every option', zh: 'RFM 全部选项' },
  category: 'rfm',
  inputs: rfmInputs,
  method: {
    kind: 'rfm',
    bins: { r: 4, f: 5, m: 3 },
    binning: 'fixed',
    breakpoints: { r: [30, 90, 180], f: [1, 2, 5, 10], m: [500.5, 2000] },
    closed: 'left',
    caps: { r: { value: 365 }, f: { percentile: 0.99 }, m: { percentile: 0.995 } },
    asOf: 45657,
    segments: [
      { tier: 'champions', r: [4, 4], f: [4, 5], m: [3, 3] },
      { tier: 'loyal', fm: [3, 4] },
      { tier: 'lost', r: [1, 1] },
      { tier: 'new', r: [3, 4], f: [1, 1] },
    ],
    default: 'others',
  },
  tiers: tiers(['champions', 'loyal', 'lost', 'new', 'others']),
};

/** The other values of each option: rfm-package binning, closed right, one cap, Excel's 1900-02-29, a catch-all segment. */
export const rfmPackageStyle: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'rfm-package-style',
  name: { en: 'RFM, package style' },
  inputs: rfmInputs,
  method: {
    kind: 'rfm',
    bins: { r: 10, f: 2 },
    binning: 'rfm-package',
    closed: 'right',
    caps: { m: { value: 1e-7 } },
    asOf: 60,
    segments: [{ tier: 'top', r: [6, 10], fm: [2, 5] }, { tier: 'rest' }],
  },
  tiers: tiers(['top', 'rest']),
};

export const ALL_FIXTURES = {
  paymentScorecard,
  weightedScorecard,
  salesPipeline,
  nineBoxScore,
  timeAmountMatrix,
  rfmTable,
  rfmEveryOption,
  rfmPackageStyle,
};
