import { compileTable } from '../../src/engine/compile';
import type { CompiledTable, GradingTable, Method } from '../../src/engine';
import type { Cell } from '../../src/engine/values/cell';
import { paymentScorecard, tiers } from './fixtures';

function compile(table: GradingTable, others: GradingTable[] = []): CompiledTable {
  const result = compileTable(table, { resolve: (id) => others.find((t) => t.id === id) });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.compiled;
}

const tierOf = (c: CompiledTable, row: Cell[]) => {
  const g = c.gradeRow(row);
  return g.ok ? g.tier : g.error.kind;
};

describe('scorecard', () => {
  const card = compile(paymentScorecard);

  it('happy path: points per band, total, tier', () => {
    expect(card.gradeRow([20000, 35])).toEqual({ ok: true, tier: 'A', tierIndex: 0, score: 90 });
    expect(card.gradeRow([8000, 50])).toEqual({ ok: true, tier: 'C', tierIndex: 2, score: 50 });
  });

  it('given the exact band edges of the rulebook, then inclusive and exclusive ends are honoured', () => {
    const score = (sales: number, days: number) => (card.gradeRow([sales, days]) as { score: number }).score;
    expect(score(20000, 100) - 0).toBe(70);
    expect(score(19999.99, 100)).toBe(50);
    expect(score(10000, 100)).toBe(40);
    expect(score(10000.01, 100)).toBe(50);
    expect(score(5000, 100)).toBe(30);
    expect(score(5000.01, 100)).toBe(40);
    expect(score(0, 30)).toBe(60);
    expect(score(0, 30.5)).toBe(50);
    expect(score(0, 45)).toBe(50);
    expect(score(0, 60)).toBe(40);
    expect(score(0, 60.01)).toBe(30);
  });

  it('given cells as text, then they are read like numbers', () => {
    expect(tierOf(card, ['2万', '30'])).toBe('A');
    expect(tierOf(card, ['¥12,000', '３０'])).toBe('A');
  });

  it('given unreadable cells, then each row gets its own typed error and the others still grade', () => {
    const batch = card.gradeRows([
      [20000, 10],
      ['3O', 10],
      [null, 10],
      [{ error: '#N/A' }, 10],
      [1000, '待定'],
      [30000, 1],
    ]);
    expect(Array.from(batch.tiers)).toEqual([0, -1, -1, -1, -1, 0]);
    expect([...batch.errors]).toEqual([
      [1, { kind: 'not-a-number', input: 'monthly_sales', value: '3O' }],
      [2, { kind: 'blank', input: 'monthly_sales' }],
      [3, { kind: 'cell-error', input: 'monthly_sales', value: '#N/A' }],
      [4, { kind: 'not-a-number', input: 'payment_days', value: '待定' }],
    ]);
    expect(Number.isNaN(batch.scores[1]!)).toBe(true);
  });

  it('given weights and a multiplier, then the total is weighted, multiplied and free of float noise', () => {
    const table: GradingTable = {
      ...paymentScorecard,
      inputs: [
        { id: 'history', type: 'number', label: { en: 'Historical sales' } },
        { id: 'expected', type: 'number', label: { en: 'Expected sales' } },
        { id: 'share', type: 'number', label: { en: 'Two-year share' } },
      ],
      method: {
        kind: 'scorecard',
        criteria: [
          {
            id: 'h',
            input: 'history',
            weight: 0.5,
            bands: [
              { match: { range: { lt: 1e6 } }, points: 60 },
              { match: { range: { gte: 1e6 } }, points: 90 },
            ],
          },
          {
            id: 'e',
            input: 'expected',
            weight: 0.5,
            bands: [
              { match: { range: { lt: 5e6 } }, points: 70 },
              { match: { range: { gte: 5e6 } }, points: 100 },
            ],
          },
        ],
        multipliers: [{ id: 'bonus', factor: 1.05, when: { input: 'share', op: '>=', value: 0.3 } }],
        thresholds: [{ tier: 'A', gte: 84 }, { tier: 'B', gte: 60 }, { tier: 'C' }],
      },
    };
    const c = compile(table);
    // (90 × 50% + 70 × 50%) × 1.05 = 84 exactly, though 80 * 1.05 is 84.00000000000001 in binary.
    expect(c.gradeRow(['150万', '400万', '35%'])).toEqual({ ok: true, tier: 'A', tierIndex: 0, score: 84 });
    expect(c.gradeRow(['150万', '400万', 0.2])).toEqual({ ok: true, tier: 'B', tierIndex: 1, score: 80 });
    const explained = c.explainRow(['150万', '400万', '35%']);
    expect(explained.ok && explained.explanation.text.en).toBe(
      'Historical sales 1,500,000 → 90 × 0.5; Expected sales 4,000,000 → 70 × 0.5; × 1.05; total 84 ≥ 84 → A',
    );
  });

  it('given blank points for an optional input, then blanks score them; without, a blank is an error', () => {
    const table = JSON.parse(JSON.stringify(paymentScorecard)) as GradingTable;
    table.inputs[1]!.required = false;
    const method = table.method as Extract<Method, { kind: 'scorecard' }>;
    method.criteria[1]!.blankPoints = 10;
    expect(compile(table).gradeRow([20000, ''])).toEqual({ ok: true, tier: 'A', tierIndex: 0, score: 80 });
    delete method.criteria[1]!.blankPoints;
    expect(compile(table).gradeRow([20000, null])).toEqual({
      ok: false,
      error: { kind: 'blank', input: 'payment_days' },
    });
  });

  it('given a value outside bounded bands, then it is out of range, not a silent tier', () => {
    const table = JSON.parse(JSON.stringify(paymentScorecard)) as GradingTable;
    const method = table.method as Extract<Method, { kind: 'scorecard' }>;
    method.criteria[1]!.bands[0]!.match = { range: { gte: 0, lte: 30 } };
    expect(compile(table).gradeRow([1000, -5])).toEqual({
      ok: false,
      error: { kind: 'out-of-range', input: 'payment_days', value: -5 },
    });
  });

  it('given a column map, then inputs are read from the mapped columns', () => {
    expect(card.gradeRow(['name', 35, 20000], [2, 1])).toEqual({ ok: true, tier: 'A', tierIndex: 0, score: 90 });
    // A map changed in place is noticed.
    const map = [2, 1];
    card.gradeRow(['x', 35, 20000], map);
    map[0] = 1;
    map[1] = 2;
    expect(card.gradeRow(['x', 20000, 35], map)).toEqual({ ok: true, tier: 'A', tierIndex: 0, score: 90 });
  });

  it('explains a row in both languages', () => {
    const e = card.explainRow([20000, 35]);
    expect(e.ok && e.explanation.text).toEqual({
      en: 'Monthly sales 20,000 → 70; Payment days 35 → 20; total 90 ≥ 80 → A',
      zh: '月均销售额 20,000 → 70; 回款天数 35 → 20; 合计 90 ≥ 80 → A 级',
    });
    const low = card.explainRow([100, 90]);
    expect(low.ok && low.explanation.text.en).toBe('Monthly sales 100 → 30; Payment days 90 → 0; total 30 < 60 → C');
  });
});

const pipeline: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'rules-spec',
  name: { en: 'Rules' },
  inputs: [
    { id: 'signed', type: 'boolean', label: { en: 'Signed', zh: '已签约' }, required: false },
    { id: 'paid', type: 'boolean', label: { en: 'Paid', zh: '已付款' }, required: false },
    { id: 'orders', type: 'number', label: { en: 'Orders' }, required: false },
    {
      id: 'industry',
      type: 'category',
      label: { en: 'Industry' },
      values: [
        { id: 'it', aliases: ['信息技术'] },
        { id: 'gov', label: { en: 'Government', zh: '政府' } },
        { id: 'retail' },
      ],
      required: false,
    },
    { id: 'note', type: 'text', label: { en: 'Note' }, required: false },
    { id: 'since', type: 'date', label: { en: 'Since' }, required: false },
  ],
  method: {
    kind: 'rules',
    rules: [
      {
        tier: 'won',
        when: {
          any: [
            { input: 'signed', op: '=', value: true },
            { input: 'paid', op: '=', value: true },
          ],
        },
      },
      {
        tier: 'busy',
        when: {
          all: [
            { input: 'orders', op: 'between', range: { gt: 3, lte: 10 } },
            { not: { input: 'industry', op: 'in', values: ['gov'] } },
          ],
        },
      },
      { tier: 'lost', when: { input: 'note', op: 'contains', value: 'Not Interested' } },
      { tier: 'old', when: { input: 'since', op: '<', value: '2020-01-01' } },
      { tier: 'unknown', when: { input: 'industry', op: 'blank' } },
    ],
    default: 'lead',
  },
  tiers: tiers('won', 'busy', 'lost', 'old', 'unknown', 'lead'),
};

describe('rules', () => {
  const rules = compile(pipeline);

  it('happy path: the first matching rule wins', () => {
    expect(tierOf(rules, [true, true, 5, 'it'])).toBe('won');
    expect(tierOf(rules, ['否', '是', 5, 'it'])).toBe('won');
    expect(tierOf(rules, [false, false, 5, '信息技术'])).toBe('busy');
  });

  it('given between with an exclusive lower end, then the end itself is outside', () => {
    expect(tierOf(rules, [false, false, 3, 'it'])).toBe('lead');
    expect(tierOf(rules, [false, false, 10, 'retail'])).toBe('busy');
  });

  it('given NOT IN, then an excluded category does not match', () => {
    expect(tierOf(rules, [false, false, 5, '政府'])).toBe('lead');
  });

  it('given contains, then text is matched ignoring case and spaces', () => {
    expect(tierOf(rules, [null, null, null, 'it', 'Said: not interested, do not call'])).toBe('lost');
  });

  it('given dates as text or Excel serials, then they compare as dates', () => {
    expect(tierOf(rules, [null, null, null, 'it', null, '2019/12/31'])).toBe('old');
    expect(tierOf(rules, [null, null, null, 'it', null, 43830])).toBe('old'); // 2019-12-31
    expect(tierOf(rules, [null, null, null, 'it', null, '2020-01-01'])).toBe('lead');
  });

  it('given blank optional facts, then conditions on them are false, never a silent yes or no', () => {
    expect(tierOf(rules, [null, null, null, null])).toBe('unknown');
    expect(tierOf(rules, ['', '', '', 'retail'])).toBe('lead');
  });

  it('given no default, then an unmatched row is ungraded with a reason', () => {
    const strict = compile({
      ...pipeline,
      method: { ...(pipeline.method as Extract<Method, { kind: 'rules' }>), default: undefined },
      tiers: tiers('won', 'busy', 'lost', 'old', 'unknown'),
    });
    expect(strict.gradeRow([false, false, 1, 'it'])).toEqual({ ok: false, error: { kind: 'no-match' } });
  });

  it('given an unknown category or boolean, then the row error names the input and the value', () => {
    expect(rules.gradeRow([false, false, 1, 'farming'])).toEqual({
      ok: false,
      error: { kind: 'unknown-category', input: 'industry', value: 'farming', allowed: ['it', 'gov', 'retail'] },
    });
    expect(rules.gradeRow(['maybe'])).toEqual({
      ok: false,
      error: { kind: 'not-a-boolean', input: 'signed', value: 'maybe' },
    });
  });

  it('explains which conditions held', () => {
    const e = rules.explainRow([false, '是', 2, 'it']);
    expect(e.ok && e.explanation.text.zh).toBe('已付款 是 → won 级');
    const steps = e.ok ? e.explanation.steps : [];
    expect(steps).toEqual([expect.objectContaining({ kind: 'rule', index: 0, tier: 'won', matched: true })]);
    const fallback = rules.explainRow([false, false, 1, 'it']);
    expect(fallback.ok && fallback.explanation.text.en).toBe('no rule matched, default → lead');
  });
});

describe('matrix and composition', () => {
  const potential: GradingTable = {
    format: 'tierwise/grading-table',
    version: 1,
    id: 'potential',
    name: { en: 'Potential' },
    inputs: [
      {
        id: 'hospital',
        type: 'category',
        label: { en: 'Hospital', zh: '医院级别' },
        values: [{ id: 'tier3', label: { en: 'Tier 3', zh: '三级' } }, { id: 'tier2' }, { id: 'other' }],
      },
      {
        id: 'title',
        type: 'category',
        label: { en: 'Title', zh: '职称' },
        values: [{ id: 'chief' }, { id: 'attending', label: { en: 'Attending', zh: '主治医师' } }, { id: 'resident' }],
      },
    ],
    method: {
      kind: 'matrix',
      rows: {
        input: 'hospital',
        bands: [
          { id: 't3', match: { values: ['tier3'] } },
          { id: 't2', match: { values: ['tier2'] } },
          { id: 'o', match: { values: ['other'] } },
        ],
      },
      columns: {
        input: 'title',
        bands: [
          { id: 'c', match: { values: ['chief'] } },
          { id: 'a', match: { values: ['attending'] } },
          { id: 'r', match: { values: ['resident'] } },
        ],
      },
      cells: [
        [9, 8, 5],
        [7, 5, 3],
        [3, 2, 1],
      ],
      output: 'score',
      thresholds: [{ tier: 'high', gte: 7 }, { tier: 'mid', gte: 4 }, { tier: 'low' }],
    },
    tiers: tiers('high', 'mid', 'low'),
  };
  const nineBox: GradingTable = {
    format: 'tierwise/grading-table',
    version: 1,
    id: 'nine-box',
    name: { en: 'Nine box' },
    inputs: [
      {
        id: 'potential',
        type: 'number',
        label: { en: 'Potential', zh: '潜力' },
        source: { table: 'potential', output: 'score' },
      },
      {
        id: 'prescribing',
        type: 'category',
        label: { en: 'Prescribing', zh: '处方' },
        values: [{ id: 'first' }, { id: 'second' }, { id: 'competitor' }],
      },
    ],
    method: {
      kind: 'scorecard',
      criteria: [
        {
          id: 'p',
          input: 'potential',
          bands: [1, 2, 3, 5, 7, 8, 9]
            .map((n) => ({ match: { range: { gte: n, lt: n + 1 } }, points: n }))
            .map((b, i, all) =>
              i === all.length - 1
                ? { ...b, match: { range: { gte: 9 } } }
                : { ...b, match: { range: { gte: [1, 2, 3, 5, 7, 8, 9][i]!, lt: [1, 2, 3, 5, 7, 8, 9][i + 1]! } } },
            ),
        },
        {
          id: 'b',
          input: 'prescribing',
          bands: [
            { match: { values: ['first'] }, points: 1 },
            { match: { values: ['second'] }, points: 2 },
            { match: { values: ['competitor'] }, points: 3 },
          ],
        },
      ],
      thresholds: [{ tier: 'A', gte: 8 }, { tier: 'B', gte: 4 }, { tier: 'C' }],
    },
    tiers: tiers('A', 'B', 'C'),
  };

  it('happy path: a score matrix feeds thresholds', () => {
    const m = compile(potential);
    expect(m.gradeRow(['三级', 'attending'])).toEqual({ ok: true, tier: 'high', tierIndex: 0, score: 8 });
    expect(m.gradeRow(['other', 'resident'])).toEqual({ ok: true, tier: 'low', tierIndex: 2, score: 1 });
  });

  it("given a table that takes another table's score, then its columns include the source's inputs", () => {
    const c = compile(nineBox, [potential]);
    expect(c.columns.map((i) => i.id)).toEqual(['prescribing', 'hospital', 'title']);
    expect(c.gradeRow(['first', 'tier3', 'attending'])).toEqual({ ok: true, tier: 'A', tierIndex: 0, score: 9 });
    expect(c.gradeRow(['competitor', 'other', 'resident'])).toEqual({ ok: true, tier: 'B', tierIndex: 1, score: 4 });
    const e = c.explainRow(['first', 'tier3', 'attending']);
    expect(e.ok && e.explanation.text.zh).toBe(
      '医院级别 三级 × 职称 主治医师 → 8; 潜力 8 → 8; 处方 first → 1; 合计 9 ≥ 8 → A 级',
    );
  });

  it("given a bad cell in the source table's input, then the row error names it", () => {
    const c = compile(nineBox, [potential]);
    expect(c.gradeRow(['first', 'clinic', 'chief'])).toEqual({
      ok: false,
      error: { kind: 'unknown-category', input: 'hospital', value: 'clinic', allowed: ['tier3', 'tier2', 'other'] },
    });
  });

  it('given tables that use each other, then the cycle is reported', () => {
    const a = {
      ...potential,
      id: 'loop-a',
      inputs: [
        ...potential.inputs,
        {
          id: 'b_score',
          type: 'number' as const,
          label: { en: 'b' },
          source: { table: 'loop-b', output: 'score' as const },
        },
      ],
    };
    const b = {
      ...nineBox,
      id: 'loop-b',
      inputs: [{ ...nineBox.inputs[0]!, source: { table: 'loop-a', output: 'score' as const } }, nineBox.inputs[1]!],
    };
    const result = compileTable(a, { resolve: (id) => [a, b].find((t) => t.id === id) });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toContainEqual(
      expect.objectContaining({ code: 'composition-cycle', detail: { cycle: 'loop-a → loop-b → loop-a' } }),
    );
  });

  it('given an unknown source table, then it is a problem, not a crash', () => {
    const result = compileTable(nineBox);
    expect(!result.ok && result.problems).toEqual([
      expect.objectContaining({ code: 'unknown-table', path: 'inputs[0].source.table' }),
    ]);
  });
});

describe('batches', () => {
  it('given the same data as columns, then gradeColumns equals gradeRows', () => {
    const card = compile(paymentScorecard);
    const rows: Cell[][] = [
      [20000, 35],
      ['3O', 1],
      [5000, null],
      ['1.2万', '30'],
    ];
    const columns = [rows.map((r) => r[0]), rows.map((r) => r[1])];
    const byRows = card.gradeRows(rows);
    const byColumns = card.gradeColumns(columns);
    expect(byColumns).toEqual(byRows);
    expect(card.gradeColumns([Float64Array.from([20000, 100]), Float64Array.from([35, 90])]).tiers).toEqual(
      Int32Array.from([0, 2]),
    );
    expect(card.gradeColumns([['x'], ['y'], [20000, 35]], [2, 2]).count).toBe(2);
  });

  it('given columns of different lengths, then it is a usage error, not a silent truncation', () => {
    const card = compile(paymentScorecard);
    expect(() => card.gradeColumns([[1, 2], [3]])).toThrow(/different lengths/);
  });

  it('given more rows than one block, then every row grades as it does alone', () => {
    const card = compile(paymentScorecard);
    const rows: Cell[][] = Array.from({ length: 5000 }, (_, i) => [
      i % 7 === 0 ? `${i * 9}` : i * 9,
      i % 11 === 0 ? null : i % 90,
    ]);
    const batch = card.gradeRows(rows);
    rows.forEach((row, i) => {
      const one = card.gradeRow(row);
      if (one.ok) {
        expect([batch.tiers[i], batch.scores[i]]).toEqual([one.tierIndex, one.score]);
      } else {
        expect(batch.errors.get(i)).toEqual(one.error);
      }
    });
  });
});
