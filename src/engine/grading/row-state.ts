import type { GradeError } from '../errors';
import type { Cell } from '../values/cell';

/** Rows are graded in blocks of this many: big enough for tight loops, small enough to stay in cache. */
export const BLOCK_SIZE = 2048;

/**
 * The scratch space a grader reuses for every block of rows, column by
 * column: decoded inputs per slot (numbers, booleans as 0/1, dates as serial
 * days, categories as value index), blank flags, texts, and each row's
 * outcome. Reusing it means a million rows allocate nothing per row.
 *
 * A batch may point `score` and `tier` at the block's rows of its result
 * arrays (results are then written in place), and a slot's `values` at the
 * block's rows of a caller's column of doubles that needs no decoding
 * (read only; `begin` gives every slot its own array back).
 */
export class BlockState {
  /** Rows in the current block. */
  size = 0;
  /** Rows failed since `begin`; 0 means no row of the block has an error. */
  failures = 0;
  readonly values: Float64Array[];
  readonly blank: Uint8Array[];
  readonly texts: Array<Array<string | undefined>>;
  /** The cells as given, kept only while explaining (a block of one row). */
  readonly raw: Cell[];
  score: Float64Array;
  tier: Int32Array;
  /** 1 once the row has an error; later steps skip it. */
  readonly failed: Uint8Array;
  readonly errors: Array<GradeError | undefined>;
  /**
   * Slots read in place from a caller's column without a finiteness check in
   * this block (`borrow` with checked false): the method checks them itself
   * (`MethodEvaluator.checksFinite`).
   */
  readonly unchecked: number[] = [];
  /** Set by a method that found a non-finite value in an unchecked slot: the block is graded again, every value checked. */
  nonFinite = false;
  private readonly ownValues: Float64Array[];
  private readonly ownScore: Float64Array;
  private readonly ownTier: Int32Array;
  private borrowed = false;

  constructor(slots: number, capacity = BLOCK_SIZE) {
    this.ownValues = Array.from({ length: slots }, () => new Float64Array(capacity));
    this.values = this.ownValues.slice();
    this.blank = Array.from({ length: slots }, () => new Uint8Array(capacity));
    this.texts = Array.from({ length: slots }, () => new Array<string | undefined>(capacity).fill(undefined));
    this.raw = new Array<Cell>(slots).fill(undefined);
    this.ownScore = this.score = new Float64Array(capacity);
    this.ownTier = this.tier = new Int32Array(capacity);
    this.failed = new Uint8Array(capacity);
    this.errors = new Array<GradeError | undefined>(capacity).fill(undefined);
  }

  /**
   * Starts a block of `size` rows: no row failed, every slot reads its own
   * array again. Scores are set to NaN and tiers to -1 unless the method
   * writes every row's score and tier itself (`prefilled` false).
   */
  begin(size: number, prefilled = true): void {
    this.size = size;
    this.failures = 0;
    this.failed.fill(0, 0, size);
    this.unchecked.length = 0;
    this.nonFinite = false;
    if (this.borrowed) {
      for (let s = 0; s < this.values.length; s++) this.values[s] = this.ownValues[s]!;
      this.borrowed = false;
    }
    if (!prefilled) return;
    this.score.fill(NaN, 0, size);
    this.tier.fill(-1, 0, size);
  }

  /**
   * Reads slot `slot` of this block from `view` (the block's rows of a
   * caller's column) until the next `begin`; `checked` false when its values
   * are not known to be finite yet.
   */
  borrow(slot: number, view: Float64Array, checked = true): void {
    this.values[slot] = view;
    this.borrowed = true;
    if (!checked) this.unchecked.push(slot);
  }

  /** Writes results into `score` and `tier` (the block's rows of a batch's arrays) until `keep` is called. */
  writeInto(score: Float64Array, tier: Int32Array): void {
    this.score = score;
    this.tier = tier;
  }

  /** Results go to the state's own arrays again (single rows, explanations). */
  keep(): void {
    this.score = this.ownScore;
    this.tier = this.ownTier;
  }

  /** Records why row r cannot be graded; later steps skip it. */
  fail(r: number, error: GradeError): void {
    this.failed[r] = 1;
    this.errors[r] = error;
    this.tier[r] = -1;
    this.failures++;
  }
}
