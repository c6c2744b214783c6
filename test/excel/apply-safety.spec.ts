import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import { customerRows, customerWorkbook, HEADERS, planFor, detectAndRead, value } from './support';

describe('Stored tables: one broken name', () => {
  it('given the sheet of one stored table deleted, then that one is reported and the others load', async () => {
    const fake = customerWorkbook(4);
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    value(await workbook.apply(region, planFor(region, rows, { summary: false })));
    fake.addSheet('Gone', [['x']]);
    fake.names.set('TW_gone', { name: 'TW_gone', ref: 'ref-error' });
    const stored = value(await workbook.readTables());
    expect(stored.tables.map((t) => [t.name, t.table.id])).toEqual([['TW_payment_scorecard', 'payment-scorecard']]);
    expect(stored.broken).toEqual([
      { name: 'TW_gone', address: 'TW_gone', problems: [{ code: 'empty', path: '', cell: 'TW_gone' }] },
    ]);
  });
});

describe('Request size in UTF-8 bytes', () => {
  it('given mostly-Chinese explanations, then every request stays under 5 MB of UTF-8 and Apply succeeds', async () => {
    const fake = new FakeExcel();
    const count = 400;
    const note = '客户付款记录良好'.repeat(600); // 4,800 characters, 14,400 bytes
    fake.addSheet('Customers', [HEADERS, ...customerRows(count)]);
    fake.select('Customers', { row: 1, column: 1, rows: 1, columns: 1 });
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const plan = planFor(region, rows, { summary: false });
    const explanation = plan.frame.columns.findIndex((c) => c.kind === 'explanation');
    const cells = plan.cells.map((row) => row.map((cell, c) => (c === explanation ? note : cell)));
    const start = fake.syncs.length;
    value(await workbook.apply(region, { ...plan, cells }));
    for (const sync of fake.syncs.slice(start)) expect(sync.requestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    const sheet = fake.sheet('Customers')!;
    const column = plan.frame.columns[explanation]!.sheetColumn;
    expect(Array.from({ length: count }, (_x, i) => fake.cell(sheet, i + 1, column)?.value)).toEqual(
      Array.from({ length: count }, () => note),
    );
  });

  it('given a write chunk Excel still rejects as too large, then it is halved and retried', async () => {
    const fake = customerWorkbook(200);
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const plan = planFor(region, rows, { summary: false });
    let rejected = 0;
    const start = fake.syncs.length;
    fake.beforeSync = (index) => {
      const sync = fake.syncs[index]!;
      if (rejected === 0 && index > start && sync.requestBytes > 20 * 1024) {
        rejected++;
        const error = new Error('The request payload size has exceeded the limit.');
        (error as Error & { code: string }).code = 'RequestPayloadSizeLimitExceeded';
        throw error;
      }
    };
    const report = value(await workbook.apply(region, plan));
    fake.beforeSync = undefined;
    expect(rejected).toBe(1);
    expect(report.columns[0]).toBe('Customers!E1:E201');
    const sheet = fake.sheet('Customers')!;
    const tiers = plan.frame.columns.findIndex((c) => c.kind === 'tier');
    const column = plan.frame.columns[tiers]!.sheetColumn;
    expect(Array.from({ length: 200 }, (_x, i) => fake.cell(sheet, i + 1, column)?.value ?? '')).toEqual(
      plan.cells.map((row) => row[tiers] ?? ''),
    );
  });
});

describe('Revert is idempotent', () => {
  it('given Excel failing half-way through Revert, then a second Revert finishes and the workbook is as before', async () => {
    const fake = customerWorkbook(12);
    const before = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    value(await workbook.apply(region, planFor(region, rows)));
    const start = fake.syncs.length;
    fake.beforeSync = (index) => {
      if (index === start + 12) throw new Error('The network connection was lost.');
    };
    const first = await workbook.revert();
    fake.beforeSync = undefined;
    expect(first.ok).toBe(false);
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('Excel tables: Tierwise finds its columns by identity, not by header', () => {
  function tableWorkbook(extraHeader: string, extra: (i: number) => string): FakeExcel {
    const fake = new FakeExcel();
    const rows = customerRows(6).map((row, i) => [...row, extra(i)]);
    fake.addSheet('T', [[...HEADERS, extraHeader], ...rows]);
    fake.addTable('Clients', 'T', { row: 0, column: 0, rows: 7, columns: 5 });
    fake.select('T', { row: 1, column: 1, rows: 1, columns: 1 });
    return fake;
  }

  it('given a user column "Tier" in the table, then Revert removes only the Tier that Apply added', async () => {
    const fake = tableWorkbook('Tier', (i) => `mine ${i}`);
    const before = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    value(await workbook.apply(region, planFor(region, rows, { summary: false }), { confirmed: true }));
    const sheet = fake.sheet('T')!;
    expect(Array.from({ length: 7 }, (_x, i) => fake.cell(sheet, i, 4)?.value)).toEqual([
      'Tier',
      ...Array.from({ length: 6 }, (_x, i) => `mine ${i}`),
    ]);
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(before);
  });

  it('given a user column "Tier" and a second Apply, then Tierwise replaces its own columns and keeps the user\'s', async () => {
    const fake = tableWorkbook('Tier', (i) => `mine ${i}`);
    const workbook = new OfficeWorkbook(fake.run);
    const first = await detectAndRead(workbook);
    value(
      await workbook.apply(first.region, planFor(first.region, first.rows, { summary: false }), { confirmed: true }),
    );
    const afterFirst = fake.snapshot();
    const second = await detectAndRead(workbook);
    value(
      await workbook.apply(second.region, planFor(second.region, second.rows, { summary: false }), { confirmed: true }),
    );
    const sheet = fake.sheet('T')!;
    expect(Array.from({ length: 7 }, (_x, i) => fake.cell(sheet, i, 4)?.value)).toEqual([
      'Tier',
      ...Array.from({ length: 6 }, (_x, i) => `mine ${i}`),
    ]);
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(afterFirst);
  });

  it('given a user column added after the Tierwise columns, then a second Apply writes each output under its own header', async () => {
    const fake = new FakeExcel();
    fake.addSheet('T', [HEADERS, ...customerRows(6)]);
    fake.addTable('Clients', 'T', { row: 0, column: 0, rows: 7, columns: 4 });
    fake.select('T', { row: 1, column: 1, rows: 1, columns: 1 });
    const workbook = new OfficeWorkbook(fake.run);
    const first = await detectAndRead(workbook);
    value(await workbook.apply(first.region, planFor(first.region, first.rows, { summary: false })));
    const sheet = fake.sheet('T')!;
    const table = fake.tables[0]!;
    const notesColumn = table.rect.column + table.rect.columns;
    // The user adds "Notes" at the table's right end, after Tierwise's columns.
    fake.setCell(sheet, 0, notesColumn, { value: 'Notes' });
    for (let i = 1; i <= 6; i++) fake.setCell(sheet, i, notesColumn, { value: `note ${i}` });
    table.rect = { ...table.rect, columns: table.rect.columns + 1 };
    table.columnIds.push(Math.max(...table.columnIds) + 1);
    const afterEdit = fake.snapshot();
    const second = await detectAndRead(workbook);
    const plan = planFor(second.region, second.rows, { summary: false });
    value(await workbook.apply(second.region, plan));
    const headers = Array.from({ length: table.rect.columns }, (_x, j) => fake.cell(sheet, 0, j)?.value);
    const column = (header: string) => headers.indexOf(header);
    expect(headers.filter((h) => h === 'Notes')).toEqual(['Notes']);
    expect(Array.from({ length: 6 }, (_x, i) => fake.cell(sheet, i + 1, column('Notes'))?.value)).toEqual(
      Array.from({ length: 6 }, (_x, i) => `note ${i + 1}`),
    );
    for (const [c, output] of plan.frame.columns.entries()) {
      expect(Array.from({ length: 6 }, (_x, i) => fake.cell(sheet, i + 1, column(output.header))?.value ?? '')).toEqual(
        plan.cells.map((row) => (isFormulaCell(row[c]) ? expect.anything() : (row[c] ?? ''))),
      );
    }
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(afterEdit);
  });
});

function isFormulaCell(cell: unknown): boolean {
  return typeof cell === 'object' && cell !== null && 'formula' in cell;
}

describe('Excel tables: the totals row', () => {
  it('given a table showing its totals row, then that row is neither graded nor written, and Revert restores it', async () => {
    const fake = new FakeExcel();
    fake.addSheet('T', [HEADERS, ...customerRows(6)]);
    fake.addTable('Clients', 'T', { row: 0, column: 0, rows: 7, columns: 4 });
    fake.addTotalsRow('Clients', [{ value: 'Total' }, { value: 0, formula: '=SUBTOTAL(109,[月均销售额])' }]);
    fake.select('T', { row: 1, column: 1, rows: 1, columns: 1 });
    const before = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    expect(region.rowCount).toBe(6);
    expect(rows.map((row) => row[0])).toEqual(customerRows(6).map((row) => row[0]));
    const plan = planFor(region, rows, { summary: false });
    value(await workbook.apply(region, plan));
    const sheet = fake.sheet('T')!;
    expect(Array.from({ length: 9 }, (_x, j) => fake.cell(sheet, 7, j) ?? null)).toEqual([
      { value: 'Total' },
      { value: 0, formula: '=SUBTOTAL(109,[月均销售额])' },
      ...Array.from({ length: 7 }, () => null),
    ]);
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('Apply re-reads the key column', () => {
  it('given two rows swapped after the preview, then Apply refuses, names the first changed key, and writes nothing', async () => {
    const fake = customerWorkbook(6);
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const plan = planFor(region, rows, { summary: false });
    const sheet = fake.sheet('Customers')!;
    const [first, fourth] = [1, 4].map((r) => HEADERS.map((_h, c) => fake.cell(sheet, r, c)!));
    HEADERS.forEach((_h, c) => {
      fake.setCell(sheet, 1, c, fourth![c]!);
      fake.setCell(sheet, 4, c, first![c]!);
    });
    const before = fake.snapshot();
    expect(await workbook.apply(region, plan, { rows })).toEqual({
      ok: false,
      problem: { kind: 'sheet-changed', address: 'Customers!A2', part: 'rows' },
    });
    expect(fake.snapshot()).toEqual(before);
  });
});
