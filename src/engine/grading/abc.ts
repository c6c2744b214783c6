import type { GradeError } from '../errors';
import { formatNumber, formatPercent } from '../explain';
import type { ColumnMap, CompiledTable, Explained, GradeBatch, Graded } from '../grader';
import { localize, translate } from '../../i18n';
import type { AbcMethod, GradingTable, InputDef, Locale, Tier } from '../model';
import { contentKey } from '../table/canonical';
import type { Cell } from '../values/cell';
import { rankByShare, type AbcRanking } from './abc-kernel';
import { makeDecoder, type Decoder } from './decode';
import { BLOCK_SIZE, BlockState } from './row-state';

/** One row alone has no rank: grade the column (ADR 0016). */
export const NEEDS_RANKED_BATCH: GradeError = { kind: 'needs-batch', ranked: true };

/** A batch graded by an ABC table: the ranking behind each tier, and the one-line reason per row. */
export interface AbcBatch extends GradeBatch {
  /** The value ranked, per row; NaN where the row has an error. */
  readonly rankedValues: Float64Array;
  /** 1 + the number of customers with a larger value; 0 on errors. */
  readonly ranks: Int32Array;
  /** The share held by values at least as large as the row's (its tie group included). */
  readonly through: Float64Array;
  /** The sum of every graded value. */
  readonly total: number;
  /** Why row i got its tier, in both languages ("Sales 20,000: rank 3 of 100, share before 72.4% < 80% → A"). */
  explain(row: number): { en: string; zh: string } | undefined;
}

class AbcCompiledTable implements CompiledTable {
  readonly tiers: readonly Tier[];
  readonly columns: readonly InputDef[];
  readonly hasScore = true;
  readonly ranked = true;
  readonly key: string;
  private readonly at: number;
  private readonly input: InputDef;
  private readonly decode: Decoder;
  private readonly cuts: Float64Array;
  private readonly tierOfCut: Int32Array;
  private readonly state = new BlockState(1);

  constructor(
    readonly table: GradingTable,
    private readonly method: AbcMethod,
  ) {
    this.tiers = table.tiers;
    this.columns = table.inputs.filter((input) => !input.source);
    this.key = contentKey(table);
    this.at = this.columns.findIndex((c) => c.id === method.input);
    this.input = this.columns[this.at]!;
    // Blanks are always reported: a customer with no value is missing, not C.
    this.decode = makeDecoder({ ...this.input, required: true }, 0);
    this.cuts = Float64Array.from(method.cuts.slice(0, -1), (c) => c.upTo!);
    this.tierOfCut = Int32Array.from(method.cuts, (c) => this.tiers.findIndex((t) => t.id === c.tier));
  }

  gradeRows(rows: ArrayLike<ArrayLike<Cell>>, map?: ColumnMap): AbcBatch {
    const column = this.columnOf(map);
    return this.grade(rows.length, (start, size) => {
      if (column < 0) return this.readBlank(size);
      const state = this.state;
      state.begin(size);
      for (let r = 0; r < size; r++) this.decode(rows[start + r]![column], state, r);
      return state;
    });
  }

  gradeColumns(columns: ArrayLike<ArrayLike<Cell>>, map?: ColumnMap): AbcBatch {
    const column = this.columnOf(map);
    const cells = column >= 0 ? columns[column] : undefined;
    const count = cells?.length ?? Math.max(0, ...Array.from(columns, (c) => c.length));
    return this.grade(count, (start, size) => {
      if (!cells) return this.readBlank(size);
      const state = this.state;
      state.begin(size);
      if (cells instanceof Float64Array) {
        state.values[0]!.set(cells.subarray(start, start + size));
        for (let r = 0; r < size; r++) {
          const v = state.values[0]![r]!;
          if (v - v !== 0) this.decode(v, state, r);
        }
      } else {
        for (let r = 0; r < size; r++) this.decode(cells[start + r], state, r);
      }
      return state;
    });
  }

  /** A single row has no rank: its own errors first, otherwise needs-batch. */
  gradeRow(row: ArrayLike<Cell>, map?: ColumnMap): Graded {
    const column = this.columnOf(map);
    const state = this.state;
    state.begin(1);
    this.decode(column >= 0 ? row[column] : undefined, state, 0);
    if (state.failed[0] === 1) return { ok: false, error: state.errors[0]! };
    const v = state.values[0]![0]!;
    if (!(v > 0)) return { ok: false, error: { kind: 'not-positive', input: this.input.id, value: v } };
    return { ok: false, error: NEEDS_RANKED_BATCH };
  }

  explainRow(row: ArrayLike<Cell>, map?: ColumnMap): Explained {
    return this.gradeRow(row, map) as Explained;
  }

  private columnOf(map: ColumnMap | undefined): number {
    return map === undefined ? this.at : (map[this.at] ?? -1);
  }

  /** The ranked input has no column: every row is blank. */
  private readBlank(size: number): BlockState {
    const state = this.state;
    state.begin(size);
    for (let r = 0; r < size; r++) this.decode(undefined, state, r);
    return state;
  }

  /** Decodes in blocks (every value error reported), then ranks the positive values as one population. */
  private grade(count: number, readBlock: (start: number, size: number) => BlockState): AbcBatch {
    const values = new Float64Array(count);
    const errors = new Map<number, GradeError>();
    const id = this.input.id;
    for (let start = 0; start < count; start += BLOCK_SIZE) {
      const size = Math.min(BLOCK_SIZE, count - start);
      const state = readBlock(start, size);
      const decoded = state.values[0]!;
      for (let r = 0; r < size; r++) {
        const v = decoded[r]!;
        if (state.failed[r] === 1) {
          errors.set(start + r, state.errors[r]!);
          values[start + r] = NaN;
        } else if (!(v > 0)) {
          errors.set(start + r, { kind: 'not-positive', input: id, value: v });
          values[start + r] = NaN;
        } else {
          values[start + r] = v;
        }
      }
    }
    const ranking = rankByShare(values, this.cuts, 'value');
    const tiers = ranking.tiers;
    const tierOfCut = this.tierOfCut;
    for (let i = 0; i < count; i++) if (tiers[i]! >= 0) tiers[i] = tierOfCut[tiers[i]!]!;
    return {
      count,
      scores: ranking.before,
      tiers,
      errors,
      rankedValues: values,
      ranks: ranking.ranks,
      through: ranking.through,
      total: ranking.total,
      explain: (row) => {
        if (!(row >= 0 && row < count) || tiers[row]! < 0) return undefined;
        return { en: this.sentence(ranking, values, row, 'en-US'), zh: this.sentence(ranking, values, row, 'zh-CN') };
      },
    };
  }

  private sentence(ranking: AbcRanking, values: Float64Array, row: number, locale: Locale): string {
    const tierIndex = ranking.tiers[row]!;
    const cut = this.method.cuts.findIndex((c) => this.tiers[tierIndex]?.id === c.tier);
    const before = ranking.before[row]!;
    // The reason is the tier's own cut (share before < cut), or the cut before it that was reached.
    const own = this.method.cuts[cut]?.upTo;
    const previous = this.method.cuts[cut - 1]?.upTo;
    const [op, bound] = own !== undefined ? ['<', own] : ['≥', previous ?? 0];
    return translate(locale, 'explain.abc', {
      input: localize(this.input.label, locale) || this.input.id,
      value: formatNumber(values[row]!),
      rank: formatNumber(ranking.ranks[row]!),
      count: formatNumber(ranking.count),
      before: formatPercent(before),
      op,
      cut: formatPercent(bound),
      tier: localize(this.tiers[tierIndex]?.label, locale) || (this.tiers[tierIndex]?.id ?? ''),
      through: formatPercent(ranking.through[row]!),
    });
  }
}

/** Compiles a validated ABC table: gradeRows / gradeColumns rank the rows they are given as one population. */
export function compileAbcTable(table: GradingTable, method: AbcMethod): AbcCompiledTable {
  return new AbcCompiledTable(table, method);
}

export type { AbcCompiledTable };
