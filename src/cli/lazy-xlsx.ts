/**
 * The .xlsx side of the CLI, loaded on first use: ExcelJS takes half a second
 * to load, which a CSV run does not need. `require`, not `import()`: the CLI
 * runs its TypeScript through tsx's CommonJS hook, which dynamic import() bypasses.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
export function xlsxRead(): typeof import('./xlsx/read') {
  return require('./xlsx/read') as typeof import('./xlsx/read');
}

export function xlsxGrade(): typeof import('./xlsx/grade-xlsx') {
  return require('./xlsx/grade-xlsx') as typeof import('./xlsx/grade-xlsx');
}

export function xlsxEmbeddedTables(): typeof import('./xlsx/embedded-tables') {
  return require('./xlsx/embedded-tables') as typeof import('./xlsx/embedded-tables');
}

export function excelJs(): typeof import('exceljs') {
  return require('exceljs') as typeof import('exceljs');
}

export function xlsxRfmWorkbook(): typeof import('./xlsx/rfm-workbook') {
  return require('./xlsx/rfm-workbook') as typeof import('./xlsx/rfm-workbook');
}
