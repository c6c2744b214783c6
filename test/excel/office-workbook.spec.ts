import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { stateXml, STATE_NAMESPACE } from '../../src/excel/state';
import { SUMMARIES_NAMESPACE } from '../../src/excel/summary-sheet';
import { formatWorkbookProblem } from '../../src/taskpane/text';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import { EXCEL_HOSTS } from '../../src/excel/testing/fake-hosts';
import { customerRows, customerWorkbook, HEADERS, planFor, detectAndRead, value } from './support';

describe('OfficeWorkbook.detectData', () => {
  it('happy path: the current region around the selection, with its header', async () => {
    const fake = customerWorkbook(12);
    const region = value(await new OfficeWorkbook(fake.run).detectData());
    expect(region).toEqual({
      sheet: 'Customers',
      address: 'Customers!A1:D13',
      top: 0,
      left: 0,
      rowCount: 12,
      columnCount: 4,
      headers: HEADERS,
      filtered: false,
      outputs: [],
    });
  });

  it('given the selection on a blank cell away from the data, then the data is still found', async () => {
    const fake = customerWorkbook(5);
    fake.select('Customers', { row: 40, column: 10, rows: 1, columns: 1 });
    expect(value(await new OfficeWorkbook(fake.run).detectData()).address).toBe('Customers!A1:D6');
  });

  it('given the selection inside an Excel table, then the table is the data', async () => {
    const fake = new FakeExcel();
    fake.addSheet('T', [['title'], [], HEADERS, ...customerRows(4)]);
    fake.addTable('Clients', 'T', { row: 2, column: 0, rows: 5, columns: 4 });
    fake.select('T', { row: 4, column: 2, rows: 1, columns: 1 });
    const region = value(await new OfficeWorkbook(fake.run).detectData());
    expect(region).toMatchObject({ table: 'Clients', top: 2, rowCount: 4, address: 'T!A3:D7' });
  });

  it('given an empty sheet, then it says so', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Blank');
    expect(await new OfficeWorkbook(fake.run).detectData()).toEqual({
      ok: false,
      problem: { kind: 'empty-sheet', sheet: 'Blank' },
    });
  });

  it('given merged cells in the header, then it names them', async () => {
    const fake = customerWorkbook(3);
    fake.sheet('Customers')!.merged.push({ row: 0, column: 1, rows: 1, columns: 2 });
    expect(await new OfficeWorkbook(fake.run).detectData()).toEqual({
      ok: false,
      problem: { kind: 'merged-header', address: 'Customers!B1:C1' },
    });
  });

  it('given a header without rows, then it says there are no data rows', async () => {
    const fake = new FakeExcel();
    fake.addSheet('H', [HEADERS]);
    const result = await new OfficeWorkbook(fake.run).detectData();
    expect(result).toEqual({ ok: false, problem: { kind: 'no-data-rows', sheet: 'H' } });
  });

  it('given a filtered sheet, then the region says hidden rows are graded too', async () => {
    const fake = customerWorkbook(3);
    fake.sheet('Customers')!.filter = { enabled: true, filtered: true };
    expect(value(await new OfficeWorkbook(fake.run).detectData()).filtered).toBe(true);
  });

  it('given data that ends on the last row of the sheet (1,048,576), then it is found and applied', async () => {
    const fake = new FakeExcel();
    const top = 1_048_576 - 6;
    fake.addSheet('Bottom', [HEADERS, ...customerRows(5)], { row: top, column: 0 });
    fake.select('Bottom', { row: top + 2, column: 0, rows: 1, columns: 1 });
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    expect(region).toMatchObject({ top, rowCount: 5 });
    value(await workbook.apply(region, planFor(region, rows, { summary: false })));
    expect(fake.cell(fake.sheet('Bottom')!, 1_048_575, 5)?.value).toBe('A'); // 25,000 and 40 days: 70 + 20
  });
});

describe('OfficeWorkbook.readRows', () => {
  it('given many rows, then round trips grow with rows / chunk size and every request stays under the budget', async () => {
    const budget = 64 * 1024;
    const trips: number[] = [];
    for (const count of [4000, 8000]) {
      const fake = customerWorkbook(count);
      const workbook = new OfficeWorkbook(fake.run, { budget });
      const region = value(await workbook.detectData());
      const before = fake.syncs.length;
      const rows = value(await workbook.readRows(region));
      expect(rows).toHaveLength(count);
      expect(rows[count - 1]![0]).toBe(`C${String(count).padStart(5, '0')}`);
      for (const sync of fake.syncs.slice(before)) expect(sync.responseBytes).toBeLessThanOrEqual(budget);
      trips.push(fake.syncs.length - before);
    }
    expect(trips[0]).toBeGreaterThan(2);
    expect(trips[1]! / trips[0]!).toBeGreaterThan(1.6);
    expect(trips[1]! / trips[0]!).toBeLessThan(2.4);
  });

  it('given a cancel, then reading stops with a cancelled result', async () => {
    const fake = customerWorkbook(4000);
    const workbook = new OfficeWorkbook(fake.run, { budget: 16 * 1024 });
    const region = value(await workbook.detectData());
    const controller = new AbortController();
    const result = await workbook.readRows(region, { signal: controller.signal, onProgress: () => controller.abort() });
    expect(result).toEqual({ ok: false, problem: { kind: 'cancelled', rolledBack: true } });
  });
});

describe('OfficeWorkbook.apply and revert', () => {
  it('happy path: values, one rule per tier, rules sheet, summary; Revert leaves the workbook identical', async () => {
    const fake = customerWorkbook(12);
    const before = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const report = value(await workbook.apply(region, planFor(region, rows)));
    expect(report.columns).toEqual(['E', 'F', 'G', 'H', 'I'].map((c) => `Customers!${c}1:${c}13`));
    const sheet = fake.sheet('Customers')!;
    expect([4, 5, 6, 7, 8].map((c) => fake.cell(sheet, 0, c)?.value)).toEqual([
      'Score',
      'Tier',
      'Strategy',
      'Explanation',
      'Error',
    ]);
    expect(fake.cell(sheet, 1, 4)?.value).toBe(100);
    expect(fake.cell(sheet, 1, 5)?.value).toBe('A');
    expect(fake.cell(sheet, 7, 5)).toEqual({ value: '', numberFormat: '@' }); // row 7 has 'soon' days: ungraded, left blank
    expect(String(fake.cell(sheet, 7, 8)?.value)).toContain('soon');
    expect(sheet.cfs.map((cf) => [cf.formula, cf.fill])).toEqual([
      ['=$F2="A"', '#C6EFCE'],
      ['=$F2="B"', '#FFEB9C'],
      ['=$F2="C"', '#FFC7CE'],
    ]);
    expect(sheet.cfs[0]!.rect).toEqual({ row: 1, column: 0, rows: 12, columns: 9 });
    expect(fake.sheet('Tierwise Rules')).toBeDefined();
    expect(fake.names.get('tw_payment_scorecard')?.ref).toMatchObject({ rect: { row: 0, column: 0 } });
    expect(fake.xmlParts).toEqual([
      { id: expect.any(Number), namespace: STATE_NAMESPACE, xml: stateXml(1) },
      { id: expect.any(Number), namespace: SUMMARIES_NAMESPACE, xml: expect.stringContaining('"source":"Customers"') },
    ]);
    const summary = fake.sheet('Tierwise Summary')!;
    expect(summary.charts).toHaveLength(1);
    expect(fake.cell(summary, 1, 1)?.formula).toBe(`=SUMPRODUCT(--('Customers'!$F$2:$F$13="A"))`);
    expect(fake.cell(summary, 1, 2)?.numberFormat).toBe('0.0%');
    expect(fake.suspendedCalculation).toBeGreaterThan(0);
    expect(fake.suspendedScreen).toBe(1);
    expect(workbook.canRevert()).toBe(true);

    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(before);
    expect(workbook.canRevert()).toBe(false);
  });

  it('given an unreadable summaries index, then the summary goes to a new sheet, Apply says why, and Revert restores the index', async () => {
    const fake = customerWorkbook(12);
    fake.xmlParts.push({ id: 99, namespace: SUMMARIES_NAMESPACE, xml: '<summaries>[{"source":</summaries>' });
    const before = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const report = value(await workbook.apply(region, planFor(region, rows)));
    expect(report.summarySheet).toBe('Tierwise Summary');
    expect(report.summaryProblem).toEqual({
      kind: 'summary-index-unreadable',
      reason: expect.stringMatching(/JSON/),
      sheet: 'Tierwise Summary',
    });
    expect(formatWorkbookProblem(report.summaryProblem!, 'zh-CN')).toContain('新工作表 Tierwise Summary');
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(before);
  });

  it('given an Excel table and live formulas, then a calculated column is added and Revert removes it', async () => {
    const fake = new FakeExcel();
    fake.addSheet('T', [HEADERS, ...customerRows(6), [], ['below the table']]);
    fake.addTable('Clients', 'T', { row: 0, column: 0, rows: 7, columns: 4 });
    fake.select('T', { row: 1, column: 1, rows: 1, columns: 1 });
    const before = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    value(
      await workbook.apply(region, planFor(region, rows, { mode: 'formulas', summary: false, explanation: false })),
    );
    const sheet = fake.sheet('T')!;
    const tierFormulas = [1, 2, 3, 4, 5, 6].map((r) => fake.cell(sheet, r, 5)?.formula);
    expect(new Set(tierFormulas).size).toBe(1);
    expect(tierFormulas[0]).toBe(
      '=TIERWISE.TIER_SCORE(CHOOSE({1,2},[@[月均销售额]],[@[Payment days]]),TW_payment_scorecard,"tier")',
    );
    expect(fake.cell(sheet, 1, 6)?.formula).toMatch(/^=SWITCH\(\$F2,"A",/);
    expect(fake.tables[0]!.rect.columns).toBe(7);
    expect(fake.cell(sheet, 8, 0)?.value).toBe('below the table');
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(before);
  });

  it('given live formulas on a plain range, then one formula per column spills over every row', async () => {
    const fake = customerWorkbook(3);
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    value(await workbook.apply(region, planFor(region, rows, { mode: 'formulas', summary: false, strategy: false })));
    const sheet = fake.sheet('Customers')!;
    expect([1, 2, 3].map((r) => fake.cell(sheet, r, 5)?.formula)).toEqual([
      '=TIERWISE.TIER_SCORE($B$2:$C$4,TW_payment_scorecard,"tier")',
      undefined,
      undefined,
    ]);
  });

  it('given a protected sheet, then Apply says so and changes nothing', async () => {
    const fake = customerWorkbook(4);
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    fake.sheet('Customers')!.protected = true;
    const before = fake.snapshot();
    expect(await workbook.apply(region, planFor(region, rows))).toEqual({
      ok: false,
      problem: { kind: 'protected-sheet', sheet: 'Customers' },
    });
    expect(fake.snapshot()).toEqual(before);
  });

  it('given a Tier column the user owns, then Apply asks first; when confirmed it adds its own and leaves theirs', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Customers', [
      [...HEADERS, 'tier'],
      ...customerRows(5).map((r, i) => [...r, i % 2 ? 'gold' : '=1+1']),
    ]);
    const sheet = fake.sheet('Customers')!;
    fake.cell(sheet, 1, 4)!.numberFormat = '@';
    const before = fake.snapshot();
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const plan = planFor(region, rows, { summary: false });
    expect(await workbook.apply(region, plan)).toEqual({
      ok: false,
      problem: { kind: 'user-columns', headers: ['tier'] },
    });
    expect(fake.snapshot()).toEqual(before);

    value(await workbook.apply(region, plan, { confirmed: true }));
    expect(fake.cell(sheet, 1, 4)).toEqual({ value: 0, formula: '=1+1', numberFormat: '@' });
    expect(fake.cell(sheet, 0, 6)?.value).toBe('Tier');
    expect(fake.cell(sheet, 1, 6)?.value).toBe('A');
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(before);
  });

  it('given Apply twice, then the second replaces the Tierwise columns and its Revert brings back the first', async () => {
    const fake = customerWorkbook(8);
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    value(await workbook.apply(region, planFor(region, rows, { summary: false })));
    const afterFirst = fake.snapshot();
    const again = value(await workbook.detectData());
    expect(again).toMatchObject({ columnCount: 9, outputs: [4, 5, 6, 7, 8] });
    const againRows = value(await workbook.readRows(again));
    const report = value(await workbook.apply(again, planFor(again, againRows, { summary: false, strategy: false })));
    expect(report.columns).toEqual(['E', 'F', 'G', 'H'].map((c) => `Customers!${c}1:${c}9`));
    const sheet = fake.sheet('Customers')!;
    expect([4, 5, 6, 7, 8].map((c) => fake.cell(sheet, 0, c)?.value)).toEqual([
      'Score',
      'Tier',
      'Explanation',
      'Error',
      undefined,
    ]);
    expect(sheet.cfs).toHaveLength(3);
    value(await workbook.revert());
    expect(fake.snapshot()).toEqual(afterFirst);
  });

  it('given a cancel in the middle, then the sheet is as before', async () => {
    const fake = customerWorkbook(3000);
    const workbook = new OfficeWorkbook(fake.run, { budget: 16 * 1024 });
    const { region, rows } = await detectAndRead(workbook);
    const before = fake.snapshot();
    const controller = new AbortController();
    const result = await workbook.apply(region, planFor(region, rows), {
      signal: controller.signal,
      onProgress: ({ done }) => {
        if (done > 500) controller.abort();
      },
    });
    expect(result).toEqual({ ok: false, problem: { kind: 'cancelled', rolledBack: true } });
    expect(fake.snapshot()).toEqual(before);
    expect(workbook.canRevert()).toBe(false);
  });

  it('given Excel failing in the middle, then the changes so far are undone and the pane is told', async () => {
    const fake = customerWorkbook(3000);
    const workbook = new OfficeWorkbook(fake.run, { budget: 16 * 1024 });
    const { region, rows } = await detectAndRead(workbook);
    const before = fake.snapshot();
    const start = fake.syncs.length;
    const lost = new Error('The network connection was lost.');
    fake.beforeSync = (index) => {
      if (index === start + 8) throw lost;
    };
    const result = await workbook.apply(region, planFor(region, rows));
    fake.beforeSync = undefined;
    expect(result).toEqual({
      ok: false,
      problem: { kind: 'failed', message: 'The network connection was lost.', cause: lost, rolledBack: true },
    });
    expect(fake.snapshot()).toEqual(before);
  });

  it('given writes of many rows, then each request stays under the budget and calculation is suspended per write', async () => {
    const fake = customerWorkbook(6000);
    const budget = 64 * 1024;
    const workbook = new OfficeWorkbook(fake.run, { budget });
    const { region, rows } = await detectAndRead(workbook);
    const start = fake.syncs.length;
    const report = value(await workbook.apply(region, planFor(region, rows, { summary: false })));
    const syncs = fake.syncs.slice(start);
    expect(report.requests).toBe(syncs.length);
    for (const sync of syncs) expect(sync.requestBytes).toBeLessThan(budget + 8 * 1024);
    expect(fake.suspendedScreen).toBe(1);
  });
});

describe('OfficeWorkbook rules in the workbook', () => {
  it('happy path: a stored table is read back and validated', async () => {
    const fake = customerWorkbook(4);
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    value(await workbook.apply(region, planFor(region, rows, { summary: false })));
    const stored = value(await workbook.readTables());
    expect(stored.version).toBe(1);
    expect(stored.broken).toEqual([]);
    expect(stored.tables.map((t) => [t.name, t.table.id])).toEqual([['TW_payment_scorecard', 'payment-scorecard']]);
  });

  it('given a table broken by hand, then it is reported with its cell', async () => {
    const fake = customerWorkbook(4);
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    value(await workbook.apply(region, planFor(region, rows, { summary: false })));
    const rules = fake.sheet('Tierwise Rules')!;
    let colour: [number, number] | undefined;
    for (const [k, cell] of rules.cells) if (cell.value === '#C6EFCE') colour = [Math.floor(k / 16384), k % 16384];
    expect(colour).toBeDefined();
    fake.setCell(rules, colour![0], colour![1], { value: 'greenish' });
    const stored = value(await workbook.readTables());
    expect(stored.tables).toEqual([]);
    expect(stored.broken[0]!.problems[0]).toMatchObject({ code: 'bad-colour' });
    expect(stored.broken[0]!.problems[0]!.cell).toMatch(/^'Tierwise Rules'!/);
  });

  it('given a workbook stamped by a newer Tierwise, then it says so', async () => {
    const fake = customerWorkbook(2);
    fake.xmlParts.push({ id: 99, namespace: STATE_NAMESPACE, xml: stateXml(7) });
    expect(await new OfficeWorkbook(fake.run).readTables()).toEqual({
      ok: false,
      problem: { kind: 'newer-workbook', found: 7, supported: 1 },
    });
  });
});

describe('OfficeWorkbook.selectRows, snapshot and history', () => {
  it('given scattered rows, then one selection holds as many as fit under 8,192 characters', async () => {
    const fake = customerWorkbook(3000);
    fake.host = EXCEL_HOSTS['Microsoft 365'];
    const workbook = new OfficeWorkbook(fake.run);
    const region = value(await workbook.detectData());
    const rows = Array.from({ length: 1400 }, (_x, i) => i * 2);
    const { selected } = value(await workbook.selectRows(region, rows));
    expect(selected).toBeGreaterThan(100);
    expect(selected).toBeLessThan(1400);
    expect(fake.selection.rects[0]).toEqual({ row: 1, column: 0, rows: 1, columns: 4 });
    expect(fake.selection.rects).toHaveLength(selected);
  });

  it('given adjacent rows, then they are selected as one area', async () => {
    const fake = customerWorkbook(10);
    fake.host = EXCEL_HOSTS['Microsoft 365'];
    const workbook = new OfficeWorkbook(fake.run);
    const region = value(await workbook.detectData());
    expect(value(await workbook.selectRows(region, [3, 4, 5, 8]))).toEqual({ selected: 4 });
    expect(fake.selection.rects).toEqual([
      { row: 4, column: 0, rows: 3, columns: 4 },
      { row: 9, column: 0, rows: 1, columns: 4 },
    ]);
  });

  it('happy path: two snapshots are read back as history', async () => {
    const fake = customerWorkbook(2);
    const workbook = new OfficeWorkbook(fake.run);
    value(await workbook.snapshot({ date: '2026-10-01', table: 't', entries: [{ key: 'C1', score: 80, tier: 'A' }] }));
    value(
      await workbook.snapshot({
        date: '2026-11-01',
        table: 't',
        entries: [
          { key: 'C1', score: 50, tier: 'C' },
          { key: '=C2', score: null, tier: 'B' },
        ],
      }),
    );
    const history = value(await workbook.readHistory());
    expect(history).toEqual([
      { id: '#1', date: '2026-10-01', table: 't', entries: [{ key: 'C1', score: 80, tier: 'A' }] },
      {
        id: '#2',
        date: '2026-11-01',
        table: 't',
        entries: [
          { key: 'C1', score: 50, tier: 'C' },
          { key: '=C2', score: null, tier: 'B' },
        ],
      },
    ]);
  });
});

describe('OfficeWorkbook.apply with the region as it was before the first Apply', () => {
  it('given a second Apply that adds a column, then the Tierwise columns are laid out again in their order', async () => {
    const fake = customerWorkbook(5);
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    value(await workbook.apply(region, planFor(region, rows, { summary: false, strategy: false, explanation: false })));
    const report = value(await workbook.apply(region, planFor(region, rows, { summary: false, followUp: true })));
    expect(report.columns).toEqual(['E', 'F', 'G', 'H', 'I', 'J'].map((c) => `Customers!${c}1:${c}6`));
    const sheet = fake.sheet('Customers')!;
    expect([4, 5, 6, 7, 8, 9, 10].map((c) => fake.cell(sheet, 0, c)?.value)).toEqual([
      'Score',
      'Tier',
      'Strategy',
      'Follow-up',
      'Explanation',
      'Error',
      undefined,
    ]);
  });
});
