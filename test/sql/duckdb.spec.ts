import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { getPreset } from '../../src/engine/presets';
import { exportSql } from '../../src/engine/sql';
import {
  arbitraryCases,
  differences,
  exportedSql,
  presetCases,
  sourceSql,
  type Outcome,
  type SqlCase,
} from './sql-harness';

let instance: DuckDBInstance;
let connection: DuckDBConnection;

beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});

afterAll(() => {
  connection.closeSync();
  instance.closeSync();
});

async function outcomes(c: SqlCase, name: string): Promise<Map<number, Outcome>> {
  await connection.run(`DROP TABLE IF EXISTS ${name}`);
  await connection.run(sourceSql(c, 'duckdb', name));
  const reader = await connection.runAndReadAll(`SELECT * FROM (${exportedSql(c, 'duckdb', name)}) ORDER BY rid`);
  const out = new Map<number, Outcome>();
  for (const row of reader.getRowObjects()) {
    out.set(Number(row.rid), {
      score: row.score === null ? null : Number(row.score),
      tier: row.tier === null ? null : String(row.tier),
      error: row.grade_error === null ? null : String(row.grade_error),
    });
  }
  return out;
}

describe('SQL export on DuckDB', () => {
  describe.each(presetCases().map((c) => [c.name, c] as const))('preset %s', (_name, c) => {
    it('given boundary values, blanks and unknown categories then every row gets the engine tier, score and error', async () => {
      const actual = await outcomes(c, 'customers');
      expect(actual.size).toBe(c.rows.length);
      expect(differences(c, actual)).toEqual([]);
      // The data exercises more than one outcome.
      expect(new Set(c.expected.map((o) => o.tier ?? o.error)).size).toBeGreaterThan(1);
    });
  });

  describe.each(arbitraryCases(40).map((c) => [c.name, c] as const))('generated table %s', (_name, c) => {
    it('then every row gets the engine tier, score and error', async () => {
      expect(differences(c, await outcomes(c, 'generated'))).toEqual([]);
    });
  });

  it('given a column named like an injection then the statement reads it and drops nothing', async () => {
    await connection.run('CREATE OR REPLACE TABLE x (k INTEGER)');
    await connection.run(
      `CREATE OR REPLACE TABLE evil AS SELECT 25000.0::DOUBLE AS "a""; DROP TABLE x; --", 10::DOUBLE AS payment_days`,
    );
    const result = exportSql(getPreset('payment-scorecard'), {
      dialect: 'duckdb',
      source: 'evil',
      columns: { monthly_sales: 'a"; DROP TABLE x; --' },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const rows = (await connection.runAndReadAll(result.sql)).getRowObjects();
    expect(rows).toEqual([
      { 'a"; DROP TABLE x; --': 25000, payment_days: 10, score: 100, tier: 'A', grade_error: null },
    ]);
    const count = (await connection.runAndReadAll('SELECT count(*) AS n FROM x')).getRowObjects();
    expect(count).toEqual([{ n: 0n }]);
  });

  it('given cells that need the engine richer coercion then SQL reports not-a-number instead of another score', async () => {
    await connection.run(
      `CREATE OR REPLACE TABLE rich AS SELECT * FROM (VALUES ('1.2万', '30'), ('12,000', '30'), ('¥8,000', '30'), ('1_000', '30'), ('0x10', '30'), ('inf', '30'), ('1e400', '30')) t(monthly_sales, payment_days)`,
    );
    const result = exportSql(getPreset('payment-scorecard'), { dialect: 'duckdb', source: 'rich' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const rows = (await connection.runAndReadAll(result.sql)).getRowObjects();
    expect(rows.map((r) => [r.tier, r.grade_error])).toEqual(rows.map(() => [null, 'not-a-number:monthly_sales']));
  });

  it('given a query as the source then it is used as a subquery', async () => {
    const result = exportSql(getPreset('payment-scorecard'), {
      dialect: 'duckdb',
      source: 'SELECT 20000 AS monthly_sales, 45 AS payment_days',
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const rows = (await connection.runAndReadAll(result.sql)).getRowObjects();
    expect(rows).toEqual([{ monthly_sales: 20000, payment_days: 45, score: 90, tier: 'A', grade_error: null }]);
  });
});
