import {
  bandScan,
  booleanKeys,
  categoryKeys,
  columnInputs,
  hasScore,
  inputOf,
  scorecardSumIsExact,
  thresholdArms,
  tierIndex,
  walkCondition,
  type ConditionPrinter,
} from '../backends/table-walk';
import { validateTable, type TableResolver } from '../compile';
import type { TableProblem } from '../errors';
import type {
  BandMatch,
  ConditionNode,
  GradingTable,
  InputDef,
  MatrixMethod,
  RulesMethod,
  ScorecardMethod,
  Threshold,
} from '../model';
import { EXCEL_ERRORS } from '../values/cell';
import { MAX_DATE_SERIAL } from '../values/dates';
import { excelNumber, excelString } from './literals';

/** Excel's limit on the text of one cell's formula. */
export const MAX_FORMULA_LENGTH = 8192;
/** Excel's limit on nested functions in one formula. */
export const MAX_FORMULA_NESTING = 64;
/** Excel's limits on the arguments of IFS and SWITCH (127 and 126 pairs), kept well inside. */
const MAX_ARMS = 120;
/** Excel's limit on the arguments of AND, OR and CHOOSE (255, 254 values), kept inside. */
const MAX_ARGUMENTS = 250;
/** A literal an array constant may hold: a plain string or a number. */
const ARRAY_LITERAL = /^(?:"[^"]*"|-?[0-9.]+(?:e[+-]?[0-9]+)?)$/;
/** Input checks per helper column, so its nested IFs stay well inside MAX_FORMULA_NESTING. */
const CHECKS_PER_HELPER = 24;

/** The row a template is written for; replaced by the row number in `formulaAt`. */
const ROW = '\uE000';

/**
 * Row errors a formula gives: the engine's kinds, plus `unread-text` (a
 * number or date typed as text, which a formula cannot read the way the
 * engine does, so it refuses the row rather than guess).
 */
export type FormulaErrorKind =
  | 'blank'
  | 'cell-error'
  | 'not-a-number'
  | 'not-a-date'
  | 'not-a-boolean'
  | 'unknown-category'
  | 'out-of-range'
  | 'no-match'
  | 'unread-text';

export interface FormulaOptions {
  /** Input id -> the column letters of its cell in the same row; null: no column (read as blank). Default: none. */
  columns: Readonly<Record<string, string | null>>;
  /** Finds the tables this one takes results from. */
  resolve?: TableResolver;
  /** The Error column's text for a row error; default `kind:input` (`kind` alone without an input). */
  errorText?: (kind: FormulaErrorKind, input?: InputDef) => string;
}

export type FormulaUnsupportedFeature = 'rfm' | 'text-input' | 'number' | 'score-from-unscored';

export type FormulaProblem =
  | { kind: 'invalid-table'; problems: TableProblem[] }
  /** The table uses something native formulas cannot compute exactly. */
  | { kind: 'unsupported'; feature: FormulaUnsupportedFeature; table: string; input?: string; value?: number }
  /** An input the table reads has no entry in `columns`, or an entry is not a column name. */
  | { kind: 'bad-column'; input: string; column?: string }
  /** A formula longer or deeper than Excel takes. */
  | { kind: 'too-long'; output: FormulaOutput; length: number; nesting: number };

/**
 * A column the formulas fill: the three outputs, and for large tables helper
 * columns (`helper-1`, ...) that hold once what the outputs would repeat
 * (the reading of a category or yes/no cell, the input checks).
 */
export type FormulaOutput = 'score' | 'tier' | 'error' | `helper-${number}`;

/** One column: its formula for any row, given where the row's output and helper columns are. */
export interface FormulaColumn {
  output: FormulaOutput;
  /** The formula (with the leading =) for sheet row `row` (1-based), `outputs` the column letters of each column. */
  formulaAt(row: number, outputs: Readonly<Partial<Record<FormulaOutput, string>>>): string;
  /** Length of the longest formula of the column (row numbers up to 7 digits). */
  length: number;
  nesting: number;
}

export type FormulaExport =
  | { ok: true; columns: FormulaColumn[]; inputs: InputDef[]; hasScore: boolean }
  | { ok: false; problems: FormulaProblem[] };

/**
 * Compiles a grading table to native Excel formulas, one per output column
 * (Score when the table gives one, Tier, Error), which compute in each row
 * exactly what the engine gives for that row's cells, with functions every
 * Excel since 2019 has (no LET, no custom function). Error gives "" or the
 * row error's text; Score and Tier are "" when Error is not. Tier and Score
 * read each other's cells in the same row (never in a cycle), so each formula
 * stays short. Never throws on a table: problems come back as values.
 */
export function compileToFormulas(table: unknown, options: FormulaOptions): FormulaExport {
  const problems = validateTable(table, { resolve: options.resolve });
  if (problems.length > 0) return { ok: false, problems: [{ kind: 'invalid-table', problems }] };
  const attempt = (helpers: boolean): FormulaExport => {
    try {
      return new FormulaGenerator(table as GradingTable, options, helpers).run();
    } catch (error) {
      if (error instanceof Stop) return { ok: false, problems: [error.problem] };
      throw error;
    }
  };
  // Small tables in three self-contained columns; when one would not fit, the shared parts go to helper columns.
  const plain = attempt(false);
  if (plain.ok || plain.problems[0]?.kind !== 'too-long') return plain;
  return attempt(true);
}

class Stop {
  constructor(readonly problem: FormulaProblem) {}
}

/** One test of the Error formula: when `cond` holds, the row's error is `text`. */
interface Check {
  cond: string;
  text: string;
}

/** A compiled level (the table, or a table it takes results from), as expressions of the row's cells. */
interface Level {
  table: GradingTable;
  checks: Check[];
  /** The tier, as `results[k]` for tier k (valid when no check fails). */
  tier(results: readonly string[]): string;
  /** The score (valid when no check fails), when it does not come from the tier. */
  score?: string;
  /** Tier from a score (thresholds): lets the Tier cell read the Score cell. */
  tierFromScore?(score: string, results: readonly string[]): string;
}

const COLUMN_LETTERS = /^[A-Z]{1,3}$/;

class FormulaGenerator {
  private readonly cells = new Map<string, string>();
  /** Helper columns so far: output key -> formula body. */
  private readonly helpers: Array<[FormulaOutput, string]> = [];
  /** Input id -> the helper column holding its decoded value. */
  private readonly decodedHelpers = new Map<string, string>();

  constructor(
    private readonly table: GradingTable,
    private readonly options: FormulaOptions,
    private readonly useHelpers: boolean,
  ) {}

  /** A helper column holding `body` for each row; its cell in the row, for the formulas to read. */
  private helper(body: string): string {
    const key: FormulaOutput = `helper-${this.helpers.length + 1}`;
    this.helpers.push([key, body]);
    return `${outputToken(key)}${ROW}`;
  }

  run(): FormulaExport {
    const inputs = columnInputs(this.table, this.options.resolve);
    for (const input of inputs) {
      const column = this.options.columns[input.id];
      if (column === undefined || (column !== null && !COLUMN_LETTERS.test(column)))
        throw new Stop({ kind: 'bad-column', input: input.id, ...(column ? { column } : {}) });
      this.cells.set(input.id, column === null ? '""' : `${column}${ROW}`);
    }
    this.checkSupported(this.table);
    const level = this.level(this.table);
    const names = this.table.tiers.map((t) => excelString(t.id));
    const scored = hasScore(this.table);
    const errorRef = `${outputToken('error')}${ROW}`;
    const unlessError = (expr: string) => `IF(${errorRef}<>"","",${expr})`;
    const templates: Array<[FormulaOutput, string]> = [['error', this.chain(level.checks, '""')]];
    if (level.score !== undefined && level.tierFromScore) {
      templates.push(['score', unlessError(level.score)]);
      templates.push(['tier', unlessError(level.tierFromScore(`${outputToken('score')}${ROW}`, names))]);
    } else {
      templates.push(['tier', unlessError(level.tier(names))]);
      if (level.score !== undefined) templates.push(['score', unlessError(level.score)]);
      else if (scored) templates.push(['score', unlessError(this.scoreOfTier(`${outputToken('tier')}${ROW}`))]);
    }
    const columns = [...templates, ...this.helpers].map(([output, body]) => this.column(output, `=${body}`));
    return { ok: true, columns, inputs, hasScore: scored };
  }

  private column(output: FormulaOutput, template: string): FormulaColumn {
    const formulaAt: FormulaColumn['formulaAt'] = (row, outputs) =>
      template
        .replace(/\uE001([a-z0-9-]+)\uE001/g, (_m, name: FormulaOutput) => {
          const letters = outputs[name];
          if (letters === undefined) throw new Error(`formulaAt: no column given for ${name}`);
          return letters;
        })
        .split(ROW)
        .join(String(row));
    const widest = formulaAt(9999999, new Proxy({}, { get: () => 'XFD' }));
    const nesting = nestingOf(widest);
    if (widest.length > MAX_FORMULA_LENGTH || nesting > MAX_FORMULA_NESTING)
      throw new Stop({ kind: 'too-long', output, length: widest.length, nesting });
    return { output, formulaAt, length: widest.length, nesting };
  }

  /** Tier text -> its score ("" for tiers without one). */
  private scoreOfTier(tierText: string): string {
    const arms = this.table.tiers.flatMap((t) =>
      t.score === undefined ? [] : [`${excelString(t.id)},${this.num(t.score)}`],
    );
    return `SWITCH(${tierText},${arms.join(',')},"")`;
  }

  // ---------------------------------------------------------------------------
  // What formulas cannot compute exactly

  private checkSupported(table: GradingTable): void {
    if (table.method.kind === 'rfm') throw new Stop({ kind: 'unsupported', feature: 'rfm', table: table.id });
    for (const input of table.inputs) {
      if (input.source) {
        const source = this.options.resolve?.(input.source.table);
        if (!source) continue;
        if (input.source.output === 'score' && !hasScore(source))
          throw new Stop({ kind: 'unsupported', feature: 'score-from-unscored', table: table.id, input: input.id });
        this.checkSupported(source);
      } else if (input.type === 'text') {
        throw new Stop({ kind: 'unsupported', feature: 'text-input', table: table.id, input: input.id });
      }
    }
  }

  // ---------------------------------------------------------------------------
  // Literals and building blocks

  private num(x: number): string {
    const text = excelNumber(x);
    if (text === undefined) throw new Stop({ kind: 'unsupported', feature: 'number', table: this.table.id, value: x });
    return text;
  }

  private error(kind: FormulaErrorKind, input?: InputDef): string {
    const text = this.options.errorText?.(kind, input) ?? (input ? `${kind}:${input.id}` : kind);
    return excelString(text);
  }

  /** The first failing check's text, else `otherwise`. */
  private chain(checks: readonly Check[], otherwise: string): string {
    return checks.reduceRight((rest, c) => `IF(${c.cond},${c.text},${rest})`, otherwise);
  }

  /** IFS over arms, the last arm `otherwise` (none: #N/A when nothing holds); long lists nest. */
  private ifs(arms: Array<[string, string]>, otherwise?: string): string {
    if (arms.length === 0) return otherwise ?? 'NA()';
    const head = arms.slice(0, MAX_ARMS);
    const rest = arms.length > MAX_ARMS ? this.ifs(arms.slice(MAX_ARMS), otherwise) : otherwise;
    const tail = rest === undefined ? '' : `,TRUE(),${rest}`;
    return `IFS(${head.map(([c, r]) => `${c},${r}`).join(',')}${tail})`;
  }

  private switchOf(subject: string, arms: Array<[string, string]>, otherwise: string): string {
    if (arms.length === 0) return otherwise;
    const head = arms.slice(0, MAX_ARMS);
    const rest = arms.length > MAX_ARMS ? this.switchOf(subject, arms.slice(MAX_ARMS), otherwise) : otherwise;
    return `SWITCH(${subject},${head.map(([k, r]) => `${k},${r}`).join(',')},${rest})`;
  }

  // ---------------------------------------------------------------------------
  // Reading cells

  private cell(input: InputDef): string {
    return this.cells.get(input.id)!;
  }

  /** Whether the cell is blank for the engine and for Excel alike: empty, or only spaces. */
  private blankCell(input: InputDef): string {
    return `TRIM(${this.cell(input)})=""`;
  }

  /** The decoded value of a readable, non-blank cell: the number, the day serial, 0/1, the category index (-1 unread). */
  private decoded(input: InputDef): string {
    if (!this.useHelpers || (input.type !== 'category' && input.type !== 'boolean')) return this.decodedHere(input);
    let cell = this.decodedHelpers.get(input.id);
    if (cell === undefined) {
      cell = this.helper(this.decodedHere(input));
      this.decodedHelpers.set(input.id, cell);
    }
    return cell;
  }

  private decodedHere(input: InputDef): string {
    const c = this.cell(input);
    switch (input.type) {
      case 'number':
        return c;
      case 'date':
        return `INT(${c})`;
      case 'boolean': {
        const words = this.switchOf(
          `LOWER(TRIM(${c}))`,
          booleanKeys().map(([k, b]) => [excelString(k), String(b)]),
          '-1',
        );
        return `IF(ISLOGICAL(${c}),IF(${c},1,0),IF(ISNUMBER(${c}),IF(OR(${c}=0,${c}=1),${c},-1),${words}))`;
      }
      case 'category':
        return this.switchOf(
          `LOWER(TRIM(${c}))`,
          categoryKeys(input, excelTrim).map(([k, index]) => [excelString(k), String(index)]),
          '-1',
        );
      default:
        throw new Stop({ kind: 'unsupported', feature: 'text-input', table: this.table.id, input: input.id });
    }
  }

  /** Checks of one input, in the engine's order: error value, blank (when required), unreadable. */
  private decodeChecks(input: InputDef): Check[] {
    const c = this.cell(input);
    const checks: Check[] = [{ cond: `ISERROR(${c})`, text: this.error('cell-error', input) }];
    const required = input.required !== false;
    if (required) checks.push({ cond: this.blankCell(input), text: this.error('blank', input) });
    const guard = (test: string) => (required ? test : `AND(NOT(${this.blankCell(input)}),${test})`);
    switch (input.type) {
      case 'number':
        checks.push({
          cond: guard(`NOT(ISNUMBER(${c}))`),
          text: `IF(ISTEXT(${c}),${this.error('unread-text', input)},${this.error('not-a-number', input)})`,
        });
        break;
      case 'date':
        checks.push({ cond: guard(`ISTEXT(${c})`), text: this.error('unread-text', input) });
        checks.push({
          cond: guard(`NOT(AND(ISNUMBER(${c}),${c}>=1,${c}<${MAX_DATE_SERIAL + 1}))`),
          text: this.error('not-a-date', input),
        });
        break;
      case 'boolean':
        checks.push({ cond: guard(`${this.decoded(input)}<0`), text: this.error('not-a-boolean', input) });
        break;
      case 'category': {
        // A value named like an error code ("#N/A") is an error value for the engine, as typed text too.
        const codes = EXCEL_ERRORS.map((code) => code.toLowerCase());
        const named = categoryKeys(input, excelTrim).filter(([k]) => codes.includes(k));
        if (named.length > 0)
          checks.push({
            cond: guard(`OR(${named.map(([k]) => `LOWER(TRIM(${c}))=${excelString(k)}`).join(',')})`),
            text: this.error('cell-error', input),
          });
        checks.push({ cond: guard(`${this.decoded(input)}<0`), text: this.error('unknown-category', input) });
        break;
      }
      default:
        break;
    }
    return checks;
  }

  // ---------------------------------------------------------------------------
  // Levels

  private level(table: GradingTable): Level {
    const checks: Check[] = [];
    const value = new Map<string, string>();
    const known = new Map<string, string | undefined>();
    const own: Check[] = [];
    for (const input of table.inputs) {
      if (input.source) continue;
      own.push(...this.decodeChecks(input));
      value.set(input.id, this.decoded(input));
      // A required input is never blank where its value is read: the Error column has stopped the row.
      known.set(input.id, input.required === false ? `NOT(${this.blankCell(input)})` : undefined);
    }
    if (this.useHelpers && table === this.table) {
      // Input checks in helper columns of at most CHECKS_PER_HELPER nested IFs each.
      for (let k = 0; k < own.length; k += CHECKS_PER_HELPER) {
        const inputs = this.helper(this.chain(own.slice(k, k + CHECKS_PER_HELPER), '""'));
        checks.push({ cond: `${inputs}<>""`, text: inputs });
      }
    } else checks.push(...own);
    for (const input of table.inputs) {
      if (!input.source) continue;
      const source = this.options.resolve!(input.source.table)!;
      const inner = this.level(source);
      const error = this.chain(inner.checks, '""');
      checks.push({ cond: `${error}<>""`, text: error });
      const indexes = source.tiers.map((_t, k) => String(k));
      value.set(input.id, input.source.output === 'score' ? inner.score! : inner.tier(indexes));
      known.set(input.id, undefined);
    }
    const ctx: LevelContext = { table, checks, value, known };
    const method = table.method;
    switch (method.kind) {
      case 'scorecard':
        return this.scorecard(method, ctx);
      case 'rules':
        return this.rules(method, ctx);
      case 'matrix':
        return this.matrix(method, ctx);
      case 'rfm':
        throw new Stop({ kind: 'unsupported', feature: 'rfm', table: table.id });
    }
  }

  /** `test` where the input is known; FALSE where it is blank (evaluated lazily, so a blank never errs). */
  private whenKnown(ctx: LevelContext, input: InputDef, test: string): string {
    const known = ctx.known.get(input.id);
    return known === undefined ? test : `IF(${known},${test},FALSE())`;
  }

  private scorecard(method: ScorecardMethod, ctx: LevelContext): Level {
    const { table } = ctx;
    const points: string[] = [];
    let largest = 0;
    method.criteria.forEach((c) => {
      const input = inputOf(table, c.input);
      const v = ctx.value.get(c.input)!;
      const weight = c.weight ?? 1;
      const band = this.bandCase(
        input,
        v,
        c.bands.map((b) => b.match),
        c.bands.map((b) => this.num(b.points * weight)),
        '0',
      );
      const known = ctx.known.get(input.id);
      const blank = c.blankPoints === undefined ? '0' : this.num(c.blankPoints * weight);
      points.push(known === undefined ? band : `IF(${known},${band},${blank})`);
      largest += Math.max(Math.abs((c.blankPoints ?? 0) * weight), ...c.bands.map((b) => Math.abs(b.points * weight)));
      if (c.blankPoints === undefined && known !== undefined)
        ctx.checks.push({ cond: `NOT(${known})`, text: this.error('blank', input) });
      const found = this.bandFound(
        input,
        v,
        c.bands.map((b) => b.match),
      );
      if (found !== 'TRUE()')
        ctx.checks.push({ cond: this.whenKnown(ctx, input, `NOT(${found})`), text: this.error('out-of-range', input) });
    });
    let total = points.join('+');
    for (const m of method.multipliers ?? []) {
      total = `(${total})*IF(${this.condition(m.when, ctx)},${this.num(m.factor)},1)`;
      largest *= Math.max(1, Math.abs(m.factor));
    }
    let score = total;
    if (!scorecardSumIsExact(method)) score = this.jsRound(score, 1e9, largest);
    if (method.round !== undefined) score = this.jsRound(score, 10 ** method.round, largest);
    const tierFromScore = (s: string, results: readonly string[]) =>
      this.thresholds(table, method.thresholds, s, results);
    return {
      table,
      checks: ctx.checks,
      score,
      tierFromScore,
      tier: (results) => tierFromScore(score, results),
    };
  }

  /**
   * Math.round(x * scale) / scale, to the bit. Where |x * scale| stays below
   * 2^52 for every row, floor(y + 0.5) is exact (y + 0.5 is then computed
   * without rounding, but for y = 0.5 - 2^-54); beyond, the whole and the
   * fractional part are taken apart, which repeats x. FLOOR.MATH, not INT:
   * HyperFormula's INT truncates negative numbers toward zero.
   */
  private jsRound(x: string, scale: number, largest: number): string {
    const y = `(${x})*${this.num(scale)}`;
    if (largest * scale < 2 ** 52) return `FLOOR.MATH(${y}+0.5)/${this.num(scale)}`;
    return `(FLOOR.MATH(${y})+IF(${y}-FLOOR.MATH(${y})>=0.5,1,0))/${this.num(scale)}`;
  }

  private rules(method: RulesMethod, ctx: LevelContext): Level {
    const { table } = ctx;
    const tests = method.rules.map((r) => this.condition(r.when, ctx));
    if (method.default === undefined)
      ctx.checks.push({ cond: `NOT(${logical('OR', tests)})`, text: this.error('no-match') });
    const fallback = method.default === undefined ? undefined : tierIndex(table, method.default);
    const scored = hasScore(table);
    const level: Level = {
      table,
      checks: ctx.checks,
      tier: (results) =>
        this.ifs(
          method.rules.map((r, k): [string, string] => [tests[k]!, results[tierIndex(table, r.tier)]!]),
          fallback === undefined ? undefined : results[fallback],
        ),
    };
    // Inside a composition the score of a rules table is its tier's score; at the top the Score cell reads the Tier cell.
    if (scored && table !== this.table)
      level.score = level.tier(table.tiers.map((t) => (t.score === undefined ? '""' : this.num(t.score))));
    return level;
  }

  private matrix(method: MatrixMethod, ctx: LevelContext): Level {
    const { table } = ctx;
    const axis = (a: MatrixMethod['rows']) => {
      const input = inputOf(table, a.input);
      const v = ctx.value.get(a.input)!;
      const matches = a.bands.map((b) => b.match);
      const band = this.bandCase(
        input,
        v,
        matches,
        a.bands.map((_b, k) => String(k)),
        '-1',
      );
      const known = ctx.known.get(input.id);
      if (known !== undefined) ctx.checks.push({ cond: `NOT(${known})`, text: this.error('blank', input) });
      const found = this.bandFound(input, v, matches);
      if (found !== 'TRUE()') ctx.checks.push({ cond: `NOT(${found})`, text: this.error('out-of-range', input) });
      return band;
    };
    const rb = axis(method.rows);
    const cb = axis(method.columns);
    const width = method.columns.bands.length;
    const flat = method.cells.flat();
    // One CHOOSE over every cell while Excel takes that many arguments; beyond, an array constant
    // (literal texts and numbers only), else a CHOOSE per row.
    const pick = (values: string[]) => {
      if (values.length <= MAX_ARGUMENTS) return `CHOOSE((${rb})*${width}+(${cb})+1,${values.join(',')})`;
      if (values.every((v) => ARRAY_LITERAL.test(v))) {
        const rows = method.cells.map((_row, r) => values.slice(r * width, (r + 1) * width).join(','));
        return `INDEX({${rows.join(';')}},(${rb})+1,(${cb})+1)`;
      }
      const rows = method.cells.map(
        (_row, r) => `CHOOSE((${cb})+1,${values.slice(r * width, (r + 1) * width).join(',')})`,
      );
      return `CHOOSE((${rb})+1,${rows.join(',')})`;
    };
    if (method.output === 'score') {
      const score = pick(flat.map((x) => this.num(Number(x))));
      const tierFromScore = (s: string, results: readonly string[]) =>
        this.thresholds(table, method.thresholds!, s, results);
      return { table, checks: ctx.checks, score, tierFromScore, tier: (results) => tierFromScore(score, results) };
    }
    return {
      table,
      checks: ctx.checks,
      tier: (results) => pick(flat.map((id) => results[tierIndex(table, String(id))]!)),
    };
  }

  private thresholds(
    table: GradingTable,
    thresholds: readonly Threshold[],
    score: string,
    results: readonly string[],
  ): string {
    const { arms, last } = thresholdArms(thresholds, table);
    return this.ifs(
      arms.map((a): [string, string] => [`${score}${a.op}${this.num(a.bound)}`, results[a.tier]!]),
      results[last],
    );
  }

  /** The band's result for a known value, in the engine's scan order; `none` outside every band. */
  private bandCase(
    input: InputDef,
    v: string,
    matches: readonly BandMatch[],
    results: readonly string[],
    none: string,
  ): string {
    const scan = bandScan(input, matches);
    if (scan.kind === 'values')
      return this.switchOf(
        v,
        scan.arms.map(({ value, band }): [string, string] => [String(value), results[band]!]),
        none,
      );
    const arms: Array<[string, string]> = [];
    if (scan.below) arms.push([`${v}${scan.below.inclusive ? '<' : '<='}${this.num(scan.below.lo)}`, none]);
    let open = false;
    for (const { band, hi, hiInclusive } of scan.arms) {
      if (hi === Infinity) {
        open = true;
        arms.push(['TRUE()', results[band]!]);
        break;
      }
      arms.push([`${v}${hiInclusive ? '<=' : '<'}${this.num(hi)}`, results[band]!]);
    }
    return this.ifs(arms, open ? undefined : none);
  }

  /** Whether a known value falls in some band. */
  private bandFound(input: InputDef, v: string, matches: readonly BandMatch[]): string {
    const scan = bandScan(input, matches);
    if (scan.kind === 'values') {
      const values = [...new Set(scan.arms.map((a) => a.value))];
      return values.length === 0 ? 'FALSE()' : `OR(${values.map((x) => `${v}=${x}`).join(',')})`;
    }
    const tests: string[] = [];
    if (scan.below) tests.push(`${v}${scan.below.inclusive ? '>=' : '>'}${this.num(scan.below.lo)}`);
    // Contiguous bands: a value is in one unless it passes the last upper end.
    const last = scan.arms.reduce((m, a) => (a.hi > m.hi ? a : m));
    if (last.hi !== Infinity) tests.push(`${v}${last.hiInclusive ? '<=' : '<'}${this.num(last.hi)}`);
    return tests.length === 0 ? 'TRUE()' : `AND(${tests.join(',')})`;
  }

  // ---------------------------------------------------------------------------
  // Conditions: a blank input makes every test false except blank.

  private condition(node: ConditionNode, ctx: LevelContext): string {
    const v = (input: InputDef) => ctx.value.get(input.id)!;
    const known = (input: InputDef) => ctx.known.get(input.id) ?? 'TRUE()';
    const printer: ConditionPrinter<string> = {
      all: (parts) => logical('AND', parts),
      any: (parts) => logical('OR', parts),
      not: (part) => `NOT(${part})`,
      blank: (input) => `NOT(${known(input)})`,
      known,
      never: () => 'FALSE()',
      bounds: (input, bounds) =>
        this.whenKnown(ctx, input, `AND(${bounds.map((b) => `${v(input)}${b.op}${this.num(b.x)}`).join(',')})`),
      oneOf: (input, values) =>
        this.whenKnown(ctx, input, `OR(${values.map((x) => `${v(input)}=${this.num(x)}`).join(',')})`),
      compare: (input, op, x) => this.whenKnown(ctx, input, `${v(input)}${op}${this.num(x)}`),
    };
    return walkCondition(node, ctx.table, printer);
  }
}

interface LevelContext {
  table: GradingTable;
  checks: Check[];
  /** Input id -> its decoded value. */
  value: Map<string, string>;
  /** Input id -> the test that it is not blank; undefined for results of other tables (never blank). */
  known: Map<string, string | undefined>;
}

/** AND / OR over any number of parts: nested in groups Excel takes. */
function logical(fn: 'AND' | 'OR', parts: readonly string[]): string {
  if (parts.length <= MAX_ARGUMENTS) return `${fn}(${parts.join(',')})`;
  const groups: string[] = [];
  for (let k = 0; k < parts.length; k += MAX_ARGUMENTS) groups.push(logical(fn, parts.slice(k, k + MAX_ARGUMENTS)));
  return logical(fn, groups);
}

function outputToken(output: FormulaOutput): string {
  return `\uE001${output}\uE001`;
}

/** Functions newer than Excel 2007, which an .xlsx file names with the _xlfn. prefix. */
const NEWER_FUNCTIONS = /(?<![A-Za-z0-9_.])(IFS|SWITCH|FLOOR\.MATH)\(/g;

/**
 * A formula as an .xlsx file stores it: functions added after Excel 2007
 * carry the `_xlfn.` prefix (without it Excel shows #NAME?). Office.js and
 * the formula bar take the formula without the prefix.
 */
export function fileFormula(formula: string): string {
  return formula
    .split('"')
    .map((part, k) => (k % 2 === 0 ? part.replace(NEWER_FUNCTIONS, '_xlfn.$1(') : part))
    .join('"');
}

/** Excel's TRIM: spaces off both ends, inner runs of spaces made one. */
export function excelTrim(text: string): string {
  return text.replace(/ +/g, ' ').replace(/^ | $/g, '');
}

/** Deepest nesting of parentheses outside string literals. */
function nestingOf(formula: string): number {
  let depth = 0;
  let deepest = 0;
  let quoted = false;
  for (const ch of formula) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') deepest = Math.max(deepest, ++depth);
    else if (!quoted && ch === ')') depth--;
  }
  return deepest;
}
