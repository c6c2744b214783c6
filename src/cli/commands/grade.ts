import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import { mapColumns, type ColumnMapping } from '../../engine/columns';
import type { CompiledTable } from '../../engine/grader';
import type { Locale } from '../../engine/model';
import { summarize, type GradeSummary } from '../../engine/summary';
import { localize } from '../../i18n';
import { parseDate } from '../../engine/values/coerce';
import { startCommand, type CommandContext, type OptionSpec } from '../args';
import type { CliCommand } from '../command';
import { gradeFromBytes, gradeFromText, openGradeSource, ReadProblems, type GradeRunSetup } from './grade-csv-run';
import { readFileArguments } from '../file-arguments';
import { formatShare, renderColumns, visible } from '../format';
import { loadCompiledTable } from '../table-source';
import { commitOutput, discardOutput, formatOutputProblem, formatWriteFailure, planOutput } from '../output';
import { cliText } from '../text';
import { formulaText } from '../../engine/formula';
import { isXlsxPath } from '../file-kind';
import { xlsxGrade } from '../lazy-xlsx';

/** Output columns added after the input's own, named the same in every language so formulas can rely on them. */
export const GRADE_COLUMNS = { score: 'Score', tier: 'Tier', error: 'Error', explanation: 'Explanation' } as const;

export { GRADE_CHUNK_ROWS } from './grade-csv-run';

/** The share is flagged when it differs from the tier's target by more than this. */
const TARGET_TOLERANCE = 0.05;

const OPTIONS: readonly OptionSpec[] = [
  { name: 'table', kind: 'value' },
  { name: 'out', kind: 'value' },
  { name: 'force', kind: 'flag' },
  { name: 'map', kind: 'list' },
  { name: 'explain', kind: 'flag' },
  { name: 'bom', kind: 'flag' },
  { name: 'delimiter', kind: 'value' },
  { name: 'sheet', kind: 'value' },
  { name: 'strategy', kind: 'flag' },
  { name: 'follow-up', kind: 'flag' },
  { name: 'raw-csv', kind: 'flag' },
  { name: 'formulas', kind: 'flag' },
  { name: 'as-of', kind: 'value' },
];

export const gradeCommand: CliCommand = {
  name: 'grade',
  summary: 'Grade the rows of a CSV or .xlsx file with a grading table',
  usage:
    'Usage: tierwise grade INPUT.csv|INPUT.xlsx --table PRESET_OR_FILE.json [--out OUT] [--sheet NAME] [--map input_id=Header ...] [--explain]\n',
  async run(argv, io) {
    const context = startCommand(this, argv, io, OPTIONS, (locale) => cliText(locale, 'grade.usage'));
    if (typeof context === 'number') return context;
    const { locale, args } = context;
    const files = readFileArguments(context);
    if (typeof files === 'number') return files;
    const { input, tableSpec, overrides } = files;
    const delimiter = parseDelimiter(args.values.get('delimiter'));
    if (delimiter === undefined) {
      return context.usageError(cliText(locale, 'grade.bad-delimiter', { value: args.values.get('delimiter') ?? '' }));
    }
    const asOfText = args.values.get('as-of');
    const asOf = asOfText === undefined ? undefined : parseDate(asOfText);
    if (asOf !== undefined && Number.isNaN(asOf)) {
      return context.usageError(cliText(locale, 'grade.bad-as-of', { value: asOfText ?? '' }));
    }
    const loaded = await loadCompiledTable(tableSpec, context, asOf === undefined ? {} : { asOf });
    if (!loaded.ok) return loaded.exitCode;
    if (isXlsxPath(input)) {
      // Loaded on demand: ExcelJS costs half a second of start-up that a CSV run does not need.
      const { gradeXlsxFile } = xlsxGrade();
      const graded = await gradeXlsxFile(
        {
          compiled: loaded.compiled,
          input,
          out: args.values.get('out'),
          sheet: args.values.get('sheet'),
          force: args.flags.has('force'),
          overrides,
          explain: args.flags.has('explain'),
          strategy: args.flags.has('strategy'),
          followUp: args.flags.has('follow-up'),
          formulas: args.flags.has('formulas'),
        },
        context,
      );
      return graded.exitCode;
    }
    if (args.flags.has('formulas')) return context.usageError(formulaText(locale, 'formula.needs-xlsx'));
    const result = await gradeCsvFile(
      {
        compiled: loaded.compiled,
        input,
        out: args.values.get('out'),
        force: args.flags.has('force'),
        overrides,
        explain: args.flags.has('explain'),
        bom: args.flags.has('bom'),
        rawCsv: args.flags.has('raw-csv'),
        delimiter,
      },
      context,
    );
    return result.exitCode;
  },
};

function parseDelimiter(value: string | undefined): string | undefined {
  if (value === undefined) return ',';
  if (value.toLowerCase() === 'tab' || value === '\\t') return '\t';
  return value.length === 1 && !'"\r\n'.includes(value) ? value : undefined;
}

export interface GradeFileRequest {
  compiled: CompiledTable;
  /** The input CSV, as the user named it (relative to the working directory). */
  input: string;
  /** Default: INPUT.graded.csv next to the input. */
  out?: string;
  force: boolean;
  overrides: Record<string, string>;
  explain: boolean;
  bom: boolean;
  delimiter: string;
  /** Write text as it is, even where Excel would read it as a formula (--raw-csv). Default: neutralised. */
  rawCsv?: boolean;
  /** Read and write through strings even where the byte path applies (tests compare the two). */
  textOnly?: boolean;
  /** Bytes read at a time (default 1 MiB) and rows graded per engine call (default GRADE_CHUNK_ROWS); for tests. */
  readChunkBytes?: number;
  chunkRows?: number;
}

/** The default output next to the input: customers.csv -> customers.graded.csv. */
export function defaultOutputPath(input: string): string {
  const ext = extname(input);
  const stem = ext.toLowerCase() === '.csv' ? basename(input, ext) : basename(input);
  return join(dirname(input), `${stem}.graded.csv`);
}

/** The exit code (0 all rows graded, 1 some rows ungraded or the file unusable, 2 bad usage), and what was written. */
export interface GradeFileResult {
  exitCode: number;
  /** Present when the output file was written. */
  written?: { path: string; summary: GradeSummary };
}

/**
 * Grades a CSV file into a new CSV file: the input's columns unchanged and in
 * order, then Score, Tier, Error (and Explanation). Streams in chunks; writes
 * to a temporary file renamed into place at the end, so a failure never leaves
 * a half-written output. Prints the per-tier summary; problems go to stderr.
 */
export async function gradeCsvFile(request: GradeFileRequest, context: CommandContext): Promise<GradeFileResult> {
  const { compiled, locale } = { compiled: request.compiled, locale: context.locale };
  const cwd = context.io.cwd;
  const usage = (message: string): GradeFileResult => ({ exitCode: context.usageError(message) });
  const inputPath = resolve(cwd, request.input);
  const outName = request.out ?? defaultOutputPath(request.input);
  const outPath = resolve(cwd, outName);

  // Check the mapping inputs before touching any file.
  const knownInputs = compiled.columns.map((c) => c.id);
  for (const [inputId, header] of Object.entries(request.overrides)) {
    if (!knownInputs.includes(inputId)) {
      return usage(
        cliText(locale, 'grade.map-unknown-input', {
          argument: `${inputId}=${header}`,
          input: inputId,
          inputs: knownInputs.join(', '),
        }),
      );
    }
  }

  const source = await openGradeSource(inputPath, request, context);
  if (!source) return { exitCode: 1 };
  const header = source.table.header;

  const mapped = mapFileColumns(compiled, header, request, context);
  if (!mapped.ok) return mapped.result;
  const { mapping } = mapped;

  // Never write over the input, and never over an existing file without --force.
  const planned = await planOutput({
    name: outName,
    cwd,
    inputs: [request.input],
    force: request.force,
    stdout: true,
    stream: true,
  });
  if (!planned.ok) return usage(formatOutputProblem(planned.problem, locale));
  const target = planned.target;
  // With the CSV on stdout, everything else goes to stderr.
  const say = target.kind === 'stdout' ? (text: string) => context.io.stderr(visible(text) + '\n') : context.print;

  const headerOf = new Map(mapping.matched.map((m) => [m.input, m.header]));
  const nameOf = (id: string): string =>
    headerOf.get(id) ?? (localize(compiled.columns.find((c) => c.id === id)?.label, locale) || id);
  const outputHeader = [...header];
  const added: string[] = [GRADE_COLUMNS.score, GRADE_COLUMNS.tier, GRADE_COLUMNS.error];
  if (request.explain) added.push(GRADE_COLUMNS.explanation);
  for (const name of added) outputHeader.push(uniqueName(name, outputHeader));

  const discard = (): Promise<void> => discardOutput(target);
  const problems = new ReadProblems();
  const setup: GradeRunSetup = { request, context, target, mapping, nameOf, outputHeader, problems };
  const run =
    source.kind === 'bytes' ? await gradeFromBytes(source.table, setup) : await gradeFromText(source.table, setup);
  if (run.writeFailure) {
    await run.abort();
    await discard();
    context.error(formatWriteFailure(run.writeFailure.error, outName, locale));
    return { exitCode: 1 };
  }

  if (problems.stopped) {
    await run.abort();
    await discard();
    problems.report(context);
    context.io.stderr(cliText(locale, 'grade.aborted', { file: outName }) + '\n');
    return { exitCode: 1 };
  }

  try {
    await run.close();
    await commitOutput(target);
  } catch (error) {
    await discard();
    context.error(formatWriteFailure(error, outName, locale));
    return { exitCode: 1 };
  }

  const final =
    run.summary ??
    summarize(compiled, { count: 0, scores: new Float64Array(0), tiers: new Int32Array(0), errors: new Map() });
  for (const line of formatSummary(compiled, final, locale)) say(line);
  say(
    cliText(locale, 'grade.wrote', {
      rows: run.rows,
      file: target.kind === 'stdout' ? '-' : displayPath(outPath, cwd),
    }),
  );
  return { exitCode: final.ungraded > 0 ? 1 : 0, written: { path: outPath, summary: final } };
}

/** The per-tier table: tier, label, count, share, target share, and a * where the share misses the target. */
export function formatSummary(compiled: CompiledTable, summary: GradeSummary, locale: Locale): string[] {
  // A ranked table (ABC) also says what share of the value each tier holds.
  const withValue = !Number.isNaN(summary.valueTotal);
  const heading = cliText(locale, 'summary.columns').split('|');
  if (withValue) heading.splice(4, 0, cliText(locale, 'summary.value-share'));
  let offTarget = false;
  const rows = summary.tiers.map((tier, k) => {
    const target = tier.targetShare;
    const off = target !== undefined && summary.graded > 0 && Math.abs(tier.share - target) > TARGET_TOLERANCE;
    offTarget ||= off;
    const row = [
      tier.id,
      localize(compiled.tiers[k]?.label, locale),
      String(tier.count),
      formatShare(tier.share),
      target === undefined ? '' : formatShare(target),
      off ? '*' : '',
    ];
    if (withValue) row.splice(4, 0, Number.isNaN(tier.valueShare) ? '' : formatShare(tier.valueShare));
    return row;
  });
  const blanks = withValue ? ['', '', '', ''] : ['', '', ''];
  rows.push([cliText(locale, 'summary.ungraded'), '', String(summary.ungraded), ...blanks]);
  rows.push([cliText(locale, 'summary.total'), '', String(summary.total), ...blanks]);
  const title = cliText(locale, 'summary.title', {
    table: `${compiled.table.id} ${localize(compiled.table.name, locale)}`,
    rows: summary.total,
  });
  const lines = [title, ...renderColumns([heading, ...rows], withValue ? [2, 3, 4, 5] : [2, 3, 4], '  ')];
  if (offTarget) lines.push(cliText(locale, 'summary.off-target'));
  return lines;
}

function uniqueName(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.includes(candidate)) return candidate;
  }
}

/** A path as short as it can be said: relative to the working directory when inside it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * Maps the table's inputs to a file's header row, or says what is wrong: a
 * --map naming no column (wrong usage, exit 2), required inputs without a
 * column (exit 1, listing the headers found and how to fix it). Optional
 * inputs without a column are warned about: every row reads them as blank.
 */
export function mapFileColumns(
  compiled: CompiledTable,
  header: readonly string[],
  request: { input: string; overrides: Record<string, string> },
  context: CommandContext,
): { ok: true; mapping: ColumnMapping } | { ok: false; result: GradeFileResult } {
  const { locale } = context;
  const headerList = header.map((h) => (h === '' ? '""' : h)).join(', ');
  const mapping = mapColumns(compiled.columns, header, request.overrides);
  const bad = mapping.badOverrides[0];
  if (bad) {
    const message = cliText(locale, 'grade.map-unknown-header', {
      argument: `${bad.input}=${bad.header}`,
      file: request.input,
      header: bad.header,
      headers: headerList,
    });
    return { ok: false, result: { exitCode: context.usageError(message) } };
  }
  if (mapping.missingRequired.length > 0) {
    context.error(
      cliText(locale, 'grade.missing-columns', { file: request.input, count: mapping.missingRequired.length }),
    );
    for (const id of mapping.missingRequired) {
      const def = compiled.columns.find((c) => c.id === id);
      const expected = [id, ...(def?.aliases ?? [])].map((name) => `"${name}"`).join(', ');
      context.io.stderr(
        cliText(locale, 'grade.missing-column', { input: id, label: localize(def?.label, locale), expected }) + '\n',
      );
    }
    context.io.stderr(cliText(locale, 'grade.headers-found', { file: request.input, headers: headerList }) + '\n');
    context.io.stderr(cliText(locale, 'grade.hint-map', { input: mapping.missingRequired[0] as string }) + '\n');
    return { ok: false, result: { exitCode: 1 } };
  }
  for (const id of mapping.unmapped) {
    if (!mapping.missingRequired.includes(id)) context.warn(cliText(locale, 'grade.optional-missing', { input: id }));
  }
  warnDuplicateHeaders(
    header,
    mapping.matched.map((m) => m.column),
    request.input,
    context,
  );
  return { ok: true, mapping };
}

/** A column read by its header, when another column has the same header: say which one was taken. */
export function warnDuplicateHeaders(
  header: readonly string[],
  used: readonly number[],
  file: string,
  context: CommandContext,
): void {
  for (const column of used) {
    const name = header[column];
    const others = header.flatMap((h, c) => (c !== column && h === name ? [c + 1] : []));
    if (others.length === 0) continue;
    context.warn(
      cliText(context.locale, 'grade.duplicate-header', {
        file,
        header: name ?? '',
        column: column + 1,
        others: others.join(', '),
      }),
    );
  }
}
