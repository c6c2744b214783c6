/**
 * Shared by the DuckDB and PostgreSQL specs: generated rows for a table
 * (every band's boundaries and their neighbours, condition operands, blanks,
 * unknown categories, junk), the engine's answers for them, the source table
 * as SQL, and the comparison of the SQL's answers with the engine's.
 */
import fc from 'fast-check';
import { compileTable } from '../../src/engine/compile';
import type { GradeError } from '../../src/engine/errors';
import type { CompiledTable } from '../../src/engine/grader';
import type { GradingTable, RfmMethod } from '../../src/engine/model';
import { getPreset, PRESETS } from '../../src/engine/presets';
import { RFM_INPUT_IDS } from '../../src/engine/rfm/presets';
import { exportSql, sqlDialect, type SqlDialectName } from '../../src/engine/sql';
import type { Cell } from '../../src/engine/values/cell';
import { isoDateToSerial, serialToIsoDate } from '../../src/engine/values/coerce';
import { arbGradingTable } from '../arbitraries/grading-table';
import { seededRandom as random } from '../support/seeded-random';

/** A column name no quoting mistake survives. */
export const EVIL_COLUMN = 'a"; DROP TABLE x; --';

export interface Outcome {
  score: number | null;
  tier: string | null;
  error: string | null;
}

export interface SqlCase {
  name: string;
  table: GradingTable;
  compiled: CompiledTable;
  /** Source column names, in compiled.columns order. */
  columnNames: string[];
  /** Whether number inputs are stored as numbers (typed column) or as text. */
  typed: boolean;
  rows: Cell[][];
  expected: Outcome[];
}

/** A category alias with quotes and backslashes: every dialect must read it as written, whatever its escape settings. */
export const QUOTES_TABLE: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'quotes',
  name: { en: 'Quotes' },
  inputs: [
    {
      id: 'kind',
      type: 'category',
      label: { en: 'Kind' },
      values: [{ id: 'a', aliases: ["it's \\ back'slash", 'tab\\t'] }, { id: 'b' }],
    },
  ],
  method: { kind: 'rules', rules: [{ tier: 'X', when: { input: 'kind', op: '=', value: 'a' } }], default: 'Y' },
  tiers: [
    { id: 'X', label: { en: 'X' }, fill: '#FFFFFF', font: '#000000' },
    { id: 'Y', label: { en: 'Y' }, fill: '#FFFFFF', font: '#000000' },
  ],
};

/** Date texts SQL and the engine both read, or both reject (with the same error kind). */
const DATE_TEXTS = [
  '1900-01-01',
  '1900-02-28',
  '1900-02-29',
  '1900-03-01',
  '1899-12-31',
  '2023-02-29',
  '2024-02-29',
  '2024-13-01',
  '2024-4-31',
  '9999-12-31',
  '03/04/2024',
  '2024-03-15 24:00',
  '2024.3.5',
  '2024-03-15x',
  '2024-03-15\u0085',
];

/** Recency cells around the date guard: serials from 10,000 (1927-05-18) to 9999-12-31 are dates. */
const RECENCY_DATES_TYPED = [45366, 10000, 9999.5, 2958465, 2958465.5, 2958466, 45366.75];
const RECENCY_DATES_TEXT = [
  '45366',
  ' 10000 ',
  '9999',
  '2958466',
  '2024-03-15',
  '2024/3/5 10:30',
  '1900-01-01',
  '1899-12-31',
  '2024-02-30',
];

/** Values an ABC table is tested on: ties, zero, negatives, halves and quarters, a large value. */
const ABC_VALUES = [1, 2, 2, 3, 5, 8, 13, 20, 20, 100, 250, 1000, 0.5, 0.25, 0, -5, 5000];

const BOUND_KEYS = new Set(['gt', 'gte', 'lt', 'lte', 'value', 'values']);

/** Every finite number of the table under a bound or operand key (bounds), or anywhere else (points...). */
function numbersIn(value: unknown, bound: boolean, out: { bounds: Set<number>; other: Set<number> }): void {
  if (typeof value === 'number' && Number.isFinite(value)) (bound ? out.bounds : out.other).add(value);
  else if (Array.isArray(value)) value.forEach((v) => numbersIn(v, bound, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) numbersIn(v, BOUND_KEYS.has(key), out);
  }
}

function neighbours(numbers: Iterable<number>): number[] {
  const out: number[] = [];
  for (const x of numbers) out.push(x, x + 1, x - 1, x + 0.5, x - 0.5, x * (1 + 1e-12), x / 2, x * 2);
  return [...new Set(out.filter((x) => Number.isFinite(x)))];
}

function tablesOf(table: GradingTable): GradingTable[] {
  const out = [table];
  for (const input of table.inputs) {
    const source = input.source ? getPreset(input.source.table) : undefined;
    if (source) out.push(...tablesOf(source));
  }
  return out;
}

function engineOutcome(compiled: CompiledTable, score: number, tier: number, error: GradeError | undefined): Outcome {
  if (error) return { score: null, tier: null, error: 'input' in error ? `${error.kind}:${error.input}` : error.kind };
  return { score: Number.isNaN(score) ? null : score, tier: compiled.tiers[tier]!.id, error: null };
}

/**
 * Rows for a table: each cell picked from the candidates of its input.
 * Candidates are cells SQL reads exactly as the engine does (plain decimals,
 * names in other case and padded, yes/no words), plus blanks and junk that
 * both reject.
 */
export function makeCase(name: string, table: GradingTable, typed: boolean, seed: number, count = 300): SqlCase {
  const result = compileTable(table, { resolve: getPreset });
  if (!result.ok) throw new Error(`${name} does not compile: ${JSON.stringify(result.problems)}`);
  const compiled = result.compiled;
  const found = { bounds: new Set<number>([0, 1]), other: new Set<number>([-1, 0.5, 1e9, -1e9]) };
  for (const t of tablesOf(table)) numbersIn(t, false, found);
  const near = neighbours(found.bounds);
  const far = neighbours(found.other);
  const rnd = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  // U+0085 (NEL) ends a line for Java's `$`: a value ending in it must not pass the number test.
  const junk = ['', '   ', null, 'abc', '#N/A', '12\u0085'];
  const columnNames = compiled.columns.map((c, i) => (i === 0 ? EVIL_COLUMN : `col ${i} ${c.id}`.slice(0, 60)));
  // Rare enough per cell that wide tables still grade most rows.
  const junkRate = Math.min(0.06, 0.3 / compiled.columns.length);
  const rows: Cell[][] = [];
  for (let r = 0; r < count; r++) {
    rows.push(
      compiled.columns.map((input): Cell => {
        if (rnd() < junkRate) return typed && (input.type === 'number' || input.type === 'date') ? null : pick(junk);
        switch (input.type) {
          case 'number': {
            // ABC sums are exact only for whole (and dyadic) values: SQL adds in its own order (ADR 0016).
            const x = table.method.kind === 'abc' ? pick(ABC_VALUES) : pick(rnd() < 0.85 ? near : far);
            return typed ? x : rnd() < 0.2 ? ` ${String(x)} ` : String(x);
          }
          case 'category': {
            const value = pick(input.values ?? []);
            const names = [value.id, ...(value.aliases ?? []), value.label?.en, value.label?.zh].filter(
              (n): n is string => n !== undefined,
            );
            const name = pick(names);
            const variant = rnd();
            if (variant < junkRate) return 'zz-unknown';
            if (variant < 0.3) return name.toUpperCase() === name.toLowerCase() ? name : name.toUpperCase();
            if (variant < 0.4) return `  ${name} `;
            return name;
          }
          case 'date': {
            if (typed) {
              const serial = Math.floor(pick(near));
              const iso = serialToIsoDate(serial);
              return iso === '' || iso === '1900-02-29' ? null : new Date(`${iso}T00:00:00Z`);
            }
            const variant = rnd();
            if (variant < 0.15) return pick(DATE_TEXTS);
            const iso = serialToIsoDate(pick(near)) || '2024-03-15';
            if (variant < 0.3) return iso.replace(/-/g, '/');
            if (variant < 0.4) return `${iso} 23:59:59.5`;
            if (variant < 0.5) return `${iso}T9:05`;
            return iso;
          }
          case 'boolean':
            return rnd() < junkRate ? 'maybe' : pick(['true', 'false', 'TRUE', 'yes', 'No', '是', '否', '1', '0']);
          default:
            return String(pick(near));
        }
      }),
    );
  }
  if (table.method.kind === 'rfm') {
    // Dates in a recency read as days (ADR 0004): refused as recency-is-date, beside plausible counts.
    const at = compiled.columns.findIndex((c) => c.id === RFM_INPUT_IDS.recency);
    (typed ? RECENCY_DATES_TYPED : RECENCY_DATES_TEXT).forEach((cell, k) => {
      const row = [...rows[k]!];
      row[at] = cell;
      rows.push(row);
    });
  }
  const batch = compiled.gradeRows(rows);
  const expected = rows.map((_row, i) =>
    engineOutcome(compiled, batch.scores[i]!, batch.tiers[i]!, batch.errors.get(i)),
  );
  return { name, table, compiled, columnNames, typed, rows, expected };
}

export const RFM_PRESETS = PRESETS.filter((p) => p.method.kind === 'rfm');

/** RFM tables beyond the presets: every binning, caps, 10 bins (wide codes), a default tier. */
export function rfmVariants(): GradingTable[] {
  const base = RFM_PRESETS[0]!;
  const variant = (id: string, change: Partial<RfmMethod>): GradingTable => ({
    ...structuredClone(base),
    id,
    method: { ...(structuredClone(base.method) as RfmMethod), ...change },
  });
  return [
    variant('rfm-package', { binning: 'rfm-package' }),
    variant('rfm-caps', { caps: { m: { percentile: 0.9 }, f: { value: 6 } } }),
    variant('rfm-ten', { bins: { r: 10, f: 5, m: 10 } }),
    variant('rfm-fixed', {
      binning: 'fixed',
      breakpoints: { r: [1, 3, 7, 30], f: [1, 2, 4, 8], m: [0.5, 2, 10, 100] },
      closed: 'left',
    }),
  ];
}

/** Tables with a date input: rules on dates (compare, between, blank) and a scorecard with date bands. */
export function dateTables(): GradingTable[] {
  const serial = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return isoDateToSerial(y!, m!, d!);
  };
  const inputs: GradingTable['inputs'] = [
    { id: 'signed', type: 'date', label: { en: 'Signed' }, required: false },
    { id: 'amount', type: 'number', label: { en: 'Amount' } },
  ];
  const tiers = ['A', 'B', 'C', 'D'].map((id) => ({ id, label: { en: id }, fill: '#FFFFFF', font: '#000000' }));
  return [
    {
      format: 'tierwise/grading-table',
      version: 1,
      id: 'date-rules',
      name: { en: 'Date rules' },
      inputs,
      method: {
        kind: 'rules',
        rules: [
          {
            tier: 'A',
            when: {
              all: [
                { input: 'signed', op: '>=', value: '2024-01-01' },
                { input: 'amount', op: '>', value: 100 },
              ],
            },
          },
          {
            tier: 'B',
            when: { input: 'signed', op: 'between', range: { gte: serial('2023-01-01'), lt: serial('2024-01-01') } },
          },
          {
            tier: 'C',
            when: {
              any: [
                { input: 'signed', op: 'blank' },
                { input: 'signed', op: '<', value: '1900-03-01' },
              ],
            },
          },
        ],
        default: 'D',
      },
      tiers,
    },
    {
      format: 'tierwise/grading-table',
      version: 1,
      id: 'date-scorecard',
      name: { en: 'Date scorecard' },
      inputs,
      method: {
        kind: 'scorecard',
        criteria: [
          {
            id: 'tenure',
            input: 'signed',
            blankPoints: 5,
            bands: [
              { match: { range: { lt: serial('2020-01-01') } }, points: 40 },
              { match: { range: { gte: serial('2020-01-01'), lte: serial('2023-06-30') } }, points: 25 },
              { match: { range: { gt: serial('2023-06-30') } }, points: 10 },
            ],
          },
          {
            id: 'size',
            input: 'amount',
            bands: [
              { match: { range: { lt: 100 } }, points: 0 },
              { match: { range: { gte: 100 } }, points: 30 },
            ],
          },
        ],
        thresholds: [{ tier: 'A', gte: 60 }, { tier: 'B', gte: 40 }, { tier: 'C', gte: 20 }, { tier: 'D' }],
      },
      tiers,
    },
  ];
}

/** Every preset, as text columns and (number inputs) as typed columns. */
export function presetCases(): SqlCase[] {
  return [...PRESETS, ...rfmVariants(), ...dateTables()].flatMap((preset, k) => [
    makeCase(`${preset.id} (text cells)`, preset, false, 1000 + k),
    makeCase(`${preset.id} (typed numbers)`, preset, true, 2000 + k),
  ]);
}

/** Generated tables (scorecard, rules, matrix) from arbGradingTable, fixed seeds. */
export function arbitraryCases(count: number): SqlCase[] {
  const tables: GradingTable[] = [];
  // One sample per seed, so a table the SQL export does not take (RFM) is skipped without shifting the others.
  for (let seed = 1; tables.length < count && seed < count * 4; seed++) {
    const [table] = fc.sample(arbGradingTable(), { numRuns: 1, seed });
    // RFM tables grade a population, not a row: their export is tested on the presets and rfmVariants().
    if (table && table.method.kind !== 'rfm') tables.push(table);
  }
  return tables.map((table, k) => makeCase(`arbitrary #${k} ${table.method.kind}`, table, k % 2 === 0, 3000 + k, 120));
}

/** The SQL type of each source column of a case: numbers and dates typed in typed cases, text otherwise. */
export function columnTypes(c: SqlCase, dialect: SqlDialectName): string[] {
  const d = sqlDialect(dialect);
  return c.compiled.columns.map((input) =>
    c.typed && input.type === 'number' ? d.doubleType : c.typed && input.type === 'date' ? 'DATE' : d.textType,
  );
}

/** CREATE TABLE + INSERT for a case: a row id, then one column per input. */
export function sourceSql(c: SqlCase, dialect: SqlDialectName, tableName: string): string {
  const d = sqlDialect(dialect);
  const numberType = d.doubleType;
  const types = columnTypes(c, dialect);
  const defs = c.columnNames.map((n, i) => `${d.ident(n)!} ${types[i]}`);
  const literal = (cell: Cell, type: string): string => {
    if (cell === null || cell === undefined) return `CAST(NULL AS ${type})`;
    if (typeof cell === 'number') return `CAST('${String(cell)}' AS ${numberType})`;
    if (cell instanceof Date) return `CAST('${cell.toISOString().slice(0, 10)}' AS DATE)`;
    return d.text(String(cell))!;
  };
  const values = c.rows.map(
    (row, r) => `(${[String(r), ...row.map((cell, i) => literal(cell, types[i]!))].join(', ')})`,
  );
  return `CREATE TABLE ${tableName} (rid INTEGER, ${defs.join(', ')});\nINSERT INTO ${tableName} VALUES\n${values.join(',\n')};`;
}

/** The exported SELECT for a case, reading `tableName` with the case's column names. */
export function exportedSql(c: SqlCase, dialect: SqlDialectName, tableName: string): string {
  const columns: Record<string, string> = {};
  c.compiled.columns.forEach((input, i) => (columns[input.id] = c.columnNames[i]!));
  const result = exportSql(c.table, { dialect, source: tableName, columns, resolve: getPreset });
  if (!result.ok) throw new Error(`${c.name}: ${JSON.stringify(result.problems)}`);
  return result.sql;
}

/** Differences between the SQL's outcomes (by row id) and the engine's; empty when they agree on every row. */
export function differences(c: SqlCase, actual: Map<number, Outcome>): string[] {
  const out: string[] = [];
  c.expected.forEach((want, r) => {
    const got = actual.get(r);
    const same =
      got !== undefined && got.tier === want.tier && got.error === want.error && sameScore(got.score, want.score);
    if (!same && out.length < 5) {
      out.push(`row ${r} ${JSON.stringify(c.rows[r])}: engine ${JSON.stringify(want)} sql ${JSON.stringify(got)}`);
    }
  });
  return out;
}

function sameScore(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return a === b;
}
