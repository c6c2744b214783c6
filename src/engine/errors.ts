/**
 * Errors are values. A row that cannot be graded yields a GradeError (which
 * input, what value, why); a table that cannot be compiled yields
 * TableProblems (where, what). Only programmer mistakes throw.
 * Message texts live in src/i18n (see messages.ts), never here.
 */

export type GradeError =
  /** A required input's cell is empty. */
  | { kind: 'blank'; input: string }
  /** The cell holds an Excel error value such as #N/A. */
  | { kind: 'cell-error'; input: string; value: string }
  | { kind: 'not-a-number'; input: string; value: string }
  | { kind: 'not-a-boolean'; input: string; value: string }
  | { kind: 'not-a-date'; input: string; value: string; ambiguous?: boolean }
  | { kind: 'unknown-category'; input: string; value: string; allowed: string[] }
  /** A number that no band of the criterion or axis covers. */
  | { kind: 'out-of-range'; input: string; value: number }
  /** No rule matched and the table has no default tier: the row is ungraded. */
  | { kind: 'no-match' }
  /**
   * Quantile RFM scores need the whole population: grade the column, not one row.
   * `ranked`: the table ranks customers against each other (ABC shares, share-based tiers).
   */
  | { kind: 'needs-batch'; ranked?: true }
  /** A value an ABC table ranks is zero or negative: it has no share of the total. */
  | { kind: 'not-positive'; input: string; value: number }
  /** A recency read as days since the last purchase holds a date (`date`, ISO) instead. */
  | { kind: 'recency-is-date'; input: string; value: string; date: string }
  /** The text is longer than the engine accepts. */
  | { kind: 'too-long'; input: string; length: number };

export type GradeErrorKind = GradeError['kind'];

export type TableProblemCode =
  | 'not-an-object'
  | 'missing-field'
  | 'wrong-type'
  | 'unknown-field'
  | 'bad-format'
  | 'unsupported-version'
  | 'bad-id'
  | 'duplicate-id'
  | 'unknown-input'
  | 'unknown-tier'
  | 'unknown-table'
  | 'unknown-category-value'
  | 'wrong-input-type'
  | 'bad-range'
  | 'band-overlap'
  | 'band-gap'
  | 'category-uncovered'
  | 'category-overlap'
  | 'thresholds-order'
  | 'threshold-last-bounded'
  | 'threshold-tier-repeated'
  | 'tier-unreachable'
  | 'bad-colour'
  | 'bad-share'
  | 'shares-over-100'
  | 'bad-number'
  | 'number-too-large'
  | 'matrix-shape'
  | 'composition-cycle'
  | 'composition-too-deep'
  | 'too-many'
  | 'too-long'
  | 'too-deep'
  /** Stacked tables where not exactly one is the table graded (used by none of the others). */
  | 'bundle-roots'
  | 'empty'
  | 'bad-bins'
  | 'bad-segment'
  | 'sheet-syntax'
  /** ABC cuts: a share outside (0, 1), not rising, or the last one bounded / another unbounded. */
  | 'share-cut-range'
  | 'share-cuts-order'
  | 'share-cut-last'
  /** A decay with both or neither of halfLife and steps, a half-life not above 0, or steps not rising. */
  | 'decay-shape'
  /** A group cap on a group no criterion belongs to. */
  | 'unknown-group'
  /** An input taken from a table that ranks rows against each other (RFM, ABC, thresholds by share). */
  | 'ranked-source';

/**
 * A problem found when validating a table. `path` is a JSON path into the
 * table ("method.criteria[0].bands[2].match.range"); `cell` is filled in when
 * the table came from sheet form ("Rules!B12"). `detail` carries the values the
 * message needs.
 */
export interface TableProblem {
  code: TableProblemCode;
  path: string;
  cell?: string;
  detail?: Record<string, string | number>;
}

/** Thrown only for programmer mistakes (wrong API use), never for bad data. */
export class TierwiseUsageError extends Error {
  override name = 'TierwiseUsageError';
}

export function assertNever(value: never, what = 'value'): never {
  throw new TierwiseUsageError(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
