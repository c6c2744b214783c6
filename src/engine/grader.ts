import type { GradeError } from './errors';
import type { GradingTable, InputDef, LocalizedText, Tier } from './model';
import type { Cell } from './values/cell';

/**
 * Where each column input sits in a row: `map[i]` is the row index of
 * `compiled.columns[i]`, or -1 when the input has no column (then every row
 * reads it as blank). Without a map, column input i is row index i.
 */
export type ColumnMap = ArrayLike<number>;

/** One row's result. */
export type Graded =
  { ok: true; tier: string; tierIndex: number; score: number | null } | { ok: false; error: GradeError };

/** Many rows' results, columnar so that a million rows allocate three arrays. */
export interface GradeBatch {
  readonly count: number;
  /** NaN where the row has no score (rules tables without tier scores, errors). */
  readonly scores: Float64Array;
  /** Index into `compiled.tiers`; -1 where the row has an error. */
  readonly tiers: Int32Array;
  /** Row index -> why it could not be graded. */
  readonly errors: ReadonlyMap<number, GradeError>;
  /**
   * Why row i got its tier, for tables that rank rows against each other
   * (their rows cannot be explained alone by explainRow).
   */
  explain?(row: number): { en: string; zh: string } | undefined;
  /** The value a ranked table (ABC) ranks, per row (NaN on errors); summaries sum it per tier. */
  readonly rankedValues?: Float64Array;
}

/** A value as the explanation shows it: the cell as given, and what it was read as. */
export interface ExplainedValue {
  input: string;
  raw: string;
  value: number | string | boolean | null;
}

export type ExplanationStep =
  | {
      kind: 'criterion';
      criterion: string;
      input: ExplainedValue;
      band: number;
      points: number;
      weight: number;
      /** Points multiplied down by age: the factor and the age it came from. */
      decay?: { factor: number; age: ExplainedValue };
    }
  /** A cap that cut points: a criterion group's (`group`) or the total's. */
  | { kind: 'cap'; group?: string; max: number; before: number }
  | { kind: 'multiplier'; id: string; factor: number; applied: boolean }
  | { kind: 'total'; score: number }
  | { kind: 'threshold'; tier: string; bound: string }
  | { kind: 'rule'; index: number; tier: string; matched: boolean; conditions: ConditionTrace[] }
  | { kind: 'default'; tier: string }
  | {
      kind: 'matrix';
      row: ExplainedValue;
      rowBand: string;
      column: ExplainedValue;
      columnBand: string;
      cell: string | number;
    }
  /** A derived input: another table's result for this row, with that table's own steps. */
  | {
      kind: 'source';
      input: string;
      table: string;
      output: 'score' | 'tier';
      value: number | string;
      steps: ExplanationStep[];
    };

/** A leaf condition and whether it held. */
export interface ConditionTrace {
  input: ExplainedValue;
  condition: string;
  held: boolean;
}

export interface Explanation {
  steps: ExplanationStep[];
  /** One line per language, e.g. "月均销售额 20,000 → 70; 回款天数 35 → 20; 合计 90 ≥ 80 → A". */
  text: Required<LocalizedText>;
}

export type Explained =
  | { ok: true; tier: string; tierIndex: number; score: number | null; explanation: Explanation }
  | { ok: false; error: GradeError };

/** Options of `gradeRows` and `gradeColumns`. */
export interface GradeOptions {
  /**
   * A batch an earlier call returned, whose `scores` and `tiers` arrays this
   * call writes its results into instead of allocating new ones (as numpy's
   * `out=`): for callers that grade many chunks one after the other and are
   * done with each chunk's results before the next. That earlier batch's
   * results are overwritten. Used when its arrays hold at least as many rows
   * as this call (the results are then their first `count` rows); otherwise,
   * and for ranked tables (ABC, tiers by share), fresh arrays are allocated.
   * Every row of the returned batch is written by this call; `errors` is
   * always a new map. Its arrays must not share memory with the data being
   * graded (gradeColumns refuses a column that does).
   */
  into?: GradeBatch;
}

/** A table validated once and turned into a fast grader. */
export interface CompiledTable {
  readonly table: GradingTable;
  /**
   * The inputs read from columns, in order: the table's own inputs and those
   * of tables it takes results from, without derived inputs.
   */
  readonly columns: readonly InputDef[];
  readonly tiers: readonly Tier[];
  /** Whether rows get a numeric score (scorecards, score matrices, tier scores). */
  readonly hasScore: boolean;
  /** A content hash of the table, for caches. */
  readonly key: string;
  /**
   * True when rows are graded against each other (ABC shares, tiers by share):
   * one gradeRows call must get every row, and gradeRow gives needs-batch.
   */
  readonly ranked?: boolean;
  gradeRows(rows: ArrayLike<ArrayLike<Cell>>, map?: ColumnMap, options?: GradeOptions): GradeBatch;
  /** The same for data held column by column: `columns[c][r]` (CSV readers, typed arrays, SQL results). */
  gradeColumns(columns: ArrayLike<ArrayLike<Cell>>, map?: ColumnMap, options?: GradeOptions): GradeBatch;
  gradeRow(row: ArrayLike<Cell>, map?: ColumnMap): Graded;
  explainRow(row: ArrayLike<Cell>, map?: ColumnMap): Explained;
}
