import { getPreset } from '../../src/engine/presets';
import { exportSql } from '../../src/engine/sql';
import { postgresBinDir, startPostgres, type PostgresCluster } from './postgres-cluster';
import {
  arbitraryCases,
  differences,
  exportedSql,
  presetCases,
  QUOTES_TABLE,
  sourceSql,
  type Outcome,
} from './sql-harness';

const bin = postgresBinDir();
if (!bin) {
  if (process.env.CI) throw new Error('PostgreSQL is not installed (apt-get install -y postgresql): required under CI');
  // Loud on purpose: a silent skip would look like a pass.
  console.warn(
    '\n*** PostgreSQL binaries not found: the PostgreSQL SQL-export tests are SKIPPED (apt-get install -y postgresql) ***\n',
  );
}
const describePg = bin ? describe : describe.skip;

/** Minimal RFC 4180 parse of psql --csv output: NULL is an empty unquoted field, '' is "". */
function parseCsv(text: string): Array<Array<string | null>> {
  const rows: Array<Array<string | null>> = [];
  let row: Array<string | null> = [];
  let i = 0;
  while (i < text.length) {
    let value: string | null;
    if (text[i] === '"') {
      let out = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        out += text.slice(i, q);
        i = q + 1;
        if (text[i] === '"') {
          out += '"';
          i++;
        } else break;
      }
      value = out;
    } else {
      let j = i;
      while (j < text.length && text[j] !== ',' && text[j] !== '\n') j++;
      value = j === i ? null : text.slice(i, j);
      i = j;
    }
    row.push(value);
    if (text[i] === ',') i++;
    else {
      rows.push(row);
      row = [];
      i++;
    }
  }
  return rows;
}

describePg('SQL export on PostgreSQL', () => {
  let pg: PostgresCluster;
  beforeAll(async () => {
    pg = await startPostgres(bin!);
  }, 60000);
  afterAll(() => pg?.stop());

  const cases = [...presetCases(), ...arbitraryCases(40)];
  /** Outcomes per case, from one psql session for all cases (a session per case costs a second each). */
  let results: Map<number, Outcome>[] = [];
  beforeAll(() => {
    const script = cases
      .map((c, k) => {
        const name = `case_${k}`;
        return `${sourceSql(c, 'postgres', name)}\nSELECT ${k} AS case_no, rid, score, tier, grade_error FROM (${exportedSql(c, 'postgres', name)}) AS graded ORDER BY rid;`;
      })
      .join('\n');
    results = cases.map(() => new Map<number, Outcome>());
    for (const row of parseCsv(pg.query(script))) {
      const [caseNo, rid, score, tier, error] = row;
      if (caseNo === 'case_no') continue; // the header of each result
      results[Number(caseNo)]!.set(Number(rid), {
        score: score === null || score === undefined ? null : Number(score),
        tier: tier ?? null,
        error: error ?? null,
      });
    }
  }, 120000);

  describe.each(cases.map((c, k) => [c.name, k] as const))('table %s', (_name, k) => {
    it('given boundary values, blanks and unknown categories then every row gets the engine tier, score and error', () => {
      const c = cases[k]!;
      expect(results[k]!.size).toBe(c.rows.length);
      expect(differences(c, results[k]!)).toEqual([]);
    });
  });

  it('given a column named like an injection then the statement reads it and drops nothing', () => {
    const result = exportSql(getPreset('payment-scorecard'), {
      dialect: 'postgres',
      source: 'evil',
      columns: { monthly_sales: 'a"; DROP TABLE x; --' },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const csv = pg.query(
      `CREATE TABLE x (k int); CREATE TABLE evil ("a""; DROP TABLE x; --" float8, payment_days text);\n` +
        `INSERT INTO evil VALUES (25000, '10');\n${result.sql};\nSELECT count(*) AS n FROM x;`,
    );
    expect(csv).toContain('"a""; DROP TABLE x; --",payment_days,score,tier,grade_error\n25000,10,100,A,\n');
    expect(csv).toContain('n\n0\n');
  });

  it('given a literal with quotes and backslashes then PostgreSQL reads it as written whatever standard_conforming_strings says', () => {
    const table = QUOTES_TABLE;
    const input = table.inputs[0]!;
    const columns = {};
    const result = exportSql(table, { dialect: 'postgres', source: 'q', columns, resolve: getPreset });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    for (const setting of ['on', 'off']) {
      const csv = pg.query(
        `SET standard_conforming_strings = ${setting};\nDROP TABLE IF EXISTS q; CREATE TABLE q (${input.id} text);\n` +
          `INSERT INTO q VALUES (E'IT''S \\\\ BACK''SLASH');\nSELECT grade_error, tier FROM (${result.sql}) AS g;`,
      );
      expect(csv).toBe('grade_error,tier\n,X\n');
    }
  });
});
