/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { compileTable, type Cell, type GradingTable, type Locale } from '../../src/engine';
import type { DataRegion } from '../../src/excel/workbook';
import type { SheetData } from '../../src/taskpane/editors/sheet-data';
import { byLabel, click, preset, renderEditor, typeInto as type } from './editor-harness';

// Scores of the payment scorecard: 100, 90, 80, 70, 60, 70, 50, 60, 30, and one row it cannot score.
const ROWS: Cell[][] = [
  [25000, 10],
  [25000, 40],
  [15000, 10],
  [15000, 40],
  [15000, 50],
  [8000, 10],
  [8000, 50],
  [3000, 10],
  [3000, 70],
  ['n/a', 10],
];

const REGION: DataRegion = {
  sheet: 'Customers',
  address: 'Customers!A1:B11',
  top: 0,
  left: 0,
  rowCount: ROWS.length,
  columnCount: 2,
  headers: ['monthly_sales', 'payment_days'],
  filtered: false,
  outputs: [],
};

function renderWithSheet(table: GradingTable, sheet: SheetData | undefined, locale: Locale = 'en-US') {
  return renderEditor(table, locale, sheet);
}

const SHEET: SheetData = { region: REGION, rows: ROWS, overrides: {}, stored: [] };

function gridCells(): string[][] {
  const grid = screen.getByRole('table', { name: 'Propose thresholds' });
  return within(grid)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.querySelector('input')?.value ?? cell.textContent ?? ''),
    );
}

describe('the calibration panel', () => {
  it('happy path: proposes thresholds reaching 20/30/50% on the sheet, shows the shares reached, and freezes them', () => {
    const { latest } = renderWithSheet(preset('payment-scorecard'), SHEET);
    type('Target share of customers in A', '20%');
    type('Target share of customers in B', '30%');
    type('Target share of customers in C', '50%');
    click('Propose thresholds');
    // 9 scored: A the best 2 (share before 0 and 1/9 < 20%), B the next 3 (ties at 70 together), C the rest.
    expect(gridCells()).toEqual([
      ['A Grade A', '20%', '≥ 90', '22.2222%'],
      ['B Grade B', '30%', '≥ 70', '33.3333%'],
      ['C Grade C', '50%', 'any other', '44.4444%'],
    ]);
    expect(screen.getByText('Proposed on 9 customers with a score.')).toBeTruthy();
    click('Freeze into the table');
    expect(latest().method).toMatchObject({
      thresholds: [{ tier: 'A', gte: 90 }, { tier: 'B', gte: 70 }, { tier: 'C' }],
    });
    expect(screen.getByText('The proposed thresholds are now the table’s fixed thresholds.')).toBeTruthy();
    const compiled = compileTable(latest());
    if (!compiled.ok) throw new Error('the frozen table does not compile');
    const batch = compiled.compiled.gradeRows(ROWS);
    expect(Array.from(batch.tiers)).toEqual([0, 0, 1, 1, 2, 1, 2, 2, 2, -1]);
  });

  it('given share thresholds, then their shares are the targets, and the frozen thresholds give the same tiers', () => {
    const table = preset('payment-scorecard');
    if (table.method.kind !== 'scorecard') throw new Error('not a scorecard');
    table.method.thresholds = [{ tier: 'A', topShare: 0.2 }, { tier: 'B', topShare: 0.5 }, { tier: 'C' }];
    const byShare = compileTable(table);
    if (!byShare.ok) throw new Error('the share table does not compile');
    const { latest } = renderWithSheet(table, SHEET);
    expect(byLabel('Target share of customers in B').value).toBe('30%');
    click('Propose thresholds');
    click('Freeze into the table');
    const frozen = compileTable(latest());
    if (!frozen.ok) throw new Error('the frozen table does not compile');
    expect(Array.from(frozen.compiled.gradeRows(ROWS).tiers)).toEqual(
      Array.from(byShare.compiled.gradeRows(ROWS).tiers),
    );
  });

  it('given no sheet read, targets not adding up to 100%, or a table with problems, then it says so', () => {
    renderWithSheet(preset('payment-scorecard'), undefined);
    expect(
      screen.getByText('Read a sheet on the Data step first: thresholds are proposed on its scores.'),
    ).toBeTruthy();
    document.body.innerHTML = '';
    renderWithSheet(preset('payment-scorecard'), SHEET);
    type('Target share of customers in A', '50%');
    click('Propose thresholds');
    expect(screen.getByText('The target shares must add up to 100%.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Freeze into the table' })).toBeNull();
    type('Target share of customers in A', '33.3333333333333%');
    type('Weight of Monthly average sales', '-x');
    type('Comparison for C', 'gte');
    click('Propose thresholds');
    expect(screen.getByText('Fix the problems of the table first.')).toBeTruthy();
  });

  it('given zh-CN, then it speaks Chinese', () => {
    renderWithSheet(preset('payment-scorecard'), SHEET, 'zh-CN');
    click('建议分数线');
    expect(screen.getByText('依据 9 位有分数的客户建议。')).toBeTruthy();
  });
});
