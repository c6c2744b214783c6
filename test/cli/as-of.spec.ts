import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/command';
import { gradeCommand } from '../../src/cli/commands/grade';
import { CsvParser } from '../../src/cli/csv';
import type { GradingTable } from '../../src/engine/model';

const dir = mkdtempSync(join(tmpdir(), 'tierwise-as-of-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function grade(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd: dir };
  return { code: await gradeCommand.run(argv, io), out, err };
}

/** Recency from a last-order date: 100 points within 30 days, 50 within 90, else 0; no as-of date of its own. */
const TABLE: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'recency',
  name: { en: 'Recency', zh: '最近购买' },
  inputs: [
    {
      id: 'days_since_order',
      type: 'number',
      daysSince: true,
      label: { en: 'Days since last order', zh: '距上次下单天数' },
      aliases: ['last_order'],
    },
  ],
  method: {
    kind: 'scorecard',
    criteria: [
      {
        id: 'recency',
        input: 'days_since_order',
        bands: [
          { match: { range: { lt: 30 } }, points: 100 },
          { match: { range: { gte: 30, lt: 90 } }, points: 50 },
          { match: { range: { gte: 90 } }, points: 0 },
        ],
      },
    ],
    thresholds: [{ tier: 'A', gte: 100 }, { tier: 'B', gte: 50 }, { tier: 'C' }],
  },
  tiers: [
    { id: 'A', label: { en: 'A' }, fill: '#C6EFCE', font: '#006100' },
    { id: 'B', label: { en: 'B' }, fill: '#FFEB9C', font: '#9C5700' },
    { id: 'C', label: { en: 'C' }, fill: '#F8CBAD', font: '#843C0C' },
  ],
};

beforeAll(() => {
  writeFileSync(join(dir, 'recency.json'), JSON.stringify(TABLE));
  writeFileSync(join(dir, 'orders.csv'), 'customer,last_order\nx,2024-12-20\ny,2024-11-01\nz,2024-06-30\n');
});

function readCsv(name: string): string[][] {
  const parser = new CsvParser();
  return [...parser.push(readFileSync(join(dir, name), 'utf8')), ...parser.end().rows].map((row) => row.cells);
}

describe('tierwise grade --as-of', () => {
  it('given --as-of 2024-12-31, then days since each date are counted to it', async () => {
    const run = await grade('orders.csv', '--table', 'recency.json', '--as-of', '2024-12-31', '--explain');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(readCsv('orders.graded.csv')).toEqual([
      ['customer', 'last_order', 'Score', 'Tier', 'Error', 'Explanation'],
      ['x', '2024-12-20', '100', 'A', '', 'Days since last order 11 → 100; total 100 ≥ 100 → A'],
      ['y', '2024-11-01', '50', 'B', '', 'Days since last order 60 → 50; total 50 ≥ 50 → B'],
      ['z', '2024-06-30', '0', 'C', '', 'Days since last order 184 → 0; total 0 < 50 → C'],
    ]);
  });

  it('given a later --as-of, then the same file grades lower (nothing changes by itself overnight)', async () => {
    const run = await grade('orders.csv', '--table', 'recency.json', '--as-of', '2025-01-31', '--out', 'later.csv');
    expect(run.code).toBe(0);
    expect(readCsv('later.csv').map((row) => row[3])).toEqual(['Tier', 'B', 'C', 'C']);
  });

  it('given no --as-of and none in the table, then nothing is graded and asOf is named', async () => {
    const run = await grade('orders.csv', '--table', 'recency.json', '--out', 'none.csv');
    expect(run.code).toBe(1);
    expect(run.err).toContain("asOf: the field 'asOf' is required");
  });

  it('given a --as-of that is not a date, then it is a usage error', async () => {
    const run = await grade('orders.csv', '--table', 'recency.json', '--as-of', 'yesterday');
    expect(run.code).toBe(2);
    expect(run.err).toContain("--as-of: 'yesterday' is not a date (use 2024-12-31)");
  });
});
