/**
 * =TIERWISE.TIER_SCORE(values, table, [output], [headers]): many rows in,
 * one spilled result per row out. A row that cannot be graded gets an error
 * value in its own cell; the others still grade.
 */
import type { Cell, ColumnMapping, CompiledTable, GradeBatch, GradeError } from '../engine';
import { mapColumns } from '../engine/columns';
import { displayCell } from '../engine/values/coerce';
import { toExcelError } from '../excel/error-mapping';
import { isBlankRow, isOmitted, scalarOf, toRows, usedRowCount } from './cells';
import { argumentFailure, failWith, type FunctionsContext } from './context';
import { parseOutputWords, TIER_OUTPUT_WORDS, TIER_OUTPUTS_ALLOWED } from './outputs';
import { payloadOverflow } from './payload';
import { cellsKey } from './table-cache';
import { gradingTableArgument } from './table-argument';

export interface TierScoreArguments {
  values: readonly (readonly unknown[])[];
  table: readonly (readonly unknown[])[];
  output?: unknown;
  headers?: readonly (readonly unknown[])[] | null;
  /** The table range's address (from @requiresParameterAddresses), for problem cells. */
  tableAddress?: string;
}

export function tierScore(ctx: FunctionsContext, args: TierScoreArguments): unknown[][] {
  const looked = gradingTableArgument(ctx, args.table, args.tableAddress);
  if (!looked.ok) return failWith(ctx, looked.failure);
  const compiled = looked.value;

  const outputText = isOmitted(args.output) ? 'tier' : String(scalarOf(args.output));
  const outputs = parseOutputWords(outputText, TIER_OUTPUT_WORDS);
  if (!outputs) {
    return failWith(
      ctx,
      argumentFailure(ctx, 'functions.bad-output', { value: outputText, allowed: TIER_OUTPUTS_ALLOWED }),
    );
  }
  if (!compiled.hasScore && outputs.some((o) => o.kind === 'score')) {
    return failWith(ctx, argumentFailure(ctx, 'functions.no-score', { table: compiled.table.id }));
  }

  const rows = toRows(args.values);
  const count = usedRowCount(rows);
  if (count === 0) return [outputs.map(() => '')];
  const width = rows[0]!.length;

  let map: ArrayLike<number> | undefined;
  let nameOf: ((input: string) => string) | undefined;
  if (args.headers && !isOmitted(args.headers)) {
    const headers = toRows(args.headers)[0] ?? [];
    if (headers.length !== width) {
      return failWith(ctx, argumentFailure(ctx, 'functions.headers-width', { found: headers.length, expected: width }));
    }
    const mapping = columnMapping(ctx, compiled, headers);
    if (mapping.missingRequired.length > 0) {
      return failWith(
        ctx,
        argumentFailure(ctx, 'functions.missing-columns', {
          inputs: mapping.missingRequired.join(', '),
          headers: headers.map((h) => displayCell(h)).join(', '),
        }),
      );
    }
    map = mapping.map;
    const header = new Map(mapping.matched.map((m) => [m.input, m.header]));
    nameOf = (input) => header.get(input) ?? input;
  } else if (width !== compiled.columns.length) {
    return failWith(
      ctx,
      argumentFailure(ctx, 'functions.columns-count', {
        expected: compiled.columns.length,
        inputs: compiled.columns.map((c) => c.id).join(', '),
        found: width,
      }),
    );
  }

  const used = count === rows.length ? rows : rows.slice(0, count);
  const batch = grade(compiled, used, map);
  const result: unknown[][] = new Array(count);
  for (let i = 0; i < count; i++) {
    const error = batch.errors.get(i);
    if (error !== undefined) {
      if (isBlankRow(used[i]!)) {
        result[i] = outputs.map(() => '');
        continue;
      }
      const value = toExcelError(error, ctx.locale, ctx.makeError, nameOf);
      result[i] = outputs.map(() => value);
      continue;
    }
    const row: unknown[] = new Array(outputs.length);
    for (let k = 0; k < outputs.length; k++) {
      const output = outputs[k]!;
      switch (output.kind) {
        case 'tier':
          row[k] = compiled.tiers[batch.tiers[i]!]!.id;
          break;
        case 'score': {
          const score = batch.scores[i]!;
          row[k] = score === score ? score : '';
          break;
        }
        case 'explain': {
          // Ranked tables (ABC, tiers by share) explain a row by its place in the batch.
          const own = batch.explain?.(i);
          if (own) {
            row[k] = own[output.locale === 'zh-CN' ? 'zh' : 'en'];
            break;
          }
          const explained = compiled.explainRow(used[i]!, map);
          row[k] = explained.ok
            ? explained.explanation.text[output.locale === 'zh-CN' ? 'zh' : 'en']
            : toExcelError(explained.error, ctx.locale, ctx.makeError, nameOf);
          break;
        }
      }
    }
    result[i] = row;
  }
  const overflow = payloadOverflow(result);
  if (overflow) return failWith(ctx, argumentFailure(ctx, 'functions.payload', overflow));
  return result;
}

/**
 * One row (a single-cell formula, called 100,000 times in a big sheet) takes
 * the engine's one-row path, which allocates no columns; it is also the path
 * on which an RFM table says that it needs the whole column.
 */
function grade(
  compiled: CompiledTable,
  rows: readonly ArrayLike<Cell>[],
  map: ArrayLike<number> | undefined,
): Pick<GradeBatch, 'errors' | 'explain'> & { tiers: ArrayLike<number>; scores: ArrayLike<number> } {
  if (rows.length !== 1) return compiled.gradeRows(rows, map);
  const graded = compiled.gradeRow(rows[0]!, map);
  if (!graded.ok) return { tiers: ONE_ERROR_TIER, scores: ONE_NAN, errors: new Map([[0, graded.error]]) };
  return { tiers: [graded.tierIndex], scores: [graded.score ?? NaN], errors: NO_ERRORS };
}
const ONE_ERROR_TIER = [-1];
const ONE_NAN = [NaN];
const NO_ERRORS: ReadonlyMap<number, GradeError> = new Map();

/** Header mappings are cached with the table: single-row calls with the same headers map them once. */
function columnMapping(ctx: FunctionsContext, compiled: CompiledTable, headers: readonly Cell[]): ColumnMapping {
  return ctx.cache.get(`headers:${compiled.key}:${cellsKey([headers])}`, () => mapColumns(compiled.columns, headers));
}
