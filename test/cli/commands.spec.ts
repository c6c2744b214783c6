/**
 * The command line, run as users run it: `node bin/tierwise.js ...` in a
 * child process, in a temporary working directory. Each run costs about half
 * a second of tsx start-up, so the cases are few and each checks a lot.
 */
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CsvParser } from '../../src/cli/csv';
import { PRESETS, getPreset } from '../../src/engine/presets';

const BIN = resolve(__dirname, '..', '..', 'bin', 'tierwise.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function tierwise(...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C' };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: dir, env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

function readCsv(name: string): string[][] {
  let text = readFileSync(join(dir, name), 'utf8');
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end().rows].map((row) => row.cells);
}

function expectNoStackTrace(run: Run): void {
  expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(run.stderr).not.toMatch(/internal error/);
}

describe('tierwise presets', () => {
  it('lists every preset id with its name, grouped by category', async () => {
    const run = await tierwise('presets');
    expect(run.code).toBe(0);
    for (const preset of PRESETS) expect(run.stdout).toContain(preset.id);
    expect(run.stdout).toContain('Payment scorecard');
    const zh = await tierwise('presets', '--lang', 'zh-CN');
    expect(zh.stdout).toContain('客户分级标准');
    expect(zh.stdout).toContain('评分卡');
  });
});

describe('tierwise grade', () => {
  const INPUT = [
    '客户名称,月均销售额,回款天数',
    '"恒达机电, 杭州",20000,30', // 70 + 30 = 100 -> A
    '鑫盛包装,1.2万,45', // 50 + 20 = 70 -> B
    '宏伟五金,"¥8,000",61', // 40 + 0 = 40 -> C
    '瑞祥食品,待定,30', // not a number
    '泰隆电子,"5,000",', // blank days
    '',
  ].join('\r\n');

  it('happy path: every input column, then Score, Tier and Error per row in order, and the summary', async () => {
    writeFileSync(join(dir, 'customers.csv'), INPUT);
    const run = await tierwise('grade', 'customers.csv', '--table', 'payment-scorecard');
    expectNoStackTrace(run);
    // Some rows could not be graded: the file is written and the exit code says so.
    expect(run.code).toBe(1);
    expect(readCsv('customers.graded.csv')).toEqual([
      ['客户名称', '月均销售额', '回款天数', 'Score', 'Tier', 'Error'],
      ['恒达机电, 杭州', '20000', '30', '100', 'A', ''],
      ['鑫盛包装', '1.2万', '45', '70', 'B', ''],
      ['宏伟五金', '¥8,000', '61', '40', 'C', ''],
      ['瑞祥食品', '待定', '30', '', '', expect.stringContaining("'待定' is not a number")],
      ['泰隆电子', '5,000', '', '', '', expect.stringContaining('回款天数')],
    ]);
    expect(run.stdout).toMatch(/A\s+Grade A\s+1\s+33\.3%/);
    expect(run.stdout).toMatch(/Ungraded\s+2/);
    expect(run.stdout).toMatch(/Total\s+5/);
    expect(run.stdout).toContain('customers.graded.csv');
  });

  it('given --map and --explain then headers are taken from the map and explanations added', async () => {
    writeFileSync(join(dir, 'mapped.csv'), 'Name,Sales,Days\nAcme,30000,20\n');
    const run = await tierwise(
      'grade',
      'mapped.csv',
      '--table=payment-scorecard',
      '--map',
      'monthly_sales=Sales',
      '--map',
      'payment_days=Days',
      '--explain',
      '--out',
      'mapped-out.csv',
      '--lang',
      'zh-CN',
    );
    expectNoStackTrace(run);
    expect(run.code).toBe(0);
    const rows = readCsv('mapped-out.csv');
    expect(rows[0]).toEqual(['Name', 'Sales', 'Days', 'Score', 'Tier', 'Error', 'Explanation']);
    expect(rows[1]?.slice(0, 6)).toEqual(['Acme', '30000', '20', '100', 'A', '']);
    expect(rows[1]?.[6]).toMatch(/100/);
    expect(run.stdout).toContain('A级客户');
  });

  it('given a missing column then it names the input, the headers it expects and the headers found (exit 1)', async () => {
    writeFileSync(join(dir, 'no-days.csv'), '客户名称,月均销售额\nA,100\n');
    const run = await tierwise('grade', 'no-days.csv', '--table', 'payment-scorecard');
    expectNoStackTrace(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('payment_days');
    expect(run.stderr).toContain('回款天数');
    expect(run.stderr).toContain('客户名称, 月均销售额');
    expect(run.stderr).toContain('--map');
    expect(existsSync(join(dir, 'no-days.graded.csv'))).toBe(false);
  });

  it('given an invalid table then each problem is listed with its JSON path (exit 1); bad JSON gives line and column', async () => {
    const table = structuredClone(getPreset('payment-scorecard')) as unknown as {
      method: { thresholds: Array<{ tier: string; gte?: number }> };
    };
    table.method.thresholds[1] = { tier: 'B', gte: 90 };
    writeFileSync(join(dir, 'bad-table.json'), JSON.stringify(table, null, 2));
    writeFileSync(join(dir, 'in.csv'), 'monthly_sales,payment_days\n1,2\n');
    const run = await tierwise('grade', 'in.csv', '--table', 'bad-table.json');
    expectNoStackTrace(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad-table.json');
    expect(run.stderr).toContain('method.thresholds');

    writeFileSync(join(dir, 'syntax.json'), '{\n  "id": "x",\n  "tiers": [1, 2,]\n}\n');
    const syntax = await tierwise('validate', 'syntax.json');
    expectNoStackTrace(syntax);
    expect(syntax.code).toBe(1);
    expect(syntax.stderr).toMatch(/syntax\.json, line 3, column 18/);
  });

  it('given a file that does not exist, or a ragged row, then a clear message and exit 1, nothing written', async () => {
    const missing = await tierwise('grade', 'nope.csv', '--table', 'payment-scorecard');
    expectNoStackTrace(missing);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.csv: no such file');

    writeFileSync(join(dir, 'ragged.csv'), 'monthly_sales,payment_days\n1000,30\n2000,40,oops\n3000,50\n');
    const ragged = await tierwise('grade', 'ragged.csv', '--table', 'payment-scorecard');
    expectNoStackTrace(ragged);
    expect(ragged.code).toBe(1);
    expect(ragged.stderr).toContain('ragged.csv, line 3: 3 cells, but the header row has 2');
    expect(existsSync(join(dir, 'ragged.graded.csv'))).toBe(false);
  });

  it('given an existing --out then it is kept unless --force; the input is never overwritten (exit 2); - is stdout', async () => {
    writeFileSync(join(dir, 'keep.csv'), 'monthly_sales,payment_days\n25000,10\n');
    writeFileSync(join(dir, 'taken.csv'), 'precious\n');
    const refused = await tierwise('grade', 'keep.csv', '--table', 'payment-scorecard', '--out', 'taken.csv');
    expectNoStackTrace(refused);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('taken.csv already exists');
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(join(dir, 'taken.csv'), 'utf8')).toBe('precious\n');

    const onInput = await tierwise(
      'grade',
      'keep.csv',
      '--table',
      'payment-scorecard',
      '--out',
      './keep.csv',
      '--force',
    );
    expect(onInput.code).toBe(2);
    expect(readFileSync(join(dir, 'keep.csv'), 'utf8')).toBe('monthly_sales,payment_days\n25000,10\n');

    const forced = await tierwise('grade', 'keep.csv', '--table', 'payment-scorecard', '--out', 'taken.csv', '--force');
    expect(forced.code).toBe(0);
    expect(readCsv('taken.csv')[1]).toEqual(['25000', '10', '100', 'A', '']);

    // "-" writes the CSV to stdout and the summary to stderr.
    const piped = await tierwise('grade', 'keep.csv', '--table', 'payment-scorecard', '--out', '-');
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe('monthly_sales,payment_days,Score,Tier,Error\r\n25000,10,100,A,\r\n');
    expect(piped.stderr).toMatch(/Total\s+1/);
  });

  it('given a GBK-encoded file (Chinese Excel\'s "CSV") then it is read as GB18030 and says so', async () => {
    // 月均销售额,回款天数 / 20000,30 in GBK.
    const header = Buffer.from([
      0xd4, 0xc2, 0xbe, 0xf9, 0xcf, 0xfa, 0xca, 0xdb, 0xb6, 0xee, 0x2c, 0xbb, 0xd8, 0xbf, 0xee, 0xcc, 0xec, 0xca, 0xfd,
    ]);
    writeFileSync(join(dir, 'gbk.csv'), Buffer.concat([header, Buffer.from('\r\n20000,30\r\n')]));
    const run = await tierwise('grade', 'gbk.csv', '--table', 'payment-scorecard');
    expectNoStackTrace(run);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('GB18030');
    expect(readCsv('gbk.graded.csv')).toEqual([
      ['月均销售额', '回款天数', 'Score', 'Tier', 'Error'],
      ['20000', '30', '100', 'A', ''],
    ]);
  });
});

describe('tierwise validate', () => {
  it('given a valid table then "valid" and a one-line summary (exit 0); given problems then each with its path (exit 1)', async () => {
    writeFileSync(join(dir, 'good.json'), JSON.stringify(getPreset('payment-scorecard')));
    const good = await tierwise('validate', 'good.json');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('good.json: valid.');
    expect(good.stdout).toContain('payment-scorecard');

    const table = structuredClone(getPreset('payment-scorecard')) as unknown as { tiers: Array<{ fill: string }> };
    (table.tiers[0] as { fill: string }).fill = 'green';
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(table));
    const bad = await tierwise('validate', 'bad.json', '--lang', 'zh-CN');
    expectNoStackTrace(bad);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('tiers[0].fill');
    expect(bad.stdout).toContain('green');
  });
});

describe('tierwise (no command, help, demo)', () => {
  it('given an unknown command then usage and exit 2; --help exits 0', async () => {
    const unknown = await tierwise('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    expect(unknown.stderr).toContain('grade');
    const help = await tierwise('grade', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--table');
    const badOption = await tierwise('grade', 'x.csv', '--tabel', 'payment-scorecard');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain("unknown option '--tabel'");
  });

  it('demo grades the bundled sample and says where the file is', async () => {
    const run = await tierwise('demo');
    expectNoStackTrace(run);
    expect(run.code).toBe(0);
    const out = join(dir, 'tierwise-demo', 'sample-customers.graded.csv');
    expect(run.stdout).toContain(join('tierwise-demo', 'sample-customers.graded.csv'));
    const rows = readCsv(join('tierwise-demo', 'sample-customers.graded.csv'));
    expect(existsSync(out)).toBe(true);
    expect(rows.length).toBe(301);
    expect(rows[0]).toContain('Tier');
    const tierColumn = rows[0]!.indexOf('Tier');
    const errorColumn = rows[0]!.indexOf('Error');
    const ungraded = rows.slice(1).filter((row) => row[tierColumn] === '');
    expect(ungraded.length).toBeGreaterThan(0);
    for (const row of ungraded) expect(row[errorColumn]).not.toBe('');
    expect(run.stdout).toMatch(/Ungraded\s+\d+/);

    // The same customers as a workbook, graded: the sheet with Score/Tier, a summary sheet and the rules sheet.
    const workbookPath = join(dir, 'tierwise-demo', 'sample-customers.graded.xlsx');
    expect(run.stdout).toContain(join('tierwise-demo', 'sample-customers.graded.xlsx'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(workbookPath);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '客户 Customers',
      'Tierwise Summary',
      'Tierwise Rules',
    ]);
    const graded = workbook.worksheets[0]!;
    const header = (graded.getRow(1).values as unknown[]).slice(1);
    const tierAt = header.indexOf('Tier') + 1;
    const tiersInWorkbook = Array.from({ length: 300 }, (_, i) => graded.getRow(i + 2).getCell(tierAt).value ?? '');
    expect(tiersInWorkbook).toEqual(rows.slice(1).map((row) => row[tierColumn]));
  });
});
