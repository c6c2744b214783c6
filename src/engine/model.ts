/**
 * The grading-table model: the one shape that JSON files, the sheet form, the
 * presets, the add-in and the CLI all share. Plain data, no behaviour: a table
 * is compiled (see compile.ts) into a fast grader once, then applied to rows.
 */

/** Text in the two languages the product ships. `zh` falls back to `en` when absent. */
export interface LocalizedText {
  en: string;
  zh?: string;
}

export type Locale = 'en-US' | 'zh-CN';

export type InputType = 'number' | 'category' | 'boolean' | 'date' | 'text';

/** One allowed value of a category input, matched by id, labels or aliases. */
export interface CategoryValue {
  id: string;
  label?: LocalizedText;
  aliases?: string[];
}

/** Where a derived input's value comes from: another table's result for the same row. */
export interface InputSource {
  table: string;
  output: 'score' | 'tier';
}

export interface InputDef {
  /** snake_case; a column header equal to the id always maps to this input. */
  id: string;
  type: InputType;
  label: LocalizedText;
  /** Extra column headers (either language) that map to this input. */
  aliases?: string[];
  /** Allowed values, for category inputs. */
  values?: CategoryValue[];
  /**
   * When false, a blank cell is a legitimate "unknown": conditions on it are
   * false (except `blank`), scorecard criteria use their `blankPoints`.
   * When true (the default), a blank cell is a row error.
   */
  required?: boolean;
  /** A derived input: the score or tier of another table, not a column. */
  source?: InputSource;
  /**
   * A number input read from a date column: whole days from the date to the
   * table's `asOf` ("days since the last order"). Needs `asOf` (ADR 0017).
   */
  daysSince?: boolean;
  description?: LocalizedText;
}

/**
 * A numeric interval. Each side is absent (unbounded), inclusive (gte/lte) or
 * exclusive (gt/lt); at most one key per side. `{ gt: 5000, lte: 10000 }` is
 * the rulebook's "5,000-10,000 (含1万)".
 */
export interface NumericRange {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

/** What a band or axis cell matches: a numeric range, category ids, or a boolean. */
export type BandMatch = { range: NumericRange } | { values: string[] } | { is: boolean };

export interface ScoreBand {
  match: BandMatch;
  points: number;
}

export interface Criterion {
  id: string;
  input: string;
  label?: LocalizedText;
  /** Multiplies the band's points; default 1. */
  weight?: number;
  bands: ScoreBand[];
  /** Points when the (optional) input is blank; without it a blank is a row error. */
  blankPoints?: number;
  /** Points multiplied down by age (ADR 0017). */
  decay?: Decay;
  /** A capped group this criterion's points count towards (see ScorecardMethod.groupCaps). */
  group?: string;
}

/**
 * Points multiplied by a factor of an age in days (`age`, a number input,
 * usually a daysSince one): a half-life (0.5 ^ (age / halfLife)) or a step
 * table (the factor of the last step whose `fromDays` the age has reached;
 * 1 before the first step). Exactly one of `halfLife` and `steps`.
 */
export interface Decay {
  age: string;
  halfLife?: number;
  steps?: DecayStep[];
}

export interface DecayStep {
  fromDays: number;
  factor: number;
}

/** The most a group of criteria may add to the total, as in CRM scoring. */
export interface GroupCap {
  group: string;
  max: number;
}

/** "x 1.05 when ...": the total is multiplied by factor when the condition holds. */
export interface Multiplier {
  id: string;
  label?: LocalizedText;
  factor: number;
  when: ConditionNode;
}

/**
 * Score -> tier. Ordered from the highest tier down; the first threshold whose
 * bound the score meets wins; the last entry has no bound (everything else).
 */
export interface Threshold {
  tier: string;
  gte?: number;
  gt?: number;
  /**
   * Tiers by rank of the score instead of a fixed bound: the best `topShare`
   * of customers, cumulative (A 0.2 and B 0.5 is "top 20% A, next 30% B"),
   * by the rule of ADR 0016 (equal scores share a tier). A table's
   * thresholds are all fixed or all by share; by share, rows are graded
   * against each other (one batch, a single row gets needs-batch).
   */
  topShare?: number;
}

export interface ScorecardMethod {
  kind: 'scorecard';
  criteria: Criterion[];
  multipliers?: Multiplier[];
  thresholds: Threshold[];
  /** Decimal places the total is rounded to before thresholds (default: no rounding). */
  round?: number;
  /** Caps on the points of criterion groups, applied before multipliers. */
  groupCaps?: GroupCap[];
  /** The most the total may be, after multipliers. */
  maxTotal?: number;
}

export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

export type Condition =
  | { input: string; op: ComparisonOp; value: number | string | boolean }
  | { input: string; op: 'between'; range: NumericRange }
  | { input: string; op: 'in'; values: Array<string | number> }
  | { input: string; op: 'blank' | 'not_blank' }
  | { input: string; op: 'contains'; value: string };

/** A condition tree: leaves are conditions, inner nodes ALL / ANY / NOT. */
export type ConditionNode = Condition | { all: ConditionNode[] } | { any: ConditionNode[] } | { not: ConditionNode };

export interface Rule {
  tier: string;
  when: ConditionNode;
  label?: LocalizedText;
}

export interface RulesMethod {
  kind: 'rules';
  /** Evaluated in order; the first rule whose condition holds gives the tier. */
  rules: Rule[];
  /** Tier for rows no rule matches; absent means such rows are "ungraded" (a row error). */
  default?: string;
}

export interface AxisBand {
  id: string;
  label?: LocalizedText;
  match: BandMatch;
}

export interface MatrixAxis {
  input: string;
  bands: AxisBand[];
}

export interface MatrixMethod {
  kind: 'matrix';
  rows: MatrixAxis;
  columns: MatrixAxis;
  /** cells[r][c]: a tier id when output is 'tier', points when 'score'. */
  cells: Array<Array<string | number>>;
  output: 'tier' | 'score';
  /** Required when output is 'score': points -> tier. */
  thresholds?: Threshold[];
}

/**
 * RFM scoring (recency, frequency, monetary) and named segments; implemented
 * in engine/rfm, whose types.ts documents the binning modes precisely.
 */
export interface RfmMethod {
  kind: 'rfm';
  /** Scores per dimension, 2..10; default 5. */
  bins?: { r?: number; f?: number; m?: number };
  /** Default 'quantile'. */
  binning?: 'quantile' | 'rfm-package' | 'fixed';
  /** For binning 'fixed': ascending cut points per dimension (bins - 1 each). */
  breakpoints?: { r?: number[]; f?: number[]; m?: number[] };
  /** For binning 'fixed': which bin a value equal to a breakpoint falls in; default 'right' ((a, b]). */
  closed?: 'right' | 'left';
  /** Outlier caps: values above are left out when computing cut points, and still scored. */
  caps?: { r?: RfmCap; f?: RfmCap; m?: RfmCap };
  /** As-of date (Excel serial day) when recency is given as a last-purchase date. */
  asOf?: number;
  /** Ordered; the first segment whose ranges all hold wins. */
  segments: RfmSegment[];
  /** Tier for customers no segment matches ("Others"); absent: such rows are ungraded. */
  default?: string;
}

export type RfmCap = { percentile: number } | { value: number };

/** One segment rule: closed score ranges [low, high]; a missing range means any score. */
export interface RfmSegment {
  /** The tier id this segment maps to. */
  tier: string;
  r?: [number, number];
  f?: [number, number];
  m?: [number, number];
  /** Range on the FM score: the mean of F and M, rounded half up. */
  fm?: [number, number];
}

/**
 * ABC / Pareto analysis: customers ranked by one value, largest first, tiers
 * by the cumulative share of the value. A customer is in the first tier whose
 * `upTo` the running share *before* it has not yet reached, so the customer
 * that crosses 80% is still A; equal values share the tier of the first of
 * them (ADR 0016). Zero, negative and blank values are row errors.
 */
export interface AbcMethod {
  kind: 'abc';
  /** The number input ranked (revenue, profit, volume). */
  input: string;
  /** Best tier first; every cut but the last has `upTo`, increasing; the last takes the rest. */
  cuts: AbcCut[];
}

export interface AbcCut {
  tier: string;
  /** Cumulative share of the value, 0 < upTo < 1 (0.8 is "up to 80%"). */
  upTo?: number;
}

export type Method = ScorecardMethod | RulesMethod | MatrixMethod | RfmMethod | AbcMethod;
export type MethodKind = Method['kind'];

export interface Tier {
  id: string;
  label: LocalizedText;
  /** #RRGGBB */
  fill: string;
  /** #RRGGBB */
  font: string;
  strategy?: LocalizedText;
  /** Follow-up cadence, e.g. "daily / 日志". */
  cadence?: LocalizedText;
  /** Target share of customers in this tier, 0..1. */
  targetShare?: number;
  /** A score reported for rows graded into this tier by rules tables (e.g. pipeline level). */
  score?: number;
}

export const TABLE_FORMAT = 'tierwise/grading-table';
export const TABLE_FORMAT_VERSION = 1;

export interface GradingTable {
  format: typeof TABLE_FORMAT;
  version: number;
  id: string;
  name: LocalizedText;
  description?: LocalizedText;
  /** Grouping for preset pickers, e.g. "scorecard", "pipeline". */
  category?: string;
  inputs: InputDef[];
  method: Method;
  /** Ordered best first. */
  tiers: Tier[];
  /**
   * The as-of date (Excel serial day) that daysSince inputs count to. Never
   * implicit: a table with daysSince inputs must name it (the CLI's --as-of
   * sets it), so a grade does not change by itself overnight (ADR 0017).
   */
  asOf?: number;
}

/** Bounds that make tables from a stranger's workbook safe to compile. */
export const TABLE_LIMITS = {
  inputs: 64,
  tiers: 64,
  criteria: 64,
  bandsPerCriterion: 64,
  rules: 256,
  conditionNodes: 2048,
  conditionDepth: 16,
  categoryValues: 256,
  aliasesPerItem: 32,
  matrixSide: 64,
  textLength: 1000,
  idLength: 64,
  compositionDepth: 8,
  /** Largest points, weight or factor: 64 criteria of them stay exact doubles and fit every SQL numeric type. */
  magnitude: 1_000_000,
} as const;
