import type { ExplanationStep, ColumnMap, CompiledTable, Explained, GradeBatch, GradeOptions, Graded } from '../grader';
import { TierwiseUsageError, type GradeError } from '../errors';
import type { GradingTable, InputDef, Threshold, Tier } from '../model';
import type { Cell } from '../values/cell';
import { NEEDS_RANKED_BATCH } from './abc';
import { readDoubles, uncheckedFinite, readNumberCells, type NumberCells } from './block-read';
import { makeDecoder, type Decoder } from './decode';
import type { MethodEvaluator } from './method';
import { BLOCK_SIZE, BlockState } from './row-state';
import { shareThresholdsOf, tierByShare } from './share-tiers';
import { makeDaysSinceDecoder } from '../time/days-since';

/** Whether a batch is given as rows of cells (as Excel passes ranges) or as columns of cells. */
type Layout = 'rows' | 'columns';

/** How a derived input is filled: another compiled table graded on the same row. */
export interface DerivedSlot {
  slot: number;
  input: InputDef;
  source: CompiledGradingTable;
  /** For each of the source's columns, its index in this table's columns. */
  columnIndex: Int32Array;
}

/** A column map resolved for this table and, recursively, for the tables it draws on. */
interface Binding {
  map: Int32Array;
  /** The number inputs that have a column, read from rows of cells in one pass per row. */
  numberCells: NumberCells;
  sources: Binding[];
}

/** Writes the one-line text of an explanation in both languages. */
export type ExplanationWriter = (steps: ExplanationStep[], table: CompiledGradingTable) => { en: string; zh: string };

/**
 * The grader behind every CompiledTable: decode a row's cells into slots,
 * fill derived inputs from source tables, then run the method.
 */
export class CompiledGradingTable implements CompiledTable {
  readonly tiers: readonly Tier[];
  readonly hasScore: boolean;
  private readonly decoders: Decoder[];
  private readonly decodedSlots: Int32Array;
  /** 1 where the decoded input is a number input. */
  private readonly numeric: Uint8Array;
  /** 1 where the method checks the decoded input's values for finiteness itself (`checksFinite`). */
  private readonly methodChecks: Uint8Array;
  private readonly state: BlockState;
  private readonly identity: Int32Array;
  private readonly bindings = new WeakMap<object, Binding>();

  constructor(
    readonly table: GradingTable,
    readonly key: string,
    readonly columns: readonly InputDef[],
    private readonly method: MethodEvaluator,
    readonly derived: readonly DerivedSlot[],
    private readonly writeExplanation: ExplanationWriter,
  ) {
    this.tiers = table.tiers;
    this.hasScore = method.hasScore;
    this.byShare = shareThresholdsOf(table.method);
    this.ranked = this.byShare !== undefined;
    // Own column inputs come first in `columns`, in the table's order; their slot is their index in table.inputs.
    const own = table.inputs.map((input, slot) => ({ input, slot })).filter((x) => !x.input.source);
    this.decoders = own.map((x) =>
      x.input.daysSince ? makeDaysSinceDecoder(x.input, x.slot, table.asOf!) : makeDecoder(x.input, x.slot),
    );
    this.decodedSlots = Int32Array.from(own, (x) => x.slot);
    // A daysSince column holds dates (numbers there are date serials), never the fast number path.
    this.numeric = Uint8Array.from(own, (x) => (x.input.type === 'number' && !x.input.daysSince ? 1 : 0));
    const checks = new Set(method.checksFinite ?? []);
    this.methodChecks = Uint8Array.from(own, (x) => (checks.has(x.slot) ? 1 : 0));
    this.state = new BlockState(table.inputs.length);
    this.identity = Int32Array.from(columns, (_c, i) => i);
  }

  /** Thresholds by share of customers: tiers come from the rank of the score over the batch. */
  private readonly byShare: readonly Threshold[] | undefined;
  readonly ranked: boolean;

  gradeRows(rows: ArrayLike<ArrayLike<Cell>>, map?: ColumnMap, options?: GradeOptions): GradeBatch {
    return this.gradeBatch(rows, 'rows', rows.length, map, options?.into);
  }

  gradeColumns(columns: ArrayLike<ArrayLike<Cell>>, map?: ColumnMap, options?: GradeOptions): GradeBatch {
    const binding = this.bind(map);
    const lengths = new Set(Array.from(binding.map, (c) => (c >= 0 ? columns[c]?.length : undefined)));
    lengths.delete(undefined);
    if (lengths.size > 1)
      throw new TierwiseUsageError(`gradeColumns: columns of different lengths (${[...lengths].join(', ')})`);
    return this.gradeBatch(columns, 'columns', [...lengths][0] ?? 0, map, options?.into);
  }

  private gradeBatch(
    data: ArrayLike<ArrayLike<Cell>>,
    layout: Layout,
    count: number,
    map: ColumnMap | undefined,
    into: GradeBatch | undefined,
  ): GradeBatch {
    const { scores, tiers } = this.byShare ? freshResults(count) : resultsInto(into, count, data, layout);
    const errors = new Map<number, GradeError>();
    const binding = this.bind(map);
    const state = this.state;
    try {
      for (let start = 0; start < count; start += BLOCK_SIZE) {
        const size = Math.min(BLOCK_SIZE, count - start);
        // Results go straight into the batch's arrays, no copy out of the block.
        state.writeInto(scores.subarray(start, start + size), tiers.subarray(start, start + size));
        this.evaluate(data, layout, start, size, binding, state, undefined);
        if (state.failures === 0) continue;
        const failed = state.failed;
        for (let r = 0; r < size; r++) if (failed[r] === 1) errors.set(start + r, state.errors[r]!);
      }
    } finally {
      state.keep();
    }
    const batch = { count, scores, tiers, errors };
    if (!this.byShare) return batch;
    return tierByShare(batch, this.byShare, this.tiers, (row) => {
      const steps: ExplanationStep[] = [];
      this.evaluate(data, layout, row, 1, binding, state, steps);
      return this.writeExplanation(
        steps.filter((s) => s.kind !== 'total' && s.kind !== 'threshold'),
        this,
      );
    });
  }

  gradeRow(row: ArrayLike<Cell>, map?: ColumnMap): Graded {
    const state = this.state;
    this.evaluate([row], 'rows', 0, 1, this.bind(map), state, undefined);
    return this.single(state);
  }

  explainRow(row: ArrayLike<Cell>, map?: ColumnMap): Explained {
    const steps: ExplanationStep[] = [];
    const state = this.state;
    this.evaluate([row], 'rows', 0, 1, this.bind(map), state, steps);
    const graded = this.single(state);
    return graded.ok ? { ...graded, explanation: { steps, text: this.writeExplanation(steps, this) } } : graded;
  }

  private single(state: BlockState): Graded {
    if (state.failed[0] === 1) return { ok: false, error: state.errors[0]! };
    if (this.byShare) return { ok: false, error: NEEDS_RANKED_BATCH };
    const tier = state.tier[0]!;
    const score = state.score[0]!;
    return { ok: true, tier: this.tiers[tier]!.id, tierIndex: tier, score: Number.isNaN(score) ? null : score };
  }

  /**
   * Grades rows start .. start+size of `data` (rows of cells, or columns of
   * cells) into `state`: decode column by column,
   * fill derived inputs from source tables, then run the method. With a trace
   * (a block of one row) the steps of the explanation are recorded. Columns
   * of doubles the method checks itself are read unchecked, unless
   * `checkAll` (the block graded again after a non-finite value was found).
   */
  private evaluate(
    data: ArrayLike<ArrayLike<Cell>>,
    layout: Layout,
    start: number,
    size: number,
    binding: Binding,
    state: BlockState,
    trace: ExplanationStep[] | undefined,
    checkAll = false,
  ): void {
    state.begin(size, !this.method.writesEveryRow);
    const { map } = binding;
    const failed = state.failed;
    // Rows of cells: every number input read in one pass per row; what is left (if any) is decoded below.
    const numbersRead =
      layout === 'rows' && !trace && binding.numberCells.slots.length > 0
        ? readNumberCells(data, start, size, state, binding.numberCells)
        : 0;
    for (let k = 0; k < this.decoders.length; k++) {
      const decode = this.decoders[k]!;
      const slot = this.decodedSlots[k]!;
      const column = map[k] ?? -1;
      const values = state.values[slot]!;
      const blank = state.blank[slot]!;
      const fast = this.numeric[k] === 1;
      const columnCells = column >= 0 && layout === 'columns' ? data[column] : undefined;
      if (fast && columnCells instanceof Float64Array && !trace) {
        readDoubles(columnCells, start, size, state, slot, decode, checkAll || this.methodChecks[k] === 0);
        continue;
      }
      if (fast && column >= 0 && layout === 'rows' && !trace) {
        // Rows before numbersRead are in place already (blank flags cleared); read or decode the others.
        for (let r = numbersRead; r < size; r++) {
          if (failed[r] === 1) continue;
          const cell = data[start + r]![column];
          if (typeof cell === 'number' && cell - cell === 0) values[r] = cell;
          else decode(cell, state, r);
        }
        continue;
      }
      if (trace) state.raw[slot] = column < 0 ? undefined : columnCells ? columnCells[start] : data[start]![column];
      for (let r = 0; r < size; r++) {
        if (failed[r] === 1) continue;
        const cell = column < 0 ? undefined : columnCells ? columnCells[start + r] : data[start + r]![column];
        // Finite numbers in number inputs are the common case; take them without a call.
        if (fast && typeof cell === 'number' && cell - cell === 0) {
          values[r] = cell;
          blank[r] = 0;
        } else {
          decode(cell, state, r);
        }
      }
    }
    for (let d = 0; d < this.derived.length; d++) {
      const { slot, input, source } = this.derived[d]!;
      const steps: ExplanationStep[] | undefined = trace ? [] : undefined;
      const inner = source.state;
      source.evaluate(data, layout, start, size, binding.sources[d]!, inner, steps);
      const byScore = input.source!.output === 'score';
      for (let r = 0; r < size; r++) {
        if (failed[r] === 1) continue;
        if (inner.failed[r] === 1) {
          state.fail(r, inner.errors[r]!);
          continue;
        }
        state.values[slot]![r] = byScore ? inner.score[r]! : inner.tier[r]!;
        state.blank[slot]![r] = 0;
      }
      if (trace && inner.failed[0] === 0) {
        const value = byScore ? inner.score[0]! : source.tiers[inner.tier[0]!]!.id;
        trace.push({
          kind: 'source',
          input: input.id,
          table: source.table.id,
          output: input.source!.output,
          value,
          steps: steps!,
        });
      }
    }
    // The method checks unchecked slots only where no row failed; elsewhere they are checked here.
    if (state.unchecked.length > 0 && state.failures > 0 && !uncheckedFinite(state)) state.nonFinite = true;
    else this.method.evaluate(state, trace);
    // A non-finite value in a column read unchecked: grade the block again, decoding it (rare).
    if (state.nonFinite) this.evaluate(data, layout, start, size, binding, state, trace, true);
  }

  /** Resolves a column map once per map object; a map changed in place is noticed and resolved again. */
  private bind(map: ColumnMap | undefined): Binding {
    if (map === undefined) map = this.identity;
    const key = map as object;
    const known = this.bindings.get(key);
    if (known && sameMap(known.map, map)) return known;
    const binding = this.resolve(Int32Array.from(map));
    this.bindings.set(key, binding);
    return binding;
  }

  private resolve(map: Int32Array): Binding {
    const numbers = Array.from(this.decodedSlots, (slot, k) => ({ slot, column: map[k] ?? -1 })).filter(
      (x, k) => this.numeric[k] === 1 && x.column >= 0,
    );
    return {
      map,
      numberCells: {
        columns: Int32Array.from(numbers, (x) => x.column),
        slots: Int32Array.from(numbers, (x) => x.slot),
      },
      sources: this.derived.map((d) =>
        d.source.resolve(Int32Array.from(d.columnIndex, (i) => (i >= 0 ? (map[i] ?? -1) : -1))),
      ),
    };
  }
}

function freshResults(count: number): { scores: Float64Array; tiers: Int32Array } {
  return { scores: new Float64Array(count), tiers: new Int32Array(count) };
}

/** The first `count` rows of an earlier batch's result arrays when they are long enough, else fresh arrays. */
function resultsInto(
  into: GradeBatch | undefined,
  count: number,
  data: ArrayLike<ArrayLike<Cell>>,
  layout: Layout,
): { scores: Float64Array; tiers: Int32Array } {
  if (!into || into.scores.length < count || into.tiers.length < count) return freshResults(count);
  // Results written over a column being read would change rows not yet graded.
  if (layout === 'columns')
    for (let c = 0; c < data.length; c++) {
      const column = data[c];
      if (ArrayBuffer.isView(column) && (column.buffer === into.scores.buffer || column.buffer === into.tiers.buffer))
        throw new TierwiseUsageError('gradeColumns: `into` shares memory with input column ' + c);
    }
  return { scores: into.scores.subarray(0, count), tiers: into.tiers.subarray(0, count) };
}

function sameMap(a: Int32Array, b: ColumnMap): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
