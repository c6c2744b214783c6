/** Grading tables as SQL: one SELECT per table that adds score, tier and an error text to every row. */
export { exportSql, sqlColumnInputs } from './generate';
export { SQL_NUMBER_PATTERN } from './decode';
export type { SqlExport, SqlExportOptions, SqlProblem, SqlUnsupportedFeature } from './types';
export { sqlDialect, SQL_DIALECTS, SQL_SPACES, type SqlDialect, type SqlDialectName } from './dialect';
