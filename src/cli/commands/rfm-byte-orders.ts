import type { OrderCollector } from '../../engine/rfm';
import { parseDate, parseNumber } from '../../engine/values/coerce';
import { ByteKeyTable, NumberedKeys, parsePlainDecimal } from '../csv/byte-fields';

/** Distinct date spellings remembered (as OrderCollector does for text dates). */
const MAX_DATE_SPELLINGS = 65536;

/**
 * Orders from plain CSV rows given as byte ranges (csv/byte-columns.ts), into
 * an OrderCollector: a string is made only for a customer id, a date spelling
 * or an amount seen for the first time or not plain. A row whose date or
 * amount is not readable, or whose customer is blank or an error, goes to
 * `OrderCollector.add` as text, so what is accepted, refused and reported is
 * exactly what the text path gives.
 */
export class ByteOrderReader {
  private readonly customers = new ByteKeyTable();
  /** Ids such as C62707 by their number (most ids of a file share one prefix). */
  private readonly numbered = new NumberedKeys();
  /** Date spelling -> index into dayValues. */
  private readonly days = new ByteKeyTable();
  private readonly dayValues: number[] = [];

  constructor(private readonly collector: OrderCollector) {}

  /** Fields 0, 1, 2 of the row are customer, date and amount. */
  add(bytes: Buffer, starts: Int32Array, ends: Int32Array, line: number): void {
    const ds = starts[1]!;
    const de = ends[1]!;
    const known = this.days.get(bytes, ds, de);
    let day: number;
    if (known >= 0) {
      day = this.dayValues[known]!;
    } else {
      day = parseDate(bytes.toString('utf8', ds, de));
      if (this.days.count < MAX_DATE_SPELLINGS) {
        this.days.set(bytes, ds, de, this.dayValues.length);
        this.dayValues.push(day);
      }
    }
    const as = starts[2]!;
    const ae = ends[2]!;
    let value = parsePlainDecimal(bytes, as, ae);
    if (value !== value) value = parseNumber(bytes.toString('utf8', as, ae));
    const cs = starts[0]!;
    const ce = ends[0]!;
    if (day === day && value === value) {
      const number = this.numbered.numberOf(bytes, cs, ce);
      let customer = number >= 0 ? this.numbered.get(number) : -1;
      if (customer < 0) {
        customer = this.customers.get(bytes, cs, ce);
        if (customer < 0) {
          // Interned only now that the order is valid: customers keep the order of their first valid order.
          customer = this.collector.customerIndex(bytes.toString('utf8', cs, ce));
          if (customer >= 0) this.customers.set(bytes, cs, ce, customer);
        }
        if (customer >= 0 && number >= 0) this.numbered.set(number, customer);
      }
      if (customer >= 0) {
        this.collector.addOrder(customer, day, value);
        return;
      }
    }
    this.collector.add(
      bytes.toString('utf8', cs, ce),
      bytes.toString('utf8', ds, de),
      bytes.toString('utf8', as, ae),
      line,
    );
  }
}
