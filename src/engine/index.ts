/** The engine's public API: pure TypeScript, no host. */
export * from './model';
export * from './errors';
export type * from './grader';
export type { Cell, CellErrorValue } from './values/cell';
export { compileTable, validateTable, type CompileOptions, type CompileResult, type TableResolver } from './compile';
export { inputHeaders, mapColumns, type ColumnMapping, type ColumnMatch } from './columns';
export { summarize, mergeSummaries, type GradeSummary, type TierSummary } from './summary';
export { formatGradeError, formatProblem } from './messages';
export { formatNumber } from './explain';
export { formatRange } from './table/ranges';
export { contentKey, canonicalJson } from './table/canonical';
