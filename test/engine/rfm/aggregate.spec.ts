import fc from 'fast-check';
import { checkProperty } from '../../support/property';
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
});
