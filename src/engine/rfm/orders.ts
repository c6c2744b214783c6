import type { GradeError } from '../errors';
import { cellErrorCode, displayCell, isAmbiguousDate, isBlank, parseDate, parseNumber } from '../values/coerce';
import type { Cell } from '../values/cell';
import type { OrderColumns } from './aggregate';
import type { OrderRowError } from './types';

export interface OrderReadOptions {
  /** How errors name the three inputs (e.g. the column headers); default customer, date, amount. */
  names?: { customer?: string; date?: string; amount?: string };
  /** Errors kept with details; all are counted. Default 1000. */
  maxErrors?: number;
  /** Orders expected (an estimate): room for them is made at once instead of by doubling. */
  expectedOrders?: number;
}

export interface OrdersRead {
  orders: OrderColumns;
  /** The first `maxErrors` bad rows, with their row numbers as given to `add`. */
  errors: OrderRowError[];
  /** All bad rows. */
  errorCount: number;
}

/**
 * Collects raw order rows (customer, date, amount cells) into columns,
 * interning customer ids as it goes. A row with a blank customer, or a date
 * or amount that cannot be read, is counted and reported with its row number,
 * never silently dropped. Rows may be fed one at a time (a streaming reader)
 * or as a 2-D array.
 */
export class OrderCollector {
  private customer: Int32Array;
  private date: Float64Array;
  private amount: Float64Array;
  private count = 0;
  private readonly ids: Array<string | number> = [];
  private readonly index = new Map<string, number>();
  /** Ids [0, indexedUpTo) are in `index`; later ones came from `newCustomerIndex` and wait for the next lookup. */
  private indexedUpTo = 0;
  private readonly errors: OrderRowError[] = [];
  /** Order dates repeat (a few thousand days): each spelling is parsed once. */
  private readonly days = new Map<string, number>();
  private errorCount = 0;
  private readonly names: { customer: string; date: string; amount: string };
  private readonly maxErrors: number;

  constructor(options: OrderReadOptions = {}) {
    this.names = {
      customer: options.names?.customer ?? 'customer',
      date: options.names?.date ?? 'date',
      amount: options.names?.amount ?? 'amount',
    };
    this.maxErrors = options.maxErrors ?? 1000;
    const room = Math.max(1024, Math.ceil(options.expectedOrders ?? 0));
    this.customer = new Int32Array(room);
    this.date = new Float64Array(room);
    this.amount = new Float64Array(room);
  }

  /** Adds one order; `row` is how the error report numbers it (a line or sheet row). */
  add(customer: Cell, date: Cell, amount: Cell, row: number): boolean {
    const day = typeof date === 'string' ? this.dayOf(date) : parseDate(date);
    const value = parseNumber(amount);
    const error =
      customerError(customer, this.names.customer) ??
      (day === day ? undefined : dateError(date, this.names.date)) ??
      (value === value ? undefined : amountError(amount, this.names.amount));
    if (error) {
      this.errorCount++;
      if (this.errors.length < this.maxErrors) this.errors.push({ row, error });
      return false;
    }
    this.addOrder(this.intern(customer), day, value);
    return true;
  }

  /**
   * The dense index of a customer cell, interned on first sight; -1 for a blank
   * or error cell (which `add` reports). For a reader that checks the date and
   * amount itself and then calls `addOrder`; intern only once they are valid, so
   * that customers keep the order of their first valid order.
   */
  customerIndex(customer: Cell): number {
    return customerError(customer, this.names.customer) === undefined ? this.intern(customer) : -1;
  }

  /**
   * `customerIndex` for an id the caller knows it has not passed here before (a
   * reader that keeps its own table of ids): a plain id (not blank, no error,
   * nothing to trim) is looked up only among the ids interned by `add` and
   * `customerIndex`, else appended as it is, without growing the Map.
   */
  newCustomerIndex(customer: string): number {
    if (customer.trim() !== customer || customerError(customer, this.names.customer) !== undefined) {
      return this.customerIndex(customer);
    }
    if (this.index.size > 0) {
      const known = this.index.get(customer);
      if (known !== undefined) return known;
    }
    this.ids.push(customer);
    return this.ids.length - 1;
  }

  /** Adds a valid order: a customer from `customerIndex`, a day and an amount that are numbers. */
  addOrder(customer: number, day: number, value: number): void {
    if (this.count === this.customer.length) this.grow();
    const i = this.count++;
    this.customer[i] = customer;
    this.date[i] = day;
    this.amount[i] = value;
  }

  /**
   * Appends what another collector read from the next part of the same input,
   * as if this one had read it: its orders with their customers renumbered by
   * `customerOf` (its index -> this collector's), its bad rows with their row
   * numbers moved by `rowOffset`.
   */
  append(part: OrdersRead, customerOf: Int32Array, rowOffset: number): void {
    const { count, customer, date, amount } = part.orders;
    if (this.count + count > this.customer.length) this.grow(this.count + count);
    const at = this.count;
    for (let i = 0; i < count; i++) this.customer[at + i] = customerOf[customer[i]!]!;
    this.date.set(date.subarray(0, count), at);
    this.amount.set(amount.subarray(0, count), at);
    this.count += count;
    for (const { row, error } of part.errors) {
      if (this.errors.length >= this.maxErrors) break;
      this.errors.push({ row: row + rowOffset, error });
    }
    this.errorCount += part.errorCount;
  }

  private intern(customer: Cell): number {
    const key = typeof customer === 'string' ? customer.trim() : displayCell(customer);
    for (; this.indexedUpTo < this.ids.length; this.indexedUpTo++) {
      this.index.set(this.ids[this.indexedUpTo] as string, this.indexedUpTo);
    }
    let c = this.index.get(key);
    if (c === undefined) {
      c = this.ids.length;
      this.index.set(key, c);
      this.ids.push(key);
      this.indexedUpTo = this.ids.length;
    }
    return c;
  }

  /** Adds rows of a 2-D array; `columns` are the positions of the three cells; rows are numbered from `firstRow`. */
  addRows(
    rows: ArrayLike<ArrayLike<Cell>>,
    columns: { customer: number; date: number; amount: number },
    firstRow = 1,
  ): void {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      this.add(row[columns.customer], row[columns.date], row[columns.amount], firstRow + i);
    }
  }

  finish(): OrdersRead {
    return {
      orders: {
        count: this.count,
        customer: this.customer.subarray(0, this.count),
        date: this.date.subarray(0, this.count),
        amount: this.amount.subarray(0, this.count),
        ids: this.ids,
      },
      errors: this.errors,
      errorCount: this.errorCount,
    };
  }

  private dayOf(text: string): number {
    let day = this.days.get(text);
    if (day === undefined) {
      day = parseDate(text);
      if (this.days.size < 65536) this.days.set(text, day);
    }
    return day;
  }

  private grow(size = this.customer.length * 2): void {
    const customer = new Int32Array(size);
    customer.set(this.customer);
    const date = new Float64Array(size);
    date.set(this.date);
    const amount = new Float64Array(size);
    amount.set(this.amount);
    this.customer = customer;
    this.date = date;
    this.amount = amount;
  }
}

function customerError(cell: Cell, input: string): GradeError | undefined {
  if (isBlank(cell)) return { kind: 'blank', input };
  const code = cellErrorCode(cell);
  return code === undefined ? undefined : { kind: 'cell-error', input, value: code };
}

/** Why a cell is not a date (call only when parseDate gave NaN). */
export function dateError(cell: Cell, input: string): GradeError {
  if (isBlank(cell)) return { kind: 'blank', input };
  const code = cellErrorCode(cell);
  if (code !== undefined) return { kind: 'cell-error', input, value: code };
  return isAmbiguousDate(cell)
    ? { kind: 'not-a-date', input, value: displayCell(cell), ambiguous: true }
    : { kind: 'not-a-date', input, value: displayCell(cell) };
}

/** Why a cell is not a number (call only when parseNumber gave NaN). */
export function amountError(cell: Cell, input: string): GradeError {
  if (isBlank(cell)) return { kind: 'blank', input };
  const code = cellErrorCode(cell);
  return code === undefined
    ? { kind: 'not-a-number', input, value: displayCell(cell) }
    : { kind: 'cell-error', input, value: code };
}

/** Reads a 2-D array of order rows (no header) in one call. */
export function readOrders(
  rows: ArrayLike<ArrayLike<Cell>>,
  columns: { customer: number; date: number; amount: number },
  options: OrderReadOptions & { firstRow?: number } = {},
): OrdersRead {
  const collector = new OrderCollector(options);
  collector.addRows(rows, columns, options.firstRow ?? 1);
  return collector.finish();
}
