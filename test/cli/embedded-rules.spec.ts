/**
 * `--table book.xlsx[#TW_name]` reads a grading table from a workbook's rules
 * sheet as the add-in does, and `validate book.xlsx` names the cells of its problems.
 */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GradingTable } from '../../src/engine/model';
import { RULES_SHEET } from '../../src/engine/plan';
import { getPreset } from '../../src/engine/presets';
import { printSheetTable } from '../../src/engine/sheet-form';
import { tierwise, useFolder } from '../hostile/support';

const folder = useFolder('embedded');
const CUSTOMERS = 'id,monthly_sales,payment_days\nC1,25000,20\nC2,12000,50\nC3,3000,10\nC4,,10\n';

function customTable(): GradingTable {
  const table = JSON.parse(JSON.stringify(getPreset('payment-scorecard'))) as GradingTable;
  table.id = 'house-rules';
  table.name = { en: 'House rules', zh: '自家规则' };
  if (table.method.kind !== 'scorecard') throw new Error('a scorecard');
  table.method.thresholds = [{ tier: 'A', gte: 100 }, { tier: 'B', gte: 61 }, { tier: 'C' }];
  return table;
}

/** A workbook whose rules sheet holds the tables at B3, B3 + block + 2, ... under TW_ names, like the add-in's. */
async function rulesWorkbook(
  file: string,
  tables: GradingTable[],
  edit?: (cells: unknown[][], k: number, top: number) => void,
) {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Data').addRow(['something of the user']);
  const sheet = book.addWorksheet(RULES_SHEET);
  let top = 3;
  tables.forEach((table, k) => {
    const cells = printSheetTable(table) as unknown[][];
    edit?.(cells, k, top);
    cells.forEach((row, r) =>
      row.forEach((cell, c) => (sheet.getCell(top + r, 2 + c).value = cell as ExcelJS.CellValue)),
    );
    const width = Math.max(...cells.map((row) => row.length));
    const last = String.fromCharCode(65 + width);
    book.definedNames.add(
      `'${RULES_SHEET}'!$B$${top}:$${last}$${top + cells.length - 1}`,
      `TW_${table.id.replace(/-/g, '_')}`,
    );
    top += cells.length + 2;
  });
  await book.xlsx.writeFile(join(folder(), file));
}

test('given a workbook graded by tierwise, then --table graded.xlsx grades exactly as the table it carries', async () => {
  writeFileSync(join(folder(), 'table.json'), JSON.stringify(customTable()));
  writeFileSync(join(folder(), 'customers.csv'), CUSTOMERS);
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Customers').addRows(
    CUSTOMERS.trim()
      .split('\n')
      .map((line) => line.split(',')),
  );
  await book.xlsx.writeFile(join(folder(), 'customers.xlsx'));
  await tierwise(folder(), 'grade', 'customers.xlsx', '--table', 'table.json', '--out', 'graded.xlsx');
  const fromJson = await tierwise(folder(), 'grade', 'customers.csv', '--table', 'table.json', '--out', 'json.csv');
  const fromBook = await tierwise(folder(), 'grade', 'customers.csv', '--table', 'graded.xlsx', '--out', 'book.csv');
  expect(fromBook.err).toBe(fromJson.err);
  expect(fromBook.code).toBe(1);
  expect(fromBook.out.replace('book.csv', 'json.csv')).toBe(fromJson.out);
  const graded = readFileSync(join(folder(), 'book.csv'), 'utf8');
  expect(graded).toBe(readFileSync(join(folder(), 'json.csv'), 'utf8'));
  expect(graded.split('\r\n').map((line) => line.split(',').slice(0, 5).join(','))).toEqual([
    'id,monthly_sales,payment_days,Score,Tier',
    'C1,25000,20,100,A',
    'C2,12000,50,60,C',
    'C3,3000,10,60,C',
    'C4,,10,,',
    '',
  ]);
});

test('given two tables, then --table book.xlsx asks which and book.xlsx#TW_name grades with that one', async () => {
  await rulesWorkbook('rules.xlsx', [getPreset('payment-scorecard')!, customTable()]);
  writeFileSync(join(folder(), 'customers.csv'), CUSTOMERS);
  const ask = await tierwise(folder(), 'grade', 'customers.csv', '--table', 'rules.xlsx', '--out', 'a.csv');
  expect(ask.code).toBe(1);
  expect(ask.err).toBe(
    'tierwise: rules.xlsx holds 2 grading tables (TW_payment_scorecard, TW_house_rules); name one, e.g. --table rules.xlsx#TW_payment_scorecard\n',
  );
  const chosen = await tierwise(
    folder(),
    'grade',
    'customers.csv',
    '--table',
    'rules.xlsx#TW_house_rules',
    '--out',
    'a.csv',
  );
  expect(chosen.err).toBe('');
  const tiers = readFileSync(join(folder(), 'a.csv'), 'utf8')
    .split('\r\n')
    .slice(1, 5)
    .map((line) => line.split(',')[4]);
  // The preset would give A, B, B: the workbook's own table was used.
  expect(tiers).toEqual(['A', 'C', 'C', '']);
  const zh = await tierwise(folder(), 'grade', 'customers.csv', '--table', 'rules.xlsx#TW_nope', '--lang', 'zh-CN');
  expect(zh.err).toBe(
    'tierwise：rules.xlsx 中没有名为 TW_nope 的分级表（现有：TW_payment_scorecard, TW_house_rules）\n',
  );
});

test('given a broken table on the rules sheet, then validate names each problem with its cell, and grade refuses it', async () => {
  let fillCell = '';
  await rulesWorkbook('rules.xlsx', [getPreset('payment-scorecard')!, customTable()], (cells, k, top) => {
    if (k !== 1) return;
    const row = cells.findIndex((cells) => cells[0] === 'A' && cells[3] === '#C6EFCE');
    cells[row]![3] = 'red';
    fillCell = `'${RULES_SHEET}'!E${top + row}`;
  });
  expect(fillCell).toMatch(/^'Tierwise Rules'!E\d+$/);
  const problem = `  tiers[0].fill ${fillCell}: 'red' is not a colour; use #RRGGBB`;
  const validate = await tierwise(folder(), 'validate', 'rules.xlsx');
  expect(validate.code).toBe(1);
  expect(validate.out).toBe(
    [
      'rules.xlsx#TW_payment_scorecard: valid.',
      "payment-scorecard 'Payment scorecard (100 points)': scorecard, 2 input(s), tiers A > B > C",
      'rules.xlsx#TW_house_rules: the grading table has 1 problem(s):',
      problem,
      '',
    ].join('\n'),
  );
  const grade = await tierwise(folder(), 'grade', 'x.csv', '--table', 'rules.xlsx#TW_house_rules');
  expect(grade.code).toBe(1);
  expect(grade.err).toBe(`tierwise: rules.xlsx#TW_house_rules: the grading table has 1 problem(s):\n${problem}\n`);
});
