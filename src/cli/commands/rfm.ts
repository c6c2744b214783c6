import { basename, dirname, extname, join, resolve } from 'node:path';
import { formatGradeError } from '../../engine/messages';
import type { GradingTable, Locale } from '../../engine/model';
import {
  aggregateOrders,
  analyzeRfm,
  findOrderColumn,
  OTHERS_SEGMENT,
  RFM_CUSTOMER_COLUMNS,
  RFM_PRESETS,
  RFM_SCORE_COLUMNS,
  scoreBins,
  scoreBinText,
  validateRfmMethod,
  type DimensionCuts,
  type OrderColumnRole,
  type RfmCap,
  type RfmDimension,
  type RfmMethodSpec,
  type RfmScoringOptions,
} from '../../engine/rfm';
import type { Cell } from '../../engine/values/cell';
import { displayCell, parseDate, parseNumber, serialToIsoDate } from '../../engine/values/coerce';
import { localize, fill } from '../../i18n';
import { rfmEnUS, type RfmMessageKey } from '../../i18n/rfm.en-US';
import { rfmZhCN } from '../../i18n/rfm.zh-CN';
import { startCommand, type CommandContext, type OptionSpec } from '../args';
import type { CliCommand } from '../command';
import { createCsvWriter } from '../csv';
import { openCsvByteColumns, type CsvByteColumnsTable } from '../csv/byte-columns';
import { openCsvColumns } from '../csv/columns';
import { isXlsxPath } from '../file-kind';
import { xlsxGrade, xlsxRead, xlsxRfmWorkbook } from '../lazy-xlsx';
import { formatShare, renderColumns } from '../format';
import { cliText, formatCsvProblem } from '../text';
import { warnDuplicateHeaders } from './grade';
import { readOrdersOnThreads } from './rfm-parallel-orders';
import { OrderRowsSink } from './rfm-order-range';
import { CustomerRecords, round2 } from './rfm-customer-lines';
import { formatProblems, readTableJson } from '../table-source';
import { validateTable } from '../../engine/compile';
import { getPreset } from '../../engine/presets';
import type { TableProblem } from '../../engine/errors';
import {
  commitOutput,
  discardOutput,
  formatOutputProblem,
  formatWriteFailure,
  outputFile,
  planOutput,
  type OutputTarget,
} from '../output';

const TEXTS: Record<Locale, Record<RfmMessageKey, string>> = { 'en-US': rfmEnUS, 'zh-CN': rfmZhCN };

function rfmText(locale: Locale, key: RfmMessageKey, params: Record<string, string | number> = {}): string {
  return fill(TEXTS[locale][key], params);
}

const OPTIONS: readonly OptionSpec[] = [
  { name: 'customer', kind: 'value' },
  { name: 'date', kind: 'value' },
  { name: 'amount', kind: 'value' },
  { name: 'as-of', kind: 'value' },
  { name: 'bins', kind: 'value' },
  { name: 'binning', kind: 'value' },
  { name: 'breakpoints', kind: 'list' },
  { name: 'closed', kind: 'value' },
  { name: 'cap', kind: 'list' },
  { name: 'segments', kind: 'value' },
  { name: 'out', kind: 'value' },
  { name: 'force', kind: 'flag' },
  { name: 'delimiter', kind: 'value' },
  { name: 'sheet', kind: 'value' },
  { name: 'bom', kind: 'flag' },
  { name: 'raw-csv', kind: 'flag' },
];

type ColumnRole = OrderColumnRole;

/** Bad rows listed one by one before "... and N more". */
const BAD_ROWS_LISTED = 20;

const DIMENSIONS: readonly RfmDimension[] = ['r', 'f', 'm'];

export const rfmCommand: CliCommand = {
  name: 'rfm',
  summary: rfmEnUS['rfm.summary'],
  describe: (locale) => rfmText(locale, 'rfm.summary'),
  usage: rfmEnUS['rfm.usage'],
  async run(argv, io) {
    const context = startCommand(this, argv, io, OPTIONS, (locale) => rfmText(locale, 'rfm.usage'));
    if (typeof context === 'number') return context;
    return runRfm(context);
  },
};

interface Settings {
  scoring: RfmScoringOptions;
  asOf?: number;
  table: GradingTable;
  method: RfmMethodSpec;
  delimiter: string;
  /** Files the settings were read from (--segments FILE): inputs too, never an output. */
  files: string[];
}

async function runRfm(context: CommandContext): Promise<number> {
  const { locale, args, io } = context;
  const t = (key: RfmMessageKey, params?: Record<string, string | number>): string => rfmText(locale, key, params);
  const [input, extra] = args.positionals;
  if (input === undefined) {
    return context.usageError(cliText(locale, 'cli.missing-argument', { what: t('rfm.missing-input') }));
  }
  if (extra !== undefined) return context.usageError(cliText(locale, 'cli.extra-argument', { argument: extra }));
  const settings = await readSettings(context, t);
  if (typeof settings === 'number') return settings;

  const inputPath = resolve(io.cwd, input);
  const outName = args.values.get('out') ?? defaultOutput(input);
  const planned = await planOutput({
    name: outName,
    cwd: io.cwd,
    inputs: [input, ...settings.files],
    force: args.flags.has('force'),
    stream: true,
  });
  if (!planned.ok) return context.usageError(formatOutputProblem(planned.problem, locale));
  const target = planned.target;
  if (target.kind === 'stdout') throw new Error('rfm writes to a file');
  try {
    const code = await analyzeInto(context, t, settings, input, inputPath, outName, target);
    return code;
  } finally {
    await discardOutput(target);
  }
}

async function analyzeInto(
  context: CommandContext,
  t: (key: RfmMessageKey, params?: Record<string, string | number>) => string,
  settings: Settings,
  input: string,
  inputPath: string,
  outName: string,
  target: Exclude<OutputTarget, { kind: 'stdout' }>,
): Promise<number> {
  const { locale, args } = context;

  // Reading
  const started = performance.now();
  const opened = await openOrders(inputPath, input, settings.delimiter, args.values.get('sheet'), context);
  if (!opened) return 1;
  const headers = opened.header;
  const columns = {} as Record<ColumnRole, number>;
  for (const role of ['customer', 'date', 'amount'] as const) {
    const found = findOrderColumn(headers, role, args.values.get(role));
    if (found < 0) {
      const list = headers.join(', ');
      const given = args.values.get(role);
      context.error(
        given === undefined
          ? t('rfm.no-column', { file: input, what: t(`rfm.what.${role}`), option: `--${role}`, headers: list })
          : t('rfm.unknown-column', { file: input, column: given, option: `--${role}`, headers: list }),
      );
      return 1;
    }
    columns[role] = found;
  }
  warnDuplicateHeaders(headers, [columns.customer, columns.date, columns.amount], input, context);
  const names = {
    customer: headers[columns.customer]!,
    date: headers[columns.date]!,
    amount: headers[columns.amount]!,
  };
  const columnsRead = [columns.customer, columns.date, columns.amount];
  let sink: OrderRowsSink | undefined;
  let rows: OpenedOrders | undefined = opened;
  let expectedOrders = 0;
  if (opened.bytes) {
    const source = { path: inputPath, file: input, delimiter: settings.delimiter, columns: columnsRead, names };
    const threads = await readOrdersOnThreads(opened.bytes, { ...source, listed: BAD_ROWS_LISTED });
    if ('sink' in threads) sink = threads.sink;
    else if (!threads.tried) expectedOrders = threads.expectedOrders;
    // A part that did not end between records, or a problem: read again on one thread, which reports it.
    else rows = await openOrders(inputPath, input, settings.delimiter, undefined, context);
  }
  if (!rows) return 1;
  if (!sink) {
    sink = new OrderRowsSink(names, BAD_ROWS_LISTED, expectedOrders);
    try {
      await rows.read(columnsRead, sink);
    } catch (error) {
      // The .xlsx modules are loaded only for a workbook (ExcelJS is slow to load); no other error is theirs.
      if (!isXlsxPath(input)) throw error;
      const { XlsxReadError } = xlsxRead();
      const { formatXlsxReadError } = xlsxGrade();
      if (!(error instanceof XlsxReadError)) throw error;
      context.error(formatXlsxReadError(error, input, locale));
      return 1;
    }
  }
  if (sink.stopped) {
    context.error(formatCsvProblem(sink.stopped, locale));
    return 1;
  }
  const ragged = sink.raggedCount;
  const raggedListed = sink.ragged.map((problem) => formatCsvProblem(problem, locale));
  const read = sink.collector.finish();
  const readMs = performance.now() - started;

  // Grading
  const gradeStart = performance.now();
  const { customers, ordersAfterAsOf } = aggregateOrders(
    read.orders,
    settings.asOf === undefined ? {} : { asOf: settings.asOf },
  );
  const analysis = analyzeRfm(customers, { ...settings.scoring, segments: settings.method.segments });
  const gradeMs = performance.now() - gradeStart;

  // Bad rows: every one counted, the first ones listed with their line numbers.
  for (const message of raggedListed) context.warn(message);
  for (const { row, error } of read.errors) {
    context.warn(t('rfm.bad-row', { file: input, line: row, message: formatGradeError(error, locale) }));
  }
  const badCount = read.errorCount + ragged;
  const listed = read.errors.length + raggedListed.length;
  if (badCount > listed) context.warn(t('rfm.bad-rows-more', { count: badCount - listed }));
  if (badCount > 0) context.warn(t('rfm.bad-rows-total', { count: badCount }));

  // Writing
  const writeStart = performance.now();
  // A few segments and a few thousand days among many customers: each label and date is written once.
  const segmentNames = new Map<number, string>();
  const segmentName = (s: number): string => {
    let name = segmentNames.get(s);
    if (name === undefined) segmentNames.set(s, (name = localize(segmentLabel(settings, s), locale)));
    return name;
  };
  if (isXlsxPath(outName)) {
    const written = await writeXlsxOutput(target, outName, context, {
      customers,
      analysis,
      table: settings.table,
      method: settings.method,
      locale,
      customerHeader: names.customer,
    });
    if (!written) return 1;
  } else {
    const writer = createCsvWriter(outputFile(target), {
      delimiter: settings.delimiter,
      bom: args.flags.has('bom'),
      neutralise: !args.flags.has('raw-csv'),
      exclusive: target.kind === 'file',
    });
    try {
      await writer.writeRow([names.customer, ...RFM_CUSTOMER_COLUMNS, ...RFM_SCORE_COLUMNS]);
      const records = new CustomerRecords(
        customers,
        analysis,
        segmentName,
        settings.delimiter,
        !args.flags.has('raw-csv'),
      );
      for (let i = 0; i < customers.count; i++) {
        // Awaited only when the writer asks for it (a full buffer), not once per customer.
        const room = writer.writeRecord(records.record(i));
        if (room) await room;
      }
      await writer.close();
      await commitOutput(target);
    } catch (error) {
      await writer.abort();
      context.error(formatWriteFailure(error, outName, locale));
      return 1;
    }
  }
  const writeMs = performance.now() - writeStart;

  // Report
  const number = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  context.print(t('rfm.read', { orders: number(read.orders.count), customers: number(customers.count), file: input }));
  context.print(
    t('rfm.as-of', {
      date: serialToIsoDate(customers.asOf),
      note: settings.asOf === undefined ? t('rfm.as-of-default') : '',
    }),
  );
  if (ordersAfterAsOf > 0) {
    context.print(t('rfm.after-as-of', { count: number(ordersAfterAsOf), date: serialToIsoDate(customers.asOf) }));
  }
  context.print('');
  context.print(t('rfm.cuts-title', { binning: settings.scoring.binning ?? 'quantile' }));
  const distribution = { r: analysis.scores.r, f: analysis.scores.f, m: analysis.scores.m };
  for (const d of DIMENSIONS) {
    const cuts = analysis.scores.cuts[d];
    context.print(`  ${t(`rfm.dimension.${d}`)}`);
    const counts = new Array<number>(cuts.bins + 1).fill(0);
    for (const s of distribution[d]) counts[s] = counts[s]! + 1;
    const rows = [t('rfm.cuts-columns').split('|')];
    for (let score = cuts.bins; score >= 1; score--)
      rows.push([String(score), binText(cuts, score, number), number(counts[score]!)]);
    for (const line of renderColumns(rows, [0, 2], '    ')) context.print(line);
    if (cuts.cap !== undefined) {
      const above = customersAbove(
        d === 'r' ? customers.recency : d === 'f' ? customers.frequency : customers.monetary,
        cuts.cap,
      );
      context.print(`    ${t('rfm.capped', { cap: number(cuts.cap), count: number(above) })}`);
    }
    const unused = [];
    for (let score = 1; score <= cuts.bins; score++) if (counts[score] === 0) unused.push(score);
    if (unused.length > 0 && customers.count > 0)
      context.print(`    ${t('rfm.unused-scores', { scores: unused.join(', ') })}`);
  }
  context.print('');
  context.print(t('rfm.segments-title', { table: localize(settings.table.name, locale) }));
  const header = t('rfm.segments-columns').split('|');
  const lines = [header];
  let orders = 0;
  let revenue = 0;
  for (const row of analysis.summary) {
    if (row.customers === 0 && row.segment === settings.method.segments.length) continue;
    orders += row.orders;
    revenue += row.revenue;
    lines.push([
      segmentName(row.segment === settings.method.segments.length ? -1 : row.segment),
      number(row.customers),
      formatShare(row.customerShare),
      number(row.orders),
      number(round2(row.revenue)),
      formatShare(row.revenueShare),
      Number.isNaN(row.aov) ? '' : number(round2(row.aov)),
    ]);
  }
  lines.push([
    t('rfm.total'),
    number(customers.count),
    formatShare(customers.count > 0 ? 1 : 0),
    number(orders),
    number(round2(revenue)),
    formatShare(revenue !== 0 ? 1 : 0),
    orders > 0 ? number(round2(revenue / orders)) : '',
  ]);
  for (const line of renderColumns(lines, [1, 2, 3, 4, 5, 6], '  ')) context.print(line);
  context.print('');
  context.print(t('rfm.wrote', { count: number(customers.count), file: outName }));
  context.print(t('rfm.timing', { read: Math.round(readMs), grade: Math.round(gradeMs), write: Math.round(writeMs) }));
  return badCount > 0 ? 1 : 0;
}

async function readSettings(
  context: CommandContext,
  t: (key: RfmMessageKey, params?: Record<string, string | number>) => string,
): Promise<Settings | number> {
  const { args } = context;
  const delimiterOption = args.values.get('delimiter');
  const delimiter =
    delimiterOption === undefined
      ? ','
      : delimiterOption.toLowerCase() === 'tab' || delimiterOption === '\\t'
        ? '\t'
        : delimiterOption;
  if (delimiter.length !== 1 || '"\r\n'.includes(delimiter)) {
    return context.usageError(cliText(context.locale, 'grade.bad-delimiter', { value: delimiterOption ?? '' }));
  }
  const scoring: RfmScoringOptions = {};
  const asOfText = args.values.get('as-of');
  let asOf: number | undefined;
  if (asOfText !== undefined) {
    asOf = parseDate(asOfText);
    if (Number.isNaN(asOf)) return context.usageError(t('rfm.bad-as-of', { value: asOfText }));
  }
  const binsText = args.values.get('bins');
  if (binsText !== undefined) {
    const bins = parseBins(binsText);
    if (!bins) return context.usageError(t('rfm.bad-bins', { value: binsText }));
    scoring.bins = bins;
  }
  const binning = args.values.get('binning') ?? 'quantile';
  if (binning !== 'quantile' && binning !== 'rfm-package' && binning !== 'fixed') {
    return context.usageError(t('rfm.bad-binning', { value: binning }));
  }
  scoring.binning = binning;
  const breakpoints: Partial<Record<RfmDimension, number[]>> = {};
  for (const entry of args.lists.get('breakpoints') ?? []) {
    const parsed = parseDimensionList(entry);
    if (!parsed) return context.usageError(t('rfm.bad-breakpoints', { value: entry }));
    breakpoints[parsed.dimension] = parsed.values;
  }
  if (binning === 'fixed') {
    const missing = DIMENSIONS.filter((d) => !breakpoints[d]);
    if (missing.length > 0) return context.usageError(t('rfm.missing-breakpoints', { dimensions: missing.join(', ') }));
    scoring.breakpoints = breakpoints;
    scoring.bins = { r: breakpoints.r!.length + 1, f: breakpoints.f!.length + 1, m: breakpoints.m!.length + 1 };
  }
  const closed = args.values.get('closed');
  if (closed !== undefined) {
    if (closed !== 'right' && closed !== 'left') return context.usageError(t('rfm.bad-closed', { value: closed }));
    scoring.closed = closed;
  }
  for (const entry of args.lists.get('cap') ?? []) {
    const cap = parseCap(entry);
    if (!cap) return context.usageError(t('rfm.bad-cap', { value: entry }));
    scoring.caps = { ...scoring.caps, [cap.dimension]: cap.cap };
  }

  const segmentsSpec = args.values.get('segments') ?? 'rfm';
  let table = RFM_PRESETS.find((p) => p.id === segmentsSpec);
  if (!table) {
    // A segments file is checked exactly as `tierwise validate` checks it.
    const read = await readTableJson(segmentsSpec, context);
    if (!read.ok) return read.exitCode;
    const invalid = validateTable(read.json, { resolve: getPreset });
    if (invalid.length > 0) return reportInvalid(context, segmentsSpec, invalid);
    table = read.json as GradingTable;
  }
  const method = table.method as unknown as RfmMethodSpec;
  if (method?.kind !== 'rfm' || !Array.isArray(method.segments) || !Array.isArray(table.tiers)) {
    return context.usageError(t('rfm.bad-segments', { value: segmentsSpec, problem: t('rfm.segments-not-rfm') }));
  }
  // The segment ranges are checked against the bins of this run.
  const effective: RfmMethodSpec = { ...method, ...scoring, segments: method.segments };
  const problems = validateRfmMethod(effective, table.tiers, 'method').filter((p) => p.code !== 'tier-unreachable');
  if (problems.length > 0) {
    const bins = binsText ?? DIMENSIONS.map((d) => `${d}=${effective.bins?.[d] ?? ''}`).join(',');
    const code = context.usageError(t('rfm.bins-mismatch', { bins, table: segmentsSpec, count: problems.length }));
    for (const line of formatProblems(problems, context.locale)) context.io.stderr(line + '\n');
    return code;
  }
  const files = RFM_PRESETS.some((p) => p.id === segmentsSpec) ? [] : [segmentsSpec];
  return { scoring, ...(asOf === undefined ? {} : { asOf }), table, method: effective, delimiter, files };
}

function reportInvalid(context: CommandContext, file: string, problems: readonly TableProblem[]): number {
  context.error(cliText(context.locale, 'table.invalid', { file, count: problems.length }));
  for (const line of formatProblems(problems, context.locale)) context.io.stderr(line + '\n');
  return 1;
}

function parseBins(text: string): RfmScoringOptions['bins'] | undefined {
  const ok = (n: number): boolean => Number.isInteger(n) && n >= 2 && n <= 10;
  if (/^\d+$/.test(text.trim())) {
    const n = Number(text);
    return ok(n) ? { r: n, f: n, m: n } : undefined;
  }
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    const match = /^\s*([rfm])\s*=\s*(\d+)\s*$/i.exec(part);
    if (!match || !ok(Number(match[2]))) return undefined;
    out[match[1]!.toLowerCase()] = Number(match[2]);
  }
  return out;
}

function parseDimensionList(text: string): { dimension: RfmDimension; values: number[] } | undefined {
  const match = /^\s*([rfm])\s*=(.+)$/i.exec(text);
  if (!match) return undefined;
  const values = match[2]!.split(',').map((v) => parseNumber(v.trim()));
  if (values.length === 0 || values.length > 9 || values.some((v) => Number.isNaN(v))) return undefined;
  if (values.some((v, k) => k > 0 && !(v > values[k - 1]!))) return undefined;
  return { dimension: match[1]!.toLowerCase() as RfmDimension, values };
}

function parseCap(text: string): { dimension: RfmDimension; cap: RfmCap } | undefined {
  const match = /^\s*([rfm])\s*=\s*([^%]+?)\s*(%?)\s*$/i.exec(text);
  if (!match) return undefined;
  const value = parseNumber(match[2]!);
  if (Number.isNaN(value)) return undefined;
  const dimension = match[1]!.toLowerCase() as RfmDimension;
  if (match[3] === '%') return value > 0 && value <= 100 ? { dimension, cap: { percentile: value / 100 } } : undefined;
  return { dimension, cap: { value } };
}

/** The label of segment s (-1: no rule matched: the table's default tier, else "Others"). */
function segmentLabel(settings: Settings, s: number): { en: string; zh?: string } {
  const tierId = s >= 0 ? settings.method.segments[s]!.tier : settings.method.default;
  const tier = settings.table.tiers.find((x) => x.id === tierId);
  return tier?.label ?? OTHERS_SEGMENT.name;
}

/** The values a score covers, e.g. "<= 114", "> 114, <= 180". */
function binText(cuts: DimensionCuts, score: number, number: (n: number) => string): string {
  return scoreBinText(
    scoreBins(cuts).find((bin) => bin.score === score)!,
    number,
  );
}

function customersAbove(values: Float64Array, cap: number): number {
  let n = 0;
  for (const v of values) if (v > cap) n++;
  return n;
}

/** The .xlsx output (rfm-workbook.ts, loaded only for it); false when writing failed (reported). */
async function writeXlsxOutput(
  target: Exclude<OutputTarget, { kind: 'stdout' }>,
  outName: string,
  context: CommandContext,
  input: Parameters<ReturnType<typeof xlsxRfmWorkbook>['writeRfmWorkbook']>[1],
): Promise<boolean> {
  try {
    await xlsxRfmWorkbook().writeRfmWorkbook(outputFile(target), input);
    await commitOutput(target);
    return true;
  } catch (error) {
    context.error(formatWriteFailure(error, outName, context.locale));
    return false;
  }
}

function defaultOutput(input: string): string {
  const ext = extname(input);
  const stem = ext.toLowerCase() === '.csv' ? basename(input, ext) : basename(input);
  return join(dirname(input), `${stem}.rfm.csv`);
}

/** An opened orders file: its header, and its rows read once for the chosen columns. */
interface OpenedOrders {
  header: string[];
  read(columns: readonly number[], sink: OrderRowsSink): Promise<unknown>;
  /** A UTF-8 CSV read from its bytes, which can be read in parts on several threads. */
  bytes?: CsvByteColumnsTable;
}

/**
 * The orders file's header and rows, from a CSV file (split from its bytes
 * without a string per field: csv/byte-columns.ts; else without an object per
 * row: csv/columns.ts) or a sheet of an .xlsx workbook (cells as typed:
 * numbers, dates and text). Problems opening it are reported; undefined then.
 */
async function openOrders(
  path: string,
  name: string,
  delimiter: string,
  sheet: string | undefined,
  context: CommandContext,
): Promise<OpenedOrders | undefined> {
  const { locale } = context;
  if (isXlsxPath(name)) {
    const { openXlsxSheet } = xlsxRead();
    const { formatXlsxProblem, XLSX_CHUNK_ROWS } = xlsxGrade();
    const opened = await openXlsxSheet(path, sheet, XLSX_CHUNK_ROWS);
    if (!opened.ok) {
      context.error(formatXlsxProblem(opened.problem, name, locale));
      return undefined;
    }
    const { header, chunks } = opened.rows;
    return {
      header: header.map((h) => (h === null || h === undefined ? '' : displayCell(h))),
      async read(columns, sink) {
        const chosen = new Array<Cell>(columns.length);
        let line = 1; // the header is row 1, as Excel numbers rows
        for await (const chunk of chunks) {
          for (const cells of chunk) {
            for (let k = 0; k < columns.length; k++) chosen[k] = cells[columns[k]!];
            sink.row(chosen, ++line);
          }
        }
      },
    };
  }
  const fromBytes = await openCsvByteColumns(path, { file: name, delimiter });
  if (fromBytes)
    return { header: fromBytes.header, read: (columns, sink) => fromBytes.read(columns, sink), bytes: fromBytes };
  const opened = await openCsvColumns(path, { file: name, delimiter });
  if (!opened.ok) {
    context.error(formatCsvProblem(opened.problem, locale));
    return undefined;
  }
  if (opened.table.encoding.guessed) context.warn(cliText(locale, 'csv.gb18030', { file: name }));
  return opened.table;
}
