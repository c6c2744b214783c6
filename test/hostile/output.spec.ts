/**
 * Links, devices, FIFOs and missing folders as --out, and two runs racing for
 * one output: the input is never replaced, nothing is written where it
 * cannot be written whole, every refusal says why, and no temporary file is
 * left behind.
 */
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { linkSync, lstatSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RFM_PRESETS } from '../../src/engine/rfm';
import { leftovers, privateDevice, tierwise, useFolder } from './support';

const folder = useFolder('out');
const CUSTOMERS = 'id,monthly_sales,payment_days\r\nC1,5000,30\r\nC2,100,200\r\n';
const ORDERS = 'customer_id,order_date,revenue\nA,2024-01-02,10\nB,2024-03-04,20\nA,2024-05-06,30\n';
const GRADE = ['--table', 'payment-scorecard'];

function write(name: string, text: string): string {
  const path = join(folder(), name);
  writeFileSync(path, text);
  return path;
}

async function writeWorkbook(name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Customers');
  sheet.addRows([
    ['id', 'monthly_sales', 'payment_days'],
    ['C1', 5000, 30],
    ['C2', 100, 200],
  ]);
  const path = join(folder(), name);
  await workbook.xlsx.writeFile(path);
  return path;
}

describe('an --out that is the input, or links to it', () => {
  test('given a symlink or a hard link to the orders, then rfm --force refuses and the orders are unchanged', async () => {
    write('orders.csv', ORDERS);
    symlinkSync('orders.csv', join(folder(), 'soft.csv'));
    linkSync(join(folder(), 'orders.csv'), join(folder(), 'hard.csv'));
    for (const out of ['soft.csv', 'hard.csv']) {
      const run = await tierwise(folder(), 'rfm', 'orders.csv', '--out', out, '--force');
      expect(run.code).toBe(2);
      expect(run.err).toContain(`--out ${out} is the input orders.csv (or a link to it)`);
    }
    expect(readFileSync(join(folder(), 'orders.csv'), 'utf8')).toBe(ORDERS);
    expect(readlinkSync(join(folder(), 'soft.csv'))).toBe('orders.csv');
    expect(leftovers(folder())).toEqual([]);
  });

  test('given an input that is a symlink to the --out, then grade refuses, in both languages', async () => {
    const real = await writeWorkbook('real.xlsx');
    const before = readFileSync(real);
    symlinkSync('real.xlsx', join(folder(), 'link.xlsx'));
    const en = await tierwise(folder(), 'grade', 'link.xlsx', ...GRADE, '--out', 'real.xlsx', '--force');
    expect(en.code).toBe(2);
    expect(en.err).toContain('--out real.xlsx is the input link.xlsx (or a link to it)');
    const zh = await tierwise(
      folder(),
      'grade',
      'link.xlsx',
      ...GRADE,
      '--out',
      'real.xlsx',
      '--force',
      '--lang',
      'zh-CN',
    );
    expect(zh.err).toContain('--out real.xlsx 就是输入文件 link.xlsx（或指向它的链接）');
    expect(readFileSync(real)).toEqual(before);
  });

  test('given --segments FILE, then that file cannot be the --out either', async () => {
    write('orders.csv', ORDERS);
    const segments = JSON.stringify(RFM_PRESETS[0]);
    write('segments.json', segments);
    const run = await tierwise(
      folder(),
      'rfm',
      'orders.csv',
      '--segments',
      'segments.json',
      '--out',
      'segments.json',
      '--force',
    );
    expect(run.code).toBe(2);
    expect(run.err).toContain('--out segments.json is the input segments.json');
    expect(readFileSync(join(folder(), 'segments.json'), 'utf8')).toBe(segments);
  });
});

describe('an --out that is a link to another file', () => {
  test('given a symlink to an older result, then --force replaces the file it points to and keeps the link', async () => {
    write('customers.csv', CUSTOMERS);
    write('old.csv', 'old result\n');
    symlinkSync('old.csv', join(folder(), 'latest.csv'));
    const run = await tierwise(folder(), 'grade', 'customers.csv', ...GRADE, '--out', 'latest.csv', '--force');
    expect(run.code).toBe(0);
    expect(lstatSync(join(folder(), 'latest.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(folder(), 'old.csv'), 'utf8')).toBe(
      'id,monthly_sales,payment_days,Score,Tier,Error\r\nC1,5000,30,60,B,\r\nC2,100,200,30,C,\r\n',
    );
    expect(leftovers(folder())).toEqual([]);
  });
});

describe('devices and FIFOs as --out', () => {
  test('given a device or a FIFO for a workbook, then grade refuses and leaves the node as it was', async () => {
    await writeWorkbook('customers.xlsx');
    execFileSync('mkfifo', [join(folder(), 'pipe.xlsx')]);
    const device = privateDevice(folder(), 'null.xlsx', 3);
    for (const out of device ? ['pipe.xlsx', 'null.xlsx'] : ['pipe.xlsx']) {
      const run = await tierwise(folder(), 'grade', 'customers.xlsx', ...GRADE, '--out', out, '--force');
      expect(run.code).toBe(2);
      expect(run.err).toContain(`--out ${out} is a device, FIFO or socket, not a file`);
    }
    expect(statSync(join(folder(), 'pipe.xlsx')).isFIFO()).toBe(true);
    if (device) expect(statSync(device).isCharacterDevice()).toBe(true);
    expect(leftovers(folder())).toEqual([]);
  });

  test('given a full device, then a small CSV write fails with exit 1 and says nothing was written', async () => {
    write('customers.csv', CUSTOMERS);
    write('orders.csv', ORDERS);
    // The old code wrote CSV in place to devices, never renamed over them: /dev/full is safe as a fallback.
    const full = privateDevice(folder(), 'full', 7) ?? '/dev/full';
    const grade = await tierwise(folder(), 'grade', 'customers.csv', ...GRADE, '--out', full, '--force');
    expect(grade.code).toBe(1);
    expect(grade.out).not.toContain('Wrote');
    expect(grade.err).toContain(
      `${full === '/dev/full' ? full : 'full'}: cannot write (ENOSPC: no space left on device, write); nothing was written`,
    );
    const rfm = await tierwise(folder(), 'rfm', 'orders.csv', '--out', full, '--force');
    expect(rfm.code).toBe(1);
    expect(rfm.err).toContain(
      `${full === '/dev/full' ? full : 'full'}: cannot write (ENOSPC: no space left on device, write); nothing was written`,
    );
  });
});

describe('a missing output folder', () => {
  test('given --out in a folder that does not exist, then every command says so and exits non-zero', async () => {
    write('customers.csv', CUSTOMERS);
    write('orders.csv', ORDERS);
    await writeWorkbook('customers.xlsx');
    const runs = [
      await tierwise(folder(), 'grade', 'customers.csv', ...GRADE, '--out', 'nope/x.csv'),
      await tierwise(folder(), 'grade', 'customers.xlsx', ...GRADE, '--out', 'nope/x.xlsx'),
      await tierwise(folder(), 'rfm', 'orders.csv', '--out', 'nope/x.csv'),
    ];
    for (const [k, name] of ['nope/x.csv', 'nope/x.xlsx', 'nope/x.csv'].entries()) {
      expect(runs[k]!.code).toBe(2);
      expect(runs[k]!.err).toContain(`--out ${name}: the folder ${join(folder(), 'nope')} does not exist`);
    }
  });
});

describe('two runs to one new --out', () => {
  test('given two rfm runs at once, then one writes the whole file and the other refuses; no spliced rows', async () => {
    const lines = ['customer_id,order_date,revenue'];
    for (let i = 0; i < 20000; i++) lines.push(`C${i % 5000},2024-0${1 + (i % 9)}-1${i % 10},${i % 97}`);
    write('orders.csv', lines.join('\n') + '\n');
    const [first, second] = await Promise.all([
      tierwise(folder(), 'rfm', 'orders.csv', '--out', 'rfm.csv', '--as-of', '2024-12-31'),
      tierwise(folder(), 'rfm', 'orders.csv', '--out', 'rfm.csv', '--as-of', '2024-12-31'),
    ]);
    expect([first.code, second.code].sort()).toEqual([0, 1]);
    const loser = first.code === 0 ? second : first;
    expect(loser.err).toContain('rfm.csv was created by another program while this run worked');
    const written = readFileSync(join(folder(), 'rfm.csv'), 'utf8');
    const alone = await tierwise(folder(), 'rfm', 'orders.csv', '--out', 'alone.csv', '--as-of', '2024-12-31');
    expect(alone.code).toBe(0);
    expect(written).toBe(readFileSync(join(folder(), 'alone.csv'), 'utf8'));
    expect(leftovers(folder())).toEqual([]);
  });
});
