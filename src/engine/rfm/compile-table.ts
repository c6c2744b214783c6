import type { GradeError, TableProblem } from '../errors';
import type { ColumnMap, CompiledTable, Explained, ExplanationStep, GradeBatch, Graded } from '../grader';
import type { GradingTable, InputDef, RfmMethod, Tier } from '../model';
import { contentKey } from '../table/canonical';
import type { Cell } from '../values/cell';
import { displayCell, parseDate, parseNumber } from '../values/coerce';
import { amountError, dateError } from './orders';
import { rfmCode } from './analyze';
import { RFM_INPUT_IDS } from './presets';
import { recencyDateError } from './recency';
import { binsOf, computeCuts, scoreColumn, scoreValue, MAX_BINS, MIN_BINS } from './score';
import { assignSegments, segmentOf } from './segments';
import type { DimensionCuts, RfmDimension, RfmMethodSpec, RfmScores, ScoreRange } from './types';

/**
 * Proposed GradeError kind (not yet in errors.ts): the table cuts scores by
 * quantiles of the whole population, so one row alone cannot be graded.
 */
export const NEEDS_BATCH: GradeError = { kind: 'needs-batch' };

/** A batch graded by an RFM table, with everything the analyst sees. */
export interface RfmBatch extends GradeBatch {
  /** Per row, 0 where the row has an error. */
  r: Uint8Array;
  f: Uint8Array;
  m: Uint8Array;
  recency: Float64Array;
  cuts: { r: DimensionCuts; f: DimensionCuts; m: DimensionCuts };
  /** The as-of date used when recency was a last-purchase date. */
  asOf?: number;
}

const DIMENSIONS: readonly RfmDimension[] = ['r', 'f', 'm'];

/** The RFM score of a row as a number: R*100 + F*10 + M (as R rfm's rfm_score), R*10000 + F*100 + M with 10 bins. */
function numericCode(r: number, f: number, m: number, wide: boolean): number {
  return wide ? r * 10000 + f * 100 + m : r * 100 + f * 10 + m;
}

class RfmCompiledTable implements CompiledTable {
  readonly tiers: readonly Tier[];
  readonly columns: readonly InputDef[];
  readonly hasScore = true;
  /** Quantile cuts (or recency dates without an as-of date) come from the whole batch: grade it in one call. */
  readonly ranked: boolean;
  readonly key: string;
  /** Per column: whether it is read as a date (else a number). */
  private readonly dates: boolean[];
  /** The last decoded row, by column, and why it failed. */
  private readonly values: Float64Array;
  private error: GradeError | undefined;
  /** Position in `columns` of recency, frequency, monetary. */
  private readonly at: [number, number, number];
  private readonly recencyIsDate: boolean;
  private readonly segmentTier: Int32Array;
  private readonly defaultTier: number;
  private readonly wide: boolean;

  constructor(
    readonly table: GradingTable,
    private readonly method: RfmMethodSpec,
  ) {
    this.tiers = table.tiers;
    this.columns = table.inputs.filter((input) => !input.source);
    this.key = contentKey(table);
    this.dates = this.columns.map((input) => input.type === 'date');
    this.values = new Float64Array(this.columns.length);
    const position = (id: string): number => this.columns.findIndex((c) => c.id === id);
    this.at = [position(RFM_INPUT_IDS.recency), position(RFM_INPUT_IDS.frequency), position(RFM_INPUT_IDS.monetary)];
    this.recencyIsDate = this.columns[this.at[0]]?.type === 'date';
    const tierIndex = (id: string | undefined): number =>
      id === undefined ? -1 : this.tiers.findIndex((t) => t.id === id);
    this.segmentTier = Int32Array.from(method.segments, (s) => tierIndex(s.tier));
    this.defaultTier = tierIndex(method.default);
    this.wide = DIMENSIONS.some((d) => binsOf(method, d) > 9);
    this.ranked = method.binning !== 'fixed' || (this.recencyIsDate && method.asOf === undefined);
  }

  /** Column-held data, graded as rows (RFM tables are customer-level and small next to orders). */
  gradeColumns(columns: ArrayLike<ArrayLike<Cell>>, map?: ColumnMap): RfmBatch {
    const width = columns.length;
    const count = Math.max(0, ...Array.from(columns, (c) => c.length));
    const rows = Array.from({ length: count }, (_, r) => Array.from({ length: width }, (_c, c) => columns[c]![r]));
    return this.gradeRows(rows, map);
  }

  /** Grades the rows as one population: cut points come from the rows that could be read. */
  gradeRows(rows: ArrayLike<ArrayLike<Cell>>, map?: ColumnMap): RfmBatch {
    const count = rows.length;
    const values = [new Float64Array(count), new Float64Array(count), new Float64Array(count)] as const;
    const errors = new Map<number, GradeError>();
    for (let i = 0; i < count; i++) {
      if (!this.decode(rows[i]!, map)) {
        errors.set(i, this.error!);
        for (const column of values) column[i] = NaN;
        continue;
      }
      for (let d = 0; d < 3; d++) values[d]![i] = this.values[this.at[d]!]!;
    }
    const recency = values[0];
    let asOf: number | undefined;
    if (this.recencyIsDate) {
      asOf = this.asOfFor(recency, count);
      for (let i = 0; i < count; i++) recency[i] = asOf - recency[i]!;
    }
    const cuts = {
      r: computeCuts(recency, count, 'r', this.method),
      f: computeCuts(values[1], count, 'f', this.method),
      m: computeCuts(values[2], count, 'm', this.method),
    };
    const scores: RfmScores = {
      count,
      r: scoreColumn(recency, count, cuts.r),
      f: scoreColumn(values[1], count, cuts.f),
      m: scoreColumn(values[2], count, cuts.m),
      cuts,
    };
    const segments = assignSegments(scores, this.method.segments);
    const tiers = new Int32Array(count);
    const codes = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      if (errors.has(i)) {
        tiers[i] = -1;
        codes[i] = NaN;
        continue;
      }
      const tier = segments[i]! >= 0 ? this.segmentTier[segments[i]!]! : this.defaultTier;
      tiers[i] = tier;
      codes[i] = numericCode(scores.r[i]!, scores.f[i]!, scores.m[i]!, this.wide);
      if (tier < 0) errors.set(i, { kind: 'no-match' });
    }
    return {
      count,
      scores: codes,
      tiers,
      errors,
      r: scores.r,
      f: scores.f,
      m: scores.m,
      recency,
      cuts,
      ...(asOf === undefined ? {} : { asOf }),
    };
  }

  gradeRow(row: ArrayLike<Cell>, map?: ColumnMap): Graded {
    const result = this.single(row, map, undefined);
    if (!result.ok) return result;
    return { ok: true, tier: result.tier, tierIndex: result.tierIndex, score: result.score };
  }

  explainRow(row: ArrayLike<Cell>, map?: ColumnMap): Explained {
    const steps: ExplanationStep[] = [];
    const result = this.single(row, map, steps);
    if (!result.ok) return result;
    const label = this.tiers[result.tierIndex]!.label;
    const [r, f, m] = steps.map((s) => (s.kind === 'criterion' ? s.points : 0));
    const parts = steps
      .filter((s) => s.kind === 'criterion')
      .map((s) => (s.kind === 'criterion' ? `${s.criterion.toUpperCase()} ${s.input.raw} → ${s.points}` : ''));
    const code = rfmCode(r!, f!, m!);
    return {
      ...result,
      explanation: {
        steps,
        text: {
          en: `${parts.join('; ')}; RFM ${code} → ${label.en}`,
          zh: `${parts.join('；')}；RFM ${code} → ${label.zh ?? label.en}`,
        },
      },
    };
  }

  /** One row against fixed breakpoints; a row that cannot be read says why; quantile tables need the population (NEEDS_BATCH). */
  private single(
    row: ArrayLike<Cell>,
    map: ColumnMap | undefined,
    trace: ExplanationStep[] | undefined,
  ): { ok: true; tier: string; tierIndex: number; score: number } | { ok: false; error: GradeError } {
    if (!this.decode(row, map)) return { ok: false, error: this.error! };
    if (this.method.binning !== 'fixed') return { ok: false, error: NEEDS_BATCH };
    const v = this.at.map((slot) => this.values[slot]!);
    if (this.recencyIsDate) {
      if (this.method.asOf === undefined) return { ok: false, error: NEEDS_BATCH };
      v[0] = Math.floor(this.method.asOf) - v[0]!;
    }
    const s = DIMENSIONS.map((d, k) => {
      const cuts = computeCuts([], 0, d, this.method);
      const score = scoreValue(v[k]!, cuts);
      if (trace) {
        const input = this.columns[this.at[k]!]!;
        const raw = this.readCell(row, map, this.at[k]!);
        trace.push({
          kind: 'criterion',
          criterion: d,
          input: { input: input.id, raw: displayCell(raw), value: v[k]! },
          band: score - 1,
          points: score,
          weight: 1,
        });
      }
      return score;
    });
    const [r, f, m] = s as [number, number, number];
    const segment = segmentOf(this.method.segments, r, f, m);
    const tierIndex = segment >= 0 ? this.segmentTier[segment]! : this.defaultTier;
    if (tierIndex < 0) return { ok: false, error: { kind: 'no-match' } };
    const tier = this.tiers[tierIndex]!.id;
    if (trace) {
      if (segment >= 0) trace.push({ kind: 'rule', index: segment, tier, matched: true, conditions: [] });
      else trace.push({ kind: 'default', tier });
    }
    return { ok: true, tier, tierIndex, score: numericCode(r, f, m, this.wide) };
  }

  private readCell(row: ArrayLike<Cell>, map: ColumnMap | undefined, k: number): Cell {
    const column = map ? map[k]! : k;
    return column >= 0 ? row[column] : undefined;
  }

  private decode(row: ArrayLike<Cell>, map: ColumnMap | undefined): boolean {
    this.error = undefined;
    for (const k of this.at) {
      const cell = this.readCell(row, map, k);
      const input = this.columns[k]!.id;
      if (this.dates[k]) {
        const v = parseDate(cell);
        if (v !== v) return this.fail(dateError(cell, input));
        this.values[k] = v;
      } else {
        const v = typeof cell === 'number' && Number.isFinite(cell) ? cell : parseNumber(cell);
        const dateAsDays = k === this.at[0] ? recencyDateError(cell, v, input) : undefined;
        if (dateAsDays) return this.fail(dateAsDays);
        if (v !== v) return this.fail(amountError(cell, input));
        this.values[k] = v;
      }
    }
    return true;
  }

  private fail(error: GradeError): false {
    this.error = error;
    return false;
  }

  private asOfFor(dates: Float64Array, count: number): number {
    if (this.method.asOf !== undefined) return Math.floor(this.method.asOf);
    let latest = -Infinity;
    for (let i = 0; i < count; i++) if (dates[i]! > latest) latest = dates[i]!;
    return Math.floor(latest) + 1;
  }
}

/**
 * Compiles a validated table whose method is RFM into a grader over
 * customer-level rows (inputs `recency` — days, or a last-purchase date —
 * `frequency` and `monetary`). gradeRows computes cut points over the rows it
 * is given; gradeRow and explainRow work only with fixed breakpoints.
 */
export function compileRfmTable(table: GradingTable, method: RfmMethod | RfmMethodSpec): RfmCompiledTable {
  return new RfmCompiledTable(table, method);
}

export type { RfmCompiledTable };

/**
 * Semantic checks of an RFM method (structure is checked elsewhere): bins,
 * breakpoints, caps, segment ranges, tiers, reachability, and — when the
 * table's inputs are passed — the three inputs RFM reads.
 */
export function validateRfmMethod(
  method: RfmMethod | RfmMethodSpec,
  tiers: readonly Tier[],
  path: string,
  inputs?: readonly InputDef[],
): TableProblem[] {
  const spec: RfmMethodSpec = method;
  const problems: TableProblem[] = [];
  const tierIds = new Set(tiers.map((t) => t.id));
  const bins: Record<RfmDimension, number> = { r: 5, f: 5, m: 5 };
  for (const d of DIMENSIONS) {
    const n = spec.bins?.[d];
    if (n !== undefined && (!Number.isInteger(n) || n < MIN_BINS || n > MAX_BINS)) {
      problems.push({ code: 'bad-bins', path: `${path}.bins.${d}`, detail: { value: n } });
    }
    bins[d] = n !== undefined && Number.isInteger(n) && n >= MIN_BINS && n <= MAX_BINS ? n : 5;
    const cap = spec.caps?.[d];
    if (cap && 'percentile' in cap && !(cap.percentile > 0 && cap.percentile <= 1)) {
      problems.push({ code: 'bad-share', path: `${path}.caps.${d}.percentile`, detail: { value: cap.percentile } });
    }
    if (cap && 'value' in cap && !Number.isFinite(cap.value)) {
      problems.push({ code: 'bad-number', path: `${path}.caps.${d}.value`, detail: { value: String(cap.value) } });
    }
  }
  if (spec.binning === 'fixed') {
    for (const d of DIMENSIONS) {
      const points = spec.breakpoints?.[d];
      const at = `${path}.breakpoints.${d}`;
      if (!points) {
        problems.push({ code: 'missing-field', path: `${path}.breakpoints`, detail: { field: d } });
        continue;
      }
      const bad = points.findIndex((p) => !Number.isFinite(p));
      if (bad >= 0)
        problems.push({ code: 'bad-number', path: `${at}[${bad}]`, detail: { value: String(points[bad]) } });
      const unordered = points.findIndex((p, k) => k > 0 && !(p > points[k - 1]!));
      if (unordered > 0) {
        problems.push({ code: 'bad-range', path: `${at}[${unordered}]`, detail: { range: points.join(', ') } });
      }
      const n = points.length + 1;
      if (n < MIN_BINS || n > MAX_BINS || (spec.bins?.[d] !== undefined && spec.bins[d] !== n)) {
        problems.push({ code: 'bad-bins', path: at, detail: { value: n } });
      } else {
        bins[d] = n;
      }
    }
  }
  if (spec.asOf !== undefined && !Number.isFinite(spec.asOf)) {
    problems.push({ code: 'bad-number', path: `${path}.asOf`, detail: { value: String(spec.asOf) } });
  }
  const fmBins = Math.max(bins.f, bins.m);
  spec.segments.forEach((segment, s) => {
    const at = `${path}.segments[${s}]`;
    if (!tierIds.has(segment.tier))
      problems.push({ code: 'unknown-tier', path: `${at}.tier`, detail: { tier: segment.tier } });
    const check = (key: 'r' | 'f' | 'm' | 'fm', range: ScoreRange | undefined, max: number): void => {
      if (!range) return;
      const [lo, hi] = range;
      if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 1 || hi > max || lo > hi) {
        problems.push({ code: 'bad-segment', path: `${at}.${key}`, detail: { range: `${lo}-${hi}`, bins: max } });
      }
    };
    check('r', segment.r, bins.r);
    check('f', segment.f, bins.f);
    check('m', segment.m, bins.m);
    check('fm', segment.fm, fmBins);
  });
  if (spec.default !== undefined && !tierIds.has(spec.default)) {
    problems.push({ code: 'unknown-tier', path: `${path}.default`, detail: { tier: spec.default } });
  }
  // Reachability: which tiers some score combination actually reaches (first match wins).
  const reached = new Set<string>();
  let unmatched = false;
  for (let r = 1; r <= bins.r; r++) {
    for (let f = 1; f <= bins.f; f++) {
      for (let m = 1; m <= bins.m; m++) {
        const s = segmentOf(spec.segments, r, f, m);
        if (s >= 0) reached.add(spec.segments[s]!.tier);
        else unmatched = true;
      }
    }
  }
  if (unmatched && spec.default !== undefined) reached.add(spec.default);
  tiers.forEach((tier, k) => {
    // The default tier is a safety net (unscored values), never reported.
    if (tier.id !== spec.default && !reached.has(tier.id)) {
      problems.push({ code: 'tier-unreachable', path: `tiers[${k}]`, detail: { tier: tier.id } });
    }
  });
  if (inputs) {
    for (const id of Object.values(RFM_INPUT_IDS)) {
      const input = inputs.find((i) => i.id === id);
      if (!input) {
        problems.push({ code: 'unknown-input', path: 'inputs', detail: { input: id } });
      } else if (input.type !== 'number' && !(id === RFM_INPUT_IDS.recency && input.type === 'date')) {
        problems.push({
          code: 'wrong-input-type',
          path: `inputs[${inputs.indexOf(input)}].type`,
          detail: {
            input: id,
            found: input.type,
            expected: id === RFM_INPUT_IDS.recency ? 'number or date' : 'number',
          },
        });
      }
    }
  }
  return problems;
}
