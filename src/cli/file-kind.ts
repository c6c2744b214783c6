/** Whether a file name is an .xlsx workbook (by extension). Apart from src/cli/xlsx, so a CSV run never loads ExcelJS. */
export function isXlsxPath(path: string): boolean {
  return /\.xlsx$/i.test(path);
}
