/**
 * A cell as hosts hand it to the engine: Excel custom functions and Office.js
 * give numbers, strings, booleans and empty values; ExcelJS adds Date objects
 * and `{ error: '#N/A' }`; CSV gives strings. Excel error values may also
 * arrive as their text ("#N/A").
 */
export type Cell = number | string | boolean | Date | null | undefined | CellErrorValue;

export interface CellErrorValue {
  error: string;
}

/** Excel's error values, as text. */
export const EXCEL_ERRORS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BUSY!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
] as const;
