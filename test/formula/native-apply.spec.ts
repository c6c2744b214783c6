import { HyperFormula, type RawCellContent } from 'hyperformula';
import { compileTable, mapColumns, type Cell } from '../../src/engine';
import { formulaErrorText } from '../../src/engine/formula';
import { getPreset } from '../../src/engine/presets';
import { buildPlan } from '../../src/excel/build-plan';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import type { FakeExcel } from '../../src/excel/testing/fake-excel';
import { FakeExcel as Fake } from '../../src/excel/testing/fake-excel';
import {
  customerRows,
  customerWorkbook,
  DEFAULT_OPTIONS,
  detectAndRead,
  HEADERS,
  paymentScorecard,
  planFor,
  value,
} from '../excel/support';

/** The sheet as HyperFormula takes it: formulas where the fake holds one, values elsewhere. */
function sheetGrid(fake: FakeExcel, sheetName: string, rows: number, columns: number): RawCellContent[][] {
  const sheet = fake.sheet(sheetName)!;
  return Array.from({ length: rows }, (_x, r) =>
    Array.from({ length: columns }, (_y, c): RawCellContent => {
      const cell = fake.cell(sheet, r, c);
      if (cell?.formula) return cell.formula;
      const v = cell?.value;
      return typeof v === 'string' ? (v === '' ? null : `'${v}`) : ((v ?? null) as RawCellContent);
    }),
  );
}

/** Score, Tier and Error the engine gives each row, as the native formulas write them. */
function engineOutputs(rows: Cell[][], headers: string[], names?: ReadonlyMap<string, string>): unknown[][] {
  const compiled = paymentScorecard();
  const { map } = mapColumns(compiled.columns, headers);
  const batch = compiled.gradeRows(rows, map);
  const errorText = formulaErrorText('en-US', names);
  return rows.map((row, i) => {
    const error = batch.errors.get(i);
    // A number typed as text ('soon' in Payment days) is an error for the formulas too, with their own reason.
    const text = row.some((cell) => cell === 'soon');
    if (error || text) {
      const input = compiled.columns.find((x) => error && 'input' in error && x.id === error.input);
      return ['', '', text ? errorText('unread-text', compiled.columns[1]) : errorText(error!.kind as never, input)];
    }
    return [batch.scores[i], compiled.tiers[batch.tiers[i]!]!.id, ''];
  });
}

describe('Apply with Excel formulas (no add-in needed)', () => {
  it('given a plain range then Score, Tier and Error are native formulas that recalculate to the engine values, with colours, legend and summary', async () => {
    const fake = customerWorkbook(14);
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    const plan = planFor(region, rows, { mode: 'native', explanation: false, strategy: false });
    expect(plan.problem).toBeUndefined();
    expect(plan.frame.columns.map((c) => c.header)).toEqual(['Score', 'Tier', 'Error']);
    value(await workbook.apply(region, plan));
    const sheet = fake.sheet('Customers')!;
    expect(fake.cell(sheet, 1, 5)?.formula).toBe('=IF(G2<>"","",IFS(E2>=80,"A",E2>=60,"B",TRUE(),"C"))');
    expect(fake.cell(sheet, 3, 4)?.formula).toMatch(/^=IF\(G4<>"","",IFS\(B4<=5000,30,/);
    expect(sheet.cfs.length).toBeGreaterThan(0);
    expect(fake.sheet('Tierwise Summary')).toBeDefined();
    const hf = HyperFormula.buildFromArray(sheetGrid(fake, 'Customers', rows.length + 1, 7), {
      licenseKey: 'gpl-v3',
      smartRounding: false,
    });
    const recalculated = rows.map((_r, i) => [4, 5, 6].map((c) => hf.getCellValue({ sheet: 0, row: i + 1, col: c })));
    const names = plan.frame.inputHeaders;
    expect(names?.get('payment_days')).toBe('Payment days');
    expect(recalculated).toEqual(engineOutputs(rows, HEADERS, names));
    // An edit: the first customer's sales drop; the formulas follow without the add-in.
    hf.setCellContents({ sheet: 0, row: 1, col: 1 }, 3000);
    const edited = rows.map((r) => [...r]);
    edited[0]![1] = 3000;
    expect([4, 5, 6].map((c) => hf.getCellValue({ sheet: 0, row: 1, col: c }))).toEqual(
      engineOutputs(edited, HEADERS, names)[0],
    );
    hf.destroy();
  });

  it('given an Excel table then every row of each output column holds the same formula in R1C1 terms', async () => {
    const fake = new Fake();
    fake.addSheet('T', [HEADERS, ...customerRows(6)]);
    fake.addTable('Clients', 'T', { row: 0, column: 0, rows: 7, columns: 4 });
    fake.select('T', { row: 1, column: 1, rows: 1, columns: 1 });
    const workbook = new OfficeWorkbook(fake.run);
    const { region, rows } = await detectAndRead(workbook);
    value(await workbook.apply(region, planFor(region, rows, { mode: 'native', summary: false, explanation: false })));
    const sheet = fake.sheet('T')!;
    for (const column of [4, 5]) {
      const shapes = [1, 2, 3, 4, 5, 6].map((r) =>
        fake.cell(sheet, r, column)!.formula!.replace(new RegExp(`([A-Z])${r + 1}(?![0-9])`, 'g'), '$1{row}'),
      );
      expect(new Set(shapes).size).toBe(1);
    }
    expect(fake.tables[0]!.rect.columns).toBe(8);
  });

  it('given an RFM table then the plan says why, and the pane writes nothing', () => {
    for (const [id, reason] of [['rfm', 'RFM scores depend on the whole population']] as const) {
      const compiled = compileTable(getPreset(id), { resolve: getPreset });
      if (!compiled.ok) throw new Error(id);
      const headers = compiled.compiled.columns.map((c) => c.id);
      const rows: Cell[][] = [compiled.compiled.columns.map(() => null)];
      const region = {
        sheet: 'S',
        top: 0,
        left: 0,
        rowCount: 1,
        columnCount: headers.length,
        headers,
        outputs: [],
      } as unknown as Parameters<typeof buildPlan>[1];
      const { map } = mapColumns(compiled.compiled.columns, headers);
      const plan = buildPlan(compiled.compiled, region, rows, map, compiled.compiled.gradeRows(rows, map), {
        ...DEFAULT_OPTIONS,
        mode: 'native',
      });
      expect(plan.problem).toContain(reason);
    }
  });
});
