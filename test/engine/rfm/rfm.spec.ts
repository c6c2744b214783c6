import fc from 'fast-check';
import { checkProperty } from '../../support/property';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  aggregateOrders,
  analyzeRfm,
  compileRfmTable,
  computeCuts,
  cutProbabilities,
  fmScore,
  internKeys,
  quantilesInPlace,
  readOrders,
  rfGrid,
  rfmCode,
  RFM_11_SEGMENTS,
  RFM_PACKAGE_SEGMENTS,
  RFM_PRESETS,
  scoreColumn,
  scoreCustomers,
  scoreDistribution,
  segmentMigration,
  segmentOf,
  summarizeSegments,
  validateRfmMethod,
  type CustomerColumns,
  type RfmMethodSpec,
} from '../../../src/engine/rfm';
import type { GradingTable } from '../../../src/engine/model';
import { isoDateToSerial, parseDate } from '../../../src/engine/values/coerce';

const day = (iso: string): number => parseDate(iso);

function customers(recency: number[], frequency: number[], monetary: number[]): CustomerColumns {
  return {
    count: recency.length,
    recency: Float64Array.from(recency),
    frequency: Float64Array.from(frequency),
    monetary: Float64Array.from(monetary),
  };
}

describe('quantiles', () => {
  test('happy path: type 7 as R and Excel PERCENTILE.INC', () => {
    // R: quantile(1:10, c(0.3, 0.25, 0.9)) = 3.7, 3.25, 9.1
    const q = quantilesInPlace(Float64Array.from([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), 10, [0.3, 0.25, 0.9]);
    expect(q[0]).toBeCloseTo(3.7, 12);
    expect(q[1]).toBeCloseTo(3.25, 12);
    expect(q[2]).toBeCloseTo(9.1, 12);
  });

  test('the probabilities are R seq(0, 1, length.out = n + 1) without the ends', () => {
    expect(cutProbabilities(5)).toEqual([0.2, 0.4, 0.6000000000000001, 0.8]);
    expect(cutProbabilities(2)).toEqual([0.5]);
  });

  test('given any values, then selection gives the quantiles a full sort gives', () => {
    checkProperty(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 2, max: 10 }),
        (xs, n) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const probs = cutProbabilities(n);
          const expected = probs.map((p) => {
            const index = 1 + (xs.length - 1) * p;
            const lo = Math.floor(index);
            const h = index - lo;
            const a = sorted[lo - 1]!;
            const b = sorted[Math.ceil(index) - 1]!;
            return index > lo && a !== b ? (1 - h) * a + h * b : a;
          });
          expect(quantilesInPlace(Float64Array.from(xs), xs.length, probs)).toEqual(expected);
        },
      ),
    );
  });

  test('given no values, then NaN', () => {
    expect(quantilesInPlace(new Float64Array(0), 0, [0.5])).toEqual([NaN]);
  });
});

describe('aggregating orders', () => {
  const rows = [
    ['A', '2024-01-10', 100],
    ['B', '2024-01-05', '50.5'],
    ['A', '2024-01-20', 20],
    ['C', '2024-02-01', 10],
  ];

  test('happy path: recency, frequency, monetary, first order, AOV; as-of defaults to the day after the latest order', () => {
    const { orders } = readOrders(rows, { customer: 0, date: 1, amount: 2 });
    const { customers: c, ordersAfterAsOf } = aggregateOrders(orders);
    expect(c.asOf).toBe(day('2024-02-02'));
    expect(c.ids).toEqual(['A', 'B', 'C']);
    expect([...c.recency]).toEqual([13, 28, 1]);
    expect([...c.frequency]).toEqual([2, 1, 1]);
    expect([...c.monetary]).toEqual([120, 50.5, 10]);
    expect([...c.firstOrder]).toEqual([day('2024-01-10'), day('2024-01-05'), day('2024-02-01')]);
    expect([...c.aov]).toEqual([60, 50.5, 10]);
    expect(ordersAfterAsOf).toBe(0);
  });

  test('given an explicit as-of, then later orders are not counted and a customer with only later orders is left out', () => {
    const { orders } = readOrders(rows, { customer: 0, date: 1, amount: 2 });
    const { customers: c, ordersAfterAsOf, ordersUsed } = aggregateOrders(orders, { asOf: day('2024-01-15') });
    expect(c.ids).toEqual(['A', 'B']);
    expect([...c.frequency]).toEqual([1, 1]);
    expect([...c.recency]).toEqual([5, 10]);
    expect(ordersAfterAsOf).toBe(2);
    expect(ordersUsed).toBe(2);
  });

  test('given bad rows, then each is reported with its row number and reason, and counted', () => {
    const bad = [
      ['A', '2024-01-10', 100],
      ['', '2024-01-10', 100],
      ['B', 'not a date', 100],
      ['C', '2024-01-10', 'ten'],
      ['D', '03/04/2024', 1],
      ['E', '2024-01-10', { error: '#N/A' }],
      ['F', null, 5],
    ];
    const read = readOrders(bad, { customer: 0, date: 1, amount: 2 }, { firstRow: 2, names: { amount: 'revenue' } });
    expect(read.orders.count).toBe(1);
    expect(read.errorCount).toBe(6);
    expect(read.errors).toEqual([
      { row: 3, error: { kind: 'blank', input: 'customer' } },
      { row: 4, error: { kind: 'not-a-date', input: 'date', value: 'not a date' } },
      { row: 5, error: { kind: 'not-a-number', input: 'revenue', value: 'ten' } },
      { row: 6, error: { kind: 'not-a-date', input: 'date', value: '03/04/2024', ambiguous: true } },
      { row: 7, error: { kind: 'cell-error', input: 'revenue', value: '#N/A' } },
      { row: 8, error: { kind: 'blank', input: 'date' } },
    ]);
  });

  test('given more bad rows than kept, then all are counted', () => {
    const read = readOrders(
      [
        [null, 1, 1],
        [null, 1, 1],
        [null, 1, 1],
      ],
      { customer: 0, date: 1, amount: 2 },
      { maxErrors: 1 },
    );
    expect(read.errors).toHaveLength(1);
    expect(read.errorCount).toBe(3);
  });

  test('integer ids in a typed array are interned in first-seen order', () => {
    expect(internKeys(Int32Array.from([7, 3, 7, 0]))).toEqual({ index: Int32Array.from([0, 1, 0, 2]), ids: [7, 3, 0] });
    expect(internKeys(['x', 'y', 'x'])).toEqual({ index: Int32Array.from([0, 1, 0]), ids: ['x', 'y'] });
  });
});

describe('scoring', () => {
  test('quantile: a value equal to a cut point gets the lower score; recency is reversed', () => {
    const c = customers([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], [10, 20, 30, 40, 50]);
    const s = scoreCustomers(c, { bins: { r: 5, f: 5, m: 5 } });
    // Cut points at 20/40/60/80%: 1.8, 2.6, 3.4, 4.2.
    expect(s.cuts.f.cuts.map((x) => Math.round(x * 10) / 10)).toEqual([1.8, 2.6, 3.4, 4.2]);
    expect([...s.f]).toEqual([1, 2, 3, 4, 5]);
    expect([...s.r]).toEqual([5, 4, 3, 2, 1]);
    const ties = scoreCustomers(customers([1, 1, 1, 2], [2, 2, 2, 3], [5, 5, 5, 6]), { bins: { r: 2, f: 2, m: 2 } });
    expect([...ties.f]).toEqual([1, 1, 1, 2]);
    expect([...ties.r]).toEqual([2, 2, 2, 1]);
  });

  test('fixed: breakpoints closed on the right by default, on the left on request', () => {
    const values = Float64Array.from([0, 100, 150, 200, 300]);
    const right = computeCuts(values, 5, 'm', { binning: 'fixed', breakpoints: { m: [100, 200] } });
    expect([...scoreColumn(values, 5, right)]).toEqual([1, 1, 2, 2, 3]);
    const left = computeCuts(values, 5, 'm', { binning: 'fixed', breakpoints: { m: [100, 200] }, closed: 'left' });
    expect([...scoreColumn(values, 5, left)]).toEqual([1, 2, 2, 3, 3]);
    const recency = computeCuts(values, 5, 'r', { binning: 'fixed', breakpoints: { r: [100, 200] } });
    expect([...scoreColumn(values, 5, recency)]).toEqual([3, 3, 2, 2, 1]);
  });

  test('given a cap, then cut points ignore the outliers and the outliers still get the top score', () => {
    const m = [1, 2, 3, 4, 1000];
    const capped = computeCuts(Float64Array.from(m), 5, 'm', { bins: { m: 2 }, caps: { m: { value: 10 } } });
    expect(capped.cuts).toEqual([2.5]);
    expect(capped.population).toBe(4);
    expect([...scoreColumn(Float64Array.from(m), 5, capped)]).toEqual([1, 1, 2, 2, 2]);
    const byPercentile = computeCuts(Float64Array.from(m), 5, 'm', {
      bins: { m: 2 },
      caps: { m: { percentile: 0.75 } },
    });
    expect(byPercentile.cap).toBe(4);
    expect(byPercentile.cuts).toEqual([2.5]);
  });

  test('given NaN values, then they are left out of the cut points and unscored', () => {
    const v = Float64Array.from([NaN, 1, 2]);
    const cuts = computeCuts(v, 3, 'f', { bins: { f: 2 } });
    expect(cuts.population).toBe(2);
    expect([...scoreColumn(v, 3, cuts)]).toEqual([0, 1, 2]);
  });

  test('bins from 2 to 10 per dimension', () => {
    const n = 100;
    const xs = Array.from({ length: n }, (_, i) => i);
    const s = scoreCustomers(customers(xs, xs, xs), { bins: { r: 2, f: 10, m: 7 } });
    expect(Math.max(...s.r)).toBe(2);
    expect(Math.max(...s.f)).toBe(10);
    expect(new Set(s.m).size).toBe(7);
    expect(rfmCode(10, 4, 3)).toBe('10-4-3');
    expect(rfmCode(5, 4, 3)).toBe('543');
  });

  test('on the CDNOW sample, quantile binning never gives two equal values different scores', () => {
    const lines = readFileSync(join(__dirname, '../../../data/cdnow-sample.csv'), 'utf8')
      .split(/\r?\n/)
      .filter(Boolean)
      .slice(1);
    const read = readOrders(
      lines.map((l) => l.split(',')),
      { customer: 0, date: 1, amount: 3 },
    );
    expect(read.errorCount).toBe(0);
    const { customers: c } = aggregateOrders(read.orders, { asOf: isoDateToSerial(1998, 7, 1) });
    expect(c.count).toBe(2357);
    for (const bins of [3, 5, 10]) {
      const s = scoreCustomers(c, { bins: { r: bins, f: bins, m: bins } });
      for (const [values, scores] of [
        [c.recency, s.r],
        [c.frequency, s.f],
        [c.monetary, s.m],
      ] as const) {
        const seen = new Map<number, number>();
        for (let i = 0; i < c.count; i++) {
          const before = seen.get(values[i]!);
          if (before !== undefined) expect(scores[i]).toBe(before);
          seen.set(values[i]!, scores[i]!);
        }
        // Scores rise with the value (fall for recency): the binning is monotone.
        const order = [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, score]) => score);
        const sign = scores === s.r ? -1 : 1;
        for (let k = 1; k < order.length; k++) expect(sign * (order[k]! - order[k - 1]!)).toBeGreaterThanOrEqual(0);
      }
      // Frequency is mostly 1 order: ties that big leave scores unused rather than splitting equal values.
      if (bins === 10) expect(new Set(s.f).size).toBeLessThan(10);
    }
  });
});

describe('segments', () => {
  test('first match wins; no match is -1 (Others)', () => {
    const rules = [
      { tier: 'a', r: [4, 5] as [number, number] },
      { tier: 'b', r: [3, 5] as [number, number], f: [1, 2] as [number, number] },
    ];
    expect(segmentOf(rules, 5, 1, 1)).toBe(0);
    expect(segmentOf(rules, 3, 2, 1)).toBe(1);
    expect(segmentOf(rules, 3, 3, 1)).toBe(-1);
  });

  test('FM is the mean of F and M rounded half up', () => {
    expect([fmScore(4, 5), fmScore(1, 2), fmScore(3, 3), fmScore(1, 1)]).toEqual([5, 2, 3, 1]);
  });

  test('the 11-segment grid covers every R x F x M cell and reaches every segment', () => {
    const reached = new Set<number>();
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) reached.add(segmentOf(RFM_11_SEGMENTS, r, f, m));
    expect(reached.has(-1)).toBe(false);
    expect(reached.size).toBe(11);
    expect(RFM_11_SEGMENTS[segmentOf(RFM_11_SEGMENTS, 1, 1, 1)]!.name.en).toBe('Lost');
    expect(RFM_11_SEGMENTS[segmentOf(RFM_11_SEGMENTS, 2, 1, 2)]!.name.en).toBe('Hibernating');
  });

  test('the rfm package segments are in its documented order and every one is reachable', () => {
    expect(RFM_PACKAGE_SEGMENTS.map((s) => s.name.en)).toEqual([
      'Champions',
      'Potential Loyalist',
      'Loyal Customers',
      'Promising',
      'New Customers',
      "Can't Lose Them",
      'At Risk',
      'Need Attention',
      'About To Sleep',
      'Lost',
    ]);
    const reached = new Set<number>();
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) reached.add(segmentOf(RFM_PACKAGE_SEGMENTS, r, f, m));
    for (let s = 0; s < 10; s++) expect(reached.has(s)).toBe(true);
  });
});

describe('summaries', () => {
  const c = customers([1, 50, 100, 200], [5, 3, 1, 1], [500, 300, 100, 100]);
  const analysis = analyzeRfm(c, { bins: { r: 2, f: 2, m: 2 }, segments: [{ tier: 'best', r: [2, 2], f: [2, 2] }] });

  test('per segment: customers, orders, revenue, AOV and shares; Others last', () => {
    expect(analysis.summary).toEqual([
      { segment: 0, customers: 2, orders: 8, revenue: 800, aov: 100, customerShare: 0.5, revenueShare: 0.8 },
      { segment: 1, customers: 2, orders: 2, revenue: 200, aov: 100, customerShare: 0.5, revenueShare: 0.2 },
    ]);
  });

  test('R x F grid counts and mean monetary, and score distributions', () => {
    const grid = rfGrid(analysis.scores, c.monetary);
    expect(grid.count).toEqual([
      [2, 0],
      [0, 2],
    ]);
    expect(grid.meanMonetary[1]![1]).toBe(400);
    expect(grid.meanMonetary[0]![1]).toBeNaN();
    expect(scoreDistribution(analysis.scores)).toEqual({ r: [0, 2, 2], f: [0, 2, 2], m: [0, 2, 2] });
  });

  test('an empty segment is listed with zeros', () => {
    const rows = summarizeSegments(c, Int32Array.from([-1, -1, -1, -1]), 1);
    expect(rows[0]).toMatchObject({ customers: 0, orders: 0, revenue: 0 });
    expect(rows[0]!.aov).toBeNaN();
  });
});

describe('migration', () => {
  test('from x to matrix and movers, with customers who arrived or left', () => {
    const m = segmentMigration(
      { ids: ['a', 'b', 'c'], segments: [0, 1, -1] },
      { ids: ['a', 'b', 'd'], segments: [0, 0, 1] },
      2,
    );
    expect(m.others).toBe(2);
    expect(m.absent).toBe(3);
    expect(m.matrix).toEqual([
      [1, 0, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 0, 1],
      [0, 1, 0, 0],
    ]);
    expect(m.movers).toEqual([
      { id: 'b', from: 1, to: 0 },
      { id: 'd', from: 3, to: 1 },
      { id: 'c', from: 2, to: 3 },
    ]);
    expect(m.stayed).toBe(1);
  });
});

describe('RFM as a grading table method', () => {
  const preset = RFM_PRESETS.find((t) => t.id === 'rfm')!;

  test('the presets validate clean: tiers exist, ranges within bins, every segment reachable', () => {
    for (const table of RFM_PRESETS) {
      expect(validateRfmMethod(table.method as RfmMethodSpec, table.tiers, 'method', table.inputs)).toEqual([]);
      expect(table.tiers[table.tiers.length - 1]!.id).toBe('others');
      for (const tier of table.tiers) {
        expect(tier.label.zh).toBeTruthy();
        expect(tier.strategy?.zh).toBeTruthy();
        expect(tier.fill).toMatch(/^#[0-9A-F]{6}$/);
      }
    }
  });

  test('gradeRows: customer-level rows as Excel passes them; cut points over the batch; bad rows are errors', () => {
    const compiled = compileRfmTable(preset, preset.method as RfmMethodSpec);
    const rows = [
      [1, 10, 1000],
      [5, 8, '800'],
      [30, 3, 300],
      [90, 2, 200],
      [400, 1, 50],
      ['x', 1, 1],
      [null, 1, 1],
    ];
    const batch = compiled.gradeRows(rows);
    expect(batch.errors.get(5)).toEqual({ kind: 'not-a-number', input: 'recency', value: 'x' });
    expect(batch.errors.get(6)).toEqual({ kind: 'blank', input: 'recency' });
    expect([...batch.r.subarray(0, 5)]).toEqual([5, 4, 3, 2, 1]);
    expect(batch.scores[0]).toBe(555);
    expect(compiled.tiers[batch.tiers[0]!]!.id).toBe('champions');
    expect(compiled.tiers[batch.tiers[4]!]!.id).toBe('lost');
    expect(batch.cuts.r.population).toBe(5);
  });

  test('gradeRows with a header map and a last-purchase date input', () => {
    const table: GradingTable = {
      ...preset,
      inputs: preset.inputs.map((i) => (i.id === 'recency' ? { ...i, type: 'date' as const } : i)),
      method: {
        ...(preset.method as RfmMethodSpec),
        asOf: day('2024-12-31'),
        bins: { r: 2, f: 2, m: 2 },
        segments: [{ tier: 'champions', r: [2, 2] }],
        default: 'others',
      } as unknown as GradingTable['method'],
    };
    const compiled = compileRfmTable(table, table.method as RfmMethodSpec);
    const batch = compiled.gradeRows(
      [
        [100, '2024-12-30', 1],
        [50, '2024-01-01', 1],
      ],
      [1, 2, 0],
    );
    expect([...batch.recency]).toEqual([1, 365]);
    expect(batch.asOf).toBe(day('2024-12-31'));
    expect(batch.tiers[0]).toBe(0);
    expect(compiled.tiers[batch.tiers[1]!]!.id).toBe('others');
  });

  test('gradeRow needs the population unless breakpoints are fixed', () => {
    const compiled = compileRfmTable(preset, preset.method as RfmMethodSpec);
    expect(compiled.gradeRow([1, 2, 3])).toEqual({ ok: false, error: { kind: 'needs-batch' } });
    const fixed: RfmMethodSpec = {
      ...(preset.method as RfmMethodSpec),
      binning: 'fixed',
      breakpoints: { r: [30, 90, 180, 365], f: [1, 2, 4, 8], m: [100, 250, 500, 1000] },
    };
    const single = compileRfmTable({ ...preset, method: fixed as GradingTable['method'] }, fixed);
    expect(single.gradeRow([10, 9, 2000])).toEqual({ ok: true, tier: 'champions', tierIndex: 0, score: 555 });
    const explained = single.explainRow([400, 1, 50]);
    expect(explained.ok && explained.explanation.text.en).toBe('R 400 → 1; F 1 → 1; M 50 → 1; RFM 111 → Lost');
    expect(explained.ok && explained.explanation.text.zh).toBe('R 400 → 1；F 1 → 1；M 50 → 1；RFM 111 → 已流失客户');
  });

  test('validation: bad bins, unordered breakpoints, ranges outside the bins, unknown tiers, unreachable tiers, missing inputs', () => {
    const method: RfmMethodSpec = {
      kind: 'rfm',
      bins: { r: 11 },
      binning: 'fixed',
      breakpoints: { r: [3, 2], f: [1, 2, 3, 4], m: [1] },
      caps: { m: { percentile: 1.5 } },
      segments: [
        { tier: 'a', r: [1, 6] },
        { tier: 'zzz', f: [1, 5] },
      ],
      default: 'nope',
    };
    const tiers = [
      { id: 'a', label: { en: 'A' }, fill: '#000000', font: '#FFFFFF' },
      { id: 'b', label: { en: 'B' }, fill: '#000000', font: '#FFFFFF' },
    ];
    const problems = validateRfmMethod(method, tiers, 'method', [{ id: 'recency', type: 'text', label: { en: 'R' } }]);
    expect(problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'bad-bins method.bins.r',
      'bad-share method.caps.m.percentile',
      'bad-range method.breakpoints.r[1]',
      'bad-bins method.breakpoints.r',
      'bad-segment method.segments[0].r',
      'unknown-tier method.segments[1].tier',
      'unknown-tier method.default',
      'tier-unreachable tiers[1]',
      'wrong-input-type inputs[0].type',
      'unknown-input inputs',
      'unknown-input inputs',
    ]);
  });
});
