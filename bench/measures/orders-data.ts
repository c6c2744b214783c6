/**
 * Generated orders, the distribution of ../shared/peers/pandas_rfm.py: N orders of
 * N/10 customers (ids U[0, N/10)), dates 2020-01-01 + U[0, 1000) days, amounts
 * gamma(2, 50) rounded to cents.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { isoDateToSerial, serialToIsoDate } from '../../src/engine/values/coerce';
import { seededRandom } from '../support';

/** Standard normal by the polar method. */
function normal(random: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    for (;;) {
      const u = 2 * random() - 1;
      const v = 2 * random() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const k = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * k;
        return u * k;
      }
    }
  };
}

/** Gamma(shape >= 1, scale) by Marsaglia and Tsang's method. */
export function gamma(shape: number, scale: number, random: () => number): () => number {
  const gauss = normal(random);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  return () => {
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = gauss();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = random();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  };
}

export function orders(n: number): { customer: Int32Array; date: Float64Array; amount: Float64Array } {
  const random = seededRandom(1);
  const amountOf = gamma(2, 50, random);
  const customers = Math.max(1, Math.floor(n / 10));
  const start = isoDateToSerial(2020, 1, 1);
  const customer = new Int32Array(n);
  const date = new Float64Array(n);
  const amount = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    customer[i] = Math.floor(random() * customers);
    date[i] = start + Math.floor(random() * 1000);
    amount[i] = Math.round(amountOf() * 100) / 100;
  }
  return { customer, date, amount };
}

/** Writes orders as `customer_id,order_date,revenue` rows (ids C123, ISO dates). */
export function writeOrdersCsv(file: string, data: ReturnType<typeof orders>): void {
  const fd = openSync(file, 'w');
  writeSync(fd, 'customer_id,order_date,revenue\n');
  const dates = new Map<number, string>();
  let chunk = '';
  for (let i = 0; i < data.customer.length; i++) {
    const d = data.date[i]!;
    let iso = dates.get(d);
    if (iso === undefined) dates.set(d, (iso = serialToIsoDate(d)));
    chunk += `C${data.customer[i]},${iso},${data.amount[i]}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = '';
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}
