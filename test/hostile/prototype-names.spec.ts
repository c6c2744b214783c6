/**
 * Input ids and headers are user text: "constructor", "hasOwnProperty",
 * "__proto__" and "toString" must be plain names everywhere, never
 * Object.prototype's members.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mapColumns } from '../../src/engine/columns';
import type { GradingTable } from '../../src/engine/model';
import { getPreset } from '../../src/engine/presets';
import { exportSql } from '../../src/engine/sql';
import { printSheetTable } from '../../src/engine/sheet-form';
import { compileTable } from '../../src/engine';
import { tierScore } from '../../src/functions/tier-score';
import { TableCache } from '../../src/functions/table-cache';
import { tierwise, useFolder } from './support';

const folder = useFolder('proto');

/** The payment scorecard with its inputs renamed to prototype members. */
function prototypeTable(): GradingTable {
  const text = JSON.stringify(getPreset('payment-scorecard'))
    .split('"monthly_sales"')
    .join('"constructor"')
    .split('"payment_days"')
    .join('"hasOwnProperty"');
  return JSON.parse(text) as GradingTable;
}

describe('prototype names as input ids', () => {
  test('given inputs named constructor and hasOwnProperty, then columns map by those names and nothing else', () => {
    const compiled = compileTable(prototypeTable());
    if (!compiled.ok) throw new Error('the renamed preset compiles');
    const mapping = mapColumns(compiled.compiled.columns, ['id', 'hasOwnProperty', 'constructor', 'toString']);
    expect(Array.from(mapping.map)).toEqual([2, 1]);
    expect(mapping.badOverrides).toEqual([]);
    expect(mapping.missingRequired).toEqual([]);
  });

  test('given such a table, then TIER_SCORE with headers grades the row', () => {
    const ctx = {
      makeError: (code: string, message: string) => ({ code, message }),
      locale: 'en-US' as const,
      cache: new TableCache(),
    };
    const result = tierScore(ctx, {
      values: [[30, 5000]],
      headers: [['hasOwnProperty', 'constructor']],
      table: printSheetTable(prototypeTable()).map((row) => [...row]),
    });
    expect(result).toEqual([['B']]);
  });

  test('given such a table, then grade and sql work from the command line, --map and --columns included', async () => {
    writeFileSync(join(folder(), 'table.json'), JSON.stringify(prototypeTable()));
    writeFileSync(join(folder(), 'in.csv'), 'id,constructor,hasOwnProperty\r\nC1,5000,30\r\n');
    const grade = await tierwise(folder(), 'grade', 'in.csv', '--table', 'table.json', '--out', '-');
    expect(grade.code).toBe(0);
    expect(grade.out).toBe('id,constructor,hasOwnProperty,Score,Tier,Error\r\nC1,5000,30,60,B,\r\n');
    const mapped = await tierwise(
      folder(),
      'grade',
      'in.csv',
      '--table',
      'table.json',
      '--out',
      '-',
      '--map',
      'toString=id',
    );
    expect(mapped.code).toBe(2);
    expect(mapped.err).toContain('--map toString=id');
    const sql = await tierwise(folder(), 'sql', '--table', 'table.json', '--columns', 'constructor=sales');
    expect(sql.code).toBe(0);
    expect(sql.out).toContain('__tw_src."sales"');
    expect(sql.out).toContain('__tw_src."hasOwnProperty"');
    const direct = exportSql(prototypeTable(), { dialect: 'duckdb', source: 'customers', columns: {} });
    expect(direct.ok && direct.columns).toEqual([
      { input: 'constructor', column: 'constructor' },
      { input: 'hasOwnProperty', column: 'hasOwnProperty' },
    ]);
  });
});
