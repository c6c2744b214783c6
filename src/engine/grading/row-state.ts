import type { GradeError } from '../errors';
import type { Cell } from '../values/cell';

/** Rows are graded in blocks of this many: big enough for tight loops, small enough to stay in cache. */
export const BLOCK_SIZE = 2048;

/**
 * The scratch space a grader reuses for every block of rows, column by
 * column: decoded inputs per slot (numbers, booleans as 0/1, dates as serial
 * days, categories as value index), blank flags, texts, and each row's
 * outcome. Reusing it means a million rows allocate nothing per row.
 */
export class BlockState {
  /** Rows in the current block. */
  size = 0;
  readonly values: Float64Array[];
  readonly blank: Uint8Array[];
  readonly texts: Array<Array<string | undefined>>;
  /** The cells as given, kept only while explaining (a block of one row). */
  readonly raw: Cell[];
  readonly score: Float64Array;
  readonly tier: Int32Array;
  /** 1 once the row has an error; later steps skip it. */
  readonly failed: Uint8Array;
  readonly errors: Array<GradeError | undefined>;

  constructor(slots: number, capacity = BLOCK_SIZE) {
    this.values = Array.from({ length: slots }, () => new Float64Array(capacity));
    this.blank = Array.from({ length: slots }, () => new Uint8Array(capacity));
    this.texts = Array.from({ length: slots }, () => new Array<string | undefined>(capacity).fill(undefined));
    this.raw = new Array<Cell>(slots).fill(undefined);
    this.score = new Float64Array(capacity);
    this.tier = new Int32Array(capacity);
    this.failed = new Uint8Array(capacity);
    this.errors = new Array<GradeError | undefined>(capacity).fill(undefined);
  }

  begin(size: number): void {
    this.size = size;
    this.failed.fill(0, 0, size);
    this.score.fill(NaN, 0, size);
    this.tier.fill(-1, 0, size);
  }

  /** Records why row r cannot be graded; later steps skip it. */
  fail(r: number, error: GradeError): void {
    this.failed[r] = 1;
    this.errors[r] = error;
    this.tier[r] = -1;
  }
}
