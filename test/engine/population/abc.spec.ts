import fc from 'fast-check';
import { mapColumns } from '../../../src/engine/columns';
import { compileTable, validateTable } from '../../../src/engine/compile';
import type { CompiledTable, GradeBatch } from '../../../src/engine/grader';
import type { AbcBatch } from '../../../src/engine/grading/abc';
import { formatGradeError } from '../../../src/engine/messages';
import type { GradingTable } from '../../../src/engine/model';
import { getPreset } from '../../../src/engine/presets';
import { ABC } from '../../../src/engine/presets/abc';
import { parseSheetTable, printSheetTable } from '../../../src/engine/sheet-form';
import { summarize } from '../../../src/engine/summary';
import type { Cell } from '../../../src/engine/values/cell';
import { checkProperty } from '../../support/property';
import { pointsScorecard } from './points-table';
import { compileToFormulas } from '../../../src/engine/formula';

function compileAbc(table: GradingTable = ABC): CompiledTable {
  const result = compileTable(table);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.compiled;
}

const abc = compileAbc();

function gradeValues(values: Cell[], compiled = abc): AbcBatch {
  return compiled.gradeRows(values.map((v) => [v])) as AbcBatch;
}

/** Tier id per row, or "error:<kind>". */
function tiersOf(batch: GradeBatch, compiled = abc): string[] {
  return Array.from(batch.tiers, (t, i) =>
    t >= 0 ? compiled.tiers[t]!.id : `error:${batch.errors.get(i)?.kind ?? '?'}`,
  );
}

/** The rule of ADR 0016 written the slow, obvious way: sort, walk, compare the share before. */
function referenceTiers(values: number[], cuts: number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
  const tiers = new Array<number>(values.length);
  let running = 0;
  let previousValue = NaN;
  let previousTier = -1;
  for (const { v, i } of order) {
    if (v === previousValue) {
      tiers[i] = previousTier;
    } else {
      const share = running / total;
      let tier = cuts.findIndex((cut) => share < cut);
      if (tier < 0) tier = cuts.length;
      tiers[i] = tier;
      previousValue = v;
      previousTier = tier;
    }
    running += v;
  }
  return tiers;
}

describe('ABC / Pareto method (preset abc: A up to 80%, B up to 95%, C the rest)', () => {
  it('given a share before of exactly 80%, then that customer is B (the cut is reached), the one before it A', () => {
    const batch = gradeValues([50, 30, 20]);
    expect(tiersOf(batch)).toEqual(['A', 'A', 'B']);
    expect(Array.from(batch.scores)).toEqual([0, 0.5, 0.8]);
  });

  it('given the customer that crosses 80%, then it is still A', () => {
    const batch = gradeValues([60, 30, 10]);
    expect(tiersOf(batch)).toEqual(['A', 'A', 'B']);
    expect(Array.from(batch.through)).toEqual([0.6, 0.9, 1]);
  });

  it('given a share before of exactly 95%, then that customer is C, the one crossing 95% is B', () => {
    expect(tiersOf(gradeValues([80, 15, 5]))).toEqual(['A', 'B', 'C']);
    expect(tiersOf(gradeValues([80, 10, 6, 4]))).toEqual(['A', 'B', 'B', 'C']);
  });

  it('given rows in any order, then tiers follow the value, not the row position', () => {
    expect(tiersOf(gradeValues([5, 15, 80]))).toEqual(['C', 'B', 'A']);
  });

  it('given equal values across a cut, then they all take the tier of the first of them', () => {
    // 70 | 10 10 10: the second 10 would start at 80% and the third at 90%, but the group starts at 70%.
    const batch = gradeValues([10, 70, 10, 10]);
    expect(tiersOf(batch)).toEqual(['A', 'A', 'A', 'A']);
    expect(Array.from(batch.ranks)).toEqual([2, 1, 2, 2]);
    expect(Array.from(batch.scores)).toEqual([0.7, 0, 0.7, 0.7]);
  });

  it('given all values equal, then every customer is A', () => {
    expect(tiersOf(gradeValues([5, 5, 5, 5]))).toEqual(['A', 'A', 'A', 'A']);
  });

  it('given one customer, then it is A with a share before of 0', () => {
    const batch = gradeValues([42]);
    expect(tiersOf(batch)).toEqual(['A']);
    expect(Array.from(batch.scores)).toEqual([0]);
  });

  it('given no rows, then the batch is empty', () => {
    const batch = gradeValues([]);
    expect(batch.count).toBe(0);
    expect(batch.errors.size).toBe(0);
  });

  it('given zero, negative, blank and text values, then each is reported and left out of the ranking', () => {
    const batch = gradeValues([0, 60, -5, null, 'lots', 30, '#N/A', '10']);
    expect(tiersOf(batch)).toEqual([
      'error:not-positive',
      'A',
      'error:not-positive',
      'error:blank',
      'error:not-a-number',
      'A',
      'error:cell-error',
      'B',
    ]);
    expect(batch.total).toBe(100);
    expect(Object.fromEntries(batch.errors)).toEqual({
      0: { kind: 'not-positive', input: 'value', value: 0 },
      2: { kind: 'not-positive', input: 'value', value: -5 },
      3: { kind: 'blank', input: 'value' },
      4: { kind: 'not-a-number', input: 'value', value: 'lots' },
      6: { kind: 'cell-error', input: 'value', value: '#N/A' },
    });
    expect(formatGradeError(batch.errors.get(2)!, 'en-US', () => 'Sales')).toBe(
      'Sales: -5 is not above zero, so it has no share of the total; ABC analysis reports it instead of calling it C',
    );
    expect(formatGradeError(batch.errors.get(2)!, 'zh-CN', () => '销售额')).toBe(
      '销售额：-5 不大于零，在合计中没有占比；ABC 分析将其报告为错误，而不是归为 C',
    );
  });

  it('given the whole column as a Float64Array, then gradeColumns ranks it exactly like gradeRows', () => {
    const values = [12.5, 3, 3, 900, 40, 0, 77];
    const byRows = gradeValues(values);
    const byColumns = abc.gradeColumns([Float64Array.from(values)]) as AbcBatch;
    expect(Array.from(byColumns.tiers)).toEqual(Array.from(byRows.tiers));
    expect(Array.from(byColumns.scores)).toEqual(Array.from(byRows.scores));
    expect(Object.fromEntries(byColumns.errors)).toEqual(Object.fromEntries(byRows.errors));
  });

  it('given a batch, then the summary gives per tier the customers, their share and the share of value', () => {
    const batch = gradeValues([50, 25, 10, 8, 4, 3, -1]);
    const summary = summarize(abc, batch);
    expect(summary.total).toBe(7);
    expect(summary.graded).toBe(6);
    expect(summary.valueTotal).toBe(100);
    expect(summary.tiers.map((t) => [t.id, t.count, t.share, t.valueSum, t.valueShare])).toEqual([
      // 10 starts at 75% (< 80%): A; 8 at 85% and 4 at 93%: B; 3 at 97%: C.
      ['A', 3, 3 / 6, 85, 0.85],
      ['B', 2, 2 / 6, 12, 0.12],
      ['C', 1, 1 / 6, 3, 0.03],
    ]);
  });

  it('given a graded row, then its explanation gives rank, share before, the cut and the tier in both languages', () => {
    const batch = gradeValues([20_000, 5_000, 3_000, 2_000]);
    expect(batch.explain(0)).toEqual({
      en: 'Value 20,000: rank 1 of 4, share before 0% < 80% → A (cumulative 66.67%)',
      zh: '价值 20,000：第 1 名（共 4），之前累计占比 0% < 80% → A类客户（含本客户累计 66.67%）',
    });
    expect(batch.explain(1)!.en).toBe('Value 5,000: rank 2 of 4, share before 66.67% < 80% → A (cumulative 83.33%)');
    expect(batch.explain(2)!.en).toBe('Value 3,000: rank 3 of 4, share before 83.33% < 95% → B (cumulative 93.33%)');
    expect(batch.explain(3)!.en).toBe('Value 2,000: rank 4 of 4, share before 93.33% < 95% → B (cumulative 100%)');
    expect(gradeValues([80, 15, 5]).explain(2)!.en).toBe(
      'Value 5: rank 3 of 3, share before 95% ≥ 95% → C (cumulative 100%)',
    );
    expect(gradeValues([1, -1]).explain(1)).toBeUndefined();
  });

  it('given one row alone, then it gets needs-batch (its own value errors first)', () => {
    expect(abc.gradeRow([100])).toEqual({ ok: false, error: { kind: 'needs-batch', ranked: true } });
    expect(abc.explainRow([100])).toEqual({ ok: false, error: { kind: 'needs-batch', ranked: true } });
    expect(abc.gradeRow([-3])).toEqual({ ok: false, error: { kind: 'not-positive', input: 'value', value: -3 } });
    expect(abc.gradeRow([null])).toEqual({ ok: false, error: { kind: 'blank', input: 'value' } });
    expect(formatGradeError({ kind: 'needs-batch', ranked: true }, 'en-US')).toBe(
      'this table ranks customers against each other (ABC shares, tiers by share of customers): grade the whole column, not one row',
    );
    expect(abc.ranked).toBe(true);
  });

  it.each(['value', 'Revenue', 'sales', '销售额', '金额', '价值'])(
    'given a column headed %p, then it is the value ranked',
    (header) => {
      const mapping = mapColumns(abc.columns, ['customer', header]);
      expect(Array.from(mapping.map)).toEqual([1]);
    },
  );

  it('given the preset printed as a sheet, then the cuts read back as the same table', () => {
    const cells = printSheetTable(ABC);
    const cuts = cells.findIndex((row) => row[0] === 'Cuts / 分界');
    expect(cells.slice(cuts, cuts + 5).map((row) => row.slice(0, 2))).toEqual([
      ['Cuts / 分界', null],
      ['Tier / 等级', 'Up to share / 累计占比至'],
      ['A', 0.8],
      ['B', 0.95],
      ['C', null],
    ]);
    expect(cells.find((row) => row[0] === 'Ranked input / 排名输入项')?.[1]).toBe('value');
    const parsed = parseSheetTable(cells);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.table).toStrictEqual(ABC);
  });

  it('given cuts edited on the sheet (70% / 90%), then grading follows them', () => {
    const cells = printSheetTable(ABC).map((row) => [...row]);
    const a = cells.findIndex((row) => row[0] === 'A' && row[1] === 0.8);
    cells[a]![1] = 0.7;
    cells[a + 1]![1] = 0.9;
    const parsed = parseSheetTable(cells);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const edited = compileAbc(parsed.table);
    expect(tiersOf(gradeValues([60, 20, 15, 5], edited), edited)).toEqual(['A', 'A', 'B', 'C']);
  });

  describe('validation', () => {
    const withMethod = (method: unknown, inputs: unknown = ABC.inputs): unknown => ({ ...ABC, inputs, method });

    it.each([
      [
        'cuts not rising',
        { kind: 'abc', input: 'value', cuts: [{ tier: 'A', upTo: 0.9 }, { tier: 'B', upTo: 0.8 }, { tier: 'C' }] },
        [{ code: 'share-cuts-order', path: 'method.cuts[1].upTo', detail: { a: 0.8, b: 0.9 } }],
      ],
      [
        'a share of 1',
        { kind: 'abc', input: 'value', cuts: [{ tier: 'A', upTo: 1 }, { tier: 'B', upTo: 0.95 }, { tier: 'C' }] },
        [{ code: 'share-cut-range', path: 'method.cuts[0].upTo', detail: { value: 1 } }],
      ],
      [
        'the last cut bounded',
        {
          kind: 'abc',
          input: 'value',
          cuts: [
            { tier: 'A', upTo: 0.8 },
            { tier: 'B', upTo: 0.95 },
            { tier: 'C', upTo: 0.99 },
          ],
        },
        [{ code: 'share-cut-last', path: 'method.cuts[2].upTo' }],
      ],
      [
        'a middle cut without a share',
        { kind: 'abc', input: 'value', cuts: [{ tier: 'A', upTo: 0.8 }, { tier: 'B' }, { tier: 'C' }] },
        [{ code: 'share-cut-last', path: 'method.cuts[1].upTo' }],
      ],
      [
        'a tier cut twice',
        { kind: 'abc', input: 'value', cuts: [{ tier: 'A', upTo: 0.8 }, { tier: 'A', upTo: 0.95 }, { tier: 'C' }] },
        [
          { code: 'threshold-tier-repeated', path: 'method.cuts[1].tier', detail: { tier: 'A' } },
          { code: 'tier-unreachable', path: 'tiers[1]', detail: { tier: 'B' } },
        ],
      ],
      [
        'an unknown input',
        { kind: 'abc', input: 'revenue', cuts: [{ tier: 'A', upTo: 0.8 }, { tier: 'B', upTo: 0.95 }, { tier: 'C' }] },
        [{ code: 'unknown-input', path: 'method.input', detail: { input: 'revenue' } }],
      ],
      [
        'an unknown tier',
        { kind: 'abc', input: 'value', cuts: [{ tier: 'A', upTo: 0.8 }, { tier: 'X', upTo: 0.95 }, { tier: 'C' }] },
        [
          { code: 'unknown-tier', path: 'method.cuts[1].tier', detail: { tier: 'X' } },
          { code: 'tier-unreachable', path: 'tiers[1]', detail: { tier: 'B' } },
        ],
      ],
    ])('given %s, then the problem says where and why', (_name, method, problems) => {
      expect(validateTable(withMethod(method))).toEqual(problems);
    });

    it('given a table taking an input from an ABC or RFM table, then it is refused (not a crash at compile)', () => {
      for (const source of ['abc', 'rfm']) {
        const user = {
          format: 'tierwise/grading-table',
          version: 1,
          id: 'user',
          name: { en: 'User' },
          inputs: [{ id: 'class', type: 'number', label: { en: 'Class' }, source: { table: source, output: 'score' } }],
          method: { kind: 'rules', rules: [{ tier: 'T', when: { input: 'class', op: '>', value: 0 } }], default: 'U' },
          tiers: [
            { id: 'T', label: { en: 'T' }, fill: '#FFFFFF', font: '#000000' },
            { id: 'U', label: { en: 'U' }, fill: '#FFFFFF', font: '#000000' },
          ],
        };
        expect(compileTable(user, { resolve: getPreset })).toEqual({
          ok: false,
          problems: [{ code: 'ranked-source', path: 'inputs[0].source.table', detail: { table: source } }],
        });
      }
    });

    it('given a ranked input that is not a number, then the problem names it', () => {
      const inputs = [{ id: 'value', type: 'text', label: { en: 'Value' } }];
      expect(validateTable(withMethod(ABC.method, inputs))).toEqual([
        {
          code: 'wrong-input-type',
          path: 'inputs[0].type',
          detail: { input: 'value', found: 'text', expected: 'a number column' },
        },
      ]);
    });
  });

  describe('properties', () => {
    const values = fc.array(fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 1_000_000 })), {
      minLength: 1,
      maxLength: 60,
    });

    it('tiers are the reference rule of ADR 0016 (sort, walk, share before < cut) on any values', () => {
      checkProperty(
        fc.property(values, (vs) => {
          const batch = gradeValues(vs);
          expect(Array.from(batch.tiers)).toEqual(referenceTiers(vs, [0.8, 0.95]));
        }),
      );
    });

    it('tier shares of customers and of value each sum to 100%', () => {
      checkProperty(
        fc.property(values, (vs) => {
          const summary = summarize(abc, gradeValues(vs));
          const shares = summary.tiers.reduce((a, t) => a + t.share, 0);
          const valueShares = summary.tiers.reduce((a, t) => a + t.valueShare, 0);
          expect(shares).toBeCloseTo(1, 12);
          expect(valueShares).toBeCloseTo(1, 12);
          expect(summary.tiers.reduce((a, t) => a + t.count, 0)).toBe(vs.length);
        }),
      );
    });

    it('a larger value never gets a worse tier, and equal values get the same tier', () => {
      checkProperty(
        fc.property(values, (vs) => {
          const tiers = gradeValues(vs).tiers;
          for (let i = 0; i < vs.length; i++) {
            for (let j = 0; j < vs.length; j++) {
              if (vs[i]! > vs[j]!) expect(tiers[i]!).toBeLessThanOrEqual(tiers[j]!);
              if (vs[i] === vs[j]) expect(tiers[i]).toBe(tiers[j]);
            }
          }
        }),
      );
    });
  });
});

describe('native Excel formulas', () => {
  it('given an ABC table or thresholds by share, then formulas are refused with the reason (one formula per row cannot rank)', () => {
    expect(compileToFormulas(ABC, { columns: { value: 'B' } })).toEqual({
      ok: false,
      problems: [{ kind: 'unsupported', feature: 'population', table: 'abc' }],
    });
    const byShare = pointsScorecard([{ tier: 'A', topShare: 0.2 }, { tier: 'B', topShare: 0.5 }, { tier: 'C' }]);
    expect(compileToFormulas(byShare, { columns: { points: 'B' } })).toEqual({
      ok: false,
      problems: [{ kind: 'unsupported', feature: 'population', table: 'points' }],
    });
  });
});
