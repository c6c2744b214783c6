import { compileTable, validateTable } from '../../../src/engine/compile';
import type { CompiledTable } from '../../../src/engine/grader';
import type { Decay, GradingTable } from '../../../src/engine/model';
import { decayFactor } from '../../../src/engine/time/decay';
import { parseSheetTable, printSheetTable } from '../../../src/engine/sheet-form';
import { parseDate } from '../../../src/engine/values/coerce';

const AS_OF = parseDate('2024-12-31');

/** Sales decayed by the age of the last order; two engagement criteria capped together at 40; total capped at 100. */
function timedTable(decay: Decay, extra: Partial<GradingTable> = {}): GradingTable {
  return {
    format: 'tierwise/grading-table',
    version: 1,
    id: 'timed',
    name: { en: 'Timed', zh: '时效' },
    asOf: AS_OF,
    inputs: [
      { id: 'sales', type: 'number', label: { en: 'Sales', zh: '销售额' } },
      { id: 'last_order', type: 'number', daysSince: true, label: { en: 'Last order', zh: '最近下单' } },
      { id: 'emails', type: 'number', label: { en: 'Emails', zh: '邮件' } },
      { id: 'visits', type: 'number', label: { en: 'Visits', zh: '拜访' } },
    ],
    method: {
      kind: 'scorecard',
      criteria: [
        {
          id: 'sales',
          input: 'sales',
          decay,
          bands: [
            { match: { range: { gte: 20000 } }, points: 70 },
            { match: { range: { gte: 10000, lt: 20000 } }, points: 50 },
            { match: { range: { lt: 10000 } }, points: 30 },
          ],
        },
        {
          id: 'emails',
          input: 'emails',
          group: 'engagement',
          bands: [
            { match: { range: { gte: 1 } }, points: 30 },
            { match: { range: { lt: 1 } }, points: 0 },
          ],
        },
        {
          id: 'visits',
          input: 'visits',
          group: 'engagement',
          bands: [
            { match: { range: { gte: 1 } }, points: 30 },
            { match: { range: { lt: 1 } }, points: 0 },
          ],
        },
      ],
      groupCaps: [{ group: 'engagement', max: 40 }],
      maxTotal: 100,
      thresholds: [{ tier: 'A', gte: 80 }, { tier: 'B', gte: 50 }, { tier: 'C' }],
    },
    tiers: [
      { id: 'A', label: { en: 'A', zh: 'A类' }, fill: '#C6EFCE', font: '#006100' },
      { id: 'B', label: { en: 'B', zh: 'B类' }, fill: '#FFEB9C', font: '#9C5700' },
      { id: 'C', label: { en: 'C', zh: 'C类' }, fill: '#F8CBAD', font: '#843C0C' },
    ],
    ...extra,
  };
}

function compile(table: GradingTable): CompiledTable {
  const result = compileTable(table);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.compiled;
}

const HALF_LIFE_95 = compile(timedTable({ age: 'last_order', halfLife: 95 }));
const STEPS: Decay = {
  age: 'last_order',
  steps: [
    { fromDays: 30, factor: 0.8 },
    { fromDays: 90, factor: 0.5 },
    { fromDays: 180, factor: 0.2 },
  ],
};

describe('decay of points by age', () => {
  it.each([
    [0, 1],
    [95, 0.5],
    [190, 0.25],
    [-10, 1],
  ])('half-life 95 days: at age %p the factor is %p', (age, factor) => {
    expect(decayFactor({ age: 'a', halfLife: 95 }, age)).toBe(factor);
  });

  it.each([
    [0, 1],
    [29, 1],
    [30, 0.8],
    [89, 0.8],
    [90, 0.5],
    [180, 0.2],
    [10_000, 0.2],
  ])('steps from 30 / 90 / 180 days: at age %p the factor is %p', (age, factor) => {
    expect(decayFactor(STEPS, age)).toBe(factor);
  });

  it('given the last order 95 days before the as-of date and a 95-day half-life, then sales points are halved and the explanation says so', () => {
    const explained = HALF_LIFE_95.explainRow([20_000, '2024-09-27', 0, 0]);
    expect(explained).toEqual(expect.objectContaining({ ok: true, score: 35, tier: 'C' }));
    if (!explained.ok) throw new Error('graded');
    expect(explained.explanation.text).toEqual({
      en: 'Sales 20,000 → 70 × 0.5, Last order 95 days ago; Emails 0 → 0; Visits 0 → 0; total 35 < 50 → C',
      zh: '销售额 20,000 → 70 × 0.5，最近下单 95 天前; 邮件 0 → 0; 拜访 0 → 0; 合计 35 < 50 → C类',
    });
  });

  it('given an order on the as-of date, then nothing decays; a date cell (serial) reads the same as the ISO text', () => {
    expect(HALF_LIFE_95.gradeRow([20_000, '2024-12-31', 1, 0])).toEqual({
      ok: true,
      tier: 'A',
      tierIndex: 0,
      score: 70 + 30,
    });
    const batch = HALF_LIFE_95.gradeRows([
      [20_000, AS_OF - 95, 0, 0],
      [20_000, '2024-09-27', 0, 0],
      [20_000, 'soon', 0, 0],
      [20_000, null, 0, 0],
    ]);
    expect(Array.from(batch.scores)).toEqual([35, 35, NaN, NaN]);
    expect(Object.fromEntries(batch.errors)).toEqual({
      2: { kind: 'not-a-date', input: 'last_order', value: 'soon' },
      3: { kind: 'blank', input: 'last_order' },
    });
  });

  it('given a step table, then beyond the last step the last factor holds', () => {
    const steps = compile(timedTable(STEPS));
    expect(
      steps.gradeRows([
        [20_000, '2021-01-01', 0, 0],
        [20_000, '2024-12-02', 0, 0],
      ]).scores,
    ).toEqual(Float64Array.from([14, 70]));
  });
});

describe('point caps', () => {
  it('given both engagement criteria met, then the group gives 40 (not 60) and the explanation shows the cap', () => {
    const explained = HALF_LIFE_95.explainRow([20_000, '2024-12-31', 3, 2]);
    if (!explained.ok) throw new Error('graded');
    expect(explained.score).toBe(100);
    expect(explained.explanation.text.en).toBe(
      'Sales 20,000 → 70 × 1, Last order 0 days ago; Emails 3 → 30; Visits 2 → 30; engagement capped at 40 (was 60); ' +
        'total capped at 100 (was 110); total 100 ≥ 80 → A',
    );
  });

  it('given a total over maxTotal after multipliers, then it is cut to maxTotal', () => {
    const table = timedTable({ age: 'last_order', halfLife: 95 }, {});
    if (table.method.kind !== 'scorecard') throw new Error('scorecard');
    table.method.multipliers = [{ id: 'vip', factor: 2, when: { input: 'visits', op: '>', value: 5 } }];
    const compiled = compile(table);
    expect(
      compiled.gradeRows([
        [20_000, '2024-12-31', 0, 9],
        [20_000, '2024-12-31', 0, 3],
      ]).scores,
    ).toEqual(Float64Array.from([100, 100]));
    expect(compiled.gradeRows([[5_000, '2024-12-31', 0, 9]]).scores).toEqual(Float64Array.from([100]));
    expect(compiled.gradeRows([[5_000, '2024-12-31', 0, 0]]).scores).toEqual(Float64Array.from([30]));
  });
});

describe('validation of time-aware tables', () => {
  it('given a daysSince input and no as-of date, then asOf is required (never "today" by itself)', () => {
    const table = timedTable({ age: 'last_order', halfLife: 95 });
    delete table.asOf;
    expect(validateTable(table)).toEqual([{ code: 'missing-field', path: 'asOf', detail: { field: 'asOf' } }]);
  });

  it.each([
    [{ age: 'last_order' }, [{ code: 'decay-shape', path: 'method.criteria[0].decay', detail: { reason: 'one-of' } }]],
    [
      { age: 'last_order', halfLife: 0 },
      [{ code: 'decay-shape', path: 'method.criteria[0].decay.halfLife', detail: { reason: 'half-life' } }],
    ],
    [
      {
        age: 'last_order',
        steps: [
          { fromDays: 90, factor: 0.5 },
          { fromDays: 30, factor: 0.8 },
        ],
      },
      [{ code: 'decay-shape', path: 'method.criteria[0].decay.steps[1].fromDays', detail: { reason: 'steps' } }],
    ],
    [
      { age: 'nope', halfLife: 9 },
      [{ code: 'unknown-input', path: 'method.criteria[0].decay.age', detail: { input: 'nope' } }],
    ],
  ])('given the decay %j, then validation says what is wrong', (decay, problems) => {
    expect(validateTable(timedTable(decay as Decay))).toEqual(problems);
  });

  it('given a cap on a group no criterion has, then it is reported', () => {
    const table = timedTable({ age: 'last_order', halfLife: 95 });
    if (table.method.kind !== 'scorecard') throw new Error('scorecard');
    table.method.groupCaps = [{ group: 'loyalty', max: 10 }];
    expect(validateTable(table)).toEqual([
      { code: 'unknown-group', path: 'method.groupCaps[0].group', detail: { group: 'loyalty' } },
    ]);
  });
});

describe('sheet form of time-aware tables', () => {
  it.each([
    ['a half-life', { age: 'last_order', halfLife: 95 }],
    ['a step table', STEPS],
  ])('given decay by %s, caps and an as-of date, then parse(print(t)) deep-equals t', (_name, decay) => {
    const table = timedTable(decay);
    const cells = printSheetTable(table);
    const parsed = parseSheetTable(cells);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.table).toStrictEqual(table);
  });

  it('given the printed block, then the as-of date, caps and decay read as a manager would write them', () => {
    const cells = printSheetTable(timedTable(STEPS));
    const find = (first: string) => cells.find((row) => row[0] === first);
    expect(find('As of / 截止日期')?.[1]).toBe("'2024-12-31");
    expect(find('Max total / 总分上限')?.[1]).toBe(100);
    const criteria = cells.findIndex((row) => row[0] === 'Criteria / 评分项');
    expect(cells[criteria + 1]).toEqual(
      expect.arrayContaining(['Group / 分组', 'Decay by age / 按时长衰减', 'Decay steps / 衰减阶梯']),
    );
    expect(cells[criteria + 2]).toEqual(expect.arrayContaining(['sales', 'last_order', '30: 0.8; 90: 0.5; 180: 0.2']));
    const caps = cells.findIndex((row) => row[0] === 'Point caps / 分数封顶');
    expect(cells[caps + 2]!.slice(0, 2)).toEqual(['engagement', 40]);
  });

  it('given decay steps typed wrong, then the cell is named', () => {
    const cells = printSheetTable(timedTable(STEPS)).map((row) => [...row]);
    const r = cells.findIndex((row) => row.includes('30: 0.8; 90: 0.5; 180: 0.2'));
    const c = cells[r]!.indexOf('30: 0.8; 90: 0.5; 180: 0.2');
    cells[r]![c] = '30 days half';
    const parsed = parseSheetTable(cells, { sheet: 'Rules', row: 0, column: 0 });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => [p.path, p.cell, p.detail?.key])).toEqual([
      ['method.criteria[0].decay.steps', `Rules!${String.fromCharCode(65 + c)}${r + 1}`, 'sheet.bad-decay-steps'],
    ]);
  });
});
