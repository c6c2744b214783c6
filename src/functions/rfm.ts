/**
 * =TIERWISE.RFM(recency, frequency, monetary, ...) over customer-level
 * columns, and =TIERWISE.RFM_TABLE(customer_ids, dates, amounts, ...) over
 * raw orders. Cut points are computed over the rows given (the population),
 * so one spilled call over the whole column is the way to use them.
 */
import type { Cell, GradingTable, RfmMethod } from '../engine';
import { formatGradeError } from '../engine/messages';
import {
  aggregateOrders,
  analyzeRfm,
  compileRfmTable,
  isDateLikeRecency,
  OrderCollector,
  rfmCode,
  MAX_BINS,
  MIN_BINS,
  RFM_INPUT_IDS,
  RFM_PRESETS,
} from '../engine/rfm';
import { parseDate, parseNumber } from '../engine/values/coerce';
import { toExcelError, type FunctionFailure } from '../excel/error-mapping';
import { isBlankRow, isOmitted, scalarOf, toCell } from './cells';
import { argumentFailure, failWith, type FunctionsContext } from './context';
import { parseOutputWords, RFM_OUTPUT_WORDS, RFM_OUTPUTS_ALLOWED } from './outputs';
import { payloadOverflow } from './payload';
import { asOfBeforeOrders, monetaryOverflow, rowMisfit, segmentsMisfit } from './rfm-meaning';
import { rfmTableArgument } from './table-argument';

type Range = readonly (readonly unknown[])[];
type Bins = { r: number; f: number; m: number };
const BLANK_ROW: [Cell, Cell, Cell] = [null, null, null];

export interface RfmArguments {
  recency: Range;
  frequency: Range;
  monetary: Range;
  output?: unknown;
  bins?: unknown;
  segments?: Range | null;
  asOf?: unknown;
  segmentsAddress?: string;
}

export function rfm(ctx: FunctionsContext, args: RfmArguments): unknown[][] {
  const columns = columnsOf(ctx, { recency: args.recency, frequency: args.frequency, monetary: args.monetary });
  if (!columns.ok) return failWith(ctx, columns.failure);
  const [recency, frequency, monetary] = columns.values as [Cell[], Cell[], Cell[]];

  const outputText = isOmitted(args.output) ? 'code' : String(scalarOf(args.output));
  const outputs = parseOutputWords(outputText, RFM_OUTPUT_WORDS);
  if (!outputs) {
    return failWith(
      ctx,
      argumentFailure(ctx, 'functions.bad-output', { value: outputText, allowed: RFM_OUTPUTS_ALLOWED }),
    );
  }
  const looked = rfmTableArgument(ctx, isOmitted(args.segments) ? [['rfm']] : args.segments!, args.segmentsAddress);
  if (!looked.ok) return failWith(ctx, looked.failure);
  const bins = binsArgument(ctx, args.bins);
  if (bins && !bins.ok) return failWith(ctx, bins.failure);
  const asOf = asOfArgument(ctx, args.asOf);
  if (!asOf.ok) return failWith(ctx, asOf.failure);

  const count = recency.length;
  if (count === 0) return [[''] as unknown[]];
  const dates = asOf.value !== undefined || looksLikeDates(recency);
  const base = looked.value;
  const method: RfmMethod = {
    ...base.method,
    ...(bins && base.method.binning !== 'fixed' ? { bins: bins.value } : {}),
    ...(asOf.value !== undefined ? { asOf: asOf.value } : {}),
  };
  const table: GradingTable = {
    ...base.table,
    inputs: base.table.inputs.map((input) =>
      input.id === RFM_INPUT_IDS.recency ? { ...input, type: dates ? 'date' : 'number' } : input,
    ),
  };
  if (outputs.some((o) => o.kind === 'segment')) {
    const misfit = segmentsMisfit(ctx, method, table.tiers, table.id);
    if (misfit) return failWith(ctx, misfit);
  }
  const compiled = compileRfmTable(table, method);
  const rows: Array<[Cell, Cell, Cell]> = new Array(count);
  for (let i = 0; i < count; i++) rows[i] = [recency[i], frequency[i], monetary[i]];
  // Refused rows are graded as blank, so they take no part in the cut points either.
  const misfits = rows.map((row) => rowMisfit(ctx, row, dates, asOf.value));
  const order: readonly string[] = [RFM_INPUT_IDS.recency, RFM_INPUT_IDS.frequency, RFM_INPUT_IDS.monetary];
  const batch = compiled.gradeRows(
    rows.map((row, i) => (misfits[i] ? BLANK_ROW : row)),
    compiled.columns.map((c) => order.indexOf(c.id)),
  );

  const width = outputs.reduce((n, o) => n + (o.kind === 'scores' ? 3 : 1), 0);
  const result: unknown[][] = new Array(count);
  for (let i = 0; i < count; i++) {
    const r = batch.r[i]!;
    const f = batch.f[i]!;
    const m = batch.m[i]!;
    const misfit = misfits[i];
    if (misfit) {
      result[i] = new Array(width).fill(toExcelError(misfit, ctx.locale, ctx.makeError));
      continue;
    }
    const error = batch.errors.get(i);
    if (error !== undefined && error.kind !== 'no-match') {
      const value = isBlankRow(rows[i]!) ? '' : toExcelError(error, ctx.locale, ctx.makeError);
      result[i] = new Array(width).fill(value);
      continue;
    }
    const row: unknown[] = [];
    for (const output of outputs) {
      if (output.kind === 'code') row.push(rfmCode(r, f, m));
      else if (output.kind === 'scores') row.push(r, f, m);
      else if (error !== undefined) row.push(toExcelError(error, ctx.locale, ctx.makeError));
      else {
        const label = table.tiers[batch.tiers[i]!]!.label;
        row.push(output.locale === 'zh-CN' ? (label.zh ?? label.en) : label.en);
      }
    }
    result[i] = row;
  }
  const overflow = payloadOverflow(result);
  if (overflow) return failWith(ctx, argumentFailure(ctx, 'functions.payload', overflow));
  return result;
}

export interface RfmTableArguments {
  customerIds: Range;
  dates: Range;
  amounts: Range;
  asOf?: unknown;
  bins?: unknown;
}

export const RFM_TABLE_HEADER = ['customer', 'recency', 'frequency', 'monetary', 'R', 'F', 'M', 'RFM', 'segment'];

export function rfmTable(ctx: FunctionsContext, args: RfmTableArguments): unknown[][] {
  const columns = columnsOf(ctx, { customer_ids: args.customerIds, dates: args.dates, amounts: args.amounts });
  if (!columns.ok) return failWith(ctx, columns.failure);
  const [ids, dates, amounts] = columns.values as [Cell[], Cell[], Cell[]];
  const bins = binsArgument(ctx, args.bins);
  if (bins && !bins.ok) return failWith(ctx, bins.failure);
  const asOf = asOfArgument(ctx, args.asOf);
  if (!asOf.ok) return failWith(ctx, asOf.failure);

  const collector = new OrderCollector({
    names: { customer: 'customer_ids', date: 'dates', amount: 'amounts' },
    maxErrors: 1,
  });
  for (let i = 0; i < ids.length; i++) {
    if (isBlankRow([ids[i], dates[i], amounts[i]])) continue;
    collector.add(ids[i], dates[i], amounts[i], i + 1);
  }
  const read = collector.finish();
  const first = read.errors[0];
  if (first) {
    return failWith(
      ctx,
      argumentFailure(ctx, 'functions.bad-orders', {
        count: read.errorCount,
        row: first.row,
        message: formatGradeError(first.error, ctx.locale),
      }),
    );
  }
  if (read.orders.count === 0) return failWith(ctx, argumentFailure(ctx, 'functions.no-rows'));

  const preset = RFM_PRESETS.find((p) => p.id === 'rfm')!;
  const method: RfmMethod = { ...(preset.method as RfmMethod), ...(bins ? { bins: bins.value } : {}) };
  const misfit = segmentsMisfit(ctx, method, preset.tiers, preset.id);
  if (misfit) return failWith(ctx, misfit);
  const { customers } = aggregateOrders(read.orders, asOf.value === undefined ? {} : { asOf: asOf.value });
  if (customers.count === 0 && asOf.value !== undefined) {
    let first = Infinity;
    for (let i = 0; i < read.orders.count; i++) first = Math.min(first, read.orders.date[i]!);
    return failWith(ctx, asOfBeforeOrders(ctx, asOf.value, first));
  }
  const overflow = monetaryOverflow(ctx, customers.ids, customers.monetary);
  if (overflow) return failWith(ctx, overflow);
  const analysis = analyzeRfm(customers, method);
  const others = preset.tiers.find((t) => t.id === method.default)!;
  const result: unknown[][] = [RFM_TABLE_HEADER];
  for (let c = 0; c < customers.count; c++) {
    const r = analysis.scores.r[c]!;
    const f = analysis.scores.f[c]!;
    const m = analysis.scores.m[c]!;
    const s = analysis.segments[c]!;
    const tier = s >= 0 ? preset.tiers.find((t) => t.id === method.segments[s]!.tier)! : others;
    result.push([
      customerId(customers.ids[c]!),
      customers.recency[c]!,
      customers.frequency[c]!,
      customers.monetary[c]!,
      r,
      f,
      m,
      rfmCode(r, f, m),
      tier.label.en,
    ]);
  }
  const tooBig = payloadOverflow(result);
  if (tooBig) return failWith(ctx, argumentFailure(ctx, 'functions.payload', tooBig));
  return result;
}

/** Numeric ids come back as numbers ("1001" -> 1001), others as the text given. */
function customerId(id: string | number): string | number {
  if (typeof id === 'number') return id;
  const n = Number(id);
  return id.trim() !== '' && String(n) === id ? n : id;
}

type Lookup<T> = { ok: true; value: T } | { ok: false; failure: FunctionFailure };

/** Several single-column ranges of equal length, trailing all-blank rows cut off. */
function columnsOf(
  ctx: FunctionsContext,
  ranges: Record<string, Range>,
): { ok: true; values: Cell[][] } | { ok: false; failure: FunctionFailure } {
  const names = Object.keys(ranges);
  const values: Cell[][] = [];
  for (const name of names) {
    const rows = ranges[name]!;
    const width = rows[0]?.length ?? 0;
    if (width > 1) return { ok: false, failure: argumentFailure(ctx, 'functions.one-column', { name, found: width }) };
    values.push(rows.map((row) => toCell(row[0])));
  }
  const lengths = values.map((v) => v.length);
  if (lengths.some((n) => n !== lengths[0])) {
    return {
      ok: false,
      failure: argumentFailure(ctx, 'functions.lengths', { names: names.join(', '), counts: lengths.join(', ') }),
    };
  }
  let count = lengths[0] ?? 0;
  while (count > 0 && isBlankRow(values.map((column) => column[count - 1]))) count--;
  return { ok: true, values: values.map((v) => (v.length === count ? v : v.slice(0, count))) };
}

function binsArgument(ctx: FunctionsContext, raw: unknown): Lookup<Bins> | undefined {
  if (isOmitted(raw)) return undefined;
  const value = scalarOf(raw);
  const text = String(value).trim().toLowerCase();
  const bad = (): Lookup<Bins> => ({ ok: false, failure: argumentFailure(ctx, 'functions.bad-bins', { value: text }) });
  const valid = (n: number) => Number.isInteger(n) && n >= MIN_BINS && n <= MAX_BINS;
  const single = typeof value === 'number' ? value : parseNumber(text);
  if (valid(single)) return { ok: true, value: { r: single, f: single, m: single } };
  const bins: Bins = { r: 5, f: 5, m: 5 };
  const parts = text.split(/[,，;；\s]+/).filter((p) => p !== '');
  if (parts.length === 0) return bad();
  for (const [k, part] of parts.entries()) {
    const named = /^([rfm])\s*[=:：]\s*(\d+)$/.exec(part);
    const dimension = named
      ? (named[1] as keyof Bins)
      : parts.length === 3
        ? (['r', 'f', 'm'] as const)[k]!
        : undefined;
    const n = Number(named ? named[2] : part);
    if (!dimension || !valid(n)) return bad();
    bins[dimension] = n;
  }
  return { ok: true, value: bins };
}

function asOfArgument(ctx: FunctionsContext, raw: unknown): Lookup<number | undefined> {
  if (isOmitted(raw)) return { ok: true, value: undefined };
  const value = toCell(scalarOf(raw));
  const day = parseDate(value);
  if (day !== day) {
    return { ok: false, failure: argumentFailure(ctx, 'functions.bad-as-of', { value: String(scalarOf(raw)) }) };
  }
  return { ok: true, value: day };
}

/** Whether every non-blank recency cell is a date (see isDateLikeRecency); then recency is read as dates. */
function looksLikeDates(recency: readonly Cell[]): boolean {
  let seen = false;
  for (const cell of recency) {
    if (cell === null || cell === undefined || cell === '') continue;
    if (!isDateLikeRecency(cell)) return false;
    seen = true;
  }
  return seen;
}
