/**
 * `tierwise grade customers.xlsx`: reads one sheet in streaming fashion,
 * grades it in chunks and writes a new workbook by executing the engine's
 * apply plan (src/engine/plan), so the file looks as the add-in's Apply
 * would leave it. The input is never modified.
 */
import { basename, dirname, extname, join, resolve } from 'node:path';
import { inputHeaders } from '../../engine/columns';
import type { CompiledTable } from '../../engine/grader';
import type { Locale } from '../../engine/model';
import {
  planApply,
  planRows,
  planSummary,
  RULES_SHEET,
  SUMMARY_SHEET,
  TABLE_NAME_PREFIX,
  type ApplyFrame,
} from '../../engine/plan';
import { sheetNameProblem, usableSheetName } from '../../engine/plan/sheet-names';
import { mergeSummaries, summarize, type GradeSummary } from '../../engine/summary';
import type { Cell } from '../../engine/values/cell';
import { getPreset } from '../../engine/presets';
import { fill } from '../../i18n';
import { xlsxEnUS, type XlsxMessageKey } from '../../i18n/xlsx.en-US';
import { xlsxZhCN } from '../../i18n/xlsx.zh-CN';
import type { CommandContext } from '../args';
import { displayPath, formatSummary, mapFileColumns, type GradeFileResult } from '../commands/grade';
import {
  commitOutput,
  discardOutput,
  formatOutputProblem,
  formatWriteFailure,
  planOutput,
  type OutputTarget,
} from '../output';
import { cliText } from '../text';
import { EXCEL_MAX_ROWS, openXlsxSheet, XlsxReadError, type XlsxProblem } from './read';
import { xlsxFormulaMode } from './formula-cells';
import { OwnCells } from './patch/own-cells';
import { rulesSheetXml, summarySheetXml, tierConditionalFormats } from './patch/own-sheets';
import { WorkbookPatcher } from './patch/patch-workbook';
import { withoutPreviousGrading } from './patch/previous-grading';
import { SheetCellConflict } from './patch/sheet-patch';

/** Rows graded and written per step: few engine calls, bounded memory. */
export const XLSX_CHUNK_ROWS = 16384;

export interface GradeXlsxRequest {
  compiled: CompiledTable;
  /** The input .xlsx, as the user named it (relative to the working directory). */
  input: string;
  /** Default: INPUT.graded.xlsx next to the input. */
  out?: string;
  /** The sheet to grade; default the first. */
  sheet?: string;
  force: boolean;
  /** input id -> header, as --map gives it. */
  overrides: Record<string, string>;
  strategy?: boolean;
  followUp?: boolean;
  explain?: boolean;
  /** Leave out the per-tier summary (the demo prints it once for both of its files). */
  quiet?: boolean;
  /** Score, Tier and Error as native Excel formulas (--formulas), cached results the engine's. */
  formulas?: boolean;
}

export function xlsxText(locale: Locale, key: XlsxMessageKey, params: Record<string, string | number> = {}): string {
  const table: Record<XlsxMessageKey, string> = locale === 'zh-CN' ? xlsxZhCN : xlsxEnUS;
  return fill(table[key], params);
}

/** Why a workbook could not be read, as one line naming the file. */
export function formatXlsxProblem(problem: XlsxProblem, file: string, locale: Locale): string {
  switch (problem.kind) {
    case 'no-sheet':
      return xlsxText(locale, 'xlsx.no-sheet', { file, sheet: problem.sheet, sheets: problem.sheets.join(', ') });
    case 'missing-sheet-part':
      return xlsxText(locale, 'xlsx.missing-sheet-part', { file, sheet: problem.sheet, part: problem.part });
    case 'empty':
      return xlsxText(locale, 'xlsx.empty', { file });
    case 'not-found':
      return cliText(locale, 'csv.not-found', { file });
    case 'unreadable':
      return xlsxText(locale, 'xlsx.unreadable', { file, reason: problem.reason });
    case 'damaged':
      return xlsxText(locale, 'xlsx.damaged', { file });
    case 'entities':
      return xlsxText(locale, 'xlsx.entities', { file, entry: problem.entry });
    case 'too-large':
      return xlsxText(locale, 'xlsx.too-large', {
        file,
        entry: problem.entry,
        size: String(problem.inflated),
        limit: problem.limit,
      });
    case 'inflates-too-large':
      return xlsxText(locale, 'xlsx.inflates-too-large', {
        file,
        entry: problem.entry,
        declared: problem.declared,
        limit: problem.limit,
      });
  }
}

/** Why reading a workbook's rows stopped, as one line naming the file. */
export function formatXlsxReadError(error: XlsxReadError, file: string, locale: Locale): string {
  return error.kind === 'too-many-rows'
    ? xlsxText(locale, 'xlsx.too-many-rows', { file, row: error.reason, limit: EXCEL_MAX_ROWS })
    : xlsxText(locale, 'xlsx.read-failed', { file, reason: error.reason });
}

/** customers.xlsx -> customers.graded.xlsx beside it (an .xlsm stays .xlsm: its macros are kept). */
export function defaultXlsxOutput(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}.graded${ext.toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx'}`);
}

/**
 * Why the graded copy of `input` cannot be written under `out`: it is the input's workbook with its macros
 * or without, so it keeps the input's kind (.xlsx or .xlsm), and Excel opens neither under another name.
 */
function outputKindProblem(input: string, out: string, locale: Locale): string | undefined {
  const macros = /\.xlsm$/i.test(input);
  if (macros ? /\.xlsm$/i.test(out) : /\.xlsx$/i.test(out)) return undefined;
  if (macros) return xlsxText(locale, 'xlsx.out-macros', { file: out, input });
  if (/\.xlsm$/i.test(out)) return xlsxText(locale, 'xlsx.out-xlsm', { file: out, input });
  return xlsxText(locale, 'xlsx.out-not-xlsx', { file: out });
}

export { isXlsxPath } from '../file-kind';

/**
 * Grades one sheet of an .xlsx file into a new .xlsx: the sheet's cells,
 * Score/Tier (/Strategy/Follow-up/Explanation)/Error columns, one colour rule
 * per tier, the summary sheet with the legend, and the rules sheet with the
 * table's defined name. Written to a temporary file renamed into place.
 */
export async function gradeXlsxFile(request: GradeXlsxRequest, context: CommandContext): Promise<GradeFileResult> {
  const { compiled } = request;
  const locale = context.locale;
  const cwd = context.io.cwd;
  const inputPath = resolve(cwd, request.input);
  const outName = request.out ?? defaultXlsxOutput(request.input);
  const usage = (message: string): GradeFileResult => ({ exitCode: context.usageError(message) });

  const known = compiled.columns.map((c) => c.id);
  for (const [inputId, header] of Object.entries(request.overrides)) {
    if (!known.includes(inputId)) {
      return usage(
        cliText(locale, 'grade.map-unknown-input', {
          argument: `${inputId}=${header}`,
          input: inputId,
          inputs: known.join(', '),
        }),
      );
    }
  }
  const kindProblem = outputKindProblem(request.input, outName, locale);
  if (kindProblem) return usage(kindProblem);
  const planned = await planOutput({ name: outName, cwd, inputs: [request.input], force: request.force });
  if (!planned.ok) return usage(formatOutputProblem(planned.problem, locale));
  const target = planned.target;
  const result = await gradeXlsxInto(request, context, target, inputPath);
  if (!result.written) await discardOutput(target);
  return result;
}

/** The input sheet's name for the output workbook, made acceptable to Excel (and said so) when it is not. */
function outputSheetName(name: string, context: CommandContext): string {
  const own = [SUMMARY_SHEET, RULES_SHEET];
  const problem = sheetNameProblem(name, own);
  if (!problem) return name;
  const to = usableSheetName(name, own);
  const reason = xlsxText(context.locale, `xlsx.sheet-name.${problem.kind}`, problem);
  context.print(xlsxText(context.locale, 'xlsx.sheet-renamed', { from: name, to, reason }));
  return to;
}

async function gradeXlsxInto(
  request: GradeXlsxRequest,
  context: CommandContext,
  target: OutputTarget,
  inputPath: string,
): Promise<GradeFileResult> {
  if (target.kind !== 'file') throw new Error('a workbook is written through a temporary file');
  const locale = context.locale;
  const outName = request.out ?? defaultXlsxOutput(request.input);
  const outPath = target.path;
  const cwd = context.io.cwd;

  const opened = await openXlsxSheet(inputPath, request.sheet, XLSX_CHUNK_ROWS);
  if (!opened.ok) {
    context.error(formatXlsxProblem(opened.problem, request.input, locale));
    return { exitCode: 1 };
  }
  const patcher = await WorkbookPatcher.open(inputPath);
  if (!patcher) {
    context.error(xlsxText(locale, 'xlsx.unreadable', { file: request.input, reason: 'no xl/workbook.xml' }));
    return { exitCode: 1 };
  }
  try {
    return await gradeIntoPatch(request, context, target, { ...opened.rows, patcher, outName, outPath, cwd });
  } finally {
    await patcher.close();
  }
}

interface OpenedInput {
  sheet: string;
  header: Cell[];
  headerRow: number;
  chunks: AsyncGenerator<Cell[][]>;
  patcher: WorkbookPatcher;
  outName: string;
  outPath: string;
  cwd: string;
}

async function gradeIntoPatch(
  request: GradeXlsxRequest,
  context: CommandContext,
  target: Extract<OutputTarget, { kind: 'file' }>,
  input: OpenedInput,
): Promise<GradeFileResult> {
  const { compiled } = request;
  const { header, headerRow, chunks, patcher, outName, outPath, cwd } = input;
  const locale = context.locale;
  const inputSheet = patcher.sheetNamed(input.sheet) ?? input.sheet;
  const sheet = outputSheetName(inputSheet, context);
  if (sheet !== inputSheet) patcher.parts.renameSheet(inputSheet, sheet);
  let used = header.length;
  while (used > 0 && (header[used - 1] === null || header[used - 1] === '')) used--;
  const allHeaders = header.slice(0, used).map((h) => (h === null || h === undefined ? '' : String(h)));
  const gradedBefore = patcher.hasSheet(SUMMARY_SHEET) || patcher.hasSheet(RULES_SHEET);
  const { width, replacedTo } = withoutPreviousGrading(allHeaders, gradedBefore);
  const headerTexts = allHeaders.slice(0, width);
  const mapped = mapFileColumns(compiled, headerTexts, request, context);
  if (!mapped.ok) return mapped.result;
  const { mapping } = mapped;

  const options = {
    locale,
    strategy: request.strategy ?? false,
    followUp: request.followUp ?? false,
    explanation: request.explain ?? false,
    inputHeaders: inputHeaders(compiled.columns, mapping.map, headerTexts),
  };
  const layoutOf = (rowCount: number) => ({ sheet, top: headerRow - 1, left: 0, columnCount: width, rowCount });
  // The row count is known at the end; the columns do not depend on it.
  const provisional = planApply(compiled, { ...options, layout: layoutOf(0) });
  const formulas = request.formulas
    ? xlsxFormulaMode(compiled, provisional, mapping.map, locale, getPreset)
    : undefined;
  if (formulas && !formulas.ok) {
    context.error(formulas.message);
    return { exitCode: 1 };
  }
  const native = formulas?.mode;
  const own = new OwnCells(native?.headerFrame ?? provisional, headerRow, patcher.styles);
  let rows = 0;
  let summary: GradeSummary | undefined;
  let frame: ApplyFrame = provisional;
  try {
    // A ranked table (ABC) grades every row against every other: one batch of the whole sheet.
    for await (const chunk of compiled.ranked ? wholeSheet(chunks) : chunks) {
      const batch = compiled.gradeRows(chunk as ArrayLike<ArrayLike<Cell>>, mapping.map);
      const part = summarize(compiled, batch);
      summary = summary ? mergeSummaries(summary, part) : part;
      const planned = planRows(provisional, compiled, batch, locale, chunk, mapping.map);
      own.addRows(native ? native.rows(planned, batch, chunk) : planned);
      rows += chunk.length;
    }
    summary ??= summarize(compiled, {
      count: 0,
      scores: new Float64Array(0),
      tiers: new Int32Array(0),
      errors: new Map(),
    });
    frame = planApply(compiled, { ...options, layout: layoutOf(rows) });
    const rules = rulesSheetXml(frame);
    // Row 1 holds the summary's title, so the table starts on row 2.
    const planned = planSummary(frame, compiled, summary, { ...options, top: 1 });
    await patcher.write(target.temp, {
      sheet,
      rows: own.patch(replacedTo, tierConditionalFormats(frame, patcher.styles)),
      summary: { name: frame.summarySheet, xml: summarySheetXml(planned, frame, patcher.styles) },
      rules: {
        name: frame.rules.sheet,
        xml: rules.xml,
        ref: rules.ref,
        definedName: frame.rules.name,
        namePrefix: TABLE_NAME_PREFIX,
      },
    });
    await commitOutput(target);
  } catch (error) {
    if (error instanceof XlsxReadError) {
      context.error(formatXlsxReadError(error, request.input, locale));
      return { exitCode: 1 };
    }
    if (error instanceof SheetCellConflict) {
      context.error(xlsxText(locale, 'xlsx.cell-in-the-way', { file: request.input, sheet, cell: error.cell }));
      return { exitCode: 1 };
    }
    context.error(formatWriteFailure(error, outName, locale));
    return { exitCode: 1 };
  }
  const unread = native?.warning();
  if (unread) context.warn(unread);
  if (!request.quiet) for (const line of formatSummary(compiled, summary, locale)) context.print(line);
  context.print(
    xlsxText(locale, 'xlsx.wrote', {
      rows,
      file: displayPath(outPath, cwd),
      sheets: [sheet, frame.summarySheet, frame.rules.sheet].join(', '),
    }),
  );
  return { exitCode: summary.ungraded > 0 ? 1 : 0, written: { path: outPath, summary } };
}

/** Every chunk of a sheet as one chunk. */
async function* wholeSheet<T>(chunks: AsyncIterable<T[]>): AsyncGenerator<T[]> {
  const all: T[] = [];
  for await (const chunk of chunks) for (const row of chunk) all.push(row);
  yield all;
}
