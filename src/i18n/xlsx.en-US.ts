/** English texts of grading .xlsx files. Every key here must exist in xlsx.zh-CN.ts. */
export const xlsxEnUS = {
  'xlsx.no-sheet': "{file} has no sheet '{sheet}'; its sheets are: {sheets}",
  'xlsx.empty': '{file}: the sheet is empty (no header row)',
  'xlsx.unreadable': '{file}: not a readable .xlsx file ({reason})',
  'xlsx.wrote': 'Wrote {rows} row(s) to {file} (sheets: {sheets})',
} as const;

export type XlsxMessageKey = keyof typeof xlsxEnUS;
