/** @jest-environment jsdom */
import { act, fireEvent, screen } from '@testing-library/react';
import type { GradingTable, InputDef } from '../../src/engine';
import { getPreset } from '../../src/engine/presets';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import { idFrom, inputsFromColumns, typeOfValues } from '../../src/taskpane/new-table/column-inputs';
import { newTable, takenTableIds } from '../../src/taskpane/new-table/starting-tables';
import { customerWorkbook } from '../excel/support';
import { openCountedPane } from './counted-pane';
import { byLabel } from './editor-harness';

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own size.
Object.assign(window, {
  ResizeObserver: class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  },
});

const SHEET_HEADERS = ['Customer', '回款天数', 'Region', 'VIP', '已回款', 'First order', 'Sales'];
const SHEET_ROWS = [
  ['C1', 30, 'East', 'yes', '是', '2024-01-05', 1200],
  ['C2', '45', 'North', 'no', '否', '2024-02-01', ''],
  ['C3', 10, 'East', 'Y', '是', '2024/3/1', 800],
  ['C4', 12, 'North', 'N', '否', '2024-03-11', 50],
];

/** The inputs proposed from SHEET_HEADERS over SHEET_ROWS, every field. */
const PROPOSED: InputDef[] = [
  { id: 'customer', type: 'text', label: { en: 'Customer' }, aliases: ['Customer'], required: true },
  { id: 'column_2', type: 'number', label: { en: '回款天数', zh: '回款天数' }, aliases: ['回款天数'], required: true },
  {
    id: 'region',
    type: 'category',
    label: { en: 'Region' },
    aliases: ['Region'],
    values: [
      { id: 'east', label: { en: 'East' }, aliases: ['East'] },
      { id: 'north', label: { en: 'North' }, aliases: ['North'] },
    ],
    required: true,
  },
  { id: 'vip', type: 'boolean', label: { en: 'VIP' }, aliases: ['VIP'], required: true },
  { id: 'column_5', type: 'boolean', label: { en: '已回款', zh: '已回款' }, aliases: ['已回款'], required: true },
  { id: 'first_order', type: 'date', label: { en: 'First order' }, aliases: ['First order'], required: true },
  { id: 'sales', type: 'number', label: { en: 'Sales' }, aliases: ['Sales'], required: false },
];

function sheetWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet('Customers', [SHEET_HEADERS, ...SHEET_ROWS]);
  fake.select('Customers', { row: 1, column: 1, rows: 1, columns: 1 });
  return fake;
}

/** The draft as the JSON box shows it. */
function draftJson(label = 'Table as JSON'): GradingTable {
  return JSON.parse(byLabel<HTMLTextAreaElement>(label).value) as GradingTable;
}

async function create(name: string, choose: () => void) {
  fireEvent.click(screen.getByRole('tab', { name: 'Table' }));
  fireEvent.click(screen.getByRole('button', { name: 'New table' }));
  fireEvent.change(byLabel('Name of the new table'), { target: { value: name } });
  choose();
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
  });
}

describe('inputs proposed from a sheet', () => {
  it('happy path: every column becomes an input of the type its values have, headers kept as labels', () => {
    expect(inputsFromColumns(SHEET_HEADERS, SHEET_ROWS)).toEqual(PROPOSED);
  });

  it('given yes/no words in either language, TRUE/FALSE, dates or numbers as text, then the type says so', () => {
    expect(typeOfValues(['是', '否', '是'])).toBe('boolean');
    expect(typeOfValues([true, false])).toBe('boolean');
    expect(typeOfValues([1, 0, 1])).toBe('number');
    expect(typeOfValues(['12,000', 3, '1.2万'])).toBe('number');
    expect(typeOfValues(['2024-03-15', '2024年3月16日'])).toBe('date');
    expect(typeOfValues(['2024-03-15', 'soon'])).toBe('text');
    expect(typeOfValues([])).toBe('text');
  });

  it('given headers with no ASCII letters, a leading digit or the same name twice, then ids stay valid and unique', () => {
    expect(idFrom('回款天数', 'column_1')).toBe('column_1');
    expect(idFrom('2024 sales (¥)', 'column_2')).toBe('sales');
    expect(inputsFromColumns(['Sales', 'sales', 'SALES!', '', '金额'], [[1, 2, 3, 4, 5]]).map((i) => i.id)).toEqual([
      'sales',
      'sales_2',
      'sales_3',
      'column_5',
    ]);
  });

  it('given a column with many distinct texts, then it is text, not a category', () => {
    const rows = Array.from({ length: 20 }, (_x, i) => [`name ${i}`]);
    expect(inputsFromColumns(['Name'], rows)[0]!.type).toBe('text');
  });

  it('given a name an existing table or preset has, then the new table takes an id of its own', () => {
    const taken = takenTableIds(['my_table']);
    expect(newTable({ kind: 'empty', method: 'rules' }, 'My table', taken).id).toBe('my_table_2');
    expect(newTable({ kind: 'empty', method: 'rules' }, 'ABC', taken).id).toBe('abc_2');
    expect(newTable({ kind: 'empty', method: 'rules' }, '我的表', taken).id).toBe('table');
  });
});

describe('New table in the pane', () => {
  it('happy path: empty scorecard, validated as it is edited', async () => {
    const settled = openCountedPane(customerWorkbook(3));
    await settled();
    await create('Team scorecard', () => {});
    expect(draftJson()).toEqual({
      format: 'tierwise/grading-table',
      version: 1,
      id: 'team_scorecard',
      name: { en: 'Team scorecard', zh: 'Team scorecard' },
      inputs: [],
      method: {
        kind: 'scorecard',
        criteria: [],
        thresholds: [{ tier: 'A', gte: 80 }, { tier: 'B', gte: 60 }, { tier: 'C' }],
      },
      tiers: [
        { id: 'A', label: { en: 'A', zh: 'A' }, fill: '#C6EFCE', font: '#006100' },
        { id: 'B', label: { en: 'B', zh: 'B' }, fill: '#FFEB9C', font: '#9C5700' },
        { id: 'C', label: { en: 'C', zh: 'C' }, fill: '#FFC7CE', font: '#9C0006' },
      ],
    });
    expect((byLabel<HTMLSelectElement>('Grading table').selectedOptions[0] ?? {}).textContent).toBe(
      'Team scorecard (new; saved to the workbook on Apply)',
    );
    expect(screen.getByText('2 problems')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add an input' }));
    expect(draftJson().inputs).toHaveLength(1);
    expect(screen.getByText('1 problem')).toBeTruthy();
  });

  it('happy path: from a preset, a copy under the new name', async () => {
    const settled = openCountedPane(customerWorkbook(3));
    await settled();
    await create('Our payment terms', () => {
      fireEvent.click(screen.getByRole('radio', { name: 'A preset' }));
      fireEvent.change(byLabel('Preset to copy'), { target: { value: 'payment-scorecard' } });
    });
    const preset = getPreset('payment-scorecard')!;
    expect(draftJson()).toEqual({
      ...preset,
      id: 'our_payment_terms',
      name: { en: 'Our payment terms', zh: 'Our payment terms' },
    });
    expect(screen.getByText('The table is valid.')).toBeTruthy();
  });

  it('happy path: from the sheet columns, in Chinese, with the proposed inputs', async () => {
    const settled = openCountedPane(sheetWorkbook(), undefined, 'zh-CN');
    await settled();
    fireEvent.click(screen.getByRole('tab', { name: '分级表' }));
    fireEvent.click(screen.getByRole('button', { name: '新建分级表' }));
    fireEvent.change(byLabel('新分级表的名称'), { target: { value: '回款评分' } });
    fireEvent.click(screen.getByRole('radio', { name: '当前工作表的列' }));
    fireEvent.change(byLabel('方法'), { target: { value: 'rules' } });
    expect(
      screen.getByText(
        '根据工作表建议了 7 个输入项：Customer (文本), 回款天数 (数字), Region (类别), VIP (是/否), 已回款 (是/否), ' +
          'First order (日期), Sales (数字)',
      ),
    ).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '创建' }));
    });
    const table = draftJson('分级表 JSON');
    expect(table.id).toBe('table');
    expect(table.name).toEqual({ en: '回款评分', zh: '回款评分' });
    expect(table.inputs).toEqual(PROPOSED);
    expect(table.method).toEqual({ kind: 'rules', rules: [], default: 'C' });
  });

  it('given no data read yet, then starting from the columns is not offered', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Blank');
    const settled = openCountedPane(fake);
    await settled();
    fireEvent.click(screen.getByRole('tab', { name: 'Table' }));
    fireEvent.click(screen.getByRole('button', { name: 'New table' }));
    expect((screen.getByRole('radio', { name: 'The columns of the current sheet' }) as HTMLInputElement).disabled).toBe(
      true,
    );
    expect(screen.getByText('Detect the data first to start from its columns.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Create' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('happy path: Apply saves the new table into the workbook like any table', async () => {
    const fake = customerWorkbook(4);
    const settled = openCountedPane(fake);
    await settled();
    await create('Our payment terms', () => {
      fireEvent.click(screen.getByRole('radio', { name: 'A preset' }));
      fireEvent.change(byLabel('Preset to copy'), { target: { value: 'payment-scorecard' } });
    });
    const created = draftJson();
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await settled();
    expect(screen.getByText(/^Applied:/)).toBeTruthy();
    const stored = await new OfficeWorkbook(fake.run).readTables();
    expect(stored.ok && stored.value.tables).toEqual([
      { name: 'TW_our_payment_terms', address: expect.any(String), table: created },
    ]);
  });
});
