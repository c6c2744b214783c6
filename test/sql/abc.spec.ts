/**
 * The SQL export of ABC tables on DuckDB and PostgreSQL, on the boundary
 * cases of ADR 0016: a share before of exactly 80% and 95%, the customer
 * crossing a cut, ties across a cut, all equal, one customer, and bad values.
 * Every row's score (share before), tier and error equal the engine's.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { ABC } from '../../src/engine/presets/abc';
import { exportSql, type SqlDialectName } from '../../src/engine/sql';
import type { Cell } from '../../src/engine/values/cell';
import { pointsScorecard } from '../engine/population/points-table';
import { ABC_DATA_SETS as DATA_SETS, abcEngineRows as engineRows, type AbcRow as Row } from './abc-cases';
import { postgresBinDir, startPostgres } from './postgres-cluster';

function script(values: Cell[], dialect: SqlDialectName): string {
  const literal = (v: Cell) =>
    v === null ? 'NULL' : typeof v === 'number' ? `'${v}'` : `'${String(v).replace(/'/g, "''")}'`;
  const rows = values.map((v, i) => `(${i}, ${literal(v)})`).join(', ');
  const exported = exportSql(ABC, { dialect, source: 'customers', columns: { value: 'Revenue' } });
  if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
  return (
    `DROP TABLE IF EXISTS customers; CREATE TABLE customers (rid INTEGER, "Revenue" ${dialect === 'duckdb' ? 'VARCHAR' : 'text'});\n` +
    `INSERT INTO customers VALUES ${rows};\n` +
    `SELECT rid, score, tier, grade_error FROM (${exported.sql}) AS graded ORDER BY rid;`
  );
}

describe('ABC SQL export on DuckDB', () => {
  it.each(DATA_SETS)('given %s, then every row equals the engine', async (_name, values) => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const statements = script(values, 'duckdb').split(';\n');
    for (const statement of statements.slice(0, -1)) await connection.run(statement);
    const reader = await connection.runAndReadAll(statements[statements.length - 1]!);
    const rows: Row[] = reader
      .getRowObjects()
      .map((r) => [
        r.score === null ? null : Number(r.score),
        r.tier === null ? null : String(r.tier),
        r.grade_error === null ? null : String(r.grade_error),
      ]);
    connection.closeSync();
    instance.closeSync();
    expect(rows).toEqual(engineRows(values));
  });
});

const bin = postgresBinDir();
(bin ? describe : describe.skip)('ABC SQL export on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startPostgres>>;
  beforeAll(async () => {
    pg = await startPostgres(bin!);
  }, 60000);
  afterAll(() => pg?.stop());

  it.each(DATA_SETS)('given %s, then every row equals the engine', (_name, values) => {
    const lines = pg.query(script(values, 'postgres')).trim().split('\n');
    const rows: Row[] = lines
      .filter((line) => !line.startsWith('rid,'))
      .map((line) => {
        const [, score, tier, error] = line.split(',');
        return [score ? Number(score) : null, tier || null, error || null];
      });
    expect(rows).toEqual(engineRows(values));
  });
});

describe('population and time features the SQL export refuses', () => {
  it('given thresholds by share, then no SQL is written and the feature is named', () => {
    const table = pointsScorecard([{ tier: 'A', topShare: 0.2 }, { tier: 'B', topShare: 0.5 }, { tier: 'C' }]);
    expect(exportSql(table, { dialect: 'duckdb', source: 't' })).toEqual({
      ok: false,
      problems: [{ kind: 'unsupported', feature: 'share-thresholds', table: 'points' }],
    });
  });

  it('given point caps or a days-since input, then no SQL is written and the feature is named', () => {
    const capped = pointsScorecard([{ tier: 'A', gte: 80 }, { tier: 'B', gte: 50 }, { tier: 'C' }]);
    if (capped.method.kind !== 'scorecard') throw new Error('scorecard');
    capped.method.maxTotal = 90;
    expect(exportSql(capped, { dialect: 'postgres', source: 't' })).toEqual({
      ok: false,
      problems: [{ kind: 'unsupported', feature: 'point-caps', table: 'points' }],
    });
    const dated = pointsScorecard([{ tier: 'A', gte: 80 }, { tier: 'B', gte: 50 }, { tier: 'C' }]);
    dated.inputs[0]!.daysSince = true;
    dated.asOf = 45657;
    expect(exportSql(dated, { dialect: 'duckdb', source: 't' })).toEqual({
      ok: false,
      problems: [{ kind: 'unsupported', feature: 'days-since', table: 'points' }],
    });
  });
});
