import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqlCommand } from '../../src/cli/commands/sql';
import type { CliIo } from '../../src/cli/command';
import { RFM_PRESETS } from './sql-harness';

async function run(args: string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd };
  const code = await sqlCommand.run(args, io);
  return { code, out, err };
}

describe('tierwise sql', () => {
  it('happy path: prints one statement that DuckDB runs on the named source', async () => {
    const { code, out, err } = await run([
      '--table',
      'payment-scorecard',
      '--dialect',
      'duckdb',
      '--source',
      'SELECT 12000 AS sales, 20 AS days',
      '--columns',
      'monthly_sales=sales',
      '--columns',
      'payment_days=days',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const rows = (await connection.runAndReadAll(out)).getRowObjects();
    expect(rows).toEqual([{ sales: 12000, days: 20, score: 80, tier: 'A', grade_error: null }]);
    connection.closeSync();
    instance.closeSync();
  });

  it.each(['postgres', 'spark'])('given --dialect %s then the statement uses that dialect', async (dialect) => {
    const { code, out } = await run(['--table', 'payment-scorecard', '--dialect', dialect]);
    expect(code).toBe(0);
    expect(out).toContain(dialect === 'spark' ? 'struct(__tw_src.*) AS __tw_row' : 'SELECT __tw_src AS __tw_row');
    expect(out).toContain('FROM customers AS __tw_src');
  });

  it('given an unknown dialect then it is a usage error (exit 2)', async () => {
    const { code, err } = await run(['--table', 'payment-scorecard', '--dialect', 'oracle']);
    expect(code).toBe(2);
    expect(err).toContain("--dialect must be duckdb, postgres or spark, found 'oracle'");
  });

  it('given --columns for an input the table does not have then it names the inputs (exit 2)', async () => {
    const { code, err } = await run(['--table', 'payment-scorecard', '--columns', 'revenue=x']);
    expect(code).toBe(2);
    expect(err).toContain("the table has no input 'revenue'; its inputs are: monthly_sales, payment_days");
  });

  it('given an RFM table then the statement scores the whole source with window functions', async () => {
    const { code, out } = await run([
      '--table',
      RFM_PRESETS[0]!.id,
      '--source',
      'SELECT 1 AS recency, 2 AS frequency, 3 AS monetary',
    ]);
    expect(code).toBe(0);
    expect(out).toContain('row_number() OVER (ORDER BY v)');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const rows = (await connection.runAndReadAll(out)).getRowObjects();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.grade_error).toBeNull();
    connection.closeSync();
    instance.closeSync();
  });

  it('given a table with a free-text input then it refuses in Chinese too (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-sql-'));
    writeFileSync(
      join(dir, 'notes.json'),
      JSON.stringify({
        format: 'tierwise/grading-table',
        version: 1,
        id: 'notes',
        name: { en: 'Notes' },
        inputs: [{ id: 'note', type: 'text', label: { en: 'Note' } }],
        method: { kind: 'rules', rules: [{ tier: 'A', when: { input: 'note', op: '=', value: 'vip' } }], default: 'B' },
        tiers: [
          { id: 'A', label: { en: 'A' }, fill: '#00FF00', font: '#000000' },
          { id: 'B', label: { en: 'B' }, fill: '#FFFF00', font: '#000000' },
        ],
      }),
    );
    const { code, out, err } = await run(['--table', 'notes.json', '--lang', 'zh-CN'], dir);
    expect(out).toBe('');
    expect(code).toBe(1);
    expect(err).toContain('输入“note”是自由文本');
  });

  it('given a column name PostgreSQL cannot hold then it says so (exit 1)', async () => {
    const long = 'x'.repeat(64);
    const { code, err } = await run([
      '--table',
      'payment-scorecard',
      '--dialect',
      'postgres',
      '--columns',
      `monthly_sales=${long}`,
    ]);
    expect(code).toBe(1);
    expect(err).toContain(`the column name '${long}' cannot be written as a postgres identifier`);
  });
});
