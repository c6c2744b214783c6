/**
 * Tierwise's own cells as SpreadsheetML: text inline (the input's shared strings are left alone), formulas
 * with their cached results, errors as error cells.
 */
import type { PlanCell } from '../../../engine/plan';
import { columnLetters } from '../../../engine/sheet-form/text';
import type { Cell } from '../../../engine/values/cell';

/** Days from Excel's day 0 (1899-12-30) to 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

export function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, name: string) => {
    if (name === 'amp') return '&';
    if (name === 'lt') return '<';
    if (name === 'gt') return '>';
    if (name === 'quot') return '"';
    if (name === 'apos') return "'";
    return String.fromCodePoint(name.startsWith('#x') ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
  });
}

/** Characters XML 1.0 cannot hold at all (control characters other than tab, CR, LF). */
function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return escapeXml(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
}

/** "B7" for 0-based column 1, 1-based row 7. */
export function cellRef(column: number, row: number): string {
  return `${columnLetters(column)}${row}`;
}

/** One cell: `column` 0-based, `row` 1-based; `style` an index into cellXfs (0: none). Empty string for a blank. */
export function cellXml(column: number, row: number, value: PlanCell | Cell, style = 0): string {
  const r = `r="${cellRef(column, row)}"${style > 0 ? ` s="${style}"` : ''}`;
  if (value === null || value === undefined) return style > 0 ? `<c ${r}/>` : '';
  if (value instanceof Date) {
    const serial = value.getTime() / 86_400_000 + EXCEL_EPOCH_DAYS;
    return Number.isFinite(serial) ? `<c ${r}><v>${serial}</v></c>` : '';
  }
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? `<c ${r}><v>${value}</v></c>` : '';
    case 'boolean':
      return `<c ${r} t="b"><v>${value ? 1 : 0}</v></c>`;
    case 'string':
      return `<c ${r} t="inlineStr"><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
    default:
      break;
  }
  if ('error' in value) return `<c ${r} t="e"><v>${xmlText(value.error)}</v></c>`;
  const formula = `<f>${xmlText(value.formula.replace(/^=/, ''))}</f>`;
  const result = value.result;
  if (result === null || result === undefined) return `<c ${r}>${formula}</c>`;
  if (typeof result === 'number') return Number.isFinite(result) ? `<c ${r}>${formula}<v>${result}</v></c>` : '';
  if (typeof result === 'boolean') return `<c ${r} t="b">${formula}<v>${result ? 1 : 0}</v></c>`;
  return `<c ${r} t="str">${formula}<v>${xmlText(result)}</v></c>`;
}

/** A whole row of cells starting at 0-based column `left`, with one style per cell (or one for all). */
export function rowCellsXml(
  left: number,
  row: number,
  values: readonly (PlanCell | Cell)[],
  style: number | readonly number[] = 0,
): string {
  let xml = '';
  for (let c = 0; c < values.length; c++) {
    xml += cellXml(left + c, row, values[c] ?? null, typeof style === 'number' ? style : (style[c] ?? 0));
  }
  return xml;
}

/** A whole sheet holding `rows` (each row's cells XML, 1-based row numbers in order). */
export function worksheetXml(rows: ReadonlyArray<{ row: number; cells: string }>, cols = ''): string {
  const body = rows
    .filter((r) => r.cells !== '')
    .map((r) => `<row r="${r.row}">${r.cells}</row>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `${cols}<sheetData>${body}</sheetData></worksheet>`
  );
}
