import type { TableProblem } from './errors';
import { assertNever, TierwiseUsageError } from './errors';
import { writeExplanation } from './explain';
import type { CompiledTable } from './grader';
import { CompiledGradingTable, type DerivedSlot } from './grading/compiled-table';
import { compileAbcTable } from './grading/abc';
import { compileMatrix } from './grading/matrix';
import type { MethodContext, MethodEvaluator } from './grading/method';
import { compileRules } from './grading/rules';
import { compileScorecard } from './grading/scorecard';
import { compileTimedScorecard, isTimedScorecard } from './time/timed-scorecard';
import type { GradingTable } from './model';
import { compileRfmTable, validateRfmMethod } from './rfm/compile-table';
import { TABLE_FORMAT, TABLE_FORMAT_VERSION } from './model';
import { contentKey } from './table/canonical';
import { checkShape, isPlainObject } from './table/check-shape';
import { gradingTableShape } from './table/shape';
import { mergeSourceColumns } from './table/sheet-columns';
import { validateSemantics, type TableResolver } from './table/validate';

export type { TableResolver };

export interface CompileOptions {
  /** Finds tables that this one takes results from (workbook tables, presets). */
  resolve?: TableResolver;
}

export type CompileResult = { ok: true; compiled: CompiledTable } | { ok: false; problems: TableProblem[] };

/**
 * Every problem of a table, structural and semantic, with JSON paths; empty
 * when the table is valid. Tables from other tables' sources are checked too.
 */
export function validateTable(input: unknown, options: CompileOptions = {}): TableProblem[] {
  return check(input, options, []);
}

/**
 * Validates a table once and compiles it into a fast grader. Never throws on
 * bad data: an invalid table gives `{ ok: false, problems }`.
 */
export function compileTable(input: unknown, options: CompileOptions = {}): CompileResult {
  const problems = validateTable(input, options);
  if (problems.length > 0) return { ok: false, problems };
  const table = input as GradingTable;
  // RFM scores need the whole population (quantiles), so RFM tables have their own grader.
  if (table.method.kind === 'rfm') return { ok: true, compiled: compileRfmTable(table, table.method) };
  if (table.method.kind === 'abc') return { ok: true, compiled: compileAbcTable(table, table.method) };
  return { ok: true, compiled: build(table, options) };
}

function check(input: unknown, options: CompileOptions, trail: string[]): TableProblem[] {
  if (!isPlainObject(input)) return [{ code: 'not-an-object', path: '', detail: { found: typeof input } }];
  if (input.format !== TABLE_FORMAT) {
    return [{ code: 'bad-format', path: 'format', detail: { expected: TABLE_FORMAT } }];
  }
  if (typeof input.version === 'number' && input.version > TABLE_FORMAT_VERSION) {
    return [
      {
        code: 'unsupported-version',
        path: 'version',
        detail: { found: input.version, supported: TABLE_FORMAT_VERSION },
      },
    ];
  }
  const structural = checkShape(input, gradingTableShape);
  if (structural.length > 0) return structural;
  const table = input as unknown as GradingTable;
  const problems = validateSemantics(table, options.resolve);
  if (problems.length > 0) return problems;
  if (table.method.kind === 'rfm') {
    const rfm = validateRfmMethod(table.method, table.tiers, 'method', table.inputs);
    if (rfm.length > 0) return rfm;
  }
  // Tables this one draws on must be valid themselves; their problems point through the input.
  table.inputs.forEach((def, i) => {
    const id = def.source?.table;
    if (id === undefined || trail.includes(id) || id === table.id) return;
    const source = options.resolve?.(id);
    if (!source) return;
    for (const p of check(source, options, [...trail, table.id])) {
      problems.push({ ...p, path: `inputs[${i}].source(${id}).${p.path}` });
    }
  });
  return problems;
}

function build(table: GradingTable, options: CompileOptions): CompiledGradingTable {
  const slotOf = new Map(table.inputs.map((input, slot) => [input.id, slot]));
  const ctx: MethodContext = {
    slotOf: (id) => slotOf.get(id)!,
    inputOf: (id) => table.inputs[slotOf.get(id)!]!,
    tierIndex: (id) => table.tiers.findIndex((t) => t.id === id),
  };
  const sources = table.inputs
    .map((input, slot) => ({ input, slot }))
    .filter((x) => x.input.source)
    .map((x) => ({ ...x, compiled: build(options.resolve!(x.input.source!.table)!, options) }));

  const columns = mergeSourceColumns(
    table,
    sources.map((s) => s.compiled.columns),
  );
  const derived: DerivedSlot[] = sources.map((s) => ({
    slot: s.slot,
    input: s.input,
    source: s.compiled,
    columnIndex: Int32Array.from(s.compiled.columns, (c) => columns.findIndex((own) => own.id === c.id)),
  }));
  return new CompiledGradingTable(
    table,
    contentKey(table),
    columns,
    compileMethod(table, ctx),
    derived,
    writeExplanation,
  );
}

function compileMethod(table: GradingTable, ctx: MethodContext): MethodEvaluator {
  const method = table.method;
  switch (method.kind) {
    case 'scorecard':
      return isTimedScorecard(method) ? compileTimedScorecard(method, ctx) : compileScorecard(method, ctx);
    case 'rules':
      return compileRules(method, table.tiers, ctx);
    case 'matrix':
      return compileMatrix(method, ctx);
    case 'rfm':
      throw new TierwiseUsageError('rfm tables are compiled by engine/rfm (compileRfmTable)');
    case 'abc':
      throw new TierwiseUsageError('abc tables are compiled by engine/grading/abc (compileAbcTable)');
    default:
      return assertNever(method, 'method');
  }
}
