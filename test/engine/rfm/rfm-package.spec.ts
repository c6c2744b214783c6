/**
 * `rfm-package` binning must give every customer of the R rfm package's own
 * example data (data/rfm-orders.csv = rfm_data_orders, customer names without
 * their "DVM"/"PhD"/"Sr." suffixes) the R, F and M that
 * `rfm_table_order(rfm_data_orders, customer_id, order_date, revenue,
 * as.Date("2006-12-31"))` computes. R is not available here, so the expected
 * values come from three independent sources:
 *
 * 1. A deliberately plain reference implementation below, written from the
 *    package's documented method, not from our engine: per customer, recency
 *    = days from the last order to the analysis date, frequency = orders,
 *    monetary = sum; cut points = stats::quantile(x, probs = seq(0, 1,
 *    length.out = 6)) (type 7, its formula written out, including R's
 *    floating-point steps) without the 0% and 100% ends, plus 1; bin i covers
 *    [lower[i], upper[i]) with lower = (min, cuts) and upper = (cuts, max + 1),
 *    bins assigned in order (a later one overwrites); recency's scores run
 *    5..1, frequency's and monetary's 1..5.
 * 2. Figures R printed, published by the package: the first ten rows of its
 *    README (scores 343, 412, 323, ...), its example custom thresholds
 *    c(115, 181, 297, 482), c(4, 5, 6, 8), c(256, 382, 506, 666) (the rounded
 *    default cut points), the package's test of rfm_segment (Champions: 158
 *    customers, 1,234 orders, revenue 120,178), and a user's R session with an
 *    11-segment table (segment counts 277, 158, 148, 128, 126, 75, 65, 18).
 * 3. Hand checks of single customers, in the comments of the cases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  aggregateOrders,
  analyzeRfm,
  assignSegments,
  readOrders,
  summarizeSegments,
  type RfmSegmentRule,
} from '../../../src/engine/rfm';
import { parseDate } from '../../../src/engine/values/coerce';
import { RFM_PACKAGE_TEST_SEGMENT_NAMES, RFM_PACKAGE_TEST_SEGMENTS } from './rfm-package-segment-test';

const CSV = join(__dirname, '../../../data/rfm-orders.csv');

/** The CSV as the 2-D array a host would pass (header dropped). */
function orderRows(): string[][] {
  return readFileSync(CSV, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .slice(1)
    .map((line) => line.split(','));
}

// ---- 1. The reference implementation (no engine code) ----

/** Days since 1970-01-01 of an ISO date, by the calendar (Date.UTC). */
function isoDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** R's stats::quantile(x, p, type = 7), written out as R does it. */
function rQuantile7(sorted: number[], p: number): number {
  const n = sorted.length;
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = sorted[lo - 1]!;
  if (index > lo && sorted[hi - 1] !== qs) {
    const h = index - lo;
    return (1 - h) * qs + h * sorted[hi - 1]!;
  }
  return qs;
}

/** rfm's bins(): quantiles at seq(0, 1, length.out = n + 1) without the ends, plus 1. */
function rfmThresholds(values: number[], bins: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  // seq(0, 1, length.out = 6) is c(0, 1:4 * 0.2, 1) in R: 3 * 0.2 = 0.6000000000000001.
  const by = 1 / bins;
  const out: number[] = [];
  for (let k = 1; k < bins; k++) out.push(rQuantile7(sorted, k * by) + 1);
  return out;
}

/** rfm_table_order's loop: score[i] for lower[i] <= v < upper[i], in order, the last one winning. */
function rfmScores(values: number[], bins: number, reversed: boolean): number[] {
  const thresholds = rfmThresholds(values, bins);
  const lower = [Math.min(...values), ...thresholds];
  const upper = [...thresholds, Math.max(...values) + 1];
  const scores = values.map(() => NaN);
  for (let i = 0; i < bins; i++) {
    values.forEach((v, c) => {
      if (v >= lower[i]! && v < upper[i]!) scores[c] = reversed ? bins - i : i + 1;
    });
  }
  return scores;
}

interface Expected {
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
}

function referenceTable(rows: string[][], analysisDate: string): Map<string, Expected> {
  const byCustomer = new Map<string, { last: number; count: number; sum: number }>();
  for (const [customer, date, revenue] of rows) {
    const agg = byCustomer.get(customer!) ?? { last: -Infinity, count: 0, sum: 0 };
    agg.last = Math.max(agg.last, isoDay(date!));
    agg.count += 1;
    agg.sum += Number(revenue);
    byCustomer.set(customer!, agg);
  }
  const ids = [...byCustomer.keys()];
  const recency = ids.map((id) => isoDay(analysisDate) - byCustomer.get(id)!.last);
  const frequency = ids.map((id) => byCustomer.get(id)!.count);
  const monetary = ids.map((id) => byCustomer.get(id)!.sum);
  const r = rfmScores(recency, 5, true);
  const f = rfmScores(frequency, 5, false);
  const m = rfmScores(monetary, 5, false);
  return new Map(
    ids.map((id, i) => [
      id,
      { recency: recency[i]!, frequency: frequency[i]!, monetary: monetary[i]!, r: r[i]!, f: f[i]!, m: m[i]! },
    ]),
  );
}

// ---- The engine under test ----

function engineTable(segments: readonly RfmSegmentRule[] = []) {
  const read = readOrders(orderRows(), { customer: 0, date: 1, amount: 2 }, { firstRow: 2 });
  const { customers } = aggregateOrders(read.orders, { asOf: parseDate('2006-12-31') });
  const analysis = analyzeRfm(customers, { binning: 'rfm-package', segments });
  return { read, customers, analysis };
}

function scoresOf(name: string) {
  const { customers, analysis } = engineTable();
  const i = customers.ids.indexOf(name);
  return {
    recency: customers.recency[i],
    frequency: customers.frequency[i],
    monetary: customers.monetary[i],
    code: `${analysis.scores.r[i]}${analysis.scores.f[i]}${analysis.scores.m[i]}`,
  };
}

describe('rfm-package binning on the R rfm package example data', () => {
  test('given the 4,906 orders, then all are read and 995 customers result', () => {
    const { read, customers } = engineTable();
    expect(read.errorCount).toBe(0);
    expect(read.orders.count).toBe(4906);
    expect(customers.count).toBe(995);
  });

  test('every customer gets the R, F and M of the reference implementation of rfm_table_order', () => {
    const expected = referenceTable(orderRows(), '2006-12-31');
    const { customers, analysis } = engineTable();
    expect(expected.size).toBe(customers.count);
    const mismatches: string[] = [];
    for (let i = 0; i < customers.count; i++) {
      const id = String(customers.ids[i]);
      const e = expected.get(id)!;
      const got = [customers.recency[i], customers.frequency[i], customers.monetary[i]];
      const scores = [analysis.scores.r[i], analysis.scores.f[i], analysis.scores.m[i]];
      if (got.join() !== [e.recency, e.frequency, e.monetary].join() || scores.join() !== [e.r, e.f, e.m].join()) {
        mismatches.push(
          `${id}: engine ${got} -> ${scores}, reference ${[e.recency, e.frequency, e.monetary]} -> ${[e.r, e.f, e.m]}`,
        );
      }
    }
    expect(mismatches).toEqual([]);
    // The reference is not degenerate: all five scores occur in every dimension.
    for (const d of ['r', 'f', 'm'] as const) {
      expect(new Set([...expected.values()].map((e) => e[d]))).toEqual(new Set([1, 2, 3, 4, 5]));
    }
  });

  test('the first ten rows R printed in the package README have the same values and scores', () => {
    // README of rfm (rfm_table_order, analysis date 2006-12-31): recency_days, transaction_count, amount, rfm_score.
    const published: Array<[string, number, number, number, string]> = [
      ["Abbey O'Reilly", 205, 6, 472, '343'],
      ['Add Senger', 140, 3, 340, '412'],
      ['Aden Lesch', 194, 4, 405, '323'],
      ['Admiral Senger', 132, 5, 448, '433'],
      ["Agness O'Keefe", 90, 9, 843, '555'],
      ['Aileen Barton', 84, 9, 763, '555'],
      ['Ailene Hermann', 281, 8, 699, '355'],
      ['Aiyanna Bruen', 246, 4, 157, '321'],
      ['Ala Schmidt', 349, 3, 363, '212'],
      ['Alannah Borer', 619, 4, 196, '121'],
    ];
    for (const [name, recency, frequency, monetary, code] of published) {
      expect({ name, ...scoresOf(name) }).toEqual({ name, recency, frequency, monetary, code });
    }
  });

  test('the cut points are the thresholds the package prints, and its example custom thresholds round them', () => {
    const { analysis } = engineTable();
    const { r, f, m } = analysis.scores.cuts;
    // Hand check of recency, n = 995: p = 0.2 -> index 1 + 994 * 0.2 = 199.8, and the 199th and 200th
    // smallest recencies are both 114, so the quantile is 114 and the threshold 115.
    expect(r.cuts).toEqual([115, 181, 297.4000000000001, 482]);
    expect(f.cuts).toEqual([4, 5, 6, 8]);
    expect(m.cuts).toEqual([255.8, 382, 506.4000000000001, 666]);
    expect(r.cuts.map(Math.round)).toEqual([115, 181, 297, 482]);
    expect(m.cuts.map(Math.round)).toEqual([256, 382, 506, 666]);
    expect([r.min, r.max, f.min, f.max, m.min, m.max]).toEqual([1, 976, 1, 14, 12, 1488]);
  });

  test('hand check: Add Senger is 412', () => {
    // Last order 2006-08-13 -> 140 days to 2006-12-31. Recency bins [1,115) [115,181) [181,297.4) ...:
    // 140 is in the 2nd, and recency scores run 5,4,3,2,1, so R = 4. Three orders: frequency bins
    // [1,4) [4,5) ... -> 1st, F = 1. 114 + 208 + 18 = 340: monetary bins [12,255.8) [255.8,382) -> M = 2.
    expect(scoresOf('Add Senger')).toEqual({ recency: 140, frequency: 3, monetary: 340, code: '412' });
  });

  test('hand check: a value equal to a threshold goes to the higher bin, [lower, upper)', () => {
    // Frequency threshold 4 (quantile 3 + 1): Aden Lesch's 4 orders are in [4, 5) -> F = 2, not 1.
    expect(scoresOf('Aden Lesch').code).toBe('323');
  });

  test("given the package's rfm_segment test table, then Champions are 158 customers, 1,234 orders, 120,178 revenue", () => {
    const names = RFM_PACKAGE_TEST_SEGMENT_NAMES;
    const rules = RFM_PACKAGE_TEST_SEGMENTS;
    const { customers, analysis } = engineTable(rules);
    const summary = summarizeSegments(customers, analysis.segments, rules.length);
    expect(summary[0]).toMatchObject({ customers: 158, orders: 1234, revenue: 120178 });
    const firstTen = [
      "Abbey O'Reilly",
      'Add Senger',
      'Aden Lesch',
      'Admiral Senger',
      "Agness O'Keefe",
      'Aileen Barton',
      'Ailene Hermann',
      'Aiyanna Bruen',
      'Ala Schmidt',
      'Alannah Borer',
    ];
    const segmentNames = firstTen.map((name) => names[analysis.segments[customers.ids.indexOf(name)]!] ?? 'others');
    expect(segmentNames).toEqual([
      'loyal',
      'potential',
      'potential',
      'loyal',
      'champions',
      'champions',
      'loyal',
      'potential',
      'sleep',
      'lost',
    ]);
  });

  test('given the 11-segment table of a published R session, then the segment counts are the ones R printed', () => {
    const names = [
      'Champions',
      'Loyal Customers',
      'Potential Loyalist',
      'New Customers',
      'Promising',
      'Need Attention',
      'About To Sleep',
      'At Risk',
      "Can't Lose Them",
      'Hibernating',
      'Lost',
    ];
    const rl = [4, 2, 3, 4, 3, 3, 2, 1, 1, 2, 1];
    const ru = [5, 4, 5, 5, 4, 4, 3, 2, 1, 3, 1];
    const fl = [4, 3, 1, 1, 1, 3, 1, 2, 4, 2, 1];
    const fu = [5, 4, 3, 1, 1, 4, 2, 5, 5, 3, 1];
    const ml = [4, 4, 1, 1, 1, 3, 1, 2, 4, 2, 1];
    const mu = [5, 5, 3, 1, 1, 4, 2, 5, 5, 3, 1];
    const rules = names.map((tier, k) => ({
      tier,
      r: [rl[k]!, ru[k]!] as [number, number],
      f: [fl[k]!, fu[k]!] as [number, number],
      m: [ml[k]!, mu[k]!] as [number, number],
    }));
    const { analysis } = engineTable();
    const segments = assignSegments(analysis.scores, rules);
    const counts = new Map<string, number>();
    for (const s of segments) counts.set(names[s] ?? 'Others', (counts.get(names[s] ?? 'Others') ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      'Potential Loyalist': 277,
      Champions: 158,
      'At Risk': 148,
      Others: 128,
      'Loyal Customers': 126,
      Lost: 75,
      'About To Sleep': 65,
      'Need Attention': 18,
    });
  });
});
