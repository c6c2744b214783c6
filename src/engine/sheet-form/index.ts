/**
 * The sheet form of a grading table: a block of cells a person reads and edits
 * in Excel, and what =TIER_SCORE receives as its table argument.
 */
export { printSheetTable } from './print';
export { parseSheetTable, type SheetOrigin, type SheetParseResult } from './parse';
export { parseSheetTables, type SheetBundleResult, type SheetTable } from './bundle';
export { sheetTableVersion } from './layout';
export { readStoredTables, type StoredBlock, type StoredTableEntry, type BrokenTableEntry } from './stored';
