/**
 * The two ways `tierwise grade` reads a CSV and writes the graded one (ADR
 * 0033): from the file's bytes where that applies, else as text (rows of
 * strings through gradeRows and the CSV writer, the reference). Both leave the
 * output open; gradeCsvFile (grade.ts) commits or discards it.
 */
import { Writable } from 'node:stream';
import type { ColumnMapping } from '../../engine/columns';
import { formatGradeError } from '../../engine/messages';
import { mergeSummaries, summarize, type GradeSummary } from '../../engine/summary';
import type { CommandContext } from '../args';
import { createCsvWriter, type CsvProblem } from '../csv';
import { openCsvByteColumns, type CsvByteColumnsTable } from '../csv/byte-columns';
import { fileOutput, textOutput } from '../csv/byte-output';
import { openCsvColumns, type CsvColumnsTable } from '../csv/columns';
import { formatCsvRow } from '../csv/writer';
import { neutraliseRow } from '../csv-neutralise';
import { outputFile, type OutputTarget } from '../output';
import { cliText, formatCsvProblem } from '../text';
import type { GradeFileRequest } from './grade';
import { GradedByteRows } from './grade-csv-bytes';

/** Rows graded per engine call: few calls, and few rows alive at once (2048: 1M rows in 2.7 s, 16384: 3.9 s). */
export const GRADE_CHUNK_ROWS = 2048;

/** At most this many ragged rows are listed. */
const RAGGED_LISTED = 10;

export type GradeSource = { kind: 'bytes'; table: CsvByteColumnsTable } | { kind: 'text'; table: CsvColumnsTable };

/**
 * The input, read from its bytes where that path applies (ADR 0033: a UTF-8
 * file, rows graded a chunk at a time, no explanations), else
 * as text; undefined when it cannot be read (reported).
 */
export async function openGradeSource(
  inputPath: string,
  request: GradeFileRequest,
  context: CommandContext,
): Promise<GradeSource | undefined> {
  const options = { file: request.input, delimiter: request.delimiter, chunkSize: request.readChunkBytes };
  if (!request.textOnly && !request.explain && !request.compiled.ranked) {
    const bytes = await openCsvByteColumns(inputPath, options);
    if (bytes) return { kind: 'bytes', table: bytes };
  }
  const opened = await openCsvColumns(inputPath, options);
  if (!opened.ok) {
    context.error(formatCsvProblem(opened.problem, context.locale));
    return undefined;
  }
  if (opened.table.encoding.guessed) context.warn(cliText(context.locale, 'csv.gb18030', { file: request.input }));
  return { kind: 'text', table: opened.table };
}

/** What both ways of reading and writing a graded CSV get. */
export interface GradeRunSetup {
  request: GradeFileRequest;
  context: CommandContext;
  target: OutputTarget;
  mapping: ColumnMapping;
  nameOf: (id: string) => string;
  outputHeader: string[];
  problems: ReadProblems;
}

/** The rows read, graded and written (the output still open), or why writing failed. */
export interface GradeRun {
  rows: number;
  summary?: GradeSummary;
  writeFailure?: { error: unknown };
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** Problems of the input: the first fatal one, and the ragged rows (the first few kept). */
export class ReadProblems {
  fatal: CsvProblem | undefined;
  readonly ragged: CsvProblem[] = [];
  raggedCount = 0;

  /** True once the output will not be written. */
  get stopped(): boolean {
    return this.fatal !== undefined || this.raggedCount > 0;
  }

  add(problem: CsvProblem): void {
    if (problem.kind !== 'ragged-row') {
      this.fatal ??= problem;
      return;
    }
    this.raggedCount++;
    if (this.ragged.length < RAGGED_LISTED) this.ragged.push(problem);
  }

  report(context: CommandContext): void {
    const { locale } = context;
    if (this.fatal) context.error(formatCsvProblem(this.fatal, locale));
    for (const problem of this.ragged) context.error(formatCsvProblem(problem, locale));
    if (this.raggedCount > this.ragged.length) {
      context.io.stderr(cliText(locale, 'csv.ragged-more', { count: this.raggedCount - this.ragged.length }) + '\n');
    }
  }
}

/** The text path: rows of strings through the engine's gradeRows and the CSV writer. */
export async function gradeFromText(csv: CsvColumnsTable, setup: GradeRunSetup): Promise<GradeRun> {
  const { request, context, target, mapping, nameOf, outputHeader, problems } = setup;
  const { compiled } = request;
  const locale = context.locale;
  const writer = createCsvWriter(target.kind === 'stdout' ? textSink(context.io.stdout) : outputFile(target), {
    bom: request.bom,
    exclusive: target.kind === 'file',
    neutralise: !request.rawCsv,
  });
  const run: GradeRun = { rows: 0, close: () => writer.close(), abort: () => writer.abort() };
  try {
    await writer.writeRow(outputHeader);
  } catch (error) {
    run.writeFailure = { error };
    return run;
  }

  const explainKey = locale === 'zh-CN' ? 'zh' : 'en';
  let chunk: string[][] = [];

  // Writes wait for room only between chunks of input; a failed write is kept and reported once reading stops.
  let waiting: Promise<void> | undefined;
  const flush = (): void => {
    if (chunk.length === 0) return;
    const batch = compiled.gradeRows(chunk, mapping.map);
    const part = summarize(compiled, batch);
    run.summary = run.summary ? mergeSummaries(run.summary, part) : part;
    for (let i = 0; i < chunk.length; i++) {
      const cells = chunk[i] as string[];
      const tier = batch.tiers[i] as number;
      const score = batch.scores[i] as number;
      const error = batch.errors.get(i);
      const outRow: Array<string | number> = cells as Array<string | number>;
      outRow.push(
        error || Number.isNaN(score) ? '' : score,
        tier >= 0 ? (compiled.tiers[tier]?.id ?? '') : '',
        error ? formatGradeError(error, locale, nameOf) : '',
      );
      if (request.explain) {
        const explained = batch.explain ? undefined : compiled.explainRow(cells, mapping.map);
        outRow.push(
          batch.explain
            ? (batch.explain(i)?.[explainKey] ?? '')
            : explained?.ok
              ? explained.explanation.text[explainKey]
              : '',
        );
      }
      const wait = writer.writeRow(outRow);
      if (wait) {
        waiting = wait.catch((error: unknown) => {
          run.writeFailure ??= { error };
        });
      }
    }
    run.rows += chunk.length;
    chunk = [];
  };

  const allColumns = csv.header.map((_, column) => column);
  await csv.read(allColumns, {
    row(values) {
      if (problems.stopped || run.writeFailure) return; // the output will not be written; keep reading to count
      chunk.push(values.slice());
      // A ranked table (ABC) grades every row against every other: one batch.
      if (chunk.length >= (request.chunkRows ?? GRADE_CHUNK_ROWS) && !compiled.ranked) flush();
    },
    problem: (problem) => problems.add(problem),
    async afterChunk() {
      const pending = waiting;
      waiting = undefined;
      if (pending) await pending;
    },
  });
  if (!problems.stopped && !run.writeFailure) flush();
  if (waiting) await waiting;
  return run;
}

/** The byte path (ADR 0033): lines copied, number inputs read from their bytes, written synchronously. */
export async function gradeFromBytes(table: CsvByteColumnsTable, setup: GradeRunSetup): Promise<GradeRun> {
  const { request, context, target, mapping, nameOf, outputHeader, problems } = setup;
  const neutralise = !request.rawCsv;
  // Opened at the first write: a failure to open or write is reported once the file is read, as in the text path.
  const output =
    target.kind === 'stdout' ? textOutput(context.io.stdout) : fileOutput(outputFile(target), target.kind === 'file');
  const head = formatCsvRow(neutralise ? neutraliseRow(outputHeader) : outputHeader) + '\r\n';
  const rows = new GradedByteRows({
    compiled: request.compiled,
    map: mapping.map,
    width: table.header.length,
    delimiter: request.delimiter,
    chunkRows: request.chunkRows ?? GRADE_CHUNK_ROWS,
    head: request.bom ? '\uFEFF' + head : head,
    neutralise,
    errorText: (error) => formatGradeError(error, context.locale, nameOf),
    output,
    problem: (problem) => problems.add(problem),
    halted: () => problems.stopped,
  });
  await table.read(
    table.header.map((_, column) => column),
    rows,
  );
  rows.end();
  const finish = async (): Promise<void> => output.close();
  const { summary, writeFailure } = rows;
  return { rows: rows.rows, summary, writeFailure, close: finish, abort: finish };
}

/** A stream over the command's stdout function (process.stdout writes to pipes and files synchronously). */
function textSink(write: (text: string) => void): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      write(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      done();
    },
  });
}
