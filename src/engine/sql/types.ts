/** The SQL export's options and results (public through ./index). */
import type { TableResolver } from '../compile';
import type { TableProblem } from '../errors';
import type { PopulationSqlFeature } from './abc';
import type { SqlDialectName } from './dialect';

export interface SqlExportOptions {
  dialect: SqlDialectName;
  /** A table name or a query, used verbatim as the FROM of the first step. */
  source: string;
  /** Input id -> source column; null means the input has no column (every row reads it as blank). Default: the input id. */
  columns?: Readonly<Record<string, string | null>>;
  /** Finds the tables this one takes results from (presets, workbook tables). */
  resolve?: TableResolver;
  /** Names of the added columns; default score, tier, grade_error. */
  names?: { score?: string; tier?: string; error?: string };
}

/** Why a table cannot be exported to this dialect with the engine's exact meaning. */
export type SqlProblem =
  | { kind: 'invalid-table'; problems: TableProblem[] }
  /** The table uses something the export cannot express exactly (in any dialect, or in this one). */
  | { kind: 'unsupported'; feature: SqlUnsupportedFeature; table: string; input?: string }
  /** A column name the dialect cannot quote (NUL, empty, longer than PostgreSQL's 63 bytes). */
  | { kind: 'bad-identifier'; name: string }
  /** A text of the table (alias, tier id) that cannot be a literal (NUL). */
  | { kind: 'bad-literal'; table: string; text: string }
  /** --columns names an input the table does not read. */
  | { kind: 'unknown-input'; input: string; inputs: string[] };

export type SqlUnsupportedFeature =
  'rfm-source' | 'rfm-breakpoints' | 'text-input' | 'date-input' | 'score-from-unscored' | PopulationSqlFeature;

export type SqlExport =
  | { ok: true; sql: string; columns: Array<{ input: string; column: string | null }> }
  | { ok: false; problems: SqlProblem[] };
