/**
 * Tierwise's custom functions (namespace TIERWISE). The JSDoc below is the
 * help Excel shows and the source of functions.json; zh-CN texts are in
 * src/i18n/functions-metadata.zh-CN.ts. Each function is a one-line wrapper:
 * the work is in tier-score.ts and rfm.ts. The build appends the
 * CustomFunctions.associate calls.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- the metadata generator matches TypeScript types against the JSDoc types (any[][], any) */
import { functionsContext } from './runtime';
import { rfm, rfmTable } from './rfm';
import { tierScore } from './tier-score';

/**
 * Grades customers with a grading table: one tier (or score, or explanation) per row of values, spilled down.
 * @customfunction TIER_SCORE
 * @param {any[][]} values Customer rows, one or many: the columns in the order of the table's inputs, or as named by headers.
 * @param {any[][]} table The grading table: a range in sheet form (usually a defined name) or a preset id such as "payment-scorecard".
 * @param {string} [output] "tier" (default), "score", "explain" or "score,tier" (two columns); 等级, 分数, 说明 work too.
 * @param {any[][]} [headers] The header row above values (1 row), to match columns to the table's inputs by name.
 * @param {CustomFunctions.Invocation} invocation
 * @returns {any[][]} One result per row; #VALUE! for a row that cannot be graded, #N/A for an ungraded row.
 * @requiresParameterAddresses
 */
export function TIER_SCORE(
  values: any[][],
  table: any[][],
  output?: string,
  headers?: any[][],
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return tierScore(functionsContext(), {
    values,
    table,
    output,
    headers,
    tableAddress: invocation?.parameterAddresses?.[1],
  });
}

/**
 * RFM analysis of customers: an RFM code (e.g. "545"), the R, F, M scores or the segment per customer, spilled down.
 * @customfunction RFM
 * @param {any[][]} recency Days since each customer's last purchase, or the last-purchase dates.
 * @param {any[][]} frequency Number of orders per customer.
 * @param {any[][]} monetary Total spend per customer.
 * @param {string} [output] "code" (default), "scores" (R, F, M in three columns) or "segment"; 代码, 得分, 分群 give Chinese segment names.
 * @param {any} [bins] Scores per dimension, 2 to 10 (default 5), or "r=5,f=4,m=5".
 * @param {any[][]} [segments] "rfm" (default, 10 segments), "rfm-11", or an RFM grading table in sheet form.
 * @param {any} [as_of] The analysis date when recency holds dates; default the day after the latest date.
 * @param {CustomFunctions.Invocation} invocation
 * @returns {any[][]} One result per customer row.
 * @requiresParameterAddresses
 */
export function RFM(
  recency: any[][],
  frequency: any[][],
  monetary: any[][],
  output?: string,
  bins?: any,
  segments?: any[][],
  as_of?: any,
  invocation?: CustomFunctions.Invocation,
): any[][] {
  return rfm(functionsContext(), {
    recency,
    frequency,
    monetary,
    output,
    bins,
    segments,
    asOf: as_of,
    segmentsAddress: invocation?.parameterAddresses?.[5],
  });
}

/**
 * RFM table from raw orders: one row per customer with recency, frequency, monetary, R, F, M, RFM code and segment.
 * @customfunction RFM_TABLE
 * @param {any[][]} customer_ids The customer of each order.
 * @param {any[][]} dates The date of each order.
 * @param {any[][]} amounts The amount of each order.
 * @param {any} [as_of] The analysis date; orders after it are not counted. Default: the day after the latest order.
 * @param {any} [bins] Scores per dimension, 2 to 10 (default 5), or "r=5,f=4,m=5".
 * @returns {any[][]} A header row, then one row per customer.
 */
export function RFM_TABLE(customer_ids: any[][], dates: any[][], amounts: any[][], as_of?: any, bins?: any): any[][] {
  return rfmTable(functionsContext(), { customerIds: customer_ids, dates, amounts, asOf: as_of, bins });
}
