import type { OrderCollector } from '../../engine/rfm';
import { parseDate, parseNumber } from '../../engine/values/coerce';
import { ByteKeyTable, NumberedKeys, parsePlainDecimal } from '../csv/byte-fields';

/** Distinct date spellings remembered (as OrderCollector does for text dates). */
const MAX_DATE_SPELLINGS = 65536;

const ISO_FIRST_YEAR = 1900;
const ISO_YEARS = 300;
const ISO_SLOTS = ISO_YEARS * 12 * 31;
const UNKNOWN_DAY = -1;

/**
 * A slot for a YYYY-MM-DD spelling (ASCII digits, year 1900-2199, month
 * 01-12, day 01-31), one per spelling; -1 for any other text.
 */
function isoDateSlot(bytes: Uint8Array, at: number, end: number): number {
  if (end - at !== 10 || bytes[at + 4] !== 45 || bytes[at + 7] !== 45) return -1;
  const y0 = bytes[at]! - 48;
  const y1 = bytes[at + 1]! - 48;
  const y2 = bytes[at + 2]! - 48;
  const y3 = bytes[at + 3]! - 48;
  const m0 = bytes[at + 5]! - 48;
  const m1 = bytes[at + 6]! - 48;
  const d0 = bytes[at + 8]! - 48;
  const d1 = bytes[at + 9]! - 48;
  if (notDigit(y0) || notDigit(y1) || notDigit(y2) || notDigit(y3)) return -1;
  if (notDigit(m0) || notDigit(m1) || notDigit(d0) || notDigit(d1)) return -1;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3 - ISO_FIRST_YEAR;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < 0 || year >= ISO_YEARS || month < 1 || month > 12 || day < 1 || day > 31) return -1;
  return (year * 12 + month - 1) * 31 + day - 1;
}

/** Whether a byte minus '0' is not a digit's value. */
function notDigit(value: number): boolean {
  return value >>> 0 > 9;
}

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
  /** Days of YYYY-MM-DD spellings by isoDateSlot, each parsed once (UNKNOWN_DAY until then). */
  private readonly isoDays = new Float64Array(ISO_SLOTS).fill(UNKNOWN_DAY);

  constructor(private readonly collector: OrderCollector) {}

  /** Fields 0, 1, 2 of the row are customer, date and amount. */
  add(bytes: Buffer, starts: Int32Array, ends: Int32Array, line: number): void {
    const ds = starts[1]!;
    const de = ends[1]!;
    const iso = isoDateSlot(bytes, ds, de);
    const known = iso >= 0 ? -1 : this.days.get(bytes, ds, de);
    let day: number;
    if (iso >= 0) {
      day = this.isoDays[iso]!;
      if (day === UNKNOWN_DAY) this.isoDays[iso] = day = parseDate(bytes.toString('utf8', ds, de));
    } else if (known >= 0) {
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
      // Interned only now that the order is valid: customers keep the order of their first valid order.
      const customer = this.customerOf(bytes, cs, ce);
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

  /**
   * The collector's index of the customer spelled bytes[start..end), interned
   * when new; -1 for a blank or error id (the collector reports those).
   */
  customerOf(bytes: Buffer, start: number, end: number): number {
    const number = this.numbered.numberOf(bytes, start, end);
    if (number >= 0) {
      // A number stands for one spelling, always looked up here: no need of this.customers.
      let customer = this.numbered.get(number);
      if (customer < 0) {
        customer = this.collector.newCustomerIndex(bytes.toString('utf8', start, end));
        if (customer >= 0) this.numbered.set(number, customer);
      }
      return customer;
    }
    let customer = this.customers.get(bytes, start, end);
    if (customer < 0) {
      // Not in this.customers: new to the collector unless it came as text (the collector checks that).
      customer = this.collector.newCustomerIndex(bytes.toString('utf8', start, end));
      if (customer >= 0) this.customers.set(bytes, start, end, customer);
    }
    return customer;
  }
}
