/**
 * CSV injection (OWASP): a graded CSV is opened in Excel, where a cell whose
 * text starts with =, +, -, @, a tab or a carriage return may run as a
 * formula (=HYPERLINK(...), =cmd|' /C calc'!A0). Such text is written with a
 * leading apostrophe, so Excel shows it as text. Text that is a plain number
 * (-5, +3.2, -1e3, -12%) stays as it is: Excel reads it as the number it is.
 */
import type { CsvValue } from './csv';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/** Whether Excel could read this text as the start of a formula. */
export function startsFormula(text: string): boolean {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text);
}

/** One cell as written safely: risky text gets a leading apostrophe; numbers and other text unchanged. */
export function neutraliseCell(value: CsvValue): CsvValue {
  return typeof value === 'string' && startsFormula(value) ? `'${value}` : value;
}

/** A row with its risky cells neutralised; the same array when there are none (the common case). */
export function neutraliseRow(cells: readonly CsvValue[]): readonly CsvValue[] {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === 'string' && startsFormula(cell)) return cells.map(neutraliseCell);
  }
  return cells;
}
