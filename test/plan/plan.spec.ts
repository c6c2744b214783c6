import { inputHeaders } from '../../src/engine/columns';
import { compileTable } from '../../src/engine/compile';
import { buildApplyPlan, planApply } from '../../src/engine/plan';
import { getPreset } from '../../src/engine/presets';
import type { Cell } from '../../src/engine/values/cell';

function compiled(id: string) {
  const result = compileTable(getPreset(id), { resolve: getPreset });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.compiled;
}

const layout = { sheet: "Q1 'North'", top: 0, left: 0, columnCount: 3, rowCount: 3 };

describe('apply plan', () => {
  const rows: Cell[][] = [
    ['Acme', 25000, 20],
    ['Bolt', 8000, 50],
    ['Crux', null, 10],
  ];
  const map = [1, 2];

  it('happy path: score, tier and error columns right of the data, with values per row', () => {
    const plan = buildApplyPlan(compiled('payment-scorecard'), rows, map, { locale: 'en-US', layout });
    expect(plan.frame.columns).toEqual([
      { kind: 'score', header: 'Score', sheetColumn: 3 },
      { kind: 'tier', header: 'Tier', sheetColumn: 4 },
      { kind: 'error', header: 'Error', sheetColumn: 5 },
    ]);
    expect(plan.cells.map((r) => r.slice(0, 2))).toEqual([
      [100, 'A'],
      [50, 'C'],
      [null, null],
    ]);
    expect(plan.cells[2]![2]).toEqual(expect.stringContaining('monthly_sales'));
  });

  it('given the sheet headers then a row error names the column as the sheet shows it, not the input id', () => {
    const table = compiled('payment-scorecard');
    const headers: Cell[] = ['客户', '月均销售额', '回款天数'];
    const plan = buildApplyPlan(table, rows, map, {
      locale: 'zh-CN',
      layout,
      inputHeaders: inputHeaders(table.columns, map, headers),
    });
    expect(plan.cells[2]![2]).toEqual(expect.stringContaining('月均销售额'));
    expect(plan.cells[2]![2]).not.toEqual(expect.stringContaining('monthly_sales'));
  });

  it('given three tiers then there are three colour rules bound to the Tier column over the whole body', () => {
    const frame = planApply(compiled('payment-scorecard'), { locale: 'en-US', layout });
    expect(frame.body).toEqual({ top: 1, left: 0, rows: 3, columns: 6 });
    expect(frame.tierRules.map((r) => [r.tier, r.formula, r.fill])).toEqual([
      ['A', '=$E2="A"', expect.stringMatching(/^#[0-9A-F]{6}$/i)],
      ['B', '=$E2="B"', expect.stringMatching(/^#[0-9A-F]{6}$/i)],
      ['C', '=$E2="C"', expect.stringMatching(/^#[0-9A-F]{6}$/i)],
    ]);
    expect(frame.rules).toEqual({
      sheet: 'Tierwise Rules',
      name: 'TW_payment_scorecard',
      cells: expect.any(Array),
    });
  });

  it('given the summary then counts are formulas over the Tier column carrying the engine results', () => {
    const plan = buildApplyPlan(compiled('payment-scorecard'), rows, map, { locale: 'zh-CN', layout });
    expect(plan.summary.cells[0]).toEqual(['等级', '客户数', '占比', '目标占比']);
    expect(plan.summary.cells[1]![1]).toEqual({ formula: `=SUMPRODUCT(--('Q1 ''North'''!$E$2:$E$4="A"))`, result: 1 });
    expect(plan.summary.cells[4]).toEqual(['未分级', { formula: '=3-SUM($B$2:$B$4)', result: 1 }]);
    expect(plan.summary.cells[plan.summary.legendTop]![0]).toBe('图例');
  });

  it('given a strategy text starting with "=" then it stays a value, never a formula', () => {
    const table = structuredClone(getPreset('payment-scorecard')!);
    table.tiers[0]!.strategy = { en: '=HYPERLINK("http://x")' };
    const result = compileTable(table);
    if (!result.ok) throw new Error('invalid');
    const plan = buildApplyPlan(result.compiled, rows, map, { locale: 'en-US', layout, strategy: true });
    expect(plan.cells[0]![2]).toBe('=HYPERLINK("http://x")');
  });
});
