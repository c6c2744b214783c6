/**
 * The `table` argument: a built-in preset id as text, or a block of cells
 * holding a grading table in sheet form (usually a defined name on the rules
 * sheet), optionally stacked with the workbook tables it takes results from
 * (VSTACK(TW_nine_box, TW_my_potential); ADR 0005). Parsed, validated and
 * compiled once per distinct content; an invalid table gives its first
 * problem with its cell address.
 */
import type { Cell, CompiledTable, GradingTable, RfmMethod, TableProblem, TableResolver } from '../engine';
import { compileTable, validateTable } from '../engine/compile';
import { getPreset, PRESET_IDS } from '../engine/presets';
import { RFM_PRESETS } from '../engine/rfm';
import { tableDefinedName } from '../engine/plan';
import { parseSheetTables, type SheetOrigin } from '../engine/sheet-form';
import type { FunctionFailure } from '../excel/error-mapping';
import { toRows } from './cells';
import { argumentFailure, type FunctionsContext } from './context';
import { cellsKey } from './table-cache';

export type TableLookup<T> = { ok: true; value: T } | { ok: false; failure: FunctionFailure };

/** What the cache keeps for a failed table: no message text, so it serves every language. */
type Cached<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'problem'; problem: TableProblem }
  | { ok: false; reason: 'unknown-table'; value: string }
  | { ok: false; reason: 'not-rfm-table'; table: string }
  | { ok: false; reason: 'unknown-source'; cell: string; table: string; name: string; source: string };

/** How a table argument's cells become a cached result: the table, where its cells are, its sources. */
type Build<T> = (
  table: GradingTable,
  cellOf: (path: string) => string | undefined,
  resolve: TableResolver,
) => Cached<T>;

/** A problem placed on its cell; a source found nowhere says how to pass it. */
function problemOf<T>(
  problem: TableProblem,
  cellOf: (path: string) => string | undefined,
  main: GradingTable,
): Cached<T> {
  const at = placed(problem, cellOf);
  const table = at.detail?.table;
  if (at.code === 'unknown-table' && typeof table === 'string' && /\.source\b/.test(at.path)) {
    const [name, source] = [tableDefinedName(main.id), tableDefinedName(table)];
    return { ok: false, reason: 'unknown-source', cell: at.cell ?? at.path, table, name, source };
  }
  return { ok: false, reason: 'problem', problem: at };
}

/** A grading table compiled for TIER_SCORE (an RFM table grades the rows as one population). */
export function gradingTableArgument(
  ctx: FunctionsContext,
  cells: readonly (readonly unknown[])[],
  address?: string,
): TableLookup<CompiledTable> {
  return lookup(ctx, 'grade', cells, address, getPreset, buildCompiled);
}

/** Module-level (not a closure per call): this runs on every one of 100,000 single-row calls. */
const buildCompiled: Build<CompiledTable> = (table, cellOf, resolve) => {
  const result = compileTable(table, { resolve });
  if (result.ok) return { ok: true, value: result.compiled };
  return problemOf(result.problems[0]!, cellOf, table);
};

export interface RfmTableArgument {
  table: GradingTable;
  method: RfmMethod;
}

/** An RFM table (segments) for RFM: "rfm", "rfm-11", or a sheet-form table whose method is rfm. */
export function rfmTableArgument(
  ctx: FunctionsContext,
  cells: readonly (readonly unknown[])[],
  address?: string,
): TableLookup<RfmTableArgument> {
  return lookup(ctx, 'rfm', cells, address, getPreset, buildRfm);
}

const buildRfm: Build<RfmTableArgument> = (table, cellOf, resolve) => {
  if (table.method.kind !== 'rfm') return { ok: false, reason: 'not-rfm-table', table: table.id };
  const problems = validateTable(table, { resolve });
  if (problems.length > 0) return problemOf(problems[0]!, cellOf, table);
  return { ok: true, value: { table, method: table.method } };
};

/**
 * The table block of the latest call per cache, kept as a copy: Excel passes the same table (fresh
 * arrays with equal cells) to thousands of calls in a row, and comparing cells is cheaper than
 * hashing them.
 */
const recent = new WeakMap<
  object,
  { kind: string; address: string | undefined; cells: Cell[][]; cached: Cached<unknown> }
>();

function sameCells(a: readonly (readonly Cell[])[], b: readonly (readonly Cell[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

function lookup<T>(
  ctx: FunctionsContext,
  kind: string,
  raw: readonly (readonly unknown[])[],
  address: string | undefined,
  presetOf: (id: string) => GradingTable | undefined,
  build: Build<T>,
): TableLookup<T> {
  let cached: Cached<T>;
  const last = recent.get(ctx.cache);
  // The block as Excel passed it, against the latest call's: a block holding error objects never
  // matches the kept copy (converted to `{ error }`), so it goes the long way below.
  if (last && last.kind === kind && last.address === address && sameCells(last.cells, raw as readonly Cell[][])) {
    cached = last.cached as Cached<T>;
  } else {
    cached = lookupCells(ctx, kind, toRows(raw), address, presetOf, build);
  }
  if (cached.ok) return cached;
  switch (cached.reason) {
    case 'problem':
      return { ok: false, failure: { kind: 'table-problem', problem: cached.problem } };
    case 'unknown-table': {
      const presets = kind === 'rfm' ? RFM_PRESETS.map((p) => p.id) : PRESET_IDS;
      return {
        ok: false,
        failure: argumentFailure(ctx, 'functions.unknown-table', { value: cached.value, presets: presets.join(', ') }),
      };
    }
    case 'not-rfm-table':
      return { ok: false, failure: argumentFailure(ctx, 'functions.not-rfm-table', { table: cached.table }) };
    case 'unknown-source': {
      const { cell, table, name, source } = cached;
      return { ok: false, failure: argumentFailure(ctx, 'functions.unknown-source', { cell, table, name, source }) };
    }
  }
}

/** A table argument's cells (errors converted) to its cached result: a preset id, or a sheet-form block. */
function lookupCells<T>(
  ctx: FunctionsContext,
  kind: string,
  cells: Cell[][],
  address: string | undefined,
  presetOf: (id: string) => GradingTable | undefined,
  build: Build<T>,
): Cached<T> {
  if (cells.length === 1 && cells[0]!.length === 1) {
    const value = cells[0]![0];
    const id = typeof value === 'string' ? value.trim().toLowerCase() : String(value ?? '');
    return ctx.cache.get(`${kind}:preset:${id}`, (): Cached<T> => {
      const preset = presetOf(id);
      return preset ? build(preset, () => undefined, getPreset) : { ok: false, reason: 'unknown-table', value: id };
    });
  }
  const origin = originOf(address);
  const cached = ctx.cache.get(`${kind}:${cellsKey(cells, address ?? '')}`, (): Cached<T> => {
    const parsed = parseSheetTables(cells, origin);
    if (!parsed.ok) return { ok: false, reason: 'problem', problem: parsed.problems[0]! };
    const { main, sources } = parsed;
    return build(main.table, main.cellOf, (id) => sources.get(id) ?? getPreset(id));
  });
  recent.set(ctx.cache, { kind, address, cells: cells.map((row) => row.slice()), cached });
  return cached;
}

function placed(problem: TableProblem, cellOf: (path: string) => string | undefined): TableProblem {
  if (problem.cell !== undefined) return problem;
  const cell = cellOf(problem.path);
  return cell === undefined ? problem : { ...problem, cell };
}

/**
 * Where a range starts, from the address Excel gives with
 * @requiresParameterAddresses: "Rules!$A$1:$F$34", "'My rules'!B2:G40".
 */
export function originOf(address: string | undefined): SheetOrigin | undefined {
  if (!address) return undefined;
  const match = /^(?:(?:'((?:[^']|'')+)'|([^!]+))!)?\$?([A-Z]{1,3})\$?(\d+)/i.exec(address.trim());
  if (!match) return undefined;
  const sheet = match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
  let column = 0;
  for (const ch of match[3]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { ...(sheet === undefined ? {} : { sheet }), row: Number(match[4]) - 1, column: column - 1 };
}
