import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/** The modules a CLI process loaded for one command, by path below node_modules or src. */
function modulesLoadedBy(args: string[]): string[] {
  const script = `
    require('tsx/cjs');
    const { main } = require(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))});
    main(${JSON.stringify(args)}, { stdout: () => true, stderr: () => true, cwd: process.cwd() }).then(() => {
      process.stdout.write(JSON.stringify(Object.keys(require.cache)));
    });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })) as string[];
}

describe('CLI start-up', () => {
  it('given a CSV to grade, then ExcelJS and the .xlsx modules are not loaded (half a second of start-up)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-startup-'));
    try {
      const input = join(dir, 'customers.csv');
      writeFileSync(input, 'monthly_sales,payment_days\n25000,10\n');
      const loaded = modulesLoadedBy(['grade', input, '--table', 'payment-scorecard', '--out', join(dir, 'out.csv')]);
      expect(loaded.some((m) => m.includes(join('src', 'cli', 'commands', 'grade.ts')))).toBe(true);
      expect(loaded.filter((m) => m.includes('exceljs') || m.includes(join('src', 'cli', 'xlsx')))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('given presets, then no table is compiled: the compiler and the grading methods are not even loaded', () => {
    const loaded = modulesLoadedBy(['presets']);
    expect(loaded.some((m) => m.includes(join('src', 'cli', 'commands', 'presets.ts')))).toBe(true);
    const engine = join('src', 'engine');
    expect(
      loaded.filter(
        (m) =>
          m.includes(join(engine, 'compile.ts')) ||
          m.includes(join(engine, 'grading')) ||
          m.includes(join(engine, 'rfm', 'compile-table.ts')) ||
          m.includes('exceljs'),
      ),
    ).toEqual([]);
  }, 60_000);
});
