import { printSheetTable, sheetTableVersion } from '../../../src/engine/sheet-form';
import type { Cell } from '../../../src/engine/values/cell';
import { paymentScorecard, salesPipeline } from './fixtures';

function rowStarting(cells: Cell[][], first: Cell, column = 0): Cell[] {
  const row = cells.find((r) => r[column] === first);
  if (!row) throw new Error(`no row with ${String(first)} in column ${column}`);
  return row;
}

describe('sheet form, readable by a person', () => {
  const cells = printSheetTable(paymentScorecard);

  it('happy path: the title block starts with the marker, the version and the bilingual name', () => {
    expect(cells[0]?.slice(0, 3)).toEqual(['Tierwise grading table', 'Version / 版本', sheetTableVersion]);
    expect(rowStarting(cells, 'Id / 编号')[1]).toBe('payment-scorecard');
    expect(rowStarting(cells, 'Name / 名称').slice(1, 3)).toEqual(['Payment scorecard', '客户分级标准（总分100分）']);
    expect(rowStarting(cells, 'Method / 方法')[1]).toBe('scorecard');
  });

  it('given the payment scorecard, then each band is readable text next to its points as a number cell', () => {
    const header = rowStarting(cells, 'Criterion / 评分项');
    const band = header.indexOf('Band / 区间');
    const points = header.indexOf('Points / 分值');
    expect(points).toBe(band + 1);
    const row = rowStarting(cells, '5000 < x <= 10000', band);
    expect(row[points]).toBe(40);
    expect(rowStarting(cells, 'x >= 20000', band)[points]).toBe(70);
    expect(rowStarting(cells, '10000 < x < 20000', band)[points]).toBe(50);
    expect(rowStarting(cells, 'x <= 5000', band)[points]).toBe(30);
    expect(rowStarting(cells, '30 < x <= 45', band)[points]).toBe(20);
    expect(rowStarting(cells, 'x > 60', band)[points]).toBe(0);
  });

  it('given the payment scorecard, then the criterion id and label are on its first band row only', () => {
    const first = rowStarting(cells, 'sales');
    expect(first.slice(0, 4)).toEqual(['sales', 'monthly_sales', 'x >= 20000', 70]);
    expect(first).toContain('月均销售额');
    const next = cells[cells.indexOf(first) + 1] as Cell[];
    expect(next.slice(0, 4)).toEqual([null, null, '10000 < x < 20000', 50]);
  });

  it('given thresholds, then operators and scores are separate cells and the last tier says otherwise', () => {
    expect(
      rowStarting(cells, 'Thresholds / 分数线')
        .slice(1)
        .every((c) => c === null),
    ).toBe(true);
    expect(rowStarting(cells, 'A').slice(0, 3)).toEqual(['A', '>=', 80]);
    expect(rowStarting(cells, 'C').slice(0, 3)).toEqual(['C', 'otherwise / 其余', null]);
  });

  it('given tiers, then colours are text, the target share a number, and unused optional columns are left out', () => {
    const tierHeader = cells.filter((r) => r[0] === 'Tier / 等级').at(-1) as Cell[];
    expect(tierHeader).toContain('Fill colour / 填充色');
    expect(tierHeader).toContain('Target share / 目标占比');
    expect(tierHeader).not.toContain('Strategy (en) / 策略（英）');
    const a = cells.filter((r) => r[0] === 'A').at(-1) as Cell[];
    expect(a[tierHeader.indexOf('Fill colour / 填充色')]).toBe('#C6EFCE');
    expect(a[tierHeader.indexOf('Target share / 目标占比')]).toBe(0.2);
    expect(a[tierHeader.indexOf('Cadence (zh) / 跟进频率（中）')]).toBe('周志');
  });

  it('given the sales pipeline level A06, then its tree is one row per node with levels and indentation', () => {
    const pipeline = printSheetTable(salesPipeline);
    const start = pipeline.findIndex((r) => r[0] === 'A06');
    const rows = pipeline.slice(start, start + 12).map((r) => r.slice(0, 5));
    expect(rows).toEqual([
      ['A06', 1, 'ANY', null, null],
      [null, 2, '  considering_switch', '=', true],
      [null, 2, '  supplier_dissatisfied', '=', true],
      [null, 2, '  talking_to_new', '=', true],
      [null, 2, '  ALL', null, null],
      [null, 3, '    dm_feedback', '=', true],
      [null, 3, '    knows_our_edge', '=', true],
      [null, 3, '    considered_decision', '=', true],
      [null, 3, '    ANY', null, null],
      [null, 4, '      asks_for_material', '=', true],
      [null, 4, '      books_next_contact', '=', true],
      [null, 4, '      asks_about_us', '=', true],
    ]);
    const between = pipeline.find((r) => r[2] === '  annual_sales' && r[3] === 'between') as Cell[];
    expect(between[4]).toBe('5000 < x <= 10000');
    expect(pipeline.find((r) => r[3] === 'in' && r[2] === '  industry')?.[4]).toBe('manufacturing; retail');
    expect(pipeline.find((r) => r[3] === 'contains')?.[4]).toBe("'=SUM; risky");
  });
});
