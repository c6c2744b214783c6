/**
 * What every exact backend (SQL, Excel formulas) reads from a grading table
 * in the same way: the inputs it takes from columns, the order in which bands
 * are scanned, the names a category or boolean cell is read by, the tests a
 * condition tree makes, threshold arms, and whether a scorecard's sum is
 * exact. Backends differ only in how they print these.
 */
import type { TableResolver } from '../compile';
import { operand } from '../grading/conditions';
import { categoryLookup } from '../grading/decode';
import type { BandMatch, Condition, ConditionNode, GradingTable, InputDef, ScorecardMethod, Threshold } from '../model';
import { rangeEnds } from '../table/ranges';
import { FALSE_TEXTS, normalizeKey, parseBoolean, TRUE_TEXTS } from '../values/coerce';

/** Inputs read from columns by a table and the tables it draws on, in the engine's order (CompiledTable.columns). */
export function columnInputs(table: GradingTable, resolve?: TableResolver): InputDef[] {
  const columns: InputDef[] = table.inputs.filter((i) => !i.source);
  for (const input of table.inputs) {
    const source = input.source ? resolve?.(input.source.table) : undefined;
    if (!source) continue;
    for (const c of columnInputs(source, resolve)) if (!columns.some((x) => x.id === c.id)) columns.push(c);
  }
  return columns;
}

export function inputOf(table: GradingTable, id: string): InputDef {
  return table.inputs.find((i) => i.id === id)!;
}

export function tierIndex(table: GradingTable, id: string): number {
  return table.tiers.findIndex((t) => t.id === id);
}

export function hasScore(table: GradingTable): boolean {
  const m = table.method;
  if (m.kind === 'scorecard' || m.kind === 'rfm') return true;
  if (m.kind === 'matrix') return m.output === 'score';
  return table.tiers.some((t) => t.score !== undefined);
}

/**
 * Whether a scorecard's total is exact without the engine's 1e-9 clean-up
 * rounding: integer points and weights, no multipliers.
 */
export function scorecardSumIsExact(method: ScorecardMethod): boolean {
  return (
    (method.multipliers ?? []).length === 0 &&
    method.criteria.every(
      (c) =>
        Number.isInteger(c.weight ?? 1) &&
        c.bands.every((b) => Number.isInteger(b.points)) &&
        !((c.blankPoints ?? NaN) % 1),
    )
  );
}

/**
 * Lower-cased, trimmed names of each value of a category (`trim` is the
 * backend's trim) -> the value index the engine gives that text. Names in
 * the engine's order, first wins; names the backend's trim empties are left out.
 */
export function categoryKeys(input: InputDef, trim: (text: string) => string): Array<[string, number]> {
  const lookup = categoryLookup(input);
  const seen = new Set<string>();
  const keys: Array<[string, number]> = [];
  for (const value of input.values ?? []) {
    for (const name of [value.id, ...(value.aliases ?? []), value.label?.en, value.label?.zh]) {
      if (name === undefined) continue;
      const key = trim(name).toLowerCase();
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const index = lookup.get(normalizeKey(key));
      if (index !== undefined) keys.push([key, index]);
    }
  }
  return keys;
}

/** Lower-case texts the engine reads as a boolean, with their value (1 or 0). */
export function booleanKeys(): Array<[string, 1 | 0]> {
  return [...TRUE_TEXTS, ...FALSE_TEXTS]
    .map((x): [string, 1 | 0 | -1] => [x, parseBoolean(x)])
    .filter((x): x is [string, 1 | 0] => x[1] >= 0);
}

/**
 * How a decoded value finds its band, in the engine's scan order. Numeric
 * bands: below `below` (when bounded) no band; else the first arm whose upper
 * end the value does not pass (`hi` Infinity: any value left). Category and
 * boolean bands: value index -> band.
 */
export type BandScan =
  | {
      kind: 'range';
      below?: { lo: number; inclusive: boolean };
      arms: Array<{ band: number; hi: number; hiInclusive: boolean }>;
    }
  | { kind: 'values'; arms: Array<{ value: number; band: number }> };

export function bandScan(input: InputDef, matches: readonly BandMatch[]): BandScan {
  const first = matches[0];
  if (first && 'range' in first) {
    const order = matches
      .map((m, band) => ({ band, e: rangeEnds('range' in m ? m.range : {}) }))
      .sort((x, y) => x.e.lo - y.e.lo);
    const low = order[0]!.e;
    return {
      kind: 'range',
      ...(low.lo === -Infinity ? {} : { below: { lo: low.lo, inclusive: low.loInclusive } }),
      arms: order.map(({ band, e }) => ({ band, hi: e.hi, hiInclusive: e.hiInclusive })),
    };
  }
  const ids = (input.values ?? []).map((x) => x.id);
  const arms: Array<{ value: number; band: number }> = [];
  matches.forEach((m, band) => {
    if ('is' in m) arms.push({ value: m.is ? 1 : 0, band });
    else if ('values' in m) for (const id of m.values) arms.push({ value: ids.indexOf(id), band });
  });
  return { kind: 'values', arms };
}

/** Score -> tier: the first arm whose bound the score meets, else `last`. */
export function thresholdArms(
  thresholds: readonly Threshold[],
  table: GradingTable,
): { arms: Array<{ op: '>=' | '>'; bound: number; tier: number }>; last: number } {
  const arms = thresholds.slice(0, -1).map((t) => ({
    op: t.gt === undefined ? ('>=' as const) : ('>' as const),
    bound: t.gt ?? t.gte ?? -Infinity,
    tier: tierIndex(table, t.tier),
  }));
  return { arms, last: tierIndex(table, thresholds[thresholds.length - 1]!.tier) };
}

/**
 * How a backend prints the tests of a condition tree. Tests are two-valued:
 * a blank input makes every test false except `blank`; `known(v)` is "not
 * blank"; `never` is false. Operands are already decoded to the engine's
 * numbers (category index, 0/1, date serial).
 */
export interface ConditionPrinter<T> {
  all(parts: T[]): T;
  any(parts: T[]): T;
  not(part: T): T;
  blank(input: InputDef): T;
  known(input: InputDef): T;
  never(): T;
  /** Not blank, and the value passes every bound given (at least one). */
  bounds(input: InputDef, bounds: Array<{ op: '>' | '>=' | '<' | '<='; x: number }>): T;
  /** Not blank, and the value is one of `values` (at least one). */
  oneOf(input: InputDef, values: number[]): T;
  /** Not blank, and value op x. */
  compare(input: InputDef, op: '=' | '<>' | '<' | '<=' | '>' | '>=', x: number): T;
}

/** A condition tree printed with `printer`, with the engine's meaning for every leaf. */
export function walkCondition<T>(node: ConditionNode, table: GradingTable, printer: ConditionPrinter<T>): T {
  if ('all' in node) return printer.all(node.all.map((n) => walkCondition(n, table, printer)));
  if ('any' in node) return printer.any(node.any.map((n) => walkCondition(n, table, printer)));
  if ('not' in node) return printer.not(walkCondition(node.not, table, printer));
  return leaf(node, inputOf(table, node.input), printer);
}

function leaf<T>(c: Condition, input: InputDef, printer: ConditionPrinter<T>): T {
  switch (c.op) {
    case 'blank':
      return printer.blank(input);
    case 'not_blank':
      return printer.known(input);
    case 'between': {
      const e = rangeEnds(c.range);
      const bounds: Array<{ op: '>' | '>=' | '<' | '<='; x: number }> = [];
      if (e.lo !== -Infinity) bounds.push({ op: e.loInclusive ? '>=' : '>', x: e.lo });
      if (e.hi !== Infinity) bounds.push({ op: e.hiInclusive ? '<=' : '<', x: e.hi });
      return bounds.length === 0 ? printer.known(input) : printer.bounds(input, bounds);
    }
    case 'contains': {
      const needle = normalizeKey(c.value);
      if (input.type === 'category') {
        const hits = (input.values ?? [])
          .map((value, k) =>
            [value.id, value.label?.en, value.label?.zh, ...(value.aliases ?? [])].some(
              (name) => name && normalizeKey(name).includes(needle),
            )
              ? k
              : -1,
          )
          .filter((k) => k >= 0);
        return hits.length === 0 ? printer.never() : printer.oneOf(input, hits);
      }
      // Only text inputs carry text; others compare the empty string.
      return needle === '' ? printer.known(input) : printer.never();
    }
    case 'in': {
      const operands = [...new Set(c.values.map((x) => operand(input, x)))].filter((x) => !Number.isNaN(x));
      return operands.length === 0 ? printer.never() : printer.oneOf(input, operands);
    }
    default: {
      const x = operand(input, c.value);
      if (Number.isNaN(x)) return c.op === '<>' ? printer.known(input) : printer.never();
      return printer.compare(input, c.op, x);
    }
  }
}
