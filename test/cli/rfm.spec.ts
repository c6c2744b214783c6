import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv, runRfm } from './rfm-run';

const DATA = join(__dirname, '../../data');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-rfm-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runRfm(dir, args);

describe('tierwise rfm', () => {
  test('given the orders as an .xlsx sheet (real dates and numbers), then the customers equal those from the CSV', async () => {
    const [header, ...lines] = readCsv(join(DATA, 'rfm-orders.csv'));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('订单 Orders');
    sheet.addRow(header!);
    for (const [customer, date, revenue] of lines)
      sheet.addRow([customer, new Date(`${date}T00:00:00Z`), Number(revenue)]);
    const xlsx = join(dir, 'orders.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const common = ['--as-of', '2006-12-31', '--binning', 'rfm-package'];
    const fromCsv = await run([join(DATA, 'rfm-orders.csv'), ...common, '--out', join(dir, 'a.csv')]);
    const fromXlsx = await run([xlsx, ...common, '--sheet', '订单 Orders', '--out', join(dir, 'b.csv')]);
    expect([fromCsv.code, fromXlsx.code]).toEqual([0, 0]);
    expect(fromXlsx.out).toContain('Read 4,906 orders of 995 customers');
    expect(readCsv(join(dir, 'b.csv'))).toEqual(readCsv(join(dir, 'a.csv')));
    const missing = await run([xlsx, ...common, '--sheet', 'Sheet9', '--out', join(dir, 'c.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("has no sheet 'Sheet9'");
  });

  test('happy path: the R rfm example data with rfm-package binning, one row per customer out', async () => {
    const out = join(dir, 'customers.csv');
    const result = await run([
      join(DATA, 'rfm-orders.csv'),
      '--as-of',
      '2006-12-31',
      '--binning',
      'rfm-package',
      '--out',
      out,
    ]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Read 4,906 orders of 995 customers');
    expect(result.out).toContain('As of 2006-12-31\n');
    // Cut points as R's rfm_table_order computes them (thresholds = quantiles + 1, [lower, upper)).
    expect(result.out).toMatch(/5 {2}< 115 +200/);
    expect(result.out).toMatch(/1 {2}< 4 +268/);
    expect(result.out).toMatch(/Total +995 +100\.0% +4,906 +464,158/);
    expect(result.out).toMatch(/Time: reading \d+ ms, grading \d+ ms, writing \d+ ms/);
    const rows = readCsv(out);
    expect(rows[0]).toEqual([
      'customer_id',
      'recency_days',
      'frequency',
      'monetary',
      'first_order',
      'last_order',
      'aov',
      'R',
      'F',
      'M',
      'RFM',
      'segment',
    ]);
    expect(rows).toHaveLength(996);
    expect(rows.find((r) => r[0] === 'Add Senger')!.slice(1, 11)).toEqual([
      '140',
      '3',
      '340',
      '2005-06-08',
      '2006-08-13',
      '113.33',
      '4',
      '1',
      '2',
      '412',
    ]);
  });

  test('given bad rows, then each is reported with its line number, the count is shown, and the exit code is 1', async () => {
    const input = join(dir, 'orders.csv');
    writeFileSync(
      input,
      'cust,day,total\r\nA,2024-01-01,10\r\n,2024-01-02,5\r\nB,someday,5\r\nC,2024-01-03,abc\r\nD,2024-01-04\r\nE,2024-01-05,7\r\n',
    );
    const result = await run([
      input,
      '--customer',
      'cust',
      '--date',
      'day',
      '--amount',
      'total',
      '--segments',
      'rfm-11',
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('orders.csv, line 3: cust: the cell is empty; row skipped');
    expect(result.err).toContain("orders.csv, line 4: day: 'someday' is not a date");
    expect(result.err).toContain("orders.csv, line 5: total: 'abc' is not a number");
    expect(result.err).toContain('line 6: 2 cells, but the header row has 3');
    expect(result.err).toContain('4 bad row(s) skipped');
    expect(result.out).toContain('Read 2 orders of 2 customers');
    expect(readCsv(join(dir, 'orders.rfm.csv'))).toHaveLength(3);
  });

  test('quantile binning (default) on the CDNOW sample with the 11-segment grid, columns found by name', async () => {
    const result = await run([
      join(DATA, 'cdnow-sample.csv'),
      '--segments',
      'rfm-11',
      '--out',
      join(dir, 'c.csv'),
      '--lang',
      'zh-CN',
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('从');
    expect(result.out).toContain('6,919 笔订单，共 2,357 位客户');
    expect(result.out).toContain('分析日期 1998-07-01（最后一笔订单的次日）');
    expect(result.out).toContain('休眠客户');
    expect(result.out).toContain('无人落入');
  });

  test('fixed breakpoints with a cap and left-closed bins', async () => {
    const result = await run([
      join(DATA, 'rfm-orders.csv'),
      '--as-of',
      '2006-12-31',
      '--binning',
      'fixed',
      '--breakpoints',
      'r=115,181,297,482',
      '--breakpoints',
      'f=4,5,6,8',
      '--breakpoints',
      'm=256,382,506,666',
      '--closed',
      'left',
      '--out',
      join(dir, 'f.csv'),
    ]);
    expect(result.code).toBe(0);
    // The rfm package's own custom-threshold example: scores as with its default bins.
    const rows = readCsv(join(dir, 'f.csv'));
    expect(rows.find((r) => r[0] === 'Add Senger')![10]).toBe('412');
    expect(result.out).toMatch(/5 {2}< 115 +200/);
  });

  test('given a cap, then the cut points come from the values below it and it is shown', async () => {
    const result = await run([join(DATA, 'rfm-orders.csv'), '--cap', 'm=90%', '--out', join(dir, 'x.csv')]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/cut points from values up to [\d,.]+; 100 above it/);
  });

  test.each([
    [['--binning', 'median'], "--binning must be quantile, rfm-package or fixed, found 'median'"],
    [['--bins', '11'], "--bins: '11' is not a number of scores from 2 to 10"],
    [
      ['--binning', 'fixed', '--breakpoints', 'r=1,2'],
      '--binning fixed needs --breakpoints for r, f and m (missing: f, m)',
    ],
    [['--breakpoints', 'r=3,2'], "--breakpoints: 'r=3,2' is not D=a,b,..."],
    [['--as-of', 'yesterday'], "--as-of: 'yesterday' is not a date"],
    [['--bins', '3'], '--bins 3 does not fit the segments of rfm: 22 score range(s) lie outside these bins'],
  ])('wrong usage %j is exit code 2 with a message', async (extra, message) => {
    const result = await run([join(DATA, 'rfm-orders.csv'), ...extra]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
  });

  test('given a column that does not exist, then the headers are listed', async () => {
    const result = await run([join(DATA, 'rfm-orders.csv'), '--amount', 'price', '--out', join(dir, 'y.csv')]);
    expect(result.code).toBe(1);
    expect(result.err).toContain("no column 'price' for --amount; the headers are: customer_id, order_date, revenue");
  });

  test('never overwrites an existing output without --force', async () => {
    const out = join(dir, 'exists.csv');
    writeFileSync(out, 'keep');
    const result = await run([join(DATA, 'rfm-orders.csv'), '--out', out]);
    expect(result.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep');
  });

  test('as a process: node bin/tierwise.js rfm ... prints the cut points and writes the customers', () => {
    const out = join(dir, 'p.csv');
    const stdout = execFileSync(
      process.execPath,
      [
        join(__dirname, '../../bin/tierwise.js'),
        'rfm',
        join(DATA, 'rfm-orders.csv'),
        '--as-of',
        '2006-12-31',
        '--binning',
        'rfm-package',
        '--segments',
        'rfm-11',
        '--out',
        out,
      ],
      { encoding: 'utf8' },
    );
    expect(stdout).toContain('Read 4,906 orders of 995 customers');
    expect(stdout).toContain('Hibernating');
    expect(readCsv(out).find((r) => r[0] === 'Add Senger')![10]).toBe('412');
  });
});
