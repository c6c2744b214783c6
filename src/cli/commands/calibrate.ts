import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { calibrateThresholds } from '../../engine/grading/calibrate';
import type { GradingTable, Threshold } from '../../engine/model';
import type { Cell } from '../../engine/values/cell';
import { localize } from '../../i18n';
import { startCommand, type CommandContext, type OptionSpec } from '../args';
import type { CliCommand } from '../command';
import { openCsv } from '../csv';
import { readFileArguments } from '../file-arguments';
import { formatShare, renderColumns } from '../format';
import { commitOutput, discardOutput, formatOutputProblem, formatWriteFailure, planOutput } from '../output';
import { loadCompiledTable } from '../table-source';
import { cliText, formatCsvProblem } from '../text';
import { formatXlsxProblem, isXlsxPath } from '../xlsx/grade-xlsx';
import { openXlsxSheet } from '../xlsx/read';
import { mapFileColumns } from './grade';

const OPTIONS: readonly OptionSpec[] = [
  { name: 'table', kind: 'value' },
  { name: 'shares', kind: 'value' },
  { name: 'out', kind: 'value' },
  { name: 'force', kind: 'flag' },
  { name: 'map', kind: 'list' },
  { name: 'sheet', kind: 'value' },
];

/**
 * `tierwise calibrate DATA --table T [--shares 20,30,50] [--out T.json]`:
 * grades the data, proposes fixed thresholds that reach the target share of
 * customers per tier (the tiers' targetShare by default), prints them with
 * the shares they reach, and with --out writes the table with them frozen.
 */
export const calibrateCommand: CliCommand = {
  name: 'calibrate',
  summary: 'Propose fixed thresholds that reach target tier shares on a file',
  usage:
    'Usage: tierwise calibrate INPUT.csv|INPUT.xlsx --table PRESET_OR_FILE.json [--shares 20,30,50] [--out FILE.json]\n',
  async run(argv, io) {
    const context = startCommand(this, argv, io, OPTIONS, (locale) => cliText(locale, 'calibrate.usage'));
    if (typeof context === 'number') return context;
    const { locale, args } = context;
    const files = readFileArguments(context);
    if (typeof files === 'number') return files;
    const { input, tableSpec, overrides } = files;
    const loaded = await loadCompiledTable(tableSpec, context);
    if (!loaded.ok) return loaded.exitCode;
    const { compiled } = loaded;
    const table = compiled.table;
    if (!hasThresholds(table)) {
      context.error(cliText(locale, 'calibrate.no-thresholds', { table: table.id }));
      return 1;
    }
    const targets = targetShares(table, args.values.get('shares'));
    if (!targets.ok) return context.usageError(cliText(locale, 'calibrate.bad-shares', { value: targets.given }));

    const read = await readRows(input, args.values.get('sheet'), context);
    if (!read.ok) return read.exitCode;
    const mapped = mapFileColumns(compiled, read.header, { input, overrides }, context);
    if (!mapped.ok) return mapped.result.exitCode;
    const batch = compiled.gradeRows(read.rows, mapped.mapping.map);
    const scores = Float64Array.from(batch.scores, (s, i) => (batch.tiers[i]! < 0 ? NaN : s));
    const tierIds = table.tiers.map((t) => t.id);
    const cumulative = targets.shares
      .slice(0, -1)
      .map((_, k) => targets.shares.slice(0, k + 1).reduce((a, b) => a + b, 0));
    const calibration = calibrateThresholds(scores, tierIds, cumulative);

    context.print(cliText(locale, 'calibrate.title', { table: table.id, rows: calibration.scored }));
    const heading = cliText(locale, 'calibrate.columns').split('|');
    const rows = calibration.thresholds.map((t, k) => [
      t.tier,
      localize(table.tiers[k]?.label, locale),
      t.gte === undefined ? cliText(locale, 'calibrate.rest') : `>= ${t.gte}`,
      formatShare(calibration.shares[k]!),
      formatShare(targets.shares[k]!),
    ]);
    for (const line of renderColumns([heading, ...rows], [3, 4], '  ')) context.print(line);

    const out = args.values.get('out');
    if (out === undefined) return 0;
    return writeFrozen(
      freeze(table, calibration.thresholds),
      out,
      [input, tableSpec],
      args.flags.has('force'),
      context,
    );
  },
};

function hasThresholds(table: GradingTable): boolean {
  return table.method.kind === 'scorecard' || (table.method.kind === 'matrix' && table.method.thresholds !== undefined);
}

/** Per-tier target shares (0..1): --shares "20,30,50" (percent) or "0.2,0.3,0.5", else the tiers' targetShare. */
function targetShares(
  table: GradingTable,
  given: string | undefined,
): { ok: true; shares: number[] } | { ok: false; given: string } {
  const n = table.tiers.length;
  let shares: number[];
  if (given === undefined) {
    shares = table.tiers.map((t) => t.targetShare ?? NaN);
  } else {
    const parts = given.split(',').map((p) => Number(p.trim().replace(/%$/, '')));
    const percent = parts.some((p) => p > 1);
    shares = parts.map((p) => (percent ? p / 100 : p));
  }
  // The last tier takes the rest: it may be left out.
  if (shares.length === n - 1) shares.push(1 - shares.reduce((a, b) => a + b, 0));
  const sum = shares.reduce((a, b) => a + b, 0);
  const ok = shares.length === n && shares.every((s) => s >= 0 && s <= 1) && sum > 0 && sum <= 1 + 1e-9;
  return ok
    ? { ok: true, shares }
    : { ok: false, given: given ?? table.tiers.map((t) => t.targetShare ?? '?').join(',') };
}

/** The table with fixed thresholds in place of the old ones. */
function freeze(table: GradingTable, thresholds: Threshold[]): GradingTable {
  const method = table.method;
  if (method.kind !== 'scorecard' && method.kind !== 'matrix') return table;
  return { ...table, method: { ...method, thresholds } };
}

async function writeFrozen(
  table: GradingTable,
  out: string,
  inputs: string[],
  force: boolean,
  context: CommandContext,
): Promise<number> {
  const { locale } = context;
  const planned = await planOutput({ name: out, cwd: context.io.cwd, inputs, force });
  if (!planned.ok) return context.usageError(formatOutputProblem(planned.problem, locale));
  const target = planned.target;
  if (target.kind !== 'file')
    return context.usageError(formatOutputProblem({ kind: 'out-not-regular', file: out }, locale));
  try {
    await writeFile(target.temp, JSON.stringify(table, null, 2) + '\n', { flag: 'wx' });
    await commitOutput(target);
  } catch (error) {
    await discardOutput(target);
    context.error(formatWriteFailure(error, out, locale));
    return 1;
  }
  context.print(cliText(locale, 'calibrate.wrote', { file: out }));
  return 0;
}

/** Every row of a CSV or an .xlsx sheet, with its header. */
async function readRows(
  input: string,
  sheet: string | undefined,
  context: CommandContext,
): Promise<{ ok: true; header: string[]; rows: Cell[][] } | { ok: false; exitCode: number }> {
  const path = resolve(context.io.cwd, input);
  const rows: Cell[][] = [];
  if (isXlsxPath(input)) {
    const opened = await openXlsxSheet(path, sheet, 16384);
    if (!opened.ok) {
      context.error(formatXlsxProblem(opened.problem, input, context.locale));
      return { ok: false, exitCode: 1 };
    }
    for await (const chunk of opened.rows.chunks) for (const row of chunk) rows.push(row);
    const header = opened.rows.header.map((h) => (h === null || h === undefined ? '' : String(h)));
    return { ok: true, header, rows };
  }
  const opened = await openCsv(path, { file: input, delimiter: ',' });
  if (!opened.ok) {
    context.error(formatCsvProblem(opened.problem, context.locale));
    return { ok: false, exitCode: 1 };
  }
  for await (const batch of opened.table.batches) {
    for (const record of batch) {
      if (record.kind === 'problem') {
        context.error(formatCsvProblem(record.problem, context.locale));
        return { ok: false, exitCode: 1 };
      }
      rows.push(record.cells);
    }
  }
  return { ok: true, header: opened.table.header, rows };
}
