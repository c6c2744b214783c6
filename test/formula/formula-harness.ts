/**
 * Shared by the HyperFormula and LibreOffice specs of the formula backend:
 * the SQL harness's rows (every band boundary and its neighbours, blanks,
 * unknown categories, junk) as a sheet of typed cells, plus cells only a
 * spreadsheet has (error values, numbers typed as text such as "1.2万" or
 * "¥8,000"), the engine's answer for each row, and what a formula must show.
 */
import type { InputDef } from '../../src/engine/model';
import { getPreset, PRESETS } from '../../src/engine/presets';
import {
  compileToFormulas,
  formulaReadsLikeEngine,
  type FormulaColumn,
  type FormulaOutput,
} from '../../src/engine/formula';
import type { Cell } from '../../src/engine/values/cell';
import { parseDate } from '../../src/engine/values/coerce';
import { columnLetters } from '../../src/engine/sheet-form/text';
import { seededRandom as random } from '../support/seeded-random';
import { arbitraryCases, dateTables, makeCase, type Outcome, type SqlCase } from '../sql/sql-harness';

/** Texts a formula cannot read as the engine does: the row must show an error, never a tier. */
const UNREAD_TEXTS = ['12', ' 7 ', '1.2万', '¥8,000', '12,000', '50%', '1e3', '2024-03-15', 'TRUE', '#N/A'];

export interface FormulaCase {
  name: string;
  inputs: readonly InputDef[];
  /** Input cells per row, as written to the sheet (numbers, texts, booleans, blanks, `{ error }`). */
  rows: Cell[][];
  /** The engine's outcome per row. */
  expected: Outcome[];
  /** Per row: whether every cell is read by the formula exactly as the engine reads it. */
  readable: boolean[];
  columns: FormulaColumn[];
  /** Column letters of the outputs and helpers, right of the inputs. */
  placement: Record<FormulaOutput, string>;
}

/**
 * The SQL harness's typed rows for a table, with dates as serial numbers and
 * some spreadsheet-only cells; undefined when the backend refuses the table
 * for holding a number Excel cannot (a subnormal).
 */
export function formulaCase(source: SqlCase, seed: number): FormulaCase | undefined {
  const { compiled } = source;
  const inputs = compiled.columns;
  const rnd = random(seed);
  const rows = source.rows.map((row) =>
    row.map((cell, i): Cell => {
      const input = inputs[i]!;
      const roll = rnd();
      if (roll < 0.02) return { error: '#N/A' };
      if (roll < 0.05 && (input.type === 'number' || input.type === 'date'))
        return UNREAD_TEXTS[Math.floor(rnd() * UNREAD_TEXTS.length)]!;
      if (roll < 0.06 && input.type === 'boolean') return rnd() < 0.5;
      // A sheet holds dates as serial numbers; the engine reads both the same.
      if (cell instanceof Date) return parseDate(cell);
      return cell;
    }),
  );
  const batch = compiled.gradeRows(rows);
  const expected = rows.map((_r, i): Outcome => {
    const error = batch.errors.get(i);
    if (error)
      return { score: null, tier: null, error: 'input' in error ? `${error.kind}:${error.input}` : error.kind };
    const score = batch.scores[i]!;
    return { score: Number.isNaN(score) ? null : score, tier: compiled.tiers[batch.tiers[i]!]!.id, error: null };
  });
  const readable = rows.map((row) => row.every((cell, i) => formulaReadsLikeEngine(inputs[i]!, cell)));
  const columnsOf: Record<string, string> = {};
  inputs.forEach((input, i) => (columnsOf[input.id] = columnLetters(i)));
  const result = compileToFormulas(source.table, { columns: columnsOf, resolve: getPreset });
  const refusal = result.ok ? undefined : result.problems[0];
  if (refusal?.kind === 'unsupported' && refusal.feature === 'number' && Math.abs(refusal.value!) < 2 ** -1022)
    return undefined;
  if (!result.ok) throw new Error(`${source.name}: ${JSON.stringify(result.problems)}`);
  const placement = {} as Record<FormulaOutput, string>;
  result.columns.forEach((c, k) => (placement[c.output] = columnLetters(inputs.length + k)));
  return { name: source.name, inputs, rows, expected, readable, columns: result.columns, placement };
}

/** Every expressible preset and date table (`rows` rows each), and `generated` tables from the SQL tests' generator. */
export function formulaCases(generated: number, rows = 400): FormulaCase[] {
  const presets = [...PRESETS, ...dateTables()].filter((p) => p.method.kind !== 'rfm');
  const cases = presets.map((p, k) => formulaCase(makeCase(p.id, p, true, 4000 + k, rows), 5000 + k)!);
  const arbitrary = arbitraryCases(generated * 2)
    .map((s, k) => formulaCase(s, 6000 + k))
    .filter((c) => c !== undefined);
  return [...cases, ...arbitrary.slice(0, generated)];
}

/** What a row shows: blank cells as null. */
export function outcomeOf(error: unknown, score: unknown, tier: unknown): Outcome {
  const text = (x: unknown) => (x === null || x === undefined || x === '' ? null : String(x));
  return {
    error: text(error),
    tier: text(tier),
    score: score === null || score === undefined || score === '' ? null : Number(score),
  };
}

/**
 * Rows where the formulas' outcome is not the engine's: on readable rows
 * score (to `digits` significant digits when given), tier and error must be equal; on the others the row must show an
 * error and neither score nor tier.
 */
export function formulaDifferences(c: FormulaCase, actual: Outcome[], digits?: number): string[] {
  const out: string[] = [];
  const rounded = (x: number | null) => (x === null || digits === undefined ? x : Number(x.toPrecision(digits)));
  c.expected.forEach((want, r) => {
    const got = actual[r];
    const same = c.readable[r]
      ? got !== undefined &&
        got.tier === want.tier &&
        got.error === want.error &&
        rounded(got.score) === rounded(want.score)
      : got !== undefined && got.tier === null && got.score === null && got.error !== null;
    if (!same && out.length < 5)
      out.push(
        `row ${r} ${JSON.stringify(c.rows[r])}${c.readable[r] ? '' : ' (unreadable)'}: engine ${JSON.stringify(want)} formula ${JSON.stringify(got)}`,
      );
  });
  return out;
}
