import { rfmCode, type CustomerTable, type RfmAnalysis } from '../../engine/rfm';
import { serialToIsoDate } from '../../engine/values/coerce';
import { escapeCsvField, formatNumber, type CsvValue } from '../csv/writer';
import { neutraliseCell } from '../csv-neutralise';

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Amounts below this (in cents) have doubles finer than a cent: their shortest text is their cents. */
const EXACT_CENTS = 1e14;

/**
 * `formatNumber(round2(n))` without the double-to-text conversion: the cents
 * as an integer, written with at most two decimals. Below 1e12 the double
 * nearest c / 100 has no shorter text than c / 100 itself (any shorter decimal
 * is another whole number of cents, a cent away), so this is String's text.
 */
export function formatCents(n: number): string {
  const cents = Math.round(n * 100);
  if (!(Math.abs(cents) < EXACT_CENTS)) return formatNumber(cents / 100);
  if (cents === 0) return '0';
  const whole = Math.floor(Math.abs(cents) / 100);
  const rest = Math.abs(cents) - whole * 100;
  const sign = cents < 0 ? '-' : '';
  if (rest === 0) return sign + whole;
  if (rest % 10 === 0) return `${sign}${whole}.${rest / 10}`;
  return `${sign}${whole}.${rest < 10 ? '0' : ''}${rest}`;
}

/** The cells of customer i's output row, as the general CSV writer takes them. */
export function customerCells(
  customers: CustomerTable,
  analysis: RfmAnalysis,
  i: number,
  segmentName: (segment: number) => string,
): CsvValue[] {
  const { r, f, m } = analysis.scores;
  return [
    String(customers.ids[i]),
    customers.recency[i],
    customers.frequency[i],
    round2(customers.monetary[i]!),
    serialToIsoDate(customers.firstOrder[i]!),
    serialToIsoDate(customers.lastOrder[i]!),
    round2(customers.aov[i]!),
    r[i] || '',
    f[i] || '',
    m[i] || '',
    rfmCode(r[i]!, f[i]!, m[i]!),
    segmentName(analysis.segments[i]!),
  ];
}

/** Days before the as-of date kept by position (the others in a Map). */
const LISTED_DAYS = 1 << 16;

/**
 * Customer i's output record, the text `formatCsvRow` gives for `customerCells`
 * (with the formula guard unless raw), built without an array per customer: a
 * few segments, scores and a few thousand days among many customers, so each
 * of those cells is escaped once and remembered; ids and numbers per customer.
 */
export class CustomerRecords {
  private readonly days = new Map<number, string>();
  private readonly dayCells = new Array<string | undefined>(LISTED_DAYS);
  private readonly segmentCells = new Map<number, string>();
  /** Score cells by score (0..10), codes by (r * 11 + f) * 11 + m. */
  private readonly scoreCells: string[] = [];
  private readonly codeCells: string[] = [];

  constructor(
    private readonly customers: CustomerTable,
    private readonly analysis: RfmAnalysis,
    private readonly segmentName: (segment: number) => string,
    private readonly delimiter: string,
    private readonly neutralise: boolean,
  ) {}

  record(i: number): string {
    const { customers, delimiter: d } = this;
    const { r, f, m } = this.analysis.scores;
    const ri = r[i]!;
    const fi = f[i]!;
    const mi = m[i]!;
    return (
      this.cell(String(customers.ids[i])) +
      d +
      formatNumber(customers.recency[i]!) +
      d +
      formatNumber(customers.frequency[i]!) +
      d +
      formatCents(customers.monetary[i]!) +
      d +
      this.day(customers.firstOrder[i]!) +
      d +
      this.day(customers.lastOrder[i]!) +
      d +
      formatCents(customers.aov[i]!) +
      d +
      this.score(ri) +
      d +
      this.score(fi) +
      d +
      this.score(mi) +
      d +
      this.code(ri, fi, mi) +
      d +
      this.segment(this.analysis.segments[i]!)
    );
  }

  private cell(value: CsvValue): string {
    return escapeCsvField(this.neutralise ? neutraliseCell(value) : value, this.delimiter);
  }

  private day(serial: number): string {
    // The days of the last 180 years before the as-of date by position (no hashing of a double per customer).
    const back = this.customers.asOf - serial;
    if (back >= 0 && back < LISTED_DAYS && Number.isInteger(back)) {
      return (this.dayCells[back] ??= this.cell(serialToIsoDate(serial)));
    }
    let text = this.days.get(serial);
    if (text === undefined) this.days.set(serial, (text = this.cell(serialToIsoDate(serial))));
    return text;
  }

  private segment(s: number): string {
    let text = this.segmentCells.get(s);
    if (text === undefined) this.segmentCells.set(s, (text = this.cell(this.segmentName(s))));
    return text;
  }

  private score(score: number): string {
    return (this.scoreCells[score] ??= this.cell(score || ''));
  }

  private code(r: number, f: number, m: number): string {
    return (this.codeCells[(r * 11 + f) * 11 + m] ??= this.cell(rfmCode(r, f, m)));
  }
}
