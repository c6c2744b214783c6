/**
 * Decoding cells in SQL as the engine reads them: trimmed text (and, in
 * DuckDB, typed numbers and dates), the decoded value, and the decode error
 * per input, in three steps. Numbers and dates are read only in the exact
 * forms every dialect reads alike (SQL_NUMBER_PATTERN, SQL_DATE_PATTERN).
 */
import { booleanKeys, categoryKeys } from '../backends/table-walk';
import type { InputDef } from '../model';
import { DATE_LIKE_RECENCY } from '../rfm/recency';
import { EXCEL_ERRORS } from '../values/cell';
import { MAX_DATE_SERIAL } from '../values/dates';
import { SQL_SPACES } from './dialect';
import { Stop, type SqlWriter } from './writer';

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

/** Three steps: trimmed text (and DuckDB's typed numbers), the decoded value, the decode error. */
/** `daysInput`: an RFM recency read as days, where a date is refused (recencyDateGuard). */
export function decodeInputs(
  w: SqlWriter,
  inputs: readonly InputDef[],
  p: string,
  value: Map<string, string>,
  errors: string[],
  daysInput?: string,
): void {
  const d = w.dialect;
  const texts: Array<[string, string]> = [];
  const parts: Array<[string, string]> = [];
  const values: Array<[string, string]> = [];
  const errs: Array<[string, string]> = [];
  inputs.forEach((input, k) => {
    if (input.source) return;
    const raw = w.rawColumn(input.id);
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
        decoded = w.caseOf(`lower(${t})`, sqlCategoryKeys(w, input), null);
        failure = 'unknown-category';
        break;
      }
      case 'boolean': {
        const arms = booleanKeys().map(([x, b]): [string, string] => [w.lit(x), String(b)]);
        decoded = w.caseOf(`lower(${t})`, arms, null);
        failure = 'not-a-boolean';
        break;
      }
      case 'date': {
        // Year, month, day from ISO-like text (or, in DuckDB, from DATE/TIMESTAMP columns), then the
        // serial day with the engine's calendar; DuckDB's numeric columns are serials already.
        const [y, m, dd] = dateParts(w, t, `${p}${k}`, parts, typed ? { raw, isDate } : undefined);
        const fromTyped = typed ? `WHEN ${n} >= 1 AND ${n} < ${MAX_DATE_SERIAL + 1} THEN floor(${n}) ` : '';
        decoded = `CASE WHEN ${blank} THEN NULL ${fromTyped}WHEN ${validDay(y, m, dd)} THEN ${serialOf(w, y, m, dd)} END`;
        failure = 'not-a-date';
        break;
      }
      default:
        throw new Stop({ kind: 'unsupported', feature: 'text-input', table: w.tableId, input: input.id });
    }
    values.push([v, decoded]);
    const required = input.required !== false;
    const codes = EXCEL_ERRORS.map((c) => w.lit(c)).join(', ');
    let error =
      `CASE WHEN ${blank} THEN ${required ? w.errorText('blank', input.id) : 'NULL'} ` +
      `WHEN upper(${t}) IN (${codes}) THEN ${w.errorText('cell-error', input.id)} ` +
      `WHEN ${v} IS NULL THEN ${w.errorText(failure, input.id)} END`;
    if (input.id === daysInput) error = recencyDateGuard(w, t, v, `${p}r${k}`, parts, error, input.id);
    errs.push([e, error]);
    value.set(input.id, v);
    errors.push(e);
  });
  w.step(texts);
  w.step(parts);
  w.step(values);
  w.step(errs);
}

/**
 * Year, month and day columns (named prefix + y/m/d, added to `parts`) of the ISO-like text `t`,
 * NULL unless it matches SQL_DATE_PATTERN; with `typed` (DuckDB), a DATE/TIMESTAMP column's own.
 */
function dateParts(
  w: SqlWriter,
  t: string,
  prefix: string,
  parts: Array<[string, string]>,
  typed?: { raw: string; isDate: string },
): [string, string, string] {
  const names: [string, string, string] = [`${prefix}y`, `${prefix}m`, `${prefix}d`];
  const day = `split_part(translate(${t}, '/.', '--'), 'T', 1)`;
  const datePart = `split_part(split_part(${day}, 't', 1), ' ', 1)`;
  (['year', 'month', 'day'] as const).forEach((typedPart, i) => {
    const fromText = `CASE WHEN ${w.dialect.fullMatch(t, SQL_DATE_PATTERN)} THEN CAST(split_part(${datePart}, '-', ${i + 1}) AS INTEGER) END`;
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
function recencyDateGuard(
  w: SqlWriter,
  t: string,
  v: string,
  prefix: string,
  parts: Array<[string, string]>,
  otherwise: string,
  input: string,
): string {
  const [y, m, d] = dateParts(w, t, prefix, parts);
  const error = w.errorText('recency-is-date', input);
  return (
    `CASE WHEN ${v} >= ${DATE_LIKE_RECENCY} AND ${v} < ${MAX_DATE_SERIAL + 1} THEN ${error} ` +
    `WHEN ${v} IS NULL AND ${validDay(y, m, d)} THEN ${error} ELSE ${otherwise} END`
  );
}

/** Whether y-m-d is a day the engine reads: 1900..9999, a real calendar day, or Excel's 1900-02-29. */
function validDay(y: string, m: string, d: string): string {
  const leap = `((${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0)`;
  const days =
    `CASE WHEN ${m} = 2 THEN CASE WHEN ${leap} THEN 29 ELSE 28 END ` + `WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END`;
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
function serialOf(w: SqlWriter, y: string, m: string, d: string): string {
  const f = (x: number) => w.num(x);
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
function sqlCategoryKeys(w: SqlWriter, input: InputDef): Array<[string, string]> {
  return categoryKeys(input, sqlTrim).map(([key, index]): [string, string] => [w.lit(key), String(index)]);
}

function sqlTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && SQL_SPACES.includes(text.charAt(start))) start++;
  while (end > start && SQL_SPACES.includes(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}
