/** A1 addresses of rectangles, both ways. */
import { cellAddress, columnLetters } from '../engine/sheet-form/text';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** "A1:C3", or "Data!A1:C3" / "'My data'!A1:C3" with a sheet; one cell gives "A1". */
export function rectAddress(rect: Rect, sheet?: string): string {
  const first = cellAddress(rect.row, rect.column, sheet);
  if (rect.rows === 1 && rect.columns === 1) return first;
  return `${first}:${columnLetters(rect.column + rect.columns - 1)}${rect.row + rect.rows}`;
}

/**
 * A defined name's formula for `rect`: "=Data!$F$1:$F$11". A name with relative references points
 * relative to the cell that uses it (Microsoft KB Q49276), not at fixed cells.
 */
export function absoluteReference(rect: Rect, sheet: string): string {
  const cell = (row: number, column: number) => `$${columnLetters(column)}$${row + 1}`;
  const last = cell(rect.row + rect.rows - 1, rect.column + rect.columns - 1);
  return `=${quoteSheet(sheet)}!${cell(rect.row, rect.column)}${rect.rows * rect.columns > 1 ? `:${last}` : ''}`;
}

/** A name's formula with a plain address made absolute (journals of older versions kept it relative). */
export function absoluteNameFormula(formula: string): string {
  const parsed = parseAddress(formula.replace(/^=/, ''));
  return parsed?.sheet !== undefined && formula.startsWith('=')
    ? absoluteReference(parsed.rect, parsed.sheet)
    : formula;
}

/** A sheet name as it appears before "!" in a formula. */
export function quoteSheet(sheet: string): string {
  return cellAddress(0, 0, sheet).replace(/!A1$/, '');
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Parses "Sheet!A1:B2", "'My sheet'!$A$1", "C:D" or "3:5" into a sheet name
 * (if given) and a rectangle; undefined when it is not an address.
 */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | undefined {
  const match = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?(.+)$/.exec(address.trim());
  if (!match) return undefined;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  const parts = match[3]!.replace(/\$/g, '').split(':');
  if (parts.length > 2) return undefined;
  const ends = parts.map((part) => {
    const cell = /^([A-Za-z]{1,3})?(\d+)?$/.exec(part);
    if (!cell || (cell[1] === undefined && cell[2] === undefined)) return undefined;
    return {
      column: cell[1] === undefined ? undefined : columnIndex(cell[1]),
      row: cell[2] === undefined ? undefined : Number(cell[2]) - 1,
    };
  });
  const a = ends[0];
  const b = ends[1] ?? a;
  if (!a || !b) return undefined;
  const row = a.row ?? 0;
  const column = a.column ?? 0;
  const lastRow = b.row ?? (a.row === undefined ? MAX_ROWS - 1 : row);
  const lastColumn = b.column ?? (a.column === undefined ? MAX_COLUMNS - 1 : column);
  if (lastRow < row || lastColumn < column || lastRow >= MAX_ROWS || lastColumn >= MAX_COLUMNS) return undefined;
  return {
    ...(sheet !== undefined ? { sheet } : {}),
    rect: { row, column, rows: lastRow - row + 1, columns: lastColumn - column + 1 },
  };
}
