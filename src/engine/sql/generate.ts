/**
 * Grading tables as SQL: one SELECT of CTE steps per table. This module holds the
 * generator and the scorecard, rules and matrix levels; decoding cells (decode.ts), RFM (rfm.ts)
 * and ABC (abc.ts) are written through the same SqlWriter.
 */
import { validateTable, type TableResolver } from '../compile';
import {
  bandScan,
  columnInputs,
  hasScore,
  inputOf,
  scorecardSumIsExact,
  thresholdArms,
  walkCondition,
  type ConditionPrinter,
} from '../backends/table-walk';
import { RFM_INPUT_IDS } from '../rfm/presets';
import type {
  BandMatch,
  ConditionNode,
  GradingTable,
  InputDef,
  MatrixAxis,
  MatrixMethod,
  RulesMethod,
  ScorecardMethod,
  Threshold,
} from '../model';
import { abcLevel, unsupportedPopulationFeature } from './abc';
import { decodeInputs } from './decode';
import { sqlDialect, type SqlDialect } from './dialect';
import { RFM_DIMENSIONS, RFM_NAMES, rfmLevel } from './rfm';
import type { SqlExport, SqlExportOptions } from './types';
import { coalesce, Stop, type LevelContext, type LevelResult, type SqlWriter } from './writer';

/** |y| from which every double is an integer: Math.round(y) is y. */
const TWO_POW_52 = 4503599627370496;

/** A step adds columns to every row; a side CTE is computed once (population statistics) and joined to a later step. */
type Step =
  | { kind: 'step'; items: Array<[string, string]>; join?: string }
  | { kind: 'side'; name: string; sql: (previous: string) => string };

/**
 * Writes one SELECT that adds score, tier and an error text to every row of
 * `source`, with exactly the engine's meaning for scorecard, rules and matrix
 * tables (composition included). The steps are CTEs that each add a few
 * helper columns; the final SELECT gives back the source's columns and the
 * three new ones. Errors are `kind:input` (e.g. `blank:payment_days`,
 * `not-a-number:monthly_sales`, `no-match`), as the engine's GradeError.
 * Never throws on bad data: problems come back as values.
 */
export function exportSql(table: unknown, options: SqlExportOptions): SqlExport {
  const problems = validateTable(table, { resolve: options.resolve });
  if (problems.length > 0) return { ok: false, problems: [{ kind: 'invalid-table', problems }] };
  try {
    return new Generator(table as GradingTable, options).run();
  } catch (error) {
    if (error instanceof Stop) return { ok: false, problems: [error.problem] };
    throw error;
  }
}

/** Inputs read from columns by a table and the tables it draws on, in the engine's order (CompiledTable.columns). */
export function sqlColumnInputs(table: GradingTable, resolve?: TableResolver): InputDef[] {
  return columnInputs(table, resolve);
}

class Generator implements SqlWriter {
  readonly dialect: SqlDialect;
  readonly tableId: string;
  private readonly steps: Step[] = [];
  private readonly helpers: string[] = [];
  /** Input id -> the helper column holding its raw source value. */
  private readonly raw = new Map<string, string>();
  private levels = 0;

  constructor(
    private readonly table: GradingTable,
    private readonly options: SqlExportOptions,
  ) {
    this.dialect = sqlDialect(options.dialect);
    this.tableId = table.id;
  }

  run(): SqlExport {
    const inputs = sqlColumnInputs(this.table, this.options.resolve);
    const mapping = this.options.columns ?? {};
    const known = inputs.map((i) => i.id);
    for (const id of Object.keys(mapping)) {
      if (!known.includes(id)) throw new Stop({ kind: 'unknown-input', input: id, inputs: known });
    }
    this.checkSupported(this.table);
    const columnOf = (id: string): string | null => (Object.hasOwn(mapping, id) ? mapping[id]! : id);
    const columns = inputs.map((i) => ({ input: i.id, column: columnOf(i.id) }));
    const first: Array<[string, string]> = [];
    columns.forEach((c, j) => {
      const name = `__tw_c${j}`;
      this.raw.set(c.input, name);
      this.helpers.push(name);
      if (c.column === null) {
        first.push([name, `CAST(NULL AS ${this.dialect.textType})`]);
      } else {
        const ident = this.dialect.ident(c.column);
        if (ident === undefined) throw new Stop({ kind: 'bad-identifier', name: c.column });
        first.push([name, `__tw_src.${ident}`]);
      }
    });
    const result = this.level(this.table);
    const names = {
      score: this.options.names?.score ?? 'score',
      tier: this.options.names?.tier ?? 'tier',
      error: this.options.names?.error ?? 'grade_error',
    };
    for (const n of Object.values(names))
      if (this.dialect.ident(n) === undefined) throw new Stop({ kind: 'bad-identifier', name: n });
    const tierName = this.caseOf(
      result.tier,
      this.table.tiers.map((t, k) => [String(k), this.lit(t.id)]),
      null,
    );
    return { ok: true, sql: this.render(first, result, names, tierName), columns };
  }

  private render(
    first: Array<[string, string]>,
    result: LevelResult,
    names: { score: string; tier: string; error: string },
    tierName: string,
  ): string {
    const d = this.dialect;
    const source = this.options.source.trim().replace(/;+\s*$/, '');
    const from = /^\(|^(select|with|values|from|table)\b/i.test(source) ? `(${source})` : source;
    const ctes: string[] = [];
    // PostgreSQL inlines a CTE used once, pasting each step's expressions into the next: over a
    // dozen steps the expression tree multiplies until planning takes minutes. Materialized, each
    // step is computed once.
    const as = d.name === 'postgres' ? 'AS MATERIALIZED' : 'AS';
    const carry = d.carryRow('__tw_src');
    ctes.push(
      `__tw_s0 ${as} (\n  SELECT ${[carry, ...first.map(([a, e]) => `${e} AS ${a}`)].join(',\n    ')}\n  FROM ${from} AS __tw_src\n)`,
    );
    let k = 0;
    for (const step of this.steps) {
      if (step.kind === 'side') {
        ctes.push(`${step.name} ${as} (\n  ${step.sql(`__tw_s${k}`)}\n)`);
        continue;
      }
      const items = step.items.map(([a, e]) => `${e} AS ${a}`).join(',\n    ');
      const join = step.join === undefined ? '' : ` CROSS JOIN ${step.join}`;
      ctes.push(`__tw_s${k + 1} ${as} (\n  SELECT *,\n    ${items}\n  FROM __tw_s${k}${join}\n)`);
      k++;
    }
    const last = `__tw_s${k}`;
    const expand =
      d.name === 'duckdb' ? `* EXCLUDE (${this.helpers.join(', ')}${first.length ? '' : ''})` : d.expandRow(last);
    const ok = `${result.error} IS NULL`;
    const select = [
      expand,
      `CASE WHEN ${ok} THEN ${result.hasScore ? result.score : `CAST(NULL AS ${d.doubleType})`} END AS ${d.ident(names.score)!}`,
      `CASE WHEN ${ok} THEN ${tierName} END AS ${d.ident(names.tier)!}`,
      `${result.error} AS ${d.ident(names.error)!}`,
    ];
    // The id is validated, but a comment must never be able to end early: keep only safe characters.
    const id = this.table.id.replace(/[^A-Za-z0-9_-]/g, '_');
    const header = `-- tierwise: grading table ${id} as ${d.name} SQL (see docs/sql.md)`;
    return `${header}\nWITH\n${ctes.join(',\n')}\nSELECT\n  ${select.join(',\n  ')}\nFROM ${last}`;
  }

  // ---------------------------------------------------------------------------
  // Support

  private checkSupported(table: GradingTable): void {
    const m = table.method;
    const population = unsupportedPopulationFeature(table, table === this.table);
    if (population) throw new Stop({ kind: 'unsupported', feature: population, table: table.id });
    if (m.kind === 'rfm' && table !== this.table) {
      throw new Stop({ kind: 'unsupported', feature: 'rfm-source', table: table.id });
    }
    if (m.kind === 'rfm' && m.binning === 'fixed') {
      for (const d of RFM_DIMENSIONS) {
        const cuts = m.breakpoints?.[d] ?? [];
        if (cuts.some((c, k) => k > 0 && !(c >= cuts[k - 1]!))) {
          throw new Stop({ kind: 'unsupported', feature: 'rfm-breakpoints', table: table.id });
        }
      }
    }
    for (const input of table.inputs) {
      if (input.source) {
        const source = this.options.resolve?.(input.source.table);
        if (!source) continue;
        if (input.source.output === 'score' && !hasScore(source)) {
          throw new Stop({ kind: 'unsupported', feature: 'score-from-unscored', table: table.id, input: input.id });
        }
        this.checkSupported(source);
        continue;
      }
      if (input.type === 'text')
        throw new Stop({ kind: 'unsupported', feature: 'text-input', table: table.id, input: input.id });
      if (input.type === 'date' && m.kind === 'rfm') {
        throw new Stop({ kind: 'unsupported', feature: 'date-input', table: table.id, input: input.id });
      }
    }
  }

  // ---------------------------------------------------------------------------
  // Steps and literals

  step(items: Array<[string, string]>, join?: { name: string; columns: string[] }): void {
    if (items.length === 0) return;
    for (const [alias] of items) this.helpers.push(alias);
    if (join) this.helpers.push(...join.columns);
    this.steps.push(join ? { kind: 'step', items, join: join.name } : { kind: 'step', items });
  }
  side(name: string, sql: (previous: string) => string): void {
    this.steps.push({ kind: 'side', name, sql });
  }

  rawColumn(input: string): string {
    return this.raw.get(input)!;
  }

  lit(text: string): string {
    const l = this.dialect.text(text);
    if (l === undefined) throw new Stop({ kind: 'bad-literal', table: this.table.id, text });
    return l;
  }

  /** A double literal that reads back as exactly x. */
  num(x: number): string {
    const text = Object.is(x, -0) ? '0' : String(x);
    if (Number.isInteger(x) && Math.abs(x) < 2 ** 31) return `CAST(${text} AS ${this.dialect.doubleType})`;
    return `CAST('${text}' AS ${this.dialect.doubleType})`;
  }

  /** A number to compare a double column with. */
  cmp(x: number): string {
    if (Number.isInteger(x) && Math.abs(x) < 2 ** 31) return Object.is(x, -0) ? '0' : String(x);
    return this.num(x);
  }

  caseOf(subject: string, arms: Array<[string, string]>, otherwise: string | null): string {
    if (arms.length === 0) return otherwise ?? 'NULL';
    const body = arms.map(([w, t]) => `WHEN ${w} THEN ${t}`).join(' ');
    return `CASE ${subject === '' ? '' : `${subject} `}${body}${otherwise === null ? '' : ` ELSE ${otherwise}`} END`;
  }

  errorText(kind: string, input?: string): string {
    return this.lit(input === undefined ? kind : `${kind}:${input}`);
  }

  // ---------------------------------------------------------------------------
  // Levels

  private level(table: GradingTable): LevelResult {
    const p = `__tw${this.levels++}_`;
    const value = new Map<string, string>();
    const errors: string[] = [];
    // RFM tables read recency, frequency and monetary, in that order, as required numbers.
    const decoded =
      table.method.kind === 'rfm'
        ? RFM_DIMENSIONS.map((d) => ({ ...inputOf(table, RFM_INPUT_IDS[RFM_NAMES[d]]), required: true }))
        : table.inputs;
    decodeInputs(this, decoded, p, value, errors, table.method.kind === 'rfm' ? RFM_INPUT_IDS.recency : undefined);
    // Derived inputs: the other table's result for the same row, after this table's own columns.
    const derived: Array<[string, string]> = [];
    table.inputs.forEach((input, k) => {
      if (!input.source) return;
      const source = this.options.resolve!(input.source.table)!;
      const inner = this.level(source);
      errors.push(inner.error);
      const alias = `${p}v${k}`;
      derived.push([alias, input.source.output === 'score' ? inner.score : inner.tier]);
      value.set(input.id, alias);
    });
    this.step(derived);
    const ctx: LevelContext = { p, table, value, errors };
    const method = table.method;
    switch (method.kind) {
      case 'scorecard':
        return this.scorecard(method, ctx);
      case 'rules':
        return this.rules(method, ctx);
      case 'matrix':
        return this.matrix(method, ctx);
      case 'rfm':
        return rfmLevel(this, method, ctx);
      case 'abc':
        return abcLevel(method, ctx, this);
    }
  }

  // ---------------------------------------------------------------------------
  // Methods

  private scorecard(method: ScorecardMethod, ctx: LevelContext): LevelResult {
    const { p } = ctx;
    const points: Array<[string, string]> = [];
    const errs: Array<[string, string]> = [];
    method.criteria.forEach((c, i) => {
      const input = inputOf(ctx.table, c.input);
      const v = ctx.value.get(c.input)!;
      const weight = c.weight ?? 1;
      const band = this.bandCase(
        input,
        v,
        c.bands.map((b) => b.match),
        c.bands.map((b) => this.num(b.points * weight)),
      );
      const blank = c.blankPoints === undefined ? 'NULL' : this.num(c.blankPoints * weight);
      const pts = `${p}p${i}`;
      points.push([pts, `CASE WHEN ${v} IS NULL THEN ${blank} ELSE ${band} END`]);
      errs.push([
        `${p}pe${i}`,
        `CASE WHEN ${v} IS NULL THEN ${c.blankPoints === undefined ? this.errorText('blank', input.id) : 'NULL'} ` +
          `WHEN ${pts} IS NULL THEN ${this.errorText('out-of-range', input.id)} END`,
      ]);
    });
    this.step(points);
    this.step(errs);
    let total = points.map(([a]) => a).join(' + ');
    for (const m of method.multipliers ?? []) {
      total = `(${total}) * CASE WHEN ${this.condition(m.when, ctx)} THEN ${this.num(m.factor)} ELSE 1 END`;
    }
    let score = `${p}total`;
    this.step([[score, total]]);
    if (!scorecardSumIsExact(method)) score = this.jsRound(score, 1e9, `${p}clean`);
    if (method.round !== undefined) score = this.jsRound(score, 10 ** method.round, `${p}round`);
    const tier = `${p}tier`;
    this.step([[tier, this.thresholds(method.thresholds, score, ctx.table)]]);
    const error = `${p}error`;
    this.step([[error, coalesce([...ctx.errors, ...errs.map(([a]) => a)])]]);
    return { score, tier, error, hasScore: true };
  }

  /** Math.round(x * scale) / scale, to the bit: ties go up, and large values are already whole. */
  private jsRound(x: string, scale: number, name: string): string {
    const y = `${name}_y`;
    this.step([[y, `${x} * ${this.num(scale)}`]]);
    const rounded =
      `CASE WHEN NOT (abs(${y}) < ${this.num(TWO_POW_52)}) THEN ${y} ` +
      `WHEN ${y} - floor(${y}) >= 0.5 THEN floor(${y}) + 1 ELSE floor(${y}) END`;
    this.step([[name, `(${rounded}) / ${this.num(scale)}`]]);
    return name;
  }

  private rules(method: RulesMethod, ctx: LevelContext): LevelResult {
    const { p, table } = ctx;
    const tierIndex = (id: string) => table.tiers.findIndex((t) => t.id === id);
    const arms = method.rules.map((r): [string, string] => [this.condition(r.when, ctx), String(tierIndex(r.tier))]);
    const fallback = method.default === undefined ? null : String(tierIndex(method.default));
    const tier = `${p}tier`;
    this.step([[tier, this.caseOf('', arms, fallback)]]);
    const scored = table.tiers.map((t, k): [string, string] | undefined =>
      t.score === undefined ? undefined : [String(k), this.num(t.score)],
    );
    const score = `${p}score`;
    const error = `${p}error`;
    this.step([
      [
        score,
        this.caseOf(
          tier,
          scored.filter((x) => x !== undefined),
          null,
        ),
      ],
      [error, coalesce([...ctx.errors, `CASE WHEN ${tier} IS NULL THEN ${this.errorText('no-match')} END`])],
    ]);
    return { score, tier, error, hasScore: hasScore(table) };
  }

  private matrix(method: MatrixMethod, ctx: LevelContext): LevelResult {
    const { p, table } = ctx;
    const axis = (a: MatrixAxis) => {
      const input = inputOf(table, a.input);
      const v = ctx.value.get(a.input)!;
      const band = this.bandCase(
        input,
        v,
        a.bands.map((b) => b.match),
        a.bands.map((_b, k) => String(k)),
      );
      return { input, v, band };
    };
    const rows = axis(method.rows);
    const cols = axis(method.columns);
    const rb = `${p}rb`;
    const cb = `${p}cb`;
    this.step([
      [rb, rows.band],
      [cb, cols.band],
    ]);
    const locate = (a: typeof rows, b: string) =>
      `WHEN ${a.v} IS NULL THEN ${this.errorText('blank', a.input.id)} WHEN ${b} IS NULL THEN ${this.errorText('out-of-range', a.input.id)}`;
    const matrixError = `CASE ${locate(rows, rb)} ${locate(cols, cb)} END`;
    const byScore = method.output === 'score';
    const cell = (value: string | number) =>
      byScore ? this.num(Number(value)) : String(table.tiers.findIndex((t) => t.id === String(value)));
    const cells = this.caseOf(
      rb,
      method.cells.map((row, r): [string, string] => [
        String(r),
        this.caseOf(
          cb,
          row.map((value, c): [string, string] => [String(c), cell(value)]),
          null,
        ),
      ]),
      null,
    );
    const error = `${p}error`;
    const tier = `${p}tier`;
    if (byScore && method.thresholds) {
      const score = `${p}score`;
      this.step([[score, cells]]);
      this.step([
        [tier, this.thresholds(method.thresholds, score, table)],
        [error, coalesce([...ctx.errors, matrixError])],
      ]);
      return { score, tier, error, hasScore: true };
    }
    this.step([
      [tier, cells],
      [error, coalesce([...ctx.errors, matrixError])],
    ]);
    return { score: `CAST(NULL AS ${this.dialect.doubleType})`, tier, error, hasScore: false };
  }

  /** Score -> tier index: the first threshold whose bound the score meets; the last is open. */
  private thresholds(thresholds: readonly Threshold[], score: string, table: GradingTable): string {
    const { arms, last } = thresholdArms(thresholds, table);
    return this.caseOf(
      '',
      arms.map((a): [string, string] => [`${score} ${a.op} ${this.cmp(a.bound)}`, String(a.tier)]),
      String(last),
    );
  }

  /**
   * The band a decoded value falls in, as `results[band]`; NULL outside every
   * band (and for NULL). Numeric bands are taken sorted by their lower ends,
   * as the engine scans them; category and boolean bands by value index.
   */
  private bandCase(input: InputDef, v: string, matches: readonly BandMatch[], results: string[]): string {
    const scan = bandScan(input, matches);
    if (scan.kind === 'range') {
      const arms: Array<[string, string]> = [];
      if (scan.below) arms.push([`${v} ${scan.below.inclusive ? '<' : '<='} ${this.cmp(scan.below.lo)}`, 'NULL']);
      for (const { band, hi, hiInclusive } of scan.arms) {
        const test = hi === Infinity ? `${v} IS NOT NULL` : `${v} ${hiInclusive ? '<=' : '<'} ${this.cmp(hi)}`;
        arms.push([test, results[band]!]);
      }
      return this.caseOf('', arms, null);
    }
    return this.caseOf(
      v,
      scan.arms.map(({ value, band }): [string, string] => [String(value), results[band]!]),
      null,
    );
  }

  // ---------------------------------------------------------------------------
  // Conditions: two-valued, a blank (NULL) input makes every test false except blank.

  private condition(node: ConditionNode, ctx: LevelContext): string {
    const v = (input: InputDef) => ctx.value.get(input.id)!;
    const test = (expr: string) => `COALESCE(${expr}, FALSE)`;
    const printer: ConditionPrinter<string> = {
      all: (parts) => `(${parts.join(' AND ')})`,
      any: (parts) => `(${parts.join(' OR ')})`,
      not: (part) => `(NOT ${part})`,
      blank: (input) => `(${v(input)} IS NULL)`,
      known: (input) => `(${v(input)} IS NOT NULL)`,
      never: () => 'FALSE',
      bounds: (input, bounds) => test(bounds.map((b) => `${v(input)} ${b.op} ${this.cmp(b.x)}`).join(' AND ')),
      oneOf: (input, values) => test(`${v(input)} IN (${values.map((x) => this.cmp(x)).join(', ')})`),
      compare: (input, op, x) => test(`${v(input)} ${op} ${this.cmp(x)}`),
    };
    return walkCondition(node, ctx.table, printer);
  }
}
