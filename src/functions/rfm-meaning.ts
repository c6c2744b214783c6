/**
 * What RFM's arithmetic would pass over but the answer would not mean:
 * segments made for other bins, negative days, counts or amounts, a last
 * purchase after as_of, amounts that add up past what Excel holds, and an
 * as_of before every order. Each is refused with a message in the caller's
 * language, per row where one customer is wrong, for the call otherwise.
 */
import type { Cell, RfmMethod, Tier } from '../engine';
import { formatProblem } from '../engine/messages';
import { validateRfmMethod } from '../engine/rfm';
import { parseDate, parseNumber } from '../engine/values/coerce';
import { serialToIsoDate } from '../engine/values/dates';
import type { FunctionFailure } from '../excel/error-mapping';
import { argumentFailure, type FunctionsContext } from './context';

/** Refuses segment ranges that the bins of this call cannot reach (e.g. "5-5" with bins 3). */
export function segmentsMisfit(
  ctx: FunctionsContext,
  method: RfmMethod,
  tiers: readonly Tier[],
  table: string,
): FunctionFailure | undefined {
  const problems = validateRfmMethod(method, tiers, 'method').filter((p) => p.code !== 'tier-unreachable');
  if (problems.length === 0) return undefined;
  const bins = method.bins;
  return argumentFailure(ctx, 'functions.rfm-bins-segments', {
    bins: typeof bins === 'number' ? String(bins) : `r=${bins?.r},f=${bins?.f},m=${bins?.m}`,
    table,
    count: problems.length,
    first: formatProblem(problems[0]!, ctx.locale),
  });
}

/**
 * One customer's row (recency, frequency, monetary) that RFM would score
 * but should not: a negative value, or (recency as dates) a last purchase
 * after as_of.
 */
export function rowMisfit(
  ctx: FunctionsContext,
  [recency, frequency, monetary]: readonly [Cell, Cell, Cell],
  dates: boolean,
  asOf: number | undefined,
): FunctionFailure | undefined {
  if (dates) {
    const last = parseDate(recency);
    if (asOf !== undefined && last > Math.floor(asOf)) {
      return argumentFailure(ctx, 'functions.rfm-after-as-of', {
        date: serialToIsoDate(last),
        asOf: serialToIsoDate(asOf),
      });
    }
  }
  const values: Array<[string, Cell]> = dates
    ? [
        ['frequency', frequency],
        ['monetary', monetary],
      ]
    : [
        ['recency', recency],
        ['frequency', frequency],
        ['monetary', monetary],
      ];
  for (const [input, cell] of values) {
    const value = parseNumber(cell);
    if (value < 0) return argumentFailure(ctx, 'functions.rfm-negative', { input, value });
  }
  return undefined;
}

/** The first customer whose amounts add up past the largest number Excel holds. */
export function monetaryOverflow(
  ctx: FunctionsContext,
  ids: ArrayLike<string | number>,
  monetary: ArrayLike<number>,
): FunctionFailure | undefined {
  for (let c = 0; c < monetary.length; c++) {
    if (!Number.isFinite(monetary[c]!)) {
      return argumentFailure(ctx, 'functions.rfm-sum-overflow', { customer: String(ids[c]) });
    }
  }
  return undefined;
}

/** as_of before the first order: no customer has an order to count. */
export function asOfBeforeOrders(ctx: FunctionsContext, asOf: number, firstOrder: number): FunctionFailure {
  return argumentFailure(ctx, 'functions.rfm-as-of-before-orders', {
    asOf: serialToIsoDate(asOf),
    first: serialToIsoDate(firstOrder),
  });
}
