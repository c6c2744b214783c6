/**
 * What the per-method SQL writers (decoding, RFM, ABC) share with the
 * generator: its dialect, its steps, literals that read back exactly, and
 * error texts. The generator implements it; each writer is a function of it.
 */
import type { GradingTable } from '../model';
import type { SqlDialect } from './dialect';
import type { SqlProblem } from './types';

export interface SqlWriter {
  readonly dialect: SqlDialect;
  /** The id of the table being exported (named in problems). */
  readonly tableId: string;
  /** The helper column holding an input's raw source value. */
  rawColumn(input: string): string;
  /** Adds a step whose items are computed for every row of the previous step (and, with `join`, a side CTE's row). */
  step(items: Array<[string, string]>, join?: { name: string; columns: string[] }): void;
  /** Adds a side CTE computed once from the previous step (population statistics). */
  side(name: string, sql: (previous: string) => string): void;
  /** A text literal; stops the export when the dialect cannot write it. */
  lit(text: string): string;
  /** A double literal that reads back as exactly x. */
  num(x: number): string;
  /** A number to compare a double column with. */
  cmp(x: number): string;
  caseOf(subject: string, arms: Array<[string, string]>, otherwise: string | null): string;
  /** The error text of a GradeError kind (and input): 'not-a-number:monthly_sales'. */
  errorText(kind: string, input?: string): string;
}

/** A level being written: a table, or a table it takes results from. */
export interface LevelContext {
  /** Column prefix of this level. */
  p: string;
  table: GradingTable;
  /** Input id -> the column holding its decoded value (NULL when blank). */
  value: Map<string, string>;
  /** Error columns so far, in the engine's order. */
  errors: string[];
}

/** What a written level leaves for its user. */
export interface LevelResult {
  score: string;
  tier: string;
  error: string;
  hasScore: boolean;
}

/** Thrown inside the generator to stop at the first text that cannot be written; caught in exportSql. */
export class Stop {
  constructor(readonly problem: SqlProblem) {}
}

export function coalesce(parts: string[]): string {
  return parts.length === 1 ? parts[0]! : `COALESCE(${parts.join(', ')})`;
}
