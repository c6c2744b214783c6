/**
 * Whether a file name is an .xlsx workbook, or an .xlsm (read the same; its macros are not carried), by
 * extension. Apart from src/cli/xlsx, so a CSV run never loads ExcelJS.
 */
export function isXlsxPath(path: string): boolean {
  return /\.xls[xm]$/i.test(path);
}
