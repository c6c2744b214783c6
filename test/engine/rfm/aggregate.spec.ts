import fc from 'fast-check';
import { checkProperty } from '../../support/property';
import { seededRandom } from '../../support/seeded-random';
import { aggregateOrders } from '../../../src/engine/rfm';

/**
 * aggregateOrders keeps each customer's running figures side by side in one
 * array. Every customer's recency, frequency, monetary, first and last order
 * and average order value must be what a plain reference computes order by
 * order: with bad rows (-1), orders after the as-of date, times of day, and
 * customers whose every order is too late (left out).
 */

interface Order {
  customer: number;
  date: number;
  amount: number;
}

const arbOrders = fc.array(
  fc.record({
    customer: fc.integer({ min: -1, max: 12 }),
    date: fc.oneof(fc.integer({ min: 45000, max: 45040 }), fc.double({ min: 45000, max: 45040, noNaN: true })),
    amount: fc.oneof(fc.integer({ min: -50, max: 500 }), fc.double({ min: -50, max: 500, noNaN: true })),
  }),
  { minLength: 0, maxLength: 300 },
);

function reference(orders: Order[], ids: string[], asOfGiven: number | undefined) {
  const valid = orders.filter((o) => o.customer >= 0);
  const asOf =
    asOfGiven !== undefined
      ? Math.floor(asOfGiven)
      : valid.length === 0
        ? NaN
        : Math.floor(Math.max(...valid.map((o) => o.date))) + 1;
  const rows = ids.flatMap((id, c) => {
    const mine = valid.filter((o) => o.customer === c && o.date < asOf + 1);
    if (mine.length === 0) return [];
    let monetary = 0;
    for (const o of mine) monetary += o.amount;
    const last = Math.floor(Math.max(...mine.map((o) => o.date)));
    return [
      {
        id,
        recency: asOf - last,
        frequency: mine.length,
        monetary,
        first: Math.floor(Math.min(...mine.map((o) => o.date))),
        last,
        aov: monetary / mine.length,
      },
    ];
  });
  const after = valid.filter((o) => !(o.date < asOf + 1)).length;
  return { rows, after, used: valid.length - after };
}

describe('aggregateOrders', () => {
  it('given random orders, then every customer row is what a plain order-by-order reference gives', () => {
    checkProperty(
      fc.property(arbOrders, fc.option(fc.integer({ min: 45000, max: 45040 })), (orders, asOf) => {
        const ids = Array.from({ length: 13 }, (_v, c) => `C${c}`);
        const got = aggregateOrders(
          {
            count: orders.length,
            customer: Int32Array.from(orders, (o) => o.customer),
            date: Float64Array.from(orders, (o) => o.date),
            amount: Float64Array.from(orders, (o) => o.amount),
            ids,
          },
          asOf === null ? {} : { asOf },
        );
        const want = reference(orders, ids, asOf ?? undefined);
        const c = got.customers;
        const rows = Array.from({ length: c.count }, (_v, i) => ({
          id: c.ids[i],
          recency: c.recency[i],
          frequency: c.frequency[i],
          monetary: c.monetary[i],
          first: c.firstOrder[i],
          last: c.lastOrder[i],
          aov: c.aov[i],
        }));
        expect(rows).toEqual(want.rows);
        expect([got.ordersAfterAsOf, got.ordersUsed]).toEqual([want.after, want.used]);
      }),
      { numRuns: 300 },
    );
  });

  it('given more customers than a cache holds (orders grouped by bucket first), then every customer row is the reference', () => {
    const random = seededRandom(14);
    const customers = 70_000;
    const count = 400_000;
    const orders: Order[] = Array.from({ length: count }, (_v, i) => ({
      customer: i % 97 === 0 ? -1 : Math.floor(random() * customers),
      date: 45000 + random() * 60,
      amount: (random() - 0.2) * 1000,
    }));
    const ids = Array.from({ length: customers }, (_v, c) => `C${c}`);
    for (const asOf of [undefined, 45040]) {
      const got = aggregateOrders(
        {
          count,
          customer: Int32Array.from(orders, (o) => o.customer),
          date: Float64Array.from(orders, (o) => o.date),
          amount: Float64Array.from(orders, (o) => o.amount),
          ids,
        },
        asOf === undefined ? {} : { asOf },
      );
      const want = linearReference(orders, ids, asOf);
      const c = got.customers;
      expect(c.asOf).toBe(want.asOf);
      expect(firstDifference(c.ids, want.ids)).toBeUndefined();
      expect(firstDifference(c.frequency, want.frequency)).toBeUndefined();
      expect(firstDifference(c.monetary, want.monetary)).toBeUndefined();
      expect(firstDifference(c.firstOrder, want.first)).toBeUndefined();
      expect(firstDifference(c.lastOrder, want.last)).toBeUndefined();
      expect(
        firstDifference(
          c.recency,
          want.last.map((day) => want.asOf - day),
        ),
      ).toBeUndefined();
      expect(
        firstDifference(
          c.aov,
          want.monetary.map((m, k) => m / want.frequency[k]!),
        ),
      ).toBeUndefined();
      expect([got.ordersAfterAsOf, got.ordersUsed]).toEqual([want.after, want.used]);
    }
  });
});

/** The first place where two lists differ (their lengths, or values by Object.is), or undefined. */
function firstDifference(got: ArrayLike<unknown>, want: ArrayLike<unknown>) {
  if (got.length !== want.length) return { length: got.length, want: want.length };
  for (let i = 0; i < got.length; i++) if (!Object.is(got[i], want[i])) return { at: i, got: got[i], want: want[i] };
  return undefined;
}

/** reference() in one pass over the orders (fast enough for many customers), totals added in order. */
function linearReference(orders: Order[], ids: string[], asOfGiven: number | undefined) {
  let latest = -Infinity;
  for (const o of orders) if (o.customer >= 0 && o.date > latest) latest = o.date;
  const asOf = asOfGiven === undefined ? Math.floor(latest) + 1 : Math.floor(asOfGiven);
  const n = ids.length;
  const frequency = new Array<number>(n).fill(0);
  const monetary = new Array<number>(n).fill(0);
  const first = new Array<number>(n).fill(Infinity);
  const last = new Array<number>(n).fill(-Infinity);
  let after = 0;
  let used = 0;
  for (const o of orders) {
    if (o.customer < 0) continue;
    if (!(o.date < asOf + 1)) {
      after++;
      continue;
    }
    used++;
    frequency[o.customer]! += 1;
    monetary[o.customer]! += o.amount;
    first[o.customer] = Math.min(first[o.customer]!, o.date);
    last[o.customer] = Math.max(last[o.customer]!, o.date);
  }
  const kept = ids.map((_id, c) => c).filter((c) => frequency[c]! > 0);
  return {
    asOf,
    ids: kept.map((c) => ids[c]),
    frequency: kept.map((c) => frequency[c]!),
    monetary: kept.map((c) => monetary[c]!),
    first: kept.map((c) => Math.floor(first[c]!)),
    last: kept.map((c) => Math.floor(last[c]!)),
    after,
    used,
  };
}
