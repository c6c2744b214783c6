import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rfmFromOrders, RFM_PRESETS, type OrdersGrid } from '../../../src/engine/rfm';
import { parseDate } from '../../../src/engine/values/coerce';

const table = RFM_PRESETS.find((p) => p.id === 'rfm')!;

function grid(rows: unknown[][], headers = ['客户', '日期', '金额']): OrdersGrid {
  return { sheet: 'Orders', top: 0, left: 1, headers, rows: rows as OrdersGrid['rows'] };
}

describe('rfmFromOrders', () => {
  test('given a non-date, a text amount and an empty customer, then each is reported with sheet, cell, value and reason', () => {
    const result = rfmFromOrders(
      grid([
        ['a', 45000, 10],
        ['b', 'next week', 10],
        ['c', 45001, 'ten'],
        ['', 45002, 5],
        ['d', 45003, 7],
      ]),
      { columns: { customer: 0, date: 1, amount: 2 }, asOf: 45010, table },
    );
    expect(result).toEqual({
      ok: false,
      problemCount: 3,
      problems: [
        {
          sheet: 'Orders',
          address: 'C3',
          column: '日期',
          error: { kind: 'not-a-date', input: '日期', value: 'next week' },
        },
        {
          sheet: 'Orders',
          address: 'D4',
          column: '金额',
          error: { kind: 'not-a-number', input: '金额', value: 'ten' },
        },
        { sheet: 'Orders', address: 'B5', column: '客户', error: { kind: 'blank', input: '客户' } },
      ],
    });
  });

  test('given the R package orders, then one row per customer with the figures summed from the lines', () => {
    const lines = readFileSync(join(__dirname, '../../../data/rfm-orders.csv'), 'utf8')
      .split(/\r?\n/)
      .filter(Boolean)
      .map((l) => l.split(','));
    const [headers, ...rows] = lines;
    const asOf = parseDate('2006-12-31');
    const result = rfmFromOrders(
      { sheet: 'Orders', top: 0, left: 0, headers: headers!, rows },
      { columns: { customer: 0, date: 1, amount: 2 }, asOf, table },
    );
    if (!result.ok) throw new Error('expected ok');
    expect(result.cells[0]).toEqual([
      'customer_id',
      'recency_days',
      'frequency',
      'monetary',
      'first_order',
      'last_order',
      'aov',
    ]);
    const expected = new Map<string, { dates: number[]; amounts: number[] }>();
    for (const [customer, date, amount] of rows) {
      const e = expected.get(customer!) ?? { dates: [], amounts: [] };
      e.dates.push(parseDate(date!));
      e.amounts.push(Number(amount));
      expected.set(customer!, e);
    }
    expect(result.cells.length - 1).toBe(expected.size);
    for (const row of result.cells.slice(1)) {
      const e = expected.get(row[0] as string)!;
      const sum = e.amounts.reduce((a, b) => a + b, 0);
      const last = Math.max(...e.dates);
      expect(row.slice(1)).toEqual([
        asOf - last,
        e.amounts.length,
        sum,
        Math.min(...e.dates),
        last,
        sum / e.amounts.length,
      ]);
    }
    expect(result.report.total).toMatchObject({ customers: 995, orders: 4906 });
  });
});
