/**
 * Apply in formula mode: the plan's Score, Tier and Error cells become
 * native formulas (with the engine's values as their cached results), and
 * large tables get helper columns right of the plan's columns. Shared by the
 * CLI's .xlsx writer and the add-in.
 */
import type { TableResolver } from '../compile';
import type { CompiledTable, ColumnMap, GradeBatch } from '../grader';
import type { InputDef, Locale } from '../model';
import type { ApplyFrame, PlanCell, PlanColumn, PlanHelperKind, PlanOutputKind } from '../plan';
import { columnLetters } from '../sheet-form/text';
import type { Cell } from '../values/cell';
import {
  compileToFormulas,
  type FormulaColumn,
  type FormulaErrorKind,
  type FormulaOutput,
  type FormulaProblem,
} from './generate';
import { formulaErrorText, formulaText } from './messages';
import { formulaReadsLikeEngine } from './readable';

export interface NativeFormulas {
  columns: FormulaColumn[];
  /** Column letters of each output and helper. */
  placement: Record<FormulaOutput, string>;
  /** Helper columns as plan columns: 0-based sheet columns right of the plan's columns, headed "Tierwise helper n". */
  helpers: PlanColumn[];
  /** Where each plan column's formula comes from (undefined: the plan's value stays). */
  byPlanColumn: Array<FormulaColumn | undefined>;
  /** The Error column's text for a row error, as the formulas write it. */
  errorText: (kind: FormulaErrorKind, input?: InputDef) => string;
}

/**
 * Compiles the frame's table to formulas reading the data's own columns:
 * `map[i]` is the data column (0-based, from the layout's left) of
 * compiled.columns[i], or -1 when the data has none (read as blank);
 * `resolve` finds the tables it takes results from.
 */
export function planNativeFormulas(
  compiled: CompiledTable,
  frame: ApplyFrame,
  map: ColumnMap,
  locale: Locale,
  resolve?: TableResolver,
): { ok: true; native: NativeFormulas } | { ok: false; problems: FormulaProblem[] } {
  const columns: Record<string, string | null> = {};
  compiled.columns.forEach((input, i) => {
    const c = map[i] ?? -1;
    columns[input.id] = c < 0 ? null : columnLetters(frame.layout.left + c);
  });
  const errorText = formulaErrorText(locale, frame.inputHeaders);
  const result = compileToFormulas(compiled.table, { columns, ...(resolve ? { resolve } : {}), errorText });
  if (!result.ok) return result;
  const placement = {} as Record<FormulaOutput, string>;
  for (const column of frame.columns) {
    if (column.kind === 'score' || column.kind === 'tier' || column.kind === 'error')
      placement[column.kind] = columnLetters(column.sheetColumn);
  }
  if (placement.error === undefined) throw new Error('planNativeFormulas: the frame needs an Error column');
  const next = Math.max(...frame.columns.map((c) => c.sheetColumn)) + 1;
  const helpers = result.columns
    .filter((c) => c.output.startsWith('helper-'))
    .map((c, k): PlanColumn => {
      placement[c.output] = columnLetters(next + k);
      return {
        kind: c.output as PlanHelperKind,
        header: formulaText(locale, 'formula.helper-header', { n: k + 1 }),
        sheetColumn: next + k,
      };
    });
  const byOutput = new Map<PlanOutputKind | FormulaOutput, FormulaColumn>(result.columns.map((c) => [c.output, c]));
  return {
    ok: true,
    native: {
      columns: result.columns,
      placement,
      helpers,
      byPlanColumn: frame.columns.map((c) => byOutput.get(c.kind)),
      errorText,
    },
  };
}

/**
 * The plan's cells of a chunk of rows in formula mode: formulas for Score,
 * Tier and Error (cached results: the engine's values; for a row the
 * formulas cannot read, blank Score and Tier and an error), then one cell per
 * helper column. `firstRow` is the chunk's first row among the data rows (0-based).
 */
export function nativeFormulaRows(
  native: NativeFormulas,
  compiled: CompiledTable,
  frame: ApplyFrame,
  planned: readonly PlanCell[][],
  firstRow: number,
  batch: GradeBatch,
  rows: ArrayLike<ArrayLike<Cell>>,
  map: ColumnMap,
): { cells: PlanCell[][]; unread: number } {
  const helperColumns = native.columns.filter((c) => c.output.startsWith('helper-'));
  let unread = 0;
  const cells = planned.map((planRow, i) => {
    const sheetRow = frame.layout.top + 2 + firstRow + i;
    const row = rows[i]!;
    const unreadable = compiled.columns.find((input, k) => {
      const c = map[k] ?? -1;
      return c >= 0 && !formulaReadsLikeEngine(input, row[c]);
    });
    if (unreadable) unread++;
    const error = batch.errors.get(i);
    const errorInput = error && 'input' in error ? compiled.columns.find((x) => x.id === error.input) : undefined;
    const errorText = unreadable
      ? native.errorText('unread-text', unreadable)
      : error
        ? native.errorText(error.kind as FormulaErrorKind, errorInput)
        : null;
    const out = planRow.map((value, c): PlanCell => {
      const column = native.byPlanColumn[c];
      if (!column) return value;
      const formula = column.formulaAt(sheetRow, native.placement);
      if (column.output === 'error') return { formula, result: errorText };
      const result =
        unreadable || typeof value === 'boolean' || (value !== null && typeof value === 'object') ? null : value;
      return { formula, result };
    });
    for (const helper of helperColumns)
      out.push({ formula: helper.formulaAt(sheetRow, native.placement), result: null });
    return out;
  });
  return { cells, unread };
}
