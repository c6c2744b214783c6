import { validateTable, type TableResolver } from '../compile';
import type { TableProblem } from '../errors';
import {
  bandScan,
  booleanKeys,
  categoryKeys,
  columnInputs,
  hasScore,
  inputOf,
  scorecardSumIsExact,
  thresholdArms,
  walkCondition,
  type ConditionPrinter,
} from '../backends/table-walk';
import { DATE_LIKE_RECENCY } from '../rfm/recency';
import { binsOf } from '../rfm/score';
import { cutProbabilities } from '../rfm/quantile';
import { RFM_INPUT_IDS } from '../rfm/presets';
import type {
  BandMatch,
  ConditionNode,
  GradingTable,
  InputDef,
  MatrixAxis,
  MatrixMethod,
  RfmMethod,
  RulesMethod,
  ScorecardMethod,
  Threshold,
} from '../model';
import { EXCEL_ERRORS } from '../values/cell';
import { MAX_DATE_SERIAL } from '../values/dates';
import { abcLevel, unsupportedPopulationFeature, type PopulationSqlFeature } from './abc';
import { sqlDialect, SQL_SPACES, type SqlDialect, type SqlDialectName } from './dialect';

export interface SqlExportOptions {
  dialect: SqlDialectName;
  /** A table name or a query, used verbatim as the FROM of the first step. */
  source: string;
  /** Input id -> source column; null means the input has no column (every row reads it as blank). Default: the input id. */
  columns?: Readonly<Record<string, string | null>>;
  /** Finds the tables this one takes results from (presets, workbook tables). */
  resolve?: TableResolver;
  /** Names of the added columns; default score, tier, grade_error. */
  names?: { score?: string; tier?: string; error?: string };
}

/** Why a table cannot be exported to this dialect with the engine's exact meaning. */
export type SqlProblem =
  | { kind: 'invalid-table'; problems: TableProblem[] }
  /** The table uses something the export cannot express exactly (in any dialect, or in this one). */
  | { kind: 'unsupported'; feature: SqlUnsupportedFeature; table: string; input?: string }
  /** A column name the dialect cannot quote (NUL, empty, longer than PostgreSQL's 63 bytes). */
  | { kind: 'bad-identifier'; name: string }
  /** A text of the table (alias, tier id) that cannot be a literal (NUL). */
  | { kind: 'bad-literal'; table: string; text: string }
  /** --columns names an input the table does not read. */
  | { kind: 'unknown-input'; input: string; inputs: string[] };

export type SqlUnsupportedFeature =
  'rfm-source' | 'rfm-breakpoints' | 'text-input' | 'date-input' | 'score-from-unscored' | PopulationSqlFeature;

export type SqlExport =
  | { ok: true; sql: string; columns: Array<{ input: string; column: string | null }> }
  | { ok: false; problems: SqlProblem[] };

/**
 * Exact numeric text every dialect reads to the same double as the engine's
 * parseNumber, and never to an error: digits with an optional point and
 * exponent, magnitudes kept inside the range of a double (so PostgreSQL's
 * float8 input never raises). Other text (grouping commas, 万, %, currency)
 * is the engine's richer coercion and becomes a not-a-number row error.
 * No backslashes, so the literal means the same whatever a dialect's string
 * escape settings (Spark's escapedStringLiterals).
 */
export const SQL_NUMBER_PATTERN =
  '[+-]?(?:(?:[0-9]{1,200}[.]?[0-9]{0,200}|[.][0-9]{1,200})(?:[eE][+-]?[0-9]{1,2})?' +
  '|[1-9](?:[.][0-9]{0,20})?[eE][+]?(?:[12][0-9]{2}|30[0-7])' +
  '|[1-9](?:[.][0-9]{0,20})?[eE]-(?:[12][0-9]{2}|3[01][0-9]|32[0-3])' +
  '|[3-9](?:[.][0-9]{0,20})?[eE]-324)';

const DUCKDB_DATE_TYPES = ['DATE', 'TIMESTAMP', 'TIMESTAMP_S', 'TIMESTAMP_MS', 'TIMESTAMP_NS'];

/**
 * Date text every dialect reads as the engine does: YYYY-M-D (or / or . as the
 * separator), optionally a time of day (T or a space, H:MM, :SS, fraction),
 * which is dropped. Other forms (2024年3月15日, 15/03/2024, 20240315, time
 * zones) become not-a-date errors.
 */
export const SQL_DATE_PATTERN =
  '[0-9]{4}(?:-[0-9]{1,2}-[0-9]{1,2}|/[0-9]{1,2}/[0-9]{1,2}|[.][0-9]{1,2}[.][0-9]{1,2})' +
  '(?:[Tt ](?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:[.][0-9]+)?)?)?';

const DUCKDB_NUMERIC_TYPES = [
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'HUGEINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
  'UHUGEINT',
  'FLOAT',
  'DOUBLE',
];

/** |y| from which every double is an integer: Math.round(y) is y. */
const TWO_POW_52 = 4503599627370496;

type RfmDimension = 'r' | 'f' | 'm';
const RFM_DIMENSIONS: readonly RfmDimension[] = ['r', 'f', 'm'];
const RFM_NAMES = { r: 'recency', f: 'frequency', m: 'monetary' } as const;

/** Thrown inside the generator to stop at the first text that cannot be written; caught in exportSql. */
class Stop {
  constructor(readonly problem: SqlProblem) {}
}

/** A step adds columns to every row; a side CTE is computed once (population statistics) and joined to a later step. */
type Step =
  | { kind: 'step'; items: Array<[string, string]>; join?: string }
  | { kind: 'side'; name: string; sql: (previous: string) => string };

/** What a compiled level (a table, or a table it takes results from) leaves for its user. */
interface LevelResult {
  score: string;
  tier: string;
  error: string;
  hasScore: boolean;
}

/**
 * Writes one SELECT that adds score, tier and an error text to every row of
 * `source`, with exactly the engine's meaning for scorecard, rules and matrix
 * tables (composition included). The steps are CTEs that each add a few
 * helper columns; the final SELECT gives back the source's columns and the
 * three new ones. Errors are `kind:input` (e.g. `blank:payment_days`,
 * `not-a-number:monthly_sales`, `no-match`), as the engine's GradeError.
 * Never throws on bad data: problems come back as values.
 */
export function exportSql(table: unknown, options: SqlExportOptions): SqlExport {
  const problems = validateTable(table, { resolve: options.resolve });
  if (problems.length > 0) return { ok: false, problems: [{ kind: 'invalid-table', problems }] };
  try {
    return new Generator(table as GradingTable, options).run();
  } catch (error) {
    if (error instanceof Stop) return { ok: false, problems: [error.problem] };
    throw error;
  }
}

/** Inputs read from columns by a table and the tables it draws on, in the engine's order (CompiledTable.columns). */
export function sqlColumnInputs(table: GradingTable, resolve?: TableResolver): InputDef[] {
  return columnInputs(table, resolve);
}

class Generator {
  private readonly d: SqlDialect;
  private readonly steps: Step[] = [];
  private readonly helpers: string[] = [];
  /** Input id -> the helper column holding its raw source value. */
  private readonly raw = new Map<string, string>();
  private levels = 0;

  constructor(
    private readonly table: GradingTable,
    private readonly options: SqlExportOptions,
  ) {
    this.d = sqlDialect(options.dialect);
  }

  run(): SqlExport {
    const inputs = sqlColumnInputs(this.table, this.options.resolve);
    const mapping = this.options.columns ?? {};
    const known = inputs.map((i) => i.id);
    for (const id of Object.keys(mapping)) {
      if (!known.includes(id)) throw new Stop({ kind: 'unknown-input', input: id, inputs: known });
    }
    this.checkSupported(this.table);
    const columnOf = (id: string): string | null => (Object.hasOwn(mapping, id) ? mapping[id]! : id);
    const columns = inputs.map((i) => ({ input: i.id, column: columnOf(i.id) }));
    const first: Array<[string, string]> = [];
    columns.forEach((c, j) => {
      const name = `__tw_c${j}`;
      this.raw.set(c.input, name);
      this.helpers.push(name);
      if (c.column === null) {
        first.push([name, `CAST(NULL AS ${this.d.textType})`]);
      } else {
        const ident = this.d.ident(c.column);
        if (ident === undefined) throw new Stop({ kind: 'bad-identifier', name: c.column });
        first.push([name, `__tw_src.${ident}`]);
      }
    });
    const result = this.level(this.table);
    const names = {
      score: this.options.names?.score ?? 'score',
      tier: this.options.names?.tier ?? 'tier',
      error: this.options.names?.error ?? 'grade_error',
    };
    for (const n of Object.values(names))
      if (this.d.ident(n) === undefined) throw new Stop({ kind: 'bad-identifier', name: n });
    const tierName = this.caseOf(
      result.tier,
      this.table.tiers.map((t, k) => [String(k), this.lit(t.id)]),
      null,
    );
    return { ok: true, sql: this.render(first, result, names, tierName), columns };
  }

  private render(
    first: Array<[string, string]>,
    result: LevelResult,
    names: { score: string; tier: string; error: string },
    tierName: string,
  ): string {
    const d = this.d;
    const source = this.options.source.trim().replace(/;+\s*$/, '');
    const from = /^\(|^(select|with|values|from|table)\b/i.test(source) ? `(${source})` : source;
    const ctes: string[] = [];
    // PostgreSQL inlines a CTE used once, pasting each step's expressions into the next: over a
    // dozen steps the expression tree multiplies until planning takes minutes. Materialized, each
    // step is computed once.
    const as = d.name === 'postgres' ? 'AS MATERIALIZED' : 'AS';
    const carry = d.carryRow('__tw_src');
    ctes.push(
      `__tw_s0 ${as} (\n  SELECT ${[carry, ...first.map(([a, e]) => `${e} AS ${a}`)].join(',\n    ')}\n  FROM ${from} AS __tw_src\n)`,
    );
    let k = 0;
    for (const step of this.steps) {
      if (step.kind === 'side') {
        ctes.push(`${step.name} ${as} (\n  ${step.sql(`__tw_s${k}`)}\n)`);
        continue;
      }
      const items = step.items.map(([a, e]) => `${e} AS ${a}`).join(',\n    ');
      const join = step.join === undefined ? '' : ` CROSS JOIN ${step.join}`;
      ctes.push(`__tw_s${k + 1} ${as} (\n  SELECT *,\n    ${items}\n  FROM __tw_s${k}${join}\n)`);
      k++;
    }
    const last = `__tw_s${k}`;
    const expand =
      d.name === 'duckdb' ? `* EXCLUDE (${this.helpers.join(', ')}${first.length ? '' : ''})` : d.expandRow(last);
    const ok = `${result.error} IS NULL`;
    const select = [
      expand,
      `CASE WHEN ${ok} THEN ${result.hasScore ? result.score : `CAST(NULL AS ${d.doubleType})`} END AS ${d.ident(names.score)!}`,
      `CASE WHEN ${ok} THEN ${tierName} END AS ${d.ident(names.tier)!}`,
      `${result.error} AS ${d.ident(names.error)!}`,
    ];
    // The id is validated, but a comment must never be able to end early: keep only safe characters.
    const id = this.table.id.replace(/[^A-Za-z0-9_-]/g, '_');
    const header = `-- tierwise: grading table ${id} as ${d.name} SQL (see docs/sql.md)`;
    return `${header}\nWITH\n${ctes.join(',\n')}\nSELECT\n  ${select.join(',\n  ')}\nFROM ${last}`;
  }

  // ---------------------------------------------------------------------------
  // Support

  private checkSupported(table: GradingTable): void {
    const m = table.method;
    const population = unsupportedPopulationFeature(table, table === this.table);
    if (population) throw new Stop({ kind: 'unsupported', feature: population, table: table.id });
    if (m.kind === 'rfm' && table !== this.table) {
      throw new Stop({ kind: 'unsupported', feature: 'rfm-source', table: table.id });
    }
    if (m.kind === 'rfm' && m.binning === 'fixed') {
      for (const d of RFM_DIMENSIONS) {
        const cuts = m.breakpoints?.[d] ?? [];
        if (cuts.some((c, k) => k > 0 && !(c >= cuts[k - 1]!))) {
          throw new Stop({ kind: 'unsupported', feature: 'rfm-breakpoints', table: table.id });
        }
      }
    }
    for (const input of table.inputs) {
      if (input.source) {
        const source = this.options.resolve?.(input.source.table);
        if (!source) continue;
        if (input.source.output === 'score' && !hasScore(source)) {
          throw new Stop({ kind: 'unsupported', feature: 'score-from-unscored', table: table.id, input: input.id });
        }
        this.checkSupported(source);
        continue;
      }
      if (input.type === 'text')
        throw new Stop({ kind: 'unsupported', feature: 'text-input', table: table.id, input: input.id });
      if (input.type === 'date' && m.kind === 'rfm') {
        throw new Stop({ kind: 'unsupported', feature: 'date-input', table: table.id, input: input.id });
      }
    }
  }

  // ---------------------------------------------------------------------------
  // Steps and literals

  private step(items: Array<[string, string]>, join?: { name: string; columns: string[] }): void {
    if (items.length === 0) return;
    for (const [alias] of items) this.helpers.push(alias);
    if (join) this.helpers.push(...join.columns);
    this.steps.push(join ? { kind: 'step', items, join: join.name } : { kind: 'step', items });
  }

  private lit(text: string): string {
    const l = this.d.text(text);
    if (l === undefined) throw new Stop({ kind: 'bad-literal', table: this.table.id, text });
    return l;
  }

  /** A double literal that reads back as exactly x. */
  private num(x: number): string {
    const text = Object.is(x, -0) ? '0' : String(x);
    if (Number.isInteger(x) && Math.abs(x) < 2 ** 31) return `CAST(${text} AS ${this.d.doubleType})`;
    return `CAST('${text}' AS ${this.d.doubleType})`;
  }

  /** A number to compare a double column with. */
  private cmp(x: number): string {
    if (Number.isInteger(x) && Math.abs(x) < 2 ** 31) return Object.is(x, -0) ? '0' : String(x);
    return this.num(x);
  }

  private caseOf(subject: string, arms: Array<[string, string]>, otherwise: string | null): string {
    if (arms.length === 0) return otherwise ?? 'NULL';
    const body = arms.map(([w, t]) => `WHEN ${w} THEN ${t}`).join(' ');
    return `CASE ${subject === '' ? '' : `${subject} `}${body}${otherwise === null ? '' : ` ELSE ${otherwise}`} END`;
  }

  private errorText(kind: string, input?: string): string {
    return this.lit(input === undefined ? kind : `${kind}:${input}`);
  }

  // ---------------------------------------------------------------------------
  // Levels

  private level(table: GradingTable): LevelResult {
    const p = `__tw${this.levels++}_`;
    const value = new Map<string, string>();
    const errors: string[] = [];
    // RFM tables read recency, frequency and monetary, in that order, as required numbers.
    const decoded =
      table.method.kind === 'rfm'
        ? RFM_DIMENSIONS.map((d) => ({ ...inputOf(table, RFM_INPUT_IDS[RFM_NAMES[d]]), required: true }))
        : table.inputs;
    this.decode(decoded, p, value, errors, table.method.kind === 'rfm' ? RFM_INPUT_IDS.recency : undefined);
    // Derived inputs: the other table's result for the same row, after this table's own columns.
    const derived: Array<[string, string]> = [];
    table.inputs.forEach((input, k) => {
      if (!input.source) return;
      const source = this.options.resolve!(input.source.table)!;
      const inner = this.level(source);
      errors.push(inner.error);
      const alias = `${p}v${k}`;
      derived.push([alias, input.source.output === 'score' ? inner.score : inner.tier]);
      value.set(input.id, alias);
    });
    this.step(derived);
    const ctx: LevelContext = { p, table, value, errors };
    const method = table.method;
    switch (method.kind) {
      case 'scorecard':
        return this.scorecard(method, ctx);
      case 'rules':
        return this.rules(method, ctx);
      case 'matrix':
        return this.matrix(method, ctx);
      case 'rfm':
        return this.rfm(method, ctx);
      case 'abc':
        return abcLevel(method, ctx, {
          dialect: this.d,
          step: (items) => this.step(items),
          num: (x) => this.num(x),
          errorText: (kind, input) => this.errorText(kind, input),
        });
    }
  }

  /** Three steps: trimmed text (and DuckDB's typed numbers), the decoded value, the decode error. */
  /** `daysInput`: an RFM recency read as days, where a date is refused (recencyDateGuard). */
  private decode(
    inputs: readonly InputDef[],
    p: string,
    value: Map<string, string>,
    errors: string[],
    daysInput?: string,
  ): void {
    const d = this.d;
    const texts: Array<[string, string]> = [];
    const parts: Array<[string, string]> = [];
    const values: Array<[string, string]> = [];
    const errs: Array<[string, string]> = [];
    inputs.forEach((input, k) => {
      if (input.source) return;
      const raw = this.raw.get(input.id)!;
      const t = `${p}t${k}`;
      const n = `${p}n${k}`;
      const v = `${p}v${k}`;
      const e = `${p}e${k}`;
      const trimmed = d.trim(`CAST(${raw} AS ${d.textType})`, SQL_SPACES);
      const typed = (input.type === 'number' || input.type === 'date') && d.name === 'duckdb';
      const isNumeric = `(typeof(${raw}) IN (${DUCKDB_NUMERIC_TYPES.map((x) => `'${x}'`).join(', ')}) OR typeof(${raw}) LIKE 'DECIMAL%')`;
      const isDate = `typeof(${raw}) IN (${DUCKDB_DATE_TYPES.map((x) => `'${x}'`).join(', ')})`;
      if (typed) {
        // DuckDB knows the column's type: numbers and dates skip the text round trip.
        const typedTest = input.type === 'date' ? `${isNumeric} OR ${isDate}` : isNumeric;
        texts.push([t, `CASE WHEN ${typedTest} THEN NULL ELSE ${trimmed} END`]);
        texts.push([n, `CASE WHEN ${isNumeric} THEN TRY_CAST(${raw} AS DOUBLE) END`]);
      } else {
        texts.push([t, trimmed]);
      }
      const blank = `(${raw} IS NULL OR ${t} = '')`;
      let decoded: string;
      let failure: string;
      switch (input.type) {
        case 'number': {
          const fromText = `WHEN ${d.fullMatch(t, SQL_NUMBER_PATTERN)} THEN CAST(${t} AS ${d.doubleType})`;
          const fromTyped = typed ? `WHEN ${n} - ${n} = 0 THEN ${n} ` : '';
          decoded = `CASE WHEN ${blank} THEN NULL ${fromTyped}${fromText} END`;
          failure = 'not-a-number';
          break;
        }
        case 'category': {
          decoded = this.caseOf(`lower(${t})`, this.categoryKeys(input), null);
          failure = 'unknown-category';
          break;
        }
        case 'boolean': {
          const arms = booleanKeys().map(([x, b]): [string, string] => [this.lit(x), String(b)]);
          decoded = this.caseOf(`lower(${t})`, arms, null);
          failure = 'not-a-boolean';
          break;
        }
        case 'date': {
          // Year, month, day from ISO-like text (or, in DuckDB, from DATE/TIMESTAMP columns), then the
          // serial day with the engine's calendar; DuckDB's numeric columns are serials already.
          const [y, m, dd] = this.dateParts(t, `${p}${k}`, parts, typed ? { raw, isDate } : undefined);
          const fromTyped = typed ? `WHEN ${n} >= 1 AND ${n} < ${MAX_DATE_SERIAL + 1} THEN floor(${n}) ` : '';
          decoded = `CASE WHEN ${blank} THEN NULL ${fromTyped}WHEN ${this.validDay(y, m, dd)} THEN ${this.serialOf(y, m, dd)} END`;
          failure = 'not-a-date';
          break;
        }
        default:
          throw new Stop({ kind: 'unsupported', feature: 'text-input', table: this.table.id, input: input.id });
      }
      values.push([v, decoded]);
      const required = input.required !== false;
      const codes = EXCEL_ERRORS.map((c) => this.lit(c)).join(', ');
      let error =
        `CASE WHEN ${blank} THEN ${required ? this.errorText('blank', input.id) : 'NULL'} ` +
        `WHEN upper(${t}) IN (${codes}) THEN ${this.errorText('cell-error', input.id)} ` +
        `WHEN ${v} IS NULL THEN ${this.errorText(failure, input.id)} END`;
      if (input.id === daysInput) error = this.recencyDateGuard(t, v, `${p}r${k}`, parts, error, input.id);
      errs.push([e, error]);
      value.set(input.id, v);
      errors.push(e);
    });
    this.step(texts);
    this.step(parts);
    this.step(values);
    this.step(errs);
  }

  /**
   * Year, month and day columns (named prefix + y/m/d, added to `parts`) of the ISO-like text `t`,
   * NULL unless it matches SQL_DATE_PATTERN; with `typed` (DuckDB), a DATE/TIMESTAMP column's own.
   */
  private dateParts(
    t: string,
    prefix: string,
    parts: Array<[string, string]>,
    typed?: { raw: string; isDate: string },
  ): [string, string, string] {
    const names: [string, string, string] = [`${prefix}y`, `${prefix}m`, `${prefix}d`];
    const day = `split_part(translate(${t}, '/.', '--'), 'T', 1)`;
    const datePart = `split_part(split_part(${day}, 't', 1), ' ', 1)`;
    (['year', 'month', 'day'] as const).forEach((typedPart, i) => {
      const fromText = `CASE WHEN ${this.d.fullMatch(t, SQL_DATE_PATTERN)} THEN CAST(split_part(${datePart}, '-', ${i + 1}) AS INTEGER) END`;
      const part = typed
        ? `CASE WHEN ${typed.isDate} THEN ${typedPart}(TRY_CAST(${typed.raw} AS DATE)) ELSE ${fromText} END`
        : fromText;
      parts.push([names[i]!, part]);
    });
    return names;
  }

  /**
   * ADR 0004 in SQL: a recency read as days that is a date (a number from DATE_LIKE_RECENCY up to the
   * last date serial, or date text) is the row's `recency-is-date` error, before any other.
   */
  private recencyDateGuard(
    t: string,
    v: string,
    prefix: string,
    parts: Array<[string, string]>,
    otherwise: string,
    input: string,
  ): string {
    const [y, m, d] = this.dateParts(t, prefix, parts);
    const error = this.errorText('recency-is-date', input);
    return (
      `CASE WHEN ${v} >= ${DATE_LIKE_RECENCY} AND ${v} < ${MAX_DATE_SERIAL + 1} THEN ${error} ` +
      `WHEN ${v} IS NULL AND ${this.validDay(y, m, d)} THEN ${error} ELSE ${otherwise} END`
    );
  }

  /** Whether y-m-d is a day the engine reads: 1900..9999, a real calendar day, or Excel's 1900-02-29. */
  private validDay(y: string, m: string, d: string): string {
    const leap = `((${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0)`;
    const days =
      `CASE WHEN ${m} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END ` +
      `WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
    return (
      `(${y} BETWEEN 1900 AND 9999 AND ${m} BETWEEN 1 AND 12 AND ${d} >= 1 ` +
      `AND (${d} <= ${days} OR (${y} = 1900 AND ${m} = 2 AND ${d} = 29)))`
    );
  }

  /**
   * The Excel serial of a valid y-m-d: days from 1970-01-01 (the civil-from-days
   * algorithm, in doubles so no dialect's integer division matters) + 25569,
   * one lower before Excel's fictitious 1900-02-29 (serial 60).
   */
  private serialOf(y: string, m: string, d: string): string {
    const f = (x: number) => this.num(x);
    const y2 = `(${y} - CASE WHEN ${m} <= 2 THEN 1 ELSE 0 END)`;
    const era = `floor(${y2} / ${f(400)})`;
    const yoe = `(${y2} - ${era} * 400)`;
    const mp = `(${m} + CASE WHEN ${m} > 2 THEN -3 ELSE 9 END)`;
    const doy = `(floor((153 * ${mp} + 2) / ${f(5)}) + ${d} - 1)`;
    const doe = `(${yoe} * 365 + floor(${yoe} / ${f(4)}) - floor(${yoe} / ${f(100)}) + ${doy})`;
    const serial = `(${era} * 146097 + ${doe} - 719468 + 25569)`;
    return `CASE WHEN ${y} = 1900 AND ${m} = 2 AND ${d} = 29 THEN ${f(60)} WHEN ${serial} <= 60 THEN ${serial} - 1 ELSE ${serial} END`;
  }

  /**
   * SQL keys (lower(trim(text)) of each name of each value) -> the value index
   * the engine gives that text. Names are taken in the engine's order, first wins.
   */
  private categoryKeys(input: InputDef): Array<[string, string]> {
    return categoryKeys(input, sqlTrim).map(([key, index]): [string, string] => [this.lit(key), String(index)]);
  }

  // ---------------------------------------------------------------------------
  // Methods

  private scorecard(method: ScorecardMethod, ctx: LevelContext): LevelResult {
    const { p } = ctx;
    const points: Array<[string, string]> = [];
    const errs: Array<[string, string]> = [];
    method.criteria.forEach((c, i) => {
      const input = inputOf(ctx.table, c.input);
      const v = ctx.value.get(c.input)!;
      const weight = c.weight ?? 1;
      const band = this.bandCase(
        input,
        v,
        c.bands.map((b) => b.match),
        c.bands.map((b) => this.num(b.points * weight)),
      );
      const blank = c.blankPoints === undefined ? 'NULL' : this.num(c.blankPoints * weight);
      const pts = `${p}p${i}`;
      points.push([pts, `CASE WHEN ${v} IS NULL THEN ${blank} ELSE ${band} END`]);
      errs.push([
        `${p}pe${i}`,
        `CASE WHEN ${v} IS NULL THEN ${c.blankPoints === undefined ? this.errorText('blank', input.id) : 'NULL'} ` +
          `WHEN ${pts} IS NULL THEN ${this.errorText('out-of-range', input.id)} END`,
      ]);
    });
    this.step(points);
    this.step(errs);
    let total = points.map(([a]) => a).join(' + ');
    for (const m of method.multipliers ?? []) {
      total = `(${total}) * CASE WHEN ${this.condition(m.when, ctx)} THEN ${this.num(m.factor)} ELSE 1 END`;
    }
    let score = `${p}total`;
    this.step([[score, total]]);
    if (!scorecardSumIsExact(method)) score = this.jsRound(score, 1e9, `${p}clean`);
    if (method.round !== undefined) score = this.jsRound(score, 10 ** method.round, `${p}round`);
    const tier = `${p}tier`;
    this.step([[tier, this.thresholds(method.thresholds, score, ctx.table)]]);
    const error = `${p}error`;
    this.step([[error, coalesce([...ctx.errors, ...errs.map(([a]) => a)])]]);
    return { score, tier, error, hasScore: true };
  }

  /** Math.round(x * scale) / scale, to the bit: ties go up, and large values are already whole. */
  private jsRound(x: string, scale: number, name: string): string {
    const y = `${name}_y`;
    this.step([[y, `${x} * ${this.num(scale)}`]]);
    const rounded =
      `CASE WHEN NOT (abs(${y}) < ${this.num(TWO_POW_52)}) THEN ${y} ` +
      `WHEN ${y} - floor(${y}) >= 0.5 THEN floor(${y}) + 1 ELSE floor(${y}) END`;
    this.step([[name, `(${rounded}) / ${this.num(scale)}`]]);
    return name;
  }

  private rules(method: RulesMethod, ctx: LevelContext): LevelResult {
    const { p, table } = ctx;
    const tierIndex = (id: string) => table.tiers.findIndex((t) => t.id === id);
    const arms = method.rules.map((r): [string, string] => [this.condition(r.when, ctx), String(tierIndex(r.tier))]);
    const fallback = method.default === undefined ? null : String(tierIndex(method.default));
    const tier = `${p}tier`;
    this.step([[tier, this.caseOf('', arms, fallback)]]);
    const scored = table.tiers.map((t, k): [string, string] | undefined =>
      t.score === undefined ? undefined : [String(k), this.num(t.score)],
    );
    const score = `${p}score`;
    const error = `${p}error`;
    this.step([
      [
        score,
        this.caseOf(
          tier,
          scored.filter((x) => x !== undefined),
          null,
        ),
      ],
      [error, coalesce([...ctx.errors, `CASE WHEN ${tier} IS NULL THEN ${this.errorText('no-match')} END`])],
    ]);
    return { score, tier, error, hasScore: hasScore(table) };
  }

  private matrix(method: MatrixMethod, ctx: LevelContext): LevelResult {
    const { p, table } = ctx;
    const axis = (a: MatrixAxis) => {
      const input = inputOf(table, a.input);
      const v = ctx.value.get(a.input)!;
      const band = this.bandCase(
        input,
        v,
        a.bands.map((b) => b.match),
        a.bands.map((_b, k) => String(k)),
      );
      return { input, v, band };
    };
    const rows = axis(method.rows);
    const cols = axis(method.columns);
    const rb = `${p}rb`;
    const cb = `${p}cb`;
    this.step([
      [rb, rows.band],
      [cb, cols.band],
    ]);
    const locate = (a: typeof rows, b: string) =>
      `WHEN ${a.v} IS NULL THEN ${this.errorText('blank', a.input.id)} WHEN ${b} IS NULL THEN ${this.errorText('out-of-range', a.input.id)}`;
    const matrixError = `CASE ${locate(rows, rb)} ${locate(cols, cb)} END`;
    const byScore = method.output === 'score';
    const cell = (value: string | number) =>
      byScore ? this.num(Number(value)) : String(table.tiers.findIndex((t) => t.id === String(value)));
    const cells = this.caseOf(
      rb,
      method.cells.map((row, r): [string, string] => [
        String(r),
        this.caseOf(
          cb,
          row.map((value, c): [string, string] => [String(c), cell(value)]),
          null,
        ),
      ]),
      null,
    );
    const error = `${p}error`;
    const tier = `${p}tier`;
    if (byScore && method.thresholds) {
      const score = `${p}score`;
      this.step([[score, cells]]);
      this.step([
        [tier, this.thresholds(method.thresholds, score, table)],
        [error, coalesce([...ctx.errors, matrixError])],
      ]);
      return { score, tier, error, hasScore: true };
    }
    this.step([
      [tier, cells],
      [error, coalesce([...ctx.errors, matrixError])],
    ]);
    return { score: `CAST(NULL AS ${this.d.doubleType})`, tier, error, hasScore: false };
  }

  /**
   * RFM over the whole source as one population, as the engine grades a
   * batch: cut points are type-7 quantiles of the rows that could be read
   * (values above a cap left out), computed from order statistics with the
   * engine's floating-point steps; scores count the cut points passed;
   * the first matching segment gives the tier. Fixed breakpoints need no
   * population.
   */
  private rfm(method: RfmMethod, ctx: LevelContext): LevelResult {
    const { p, table } = ctx;
    const binning = method.binning ?? 'quantile';
    const v = (d: RfmDimension) => ctx.value.get(RFM_INPUT_IDS[RFM_NAMES[d]])!;
    const ok = `${coalesce(ctx.errors)} IS NULL`;
    const cuts = new Map<RfmDimension, string[]>();
    const empty = new Map<RfmDimension, string>();
    let join: { name: string; columns: string[] } | undefined;
    if (binning === 'fixed') {
      for (const d of RFM_DIMENSIONS)
        cuts.set(
          d,
          (method.breakpoints?.[d] ?? []).map((c) => this.cmp(c)),
        );
    } else {
      const stats = `${p}rfm`;
      const columns: string[] = [];
      const dims = RFM_DIMENSIONS.map((d) => {
        const cap = method.caps?.[d];
        const capName = `${stats}_cap_${d}`;
        let capTest = '';
        if (cap && 'value' in cap) capTest = ` AND ${v(d)} <= ${this.cmp(cap.value)}`;
        else if (cap) capTest = ` AND ${v(d)} <= (SELECT q1 FROM ${capName})`;
        return { d, cap, capName, capTest };
      });
      const population = (d: RfmDimension, capTest: string) => (previous: string) =>
        `SELECT ${v(d)} AS v FROM ${previous} WHERE ${ok}${capTest}`;
      for (const { d, cap, capName, capTest } of dims) {
        if (cap && 'percentile' in cap) this.quantiles(capName, population(d, ''), [cap.percentile], 0);
        const name = `${stats}_${d}`;
        const bins = binsOf(method, d);
        this.quantiles(name, population(d, capTest), cutProbabilities(bins), binning === 'rfm-package' ? 1 : 0);
        cuts.set(
          d,
          Array.from({ length: bins - 1 }, (_x, k) => `${name}_q${k + 1}`),
        );
        empty.set(d, `${name}_n`);
      }
      // One row with every dimension's n and cut points, joined to each row.
      const name = `${stats}_cuts`;
      const select: string[] = [];
      const from: string[] = [];
      for (const d of RFM_DIMENSIONS) {
        const q = `${stats}_${d}`;
        from.push(q);
        select.push(`${q}.n AS ${q}_n`);
        cuts.get(d)!.forEach((c, k) => select.push(`${q}.q${k + 1} AS ${c}`));
        columns.push(`${q}_n`, ...cuts.get(d)!);
      }
      this.steps.push({
        kind: 'side',
        name,
        sql: () => `SELECT ${select.join(', ')} FROM ${from.join(' CROSS JOIN ')}`,
      });
      join = { name, columns };
    }
    const closed = binning === 'quantile' ? 'right' : binning === 'rfm-package' ? 'left' : (method.closed ?? 'right');
    const scores: Array<[string, string]> = RFM_DIMENSIONS.map((d) => {
      const bins = binsOf(method, d);
      const passed = cuts
        .get(d)!
        .map((c) => `CASE WHEN ${v(d)} ${closed === 'right' ? '>' : '>='} ${c} THEN 1 ELSE 0 END`);
      const bin = ['1', ...passed].join(' + ');
      const score = d === 'r' ? `${bins + 1} - (${bin})` : bin;
      const none = empty.get(d);
      return [`${p}score_${d}`, none === undefined ? score : `CASE WHEN ${none} = 0 THEN 0 ELSE ${score} END`];
    });
    this.step(scores, join);
    const [r, f, m] = scores.map(([a]) => a) as [string, string, string];
    const within = (x: string, range: [number, number] | undefined) =>
      range === undefined ? [] : [`${x} BETWEEN ${range[0]} AND ${range[1]}`];
    const tierIndex = (id: string) => table.tiers.findIndex((t) => t.id === id);
    const arms = method.segments.map((segment): [string, string] => {
      const tests = [
        ...within(r, segment.r),
        ...within(f, segment.f),
        ...within(m, segment.m),
        ...(segment.fm === undefined
          ? []
          : [`${f} > 0 AND ${m} > 0`, ...within(`floor((${f} + ${m} + 1) / 2)`, segment.fm)]),
      ];
      return [tests.length === 0 ? 'TRUE' : tests.join(' AND '), String(tierIndex(segment.tier))];
    });
    const fallback = method.default === undefined ? null : String(tierIndex(method.default));
    const wide = RFM_DIMENSIONS.some((d) => binsOf(method, d) > 9);
    const tier = `${p}tier`;
    const score = `${p}score`;
    const error = `${p}error`;
    this.step([
      [tier, this.caseOf('', arms, fallback)],
      [score, `CAST(${r} * ${wide ? 10000 : 100} + ${f} * ${wide ? 100 : 10} + ${m} AS ${this.d.doubleType})`],
    ]);
    this.step([[error, coalesce([...ctx.errors, `CASE WHEN ${tier} IS NULL THEN ${this.errorText('no-match')} END`])]]);
    return { score, tier, error, hasScore: true };
  }

  /**
   * Side CTEs `name` with one row: n (the population) and q1..qk, type-7
   * quantiles at `probs` of the values `population` selects, plus `offset`
   * (rfm-package cuts are quantile + 1), exactly as the engine computes them:
   * index = 1 + (n - 1) p, order statistics at floor and ceil of it, then
   * (1 - h) lo + h hi unless the index is whole or both are equal.
   */
  private quantiles(
    name: string,
    population: (previous: string) => string,
    probs: readonly number[],
    offset: number,
  ): void {
    const ranked = `${name}_rank`;
    this.steps.push({
      kind: 'side',
      name: ranked,
      sql: (previous) => `SELECT v, row_number() OVER (ORDER BY v) AS rn FROM (${population(previous)}) AS pop`,
    });
    const at = (k: number) => `i${k + 1}`;
    const indexes = probs.map((prob, k) => `1 + (n - 1) * ${this.num(prob)} AS ${at(k)}`);
    // Order statistics picked by an aggregate over the ranked values, not by scalar subqueries
    // correlated on the index (which older Spark analyzers reject); one row even when empty.
    const stats = probs.map(
      (_p, k) =>
        `max(CASE WHEN rn = floor(${at(k)}) THEN v END) AS lo${k + 1}, ` +
        `max(CASE WHEN rn = ceil(${at(k)}) THEN v END) AS hi${k + 1}`,
    );
    const quantile = probs.map((_p, k) => {
      const i = at(k);
      const h = `(${i} - floor(${i}))`;
      const lo = `lo${k + 1}`;
      const hi = `hi${k + 1}`;
      const q = `CASE WHEN NOT (${i} > floor(${i})) OR ${hi} = ${lo} THEN ${lo} ELSE (1 - ${h}) * ${lo} + ${h} * ${hi} END`;
      return `${offset === 0 ? q : `${q} + ${offset}`} AS q${k + 1}`;
    });
    this.steps.push({
      kind: 'side',
      name,
      sql: () =>
        `SELECT n, ${quantile.join(', ')} FROM (SELECT n, ${indexes.join(', ')}, ${probs.map((_p, k) => `lo${k + 1}, hi${k + 1}`).join(', ')} ` +
        `FROM (SELECT count(*) AS n, ${stats.join(', ')} ` +
        `FROM (SELECT v, rn, ${indexes.join(', ')} FROM (SELECT v, rn, count(*) OVER () AS n FROM ${ranked}) AS w) AS r) AS a) AS x`,
    });
  }

  /** Score -> tier index: the first threshold whose bound the score meets; the last is open. */
  private thresholds(thresholds: readonly Threshold[], score: string, table: GradingTable): string {
    const { arms, last } = thresholdArms(thresholds, table);
    return this.caseOf(
      '',
      arms.map((a): [string, string] => [`${score} ${a.op} ${this.cmp(a.bound)}`, String(a.tier)]),
      String(last),
    );
  }

  /**
   * The band a decoded value falls in, as `results[band]`; NULL outside every
   * band (and for NULL). Numeric bands are taken sorted by their lower ends,
   * as the engine scans them; category and boolean bands by value index.
   */
  private bandCase(input: InputDef, v: string, matches: readonly BandMatch[], results: string[]): string {
    const scan = bandScan(input, matches);
    if (scan.kind === 'range') {
      const arms: Array<[string, string]> = [];
      if (scan.below) arms.push([`${v} ${scan.below.inclusive ? '<' : '<='} ${this.cmp(scan.below.lo)}`, 'NULL']);
      for (const { band, hi, hiInclusive } of scan.arms) {
        const test = hi === Infinity ? `${v} IS NOT NULL` : `${v} ${hiInclusive ? '<=' : '<'} ${this.cmp(hi)}`;
        arms.push([test, results[band]!]);
      }
      return this.caseOf('', arms, null);
    }
    return this.caseOf(
      v,
      scan.arms.map(({ value, band }): [string, string] => [String(value), results[band]!]),
      null,
    );
  }

  // ---------------------------------------------------------------------------
  // Conditions: two-valued, a blank (NULL) input makes every test false except blank.

  private condition(node: ConditionNode, ctx: LevelContext): string {
    const v = (input: InputDef) => ctx.value.get(input.id)!;
    const test = (expr: string) => `COALESCE(${expr}, FALSE)`;
    const printer: ConditionPrinter<string> = {
      all: (parts) => `(${parts.join(' AND ')})`,
      any: (parts) => `(${parts.join(' OR ')})`,
      not: (part) => `(NOT ${part})`,
      blank: (input) => `(${v(input)} IS NULL)`,
      known: (input) => `(${v(input)} IS NOT NULL)`,
      never: () => 'FALSE',
      bounds: (input, bounds) => test(bounds.map((b) => `${v(input)} ${b.op} ${this.cmp(b.x)}`).join(' AND ')),
      oneOf: (input, values) => test(`${v(input)} IN (${values.map((x) => this.cmp(x)).join(', ')})`),
      compare: (input, op, x) => test(`${v(input)} ${op} ${this.cmp(x)}`),
    };
    return walkCondition(node, ctx.table, printer);
  }
}

interface LevelContext {
  p: string;
  table: GradingTable;
  /** Input id -> the column holding its decoded value (NULL when blank). */
  value: Map<string, string>;
  /** Error columns so far, in the engine's order. */
  errors: string[];
}

function coalesce(parts: string[]): string {
  return parts.length === 1 ? parts[0]! : `COALESCE(${parts.join(', ')})`;
}

function sqlTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SQL_SPACES.includes(text.charAt(start))) start++;
  while (end > start && SQL_SPACES.includes(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}
