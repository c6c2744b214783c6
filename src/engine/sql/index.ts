/** Grading tables as SQL: one SELECT per table that adds score, tier and an error text to every row. */
export {
  exportSql,
  sqlColumnInputs,
  SQL_NUMBER_PATTERN,
  type SqlExport,
  type SqlExportOptions,
  type SqlProblem,
  type SqlUnsupportedFeature,
} from './generate';
export { sqlDialect, SQL_DIALECTS, SQL_SPACES, type SqlDialect, type SqlDialectName } from './dialect';
