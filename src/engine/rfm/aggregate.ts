import { TierwiseUsageError } from '../errors';
import type { CustomerTable } from './types';

/** Raw orders, columnar: index i is one order. */
export interface OrderColumns {
  count: number;
  /** Dense customer index (0..ids.length-1) per order; -1 leaves the order out (a bad row). */
  customer: Int32Array;
  /** Excel serial day (a fraction for the time of day is ignored). */
  date: Float64Array;
  amount: Float64Array;
  /** Customer ids by dense index. */
  ids: Array<string | number>;
}

export interface AggregateOptions {
  /** Excel serial day; default: the day after the latest order. */
  asOf?: number;
}

export interface Aggregated {
  customers: CustomerTable;
  /** Orders dated after the as-of date: not counted (they had not happened yet). */
  ordersAfterAsOf: number;
  /** Orders that were counted. */
  ordersUsed: number;
}

/**
 * Interns customer keys to dense indexes in first-seen order. Non-negative
 * integer keys in a typed array take a lookup table instead of a Map.
 */
export function internKeys(keys: ArrayLike<string | number>): { index: Int32Array; ids: Array<string | number> } {
  const n = keys.length;
  const index = new Int32Array(n);
  const ids: Array<string | number> = [];
  if (isIntegerArray(keys)) {
    let max = -1;
    let min = 0;
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      if (k > max) max = k;
      if (k < min) min = k;
    }
    if (min >= 0 && max < 4 * n + 1024) {
      const table = new Int32Array(max + 1).fill(-1);
      for (let i = 0; i < n; i++) {
        const k = keys[i]!;
        let c = table[k]!;
        if (c < 0) {
          c = ids.length;
          table[k] = c;
          ids.push(k);
        }
        index[i] = c;
      }
      return { index, ids };
    }
  }
  const seen = new Map<string | number, number>();
  for (let i = 0; i < n; i++) {
    const k = keys[i]!;
    let c = seen.get(k);
    if (c === undefined) {
      c = ids.length;
      seen.set(k, c);
      ids.push(k);
    }
    index[i] = c;
  }
  return { index, ids };
}

function isIntegerArray(keys: ArrayLike<string | number>): keys is Int32Array | Uint32Array | Uint16Array | Uint8Array {
  return (
    keys instanceof Int32Array ||
    keys instanceof Uint32Array ||
    keys instanceof Uint16Array ||
    keys instanceof Uint8Array
  );
}

/**
 * Aggregates orders to one row per customer in one pass: recency = days from
 * the last order to the as-of date, frequency = number of orders, monetary =
 * total amount, plus first and last order date and average order value.
 * Customers whose every order is after the as-of date are left out.
 *
 * @throws TierwiseUsageError when the columns are shorter than `count`.
 */
export function aggregateOrders(orders: OrderColumns, options: AggregateOptions = {}): Aggregated {
  const { count, customer, date, amount, ids } = orders;
  if (customer.length < count || date.length < count || amount.length < count) {
    throw new TierwiseUsageError('aggregateOrders: a column is shorter than count');
  }
  const slots = ids.length;
  // Many customers: orders grouped by customer bucket first, so that the running figures of a bucket stay in cache.
  const grouped = slots >= GROUP_FROM_CUSTOMERS ? groupByBucket(orders) : undefined;
  let asOf = options.asOf;
  if (asOf === undefined) {
    let latest = grouped ? grouped.latest : -Infinity;
    if (!grouped) {
      for (let i = 0; i < count; i++) {
        if (customer[i]! >= 0 && date[i]! > latest) latest = date[i]!;
      }
    }
    asOf = latest === -Infinity ? NaN : Math.floor(latest) + 1;
  } else {
    asOf = Math.floor(asOf);
  }
  // Per customer, side by side (one cache line per order instead of four): orders, total, first day, last day.
  const acc = new Float64Array(slots * 4);
  for (let k = 0; k < acc.length; k += 4) {
    acc[k + 2] = Infinity;
    acc[k + 3] = -Infinity;
  }
  // Orders on the as-of day count; anything from the next day on does not.
  const { after, used } = accumulate(acc, grouped ?? orders, asOf + 1);
  const frequency = new Float64Array(slots);
  const monetary = new Float64Array(slots);
  const first = new Float64Array(slots);
  const last = new Float64Array(slots);
  for (let c = 0, k = 0; c < slots; c++, k += 4) {
    frequency[c] = acc[k]!;
    monetary[c] = acc[k + 1]!;
    first[c] = acc[k + 2]!;
    last[c] = acc[k + 3]!;
  }
  let kept = 0;
  for (let c = 0; c < slots; c++) if (frequency[c]! > 0) kept++;
  const table: CustomerTable = {
    count: kept,
    ids: kept === slots ? ids : [],
    recency: new Float64Array(kept),
    frequency: kept === slots ? frequency : new Float64Array(kept),
    monetary: kept === slots ? monetary : new Float64Array(kept),
    firstOrder: new Float64Array(kept),
    lastOrder: new Float64Array(kept),
    aov: new Float64Array(kept),
    asOf,
  };
  let j = 0;
  for (let c = 0; c < slots; c++) {
    const f = frequency[c]!;
    if (f === 0) continue;
    const lastDay = Math.floor(last[c]!);
    if (kept !== slots) {
      table.ids.push(ids[c]!);
      table.frequency[j] = f;
      table.monetary[j] = monetary[c]!;
    }
    table.lastOrder[j] = lastDay;
    table.firstOrder[j] = Math.floor(first[c]!);
    table.recency[j] = asOf - lastDay;
    table.aov[j] = monetary[c]! / f;
    j++;
  }
  return { customers: table, ordersAfterAsOf: after, ordersUsed: used };
}

/** Customers per bucket: their running figures (32 bytes each) take 128 KiB, which a core's cache holds. */
const BUCKET_SHIFT = 12;
/** Customers from which grouping orders by bucket pays for its extra pass (the figures no longer fit a cache). */
const GROUP_FROM_CUSTOMERS = 1 << 16;

interface OrderRun {
  count: number;
  customer: Int32Array;
  date: Float64Array;
  amount: Float64Array;
}

/**
 * Adds orders (customer -1: left out; dated `limit` or later: counted as
 * after) to the running figures, in the order given.
 */
function accumulate(acc: Float64Array, orders: OrderRun, limit: number): { after: number; used: number } {
  const { count, customer, date, amount } = orders;
  let after = 0;
  let used = 0;
  for (let i = 0; i < count; i++) {
    const c = customer[i]!;
    if (c < 0) continue;
    const d = date[i]!;
    if (d >= limit) {
      after++;
      continue;
    }
    used++;
    const k = c * 4;
    acc[k] = acc[k]! + 1;
    acc[k + 1] = acc[k + 1]! + amount[i]!;
    if (d < acc[k + 2]!) acc[k + 2] = d;
    if (d > acc[k + 3]!) acc[k + 3] = d;
  }
  return { after, used };
}

/**
 * The valid orders grouped by customer bucket (customer >> BUCKET_SHIFT),
 * keeping file order within a bucket, so each customer's total adds the same
 * amounts in the same order; and the latest valid date.
 */
function groupByBucket(orders: OrderColumns): OrderRun & { latest: number } {
  const { count, customer, date, amount, ids } = orders;
  const buckets = (ids.length >>> BUCKET_SHIFT) + 1;
  const next = new Int32Array(buckets + 1);
  for (let i = 0; i < count; i++) {
    const c = customer[i]!;
    if (c >= 0) next[(c >>> BUCKET_SHIFT) + 1]! += 1;
  }
  for (let b = 1; b <= buckets; b++) next[b]! += next[b - 1]!;
  const valid = next[buckets]!;
  const run = {
    count: valid,
    customer: new Int32Array(valid),
    date: new Float64Array(valid),
    amount: new Float64Array(valid),
    latest: -Infinity,
  };
  let latest = -Infinity;
  for (let i = 0; i < count; i++) {
    const c = customer[i]!;
    if (c < 0) continue;
    const d = date[i]!;
    if (d > latest) latest = d;
    const at = next[c >>> BUCKET_SHIFT]!++;
    run.customer[at] = c;
    run.date[at] = d;
    run.amount[at] = amount[i]!;
  }
  run.latest = latest;
  return run;
}
