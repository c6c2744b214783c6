/**
 * The segment report against an independent computation: orders are summed
 * per segment straight from the CSV lines (a plain Map per customer, the
 * segment found by a plain first-match loop over the rules), not from the
 * engine's aggregated columns; the R package's published Champions figures
 * pin one row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  aggregateOrders,
  analyzeRfm,
  readOrders,
  RFM_PRESETS,
  scoreBins,
  scoreBinText,
  segmentReport,
  type DimensionCuts,
  type RfmMethodSpec,
  type RfmScoringOptions,
} from '../../../src/engine/rfm';
import { parseDate } from '../../../src/engine/values/coerce';
import { RFM_PACKAGE_TEST_SEGMENT_NAMES, RFM_PACKAGE_TEST_SEGMENTS } from './rfm-package-segment-test';

const DATA = join(__dirname, '../../../data');

interface Line {
  customer: string;
  date: string;
  amount: number;
}

function csvLines(file: string, amountColumn: number): Line[] {
  return readFileSync(join(DATA, file), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.length > 0)
    .slice(1)
    .map((line) => line.split(','))
    .map((cells) => ({ customer: cells[0]!, date: cells[1]!, amount: Number(cells[amountColumn]) }));
}

function analyse(lines: Line[], asOf: string, scoring: RfmScoringOptions, method: RfmMethodSpec) {
  const rows = lines.map((l) => [l.customer, l.date, l.amount]);
  const read = readOrders(rows, { customer: 0, date: 1, amount: 2 }, { firstRow: 2 });
  const { customers } = aggregateOrders(read.orders, { asOf: parseDate(asOf) });
  const analysis = analyzeRfm(customers, { ...scoring, segments: method.segments });
  return { customers, analysis };
}

/** The expected report rows, computed from the order lines with no engine aggregation. */
function independentReport(
  lines: Line[],
  asOfIso: string,
  scoreOf: (customer: string) => { r: number; f: number; m: number },
  method: RfmMethodSpec,
) {
  const perCustomer = new Map<string, { orders: number; revenue: number }>();
  for (const line of lines) {
    if (line.date > asOfIso) continue;
    const entry = perCustomer.get(line.customer) ?? { orders: 0, revenue: 0 };
    entry.orders += 1;
    entry.revenue += line.amount;
    perCustomer.set(line.customer, entry);
  }
  const bySegment = new Map<string, { customers: number; orders: number; revenue: number }>();
  let totalRevenue = 0;
  for (const [customer, { orders, revenue }] of perCustomer) {
    const { r, f, m } = scoreOf(customer);
    const rule = method.segments.find(
      (s) =>
        (!s.r || (r >= s.r[0] && r <= s.r[1])) &&
        (!s.f || (f >= s.f[0] && f <= s.f[1])) &&
        (!s.m || (m >= s.m[0] && m <= s.m[1])) &&
        (!s.fm || (Math.round((f + m) / 2) >= s.fm[0] && Math.round((f + m) / 2) <= s.fm[1])),
    );
    const tier = rule?.tier ?? method.default ?? '(ungraded)';
    const entry = bySegment.get(tier) ?? { customers: 0, orders: 0, revenue: 0 };
    entry.customers += 1;
    entry.orders += orders;
    entry.revenue += revenue;
    bySegment.set(tier, entry);
    totalRevenue += revenue;
  }
  return { perCustomer, bySegment, totalRevenue, customerCount: perCustomer.size };
}

describe('segmentReport', () => {
  test.each([
    ['rfm-orders.csv', 2, '2006-12-31', 'rfm', { binning: 'rfm-package' } as RfmScoringOptions],
    ['rfm-orders.csv', 2, '2006-12-31', 'rfm-11', { binning: 'quantile' } as RfmScoringOptions],
    ['cdnow-sample.csv', 3, '1998-07-01', 'rfm', { binning: 'quantile' } as RfmScoringOptions],
    [
      'cdnow-sample.csv',
      3,
      '1997-12-31',
      'rfm-11',
      { binning: 'quantile', bins: { r: 4, f: 3, m: 5 } } as RfmScoringOptions,
    ],
  ])(
    'given %s (amount in column %i) as of %s graded by %s, then every figure equals the independent sums',
    (file, amountColumn, asOf, presetId, scoring) => {
      const table = RFM_PRESETS.find((p) => p.id === presetId)!;
      const method = table.method as RfmMethodSpec;
      const lines = csvLines(file, amountColumn);
      const { customers, analysis } = analyse(lines, asOf, scoring, method);
      const indexOf = new Map(customers.ids.map((id, i) => [String(id), i]));
      const scoreOf = (c: string) => {
        const i = indexOf.get(c)!;
        return { r: analysis.scores.r[i]!, f: analysis.scores.f[i]!, m: analysis.scores.m[i]! };
      };
      const expected = independentReport(lines, asOf, scoreOf, method);
      const report = segmentReport(
        customers,
        analysis,
        method,
        table.tiers.map((t) => t.id),
      );

      // Every tier the table gives, in tier order; the empty ones with zeros.
      expect(report.segments.map((s) => s.tier)).toEqual(table.tiers.map((t) => t.id));
      for (const row of report.segments) {
        const e = expected.bySegment.get(row.tier!) ?? { customers: 0, orders: 0, revenue: 0 };
        expect(row.customers).toBe(e.customers);
        expect(row.orders).toBe(e.orders);
        expect(row.revenue).toBeCloseTo(e.revenue, 6);
        if (e.orders === 0) expect(row.aov).toBeNaN();
        else expect(row.aov).toBeCloseTo(e.revenue / e.orders, 9);
        expect(row.customerShare).toBeCloseTo(e.customers / expected.customerCount, 12);
        expect(row.revenueShare).toBeCloseTo(e.revenue / expected.totalRevenue, 12);
      }
      expect(expected.bySegment.size).toBe(report.segments.filter((s) => s.customers > 0).length);
      const totalOrders = [...expected.perCustomer.values()].reduce((n, c) => n + c.orders, 0);
      expect(report.total.customers).toBe(expected.customerCount);
      expect(report.total.orders).toBe(totalOrders);
      expect(report.total.revenue).toBeCloseTo(expected.totalRevenue, 6);
      expect(report.total.aov).toBeCloseTo(expected.totalRevenue / totalOrders, 9);
      expect([report.total.customerShare, report.total.revenueShare]).toEqual([1, 1]);

      // The heatmap: customers counted per (R, F) pair from the per-customer scores.
      const grid = Array.from({ length: analysis.scores.cuts.r.bins }, () =>
        new Array<number>(analysis.scores.cuts.f.bins).fill(0),
      );
      for (const c of expected.perCustomer.keys()) grid[scoreOf(c).r - 1]![scoreOf(c).f - 1]!++;
      expect(report.heatmap.count).toEqual(grid);

      // The cut points: each customer's value lies inside the bounds of its score's bin; counts agree.
      const values = { r: customers.recency, f: customers.frequency, m: customers.monetary };
      for (const d of ['r', 'f', 'm'] as const) {
        const dim = report.dimensions[d];
        expect(dim.cuts).toBe(analysis.scores.cuts[d]);
        expect(dim.bins.map((b) => b.score)).toEqual(
          Array.from({ length: dim.cuts.bins }, (_, k) => dim.cuts.bins - k),
        );
        const counted = new Array<number>(dim.cuts.bins + 1).fill(0);
        for (let i = 0; i < customers.count; i++) {
          const score = analysis.scores[d][i]!;
          counted[score]!++;
          const bin = dim.bins.find((b) => b.score === score)!;
          const v = values[d][i]!;
          if (bin.lower !== undefined) expect(bin.lowerInclusive ? v >= bin.lower : v > bin.lower).toBe(true);
          if (bin.upper !== undefined) expect(bin.upperInclusive ? v <= bin.upper : v < bin.upper).toBe(true);
        }
        expect(dim.bins.map((b) => b.customers)).toEqual(counted.slice(1).reverse());
        expect(dim.unscored).toBe(0);
      }
    },
  );

  test("given the R package's rfm_segment test table, then Champions are 158 customers, 1,234 orders, 120,178 revenue (published)", () => {
    const method: RfmMethodSpec = { kind: 'rfm', segments: RFM_PACKAGE_TEST_SEGMENTS, default: 'others' };
    const lines = csvLines('rfm-orders.csv', 2);
    const { customers, analysis } = analyse(lines, '2006-12-31', { binning: 'rfm-package' }, method);
    const report = segmentReport(customers, analysis, method, [...RFM_PACKAGE_TEST_SEGMENT_NAMES, 'others']);
    expect(report.segments[0]).toMatchObject({ tier: 'champions', customers: 158, orders: 1234, revenue: 120178 });
    expect(report.segments[0]!.aov).toBeCloseTo(120178 / 1234, 9);
    expect(report.total).toMatchObject({ customers: 995, orders: 4906 });
  });

  test('given two rules giving one tier and no default, then they are one segment and the unmatched are a last ungraded row', () => {
    const customers = {
      count: 4,
      recency: Float64Array.of(1, 2, 3, 4),
      frequency: Float64Array.of(1, 2, 3, 4),
      monetary: Float64Array.of(10, 20, 30, 40),
    };
    const method: RfmMethodSpec = {
      kind: 'rfm',
      bins: { r: 2, f: 2, m: 2 },
      segments: [
        { tier: 'gold', r: [2, 2], f: [2, 2] },
        { tier: 'silver', r: [1, 1], f: [1, 1] },
        { tier: 'gold', m: [2, 2], r: [1, 1] },
      ],
    };
    const analysis = analyzeRfm(customers, { bins: method.bins!, segments: method.segments });
    const report = segmentReport(customers, analysis, method, ['silver', 'bronze', 'gold']);
    // R scores 2,2,1,1 (recency reversed); F 1,1,2,2; M 1,1,2,2.
    expect(report.segments).toEqual([
      { tier: 'silver', customers: 0, orders: 0, revenue: 0, aov: NaN, customerShare: 0, revenueShare: 0 },
      { tier: 'gold', customers: 2, orders: 7, revenue: 70, aov: 10, customerShare: 0.5, revenueShare: 0.7 },
      { tier: undefined, customers: 2, orders: 3, revenue: 30, aov: 10, customerShare: 0.5, revenueShare: 0.3 },
    ]);
    expect(report.heatmap.count).toEqual([
      [0, 2],
      [2, 0],
    ]);
  });

  test('given no customers, then the shares are 0, the total AOV NaN, and the bins empty', () => {
    const customers = {
      count: 0,
      recency: new Float64Array(),
      frequency: new Float64Array(),
      monetary: new Float64Array(),
    };
    const method: RfmMethodSpec = { kind: 'rfm', segments: [{ tier: 'a' }] };
    const analysis = analyzeRfm(customers, { segments: method.segments });
    const report = segmentReport(customers, analysis, method, ['a']);
    expect(report.segments).toEqual([
      { tier: 'a', customers: 0, orders: 0, revenue: 0, aov: NaN, customerShare: 0, revenueShare: 0 },
    ]);
    expect(report.total).toEqual({ customers: 0, orders: 0, revenue: 0, aov: NaN, customerShare: 0, revenueShare: 0 });
  });
});

describe('scoreBins and scoreBinText', () => {
  const cuts = (over: Partial<DimensionCuts>): DimensionCuts => ({
    dimension: 'm',
    bins: 3,
    binning: 'quantile',
    cuts: [10, 20],
    closed: 'right',
    reversed: false,
    population: 0,
    min: 0,
    max: 0,
    ...over,
  });
  const text = (c: DimensionCuts) => scoreBins(c).map((b) => `${b.score}: ${scoreBinText(b, String)}`);

  test('given right-closed cuts, then the top score is "> 20" and the lowest "<= 10"', () => {
    expect(text(cuts({}))).toEqual(['3: > 20', '2: > 10, <= 20', '1: <= 10']);
  });

  test('given left-closed recency cuts (reversed), then the top score covers the fewest days', () => {
    expect(text(cuts({ dimension: 'r', closed: 'left', reversed: true }))).toEqual([
      '3: < 10',
      '2: >= 10, < 20',
      '1: >= 20',
    ]);
  });
});
