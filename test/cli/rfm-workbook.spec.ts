/**
 * `tierwise rfm --out result.xlsx`: the workbook read back cell by cell with
 * ExcelJS and checked against the CSV output of the same run (the customer
 * table) and against sums over that CSV (summary, heatmap, cut points), then
 * opened in LibreOffice to prove it is a workbook a spreadsheet reads.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { readCsv, runRfm } from './rfm-run';
import { RFM_PRESETS } from '../../src/engine/rfm';
import { libreOfficeSession, parseCsv, sheetsAsCsv, SOFFICE } from '../xlsx/office';

const DATA = join(__dirname, '../../data');
const session = libreOfficeSession('tierwise-rfm-xlsx-');

const run = (args: string[]) => runRfm(session.dir, args);

/** A sheet's values, row by row from row 1, as ExcelJS reads them (dates as Date, blanks null). */
function values(sheet: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: unknown[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(row.getCell(c).value ?? null);
    out.push(cells);
  }
  return out;
}

function fillOf(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return fill?.fgColor?.argb;
}

const table = RFM_PRESETS.find((p) => p.id === 'rfm')!;
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;
const iso = (d: unknown) => (d as Date).toISOString().slice(0, 10);

describe('tierwise rfm --out result.xlsx', () => {
  const common = [join(DATA, 'rfm-orders.csv'), '--as-of', '2006-12-31', '--binning', 'rfm-package'];
  let csv: string[][];
  let workbook: ExcelJS.Workbook;
  let xlsxPath: string;

  beforeAll(async () => {
    const csvPath = join(session.dir, 'customers.csv');
    xlsxPath = join(session.dir, 'result.xlsx');
    const fromCsv = await run([...common, '--out', csvPath]);
    const fromXlsx = await run([...common, '--out', xlsxPath]);
    expect([fromCsv.code, fromXlsx.code, fromXlsx.err]).toEqual([0, 0, '']);
    // The console report is the same whichever file is written.
    const report = (out: string) => out.split('\n').filter((l) => !/^(Wrote|Time:)/.test(l));
    expect(report(fromXlsx.out)).toEqual(report(fromCsv.out));
    csv = readCsv(csvPath);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
  }, 60_000);

  test('then the sheets are Customers, Segments, R x F and Cut points', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Customers', 'Segments', 'R x F', 'Cut points']);
  });

  test('then the customer table equals the CSV cell by cell (dates as dates) and each segment cell has its colours', () => {
    const sheet = workbook.getWorksheet('Customers')!;
    const rows = values(sheet);
    expect(rows.length).toBe(csv.length);
    expect(rows[0]).toEqual(csv[0]);
    const labels = new Map(table.tiers.map((t) => [t.label.en, t]));
    for (let i = 1; i < csv.length; i++) {
      const expected = csv[i]!;
      const got = rows[i]!;
      expect([
        String(got[0]),
        ...[1, 2, 3].map((c) => String(got[c])),
        iso(got[4]),
        iso(got[5]),
        String(got[6]),
        ...[7, 8, 9].map((c) => (got[c] === null ? '' : String(got[c]))),
        String(got[10]),
        got[11],
      ]).toEqual(expected);
      const tier = labels.get(expected[11]!)!;
      const segment = sheet.getRow(i + 1).getCell(12);
      expect([fillOf(segment), segment.font?.color?.argb]).toEqual([argb(tier.fill), argb(tier.font)]);
    }
  });

  test('then the segment summary equals sums over the CSV: customers, orders, revenue, AOV, both shares, total', () => {
    const sheet = workbook.getWorksheet('Segments')!;
    const rows = values(sheet);
    expect(rows[0]).toEqual(['RFM segments: ' + table.name.en]);
    expect(rows[1]![0]).toBe('As of');
    expect(iso(rows[1]![1])).toBe('2006-12-31');
    expect(rows[3]).toEqual([
      'Segment',
      'Share of customers',
      'Share of revenue',
      'Customers',
      'Orders',
      'Revenue',
      'AOV',
    ]);
    const body = csv.slice(1);
    const totalRevenue = body.reduce((s, r) => s + Number(r[3]), 0);
    const totalOrders = body.reduce((s, r) => s + Number(r[2]), 0);
    const expected = table.tiers.map((tier) => {
      const mine = body.filter((r) => r[11] === tier.label.en);
      const orders = mine.reduce((s, r) => s + Number(r[2]), 0);
      const revenue = mine.reduce((s, r) => s + Number(r[3]), 0);
      return [
        tier.label.en,
        mine.length / body.length,
        revenue / totalRevenue,
        mine.length,
        orders,
        revenue,
        orders > 0 ? revenue / orders : null,
      ];
    });
    expected.push(['Total', 1, 1, body.length, totalOrders, totalRevenue, totalRevenue / totalOrders]);
    const got = rows.slice(4);
    expect(got.length).toBe(expected.length);
    got.forEach((row, k) => {
      const want = expected[k]!;
      expect(row[0]).toBe(want[0]);
      for (let c = 1; c < 7; c++) {
        if (want[c] === null) expect(row[c]).toBeNull();
        else expect(row[c] as number).toBeCloseTo(want[c] as number, 9);
      }
    });
    // Each segment name in its colours; shares as percentages.
    table.tiers.forEach((tier, k) => {
      const cell = sheet.getRow(5 + k).getCell(1);
      expect([fillOf(cell), cell.font?.color?.argb]).toEqual([argb(tier.fill), argb(tier.font)]);
      expect(sheet.getRow(5 + k).getCell(2).numFmt).toBe('0.0%');
    });
  });

  test('then the R x F heatmap counts the customers of each (R, F) pair of the CSV, greener for more', () => {
    const sheet = workbook.getWorksheet('R x F')!;
    const rows = values(sheet);
    expect(rows[2]).toEqual(['R \\ F', 'F1', 'F2', 'F3', 'F4', 'F5']);
    const body = csv.slice(1);
    for (let k = 0; k < 5; k++) {
      const r = 5 - k;
      const counts = [1, 2, 3, 4, 5].map(
        (f) => body.filter((row) => row[7] === String(r) && row[8] === String(f)).length,
      );
      expect(rows[3 + k]).toEqual([`R${r}`, ...counts]);
    }
    const all = rows.slice(3, 8).flatMap((row) => row.slice(1) as number[]);
    const most = Math.max(...all);
    for (let k = 0; k < 5; k++) {
      for (let f = 0; f < 5; f++) {
        const cell = sheet.getRow(4 + k).getCell(f + 2);
        const n = cell.value as number;
        if (n === most) expect(fillOf(cell)).toBe('FF63BE7B');
        if (n === 0) expect(fillOf(cell)).toBe('FFFFFFFF');
      }
    }
  });

  test('then the cut points list every score with its bounds, and every CSV customer lies inside its bounds', () => {
    const sheet = workbook.getWorksheet('Cut points')!;
    const rows = values(sheet);
    expect(rows[0]).toEqual(['Cut points used (rfm-package)']);
    expect(rows[2]).toEqual(['Dimension', 'Score', 'Values', 'From', 'To', 'Customers', 'Cap']);
    const body = csv.slice(1);
    const names = ['Recency (days)', 'Frequency (orders)', 'Monetary'];
    const got = rows.slice(3);
    expect(got.map((r) => [r[0], r[1]])).toEqual(
      names.flatMap((name) => [5, 4, 3, 2, 1].map((score) => [name, score])),
    );
    got.forEach((row) => {
      const d = names.indexOf(row[0] as string);
      const mine = body.filter((r) => r[7 + d] === String(row[1]));
      expect(row[5]).toBe(mine.length);
      const from = row[3] as number | null;
      const to = row[4] as number | null;
      // rfm-package bins are [from, to): R's lower <= v < upper.
      for (const r of mine) {
        const v = Number(r[1 + d]);
        if (from !== null) expect(v).toBeGreaterThanOrEqual(from);
        if (to !== null) expect(v).toBeLessThan(to);
      }
      const text = [from === null ? '' : `>= ${from}`, to === null ? '' : `< ${to}`].filter(Boolean).join(', ');
      expect(row[2]).toBe(text);
    });
  });

  test('given --lang zh-CN, then the sheets, captions and segment names are Chinese', async () => {
    const out = join(session.dir, 'zh.xlsx');
    expect((await run([...common, '--lang', 'zh-CN', '--out', out])).code).toBe(0);
    const zh = new ExcelJS.Workbook();
    await zh.xlsx.readFile(out);
    expect(zh.worksheets.map((s) => s.name)).toEqual(['客户', '客户分群', 'R × F', '分档切点']);
    const rows = values(zh.getWorksheet('客户分群')!);
    expect(rows[3]).toEqual(['分群', '客户占比', '金额占比', '客户数', '订单数', '金额', '客单价']);
    expect(rows.slice(4).map((r) => r[0])).toEqual([...table.tiers.map((t) => t.label.zh), '合计']);
  });

  (SOFFICE ? test : test.skip)(
    'then LibreOffice opens it and reads every sheet as ExcelJS does',
    () => {
      const sheets = sheetsAsCsv(session.profile, xlsxPath);
      expect([...sheets.keys()].sort()).toEqual(['Customers', 'Cut points', 'R x F', 'Segments']);
      const customers = parseCsv(sheets.get('Customers')!);
      expect(customers.length).toBe(csv.length);
      expect(customers[0]).toEqual(csv[0]);
      for (let i = 1; i < csv.length; i++) {
        expect(customers[i]![0]).toBe(csv[i]![0]);
        expect(customers[i]![11]).toBe(csv[i]![11]);
        expect(customers.slice(i, i + 1).map((r) => [1, 2, 7, 8, 9].map((c) => r[c]))[0]).toEqual(
          [1, 2, 7, 8, 9].map((c) => csv[i]![c]),
        );
      }
      const heat = parseCsv(sheets.get('R x F')!);
      const mine = values(workbook.getWorksheet('R x F')!);
      for (let k = 3; k < 8; k++) expect(heat[k]).toEqual(mine[k]!.map(String));
      const segments = parseCsv(sheets.get('Segments')!);
      expect(segments[4]![0]).toBe(table.tiers[0]!.label.en);
      expect(Number(segments[4]![3])).toBe(values(workbook.getWorksheet('Segments')!)[4]![3]);
    },
    240_000,
  );
});
