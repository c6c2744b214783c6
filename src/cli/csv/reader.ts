import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { decodeChunks, type DetectedEncoding, type TextEncodingName } from './decode';
import { CsvParser, type CsvRow } from './parser';

/** Why a CSV file could not be read (all carry the file as the user named it). */
export type CsvProblem =
  | { kind: 'not-found'; file: string }
  | { kind: 'is-directory'; file: string }
  | { kind: 'unreadable'; file: string; reason: string }
  | { kind: 'empty'; file: string }
  | { kind: 'unclosed-quote'; file: string; line: number }
  | { kind: 'invalid-bytes'; file: string; encoding: TextEncodingName; line: number }
  | { kind: 'ragged-row'; file: string; line: number; found: number; expected: number }
  | { kind: 'field-too-long'; file: string; line: number; limit: number };

/** Characters one CSV field may hold: 32 times an Excel cell's 32,767, and a bound on memory for a field never closed. */
export const MAX_FIELD_CHARS = 1_048_576;

/**
 * What reading yields: rows, and problems as values. A `ragged-row` problem
 * stands in for its row and reading goes on; any other problem is the last item.
 */
export type CsvRecord = ({ kind: 'row' } & CsvRow) | { kind: 'problem'; problem: CsvProblem };

export interface CsvReadOptions {
  /** One character; default ','. */
  delimiter?: string;
  /** Bytes per read; default 1 MiB (also how much decides the encoding). */
  chunkSize?: number;
}

/** An opened CSV file: its header row is read, the other rows stream from `rows` (iterate once). */
export interface CsvTable {
  file: string;
  encoding: DetectedEncoding;
  header: string[];
  headerLine: number;
  /**
   * The data rows; a row with another number of cells than the header is a
   * `ragged-row` problem. `batches` gives the same records in arrays (faster
   * for big files). Iterate one of the two, once.
   */
  rows: AsyncIterable<CsvRecord>;
  batches: AsyncIterable<CsvRecord[]>;
}

export type CsvOpenResult = { ok: true; table: CsvTable } | { ok: false; problem: CsvProblem };

/**
 * Every record of a byte stream (no header semantics), in batches: one per
 * decoded chunk, so a million rows cost a few hundred awaits, not a million.
 * `file` names the source in problems. `onEncoding` hears the detected
 * encoding before the first record.
 */
export async function* readCsvBatches(
  source: AsyncIterable<Uint8Array>,
  file: string,
  options: CsvReadOptions & { onEncoding?: (detected: DetectedEncoding) => void } = {},
): AsyncGenerator<CsvRecord[]> {
  const parser = new CsvParser({ delimiter: options.delimiter });
  let lastLine = 1;
  const asRecords = (rows: CsvRow[]): CsvRecord[] => {
    const out: CsvRecord[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as CsvRow;
      out[i] = { kind: 'row', line: row.line, cells: row.cells };
    }
    if (rows.length > 0) lastLine = (rows[rows.length - 1] as CsvRow).line;
    return out;
  };
  try {
    for await (const text of decodeChunks(source, options.onEncoding ?? (() => undefined))) {
      if (typeof text !== 'string') {
        yield [{ kind: 'problem', problem: { kind: 'invalid-bytes', file, encoding: text.encoding, line: lastLine } }];
        return;
      }
      const batch = asRecords(parser.push(text));
      if (batch.length > 0) yield batch;
      if (parser.pendingFieldLength > MAX_FIELD_CHARS) {
        const line = parser.pendingLine;
        yield [{ kind: 'problem', problem: { kind: 'field-too-long', file, line, limit: MAX_FIELD_CHARS } }];
        return;
      }
    }
  } catch (error) {
    yield [{ kind: 'problem', problem: fileProblem(file, error) }];
    return;
  }
  const end = parser.end();
  const last = asRecords(end.rows);
  if (end.unclosedQuoteLine !== undefined) {
    last.push({ kind: 'problem', problem: { kind: 'unclosed-quote', file, line: end.unclosedQuoteLine } });
  }
  if (last.length > 0) yield last;
}

/** Every record of a byte stream, one at a time (see readCsvBatches). */
export async function* readCsvRecords(
  source: AsyncIterable<Uint8Array>,
  file: string,
  options: CsvReadOptions & { onEncoding?: (detected: DetectedEncoding) => void } = {},
): AsyncGenerator<CsvRecord> {
  for await (const batch of readCsvBatches(source, file, options)) yield* batch;
}

/**
 * Opens a CSV file and reads its header row. `path` is where to read;
 * `file` is how problems name it (default: path).
 */
export async function openCsv(path: string, options: CsvReadOptions & { file?: string } = {}): Promise<CsvOpenResult> {
  const file = options.file ?? path;
  const unreadable = await checkReadable(path, file);
  if (unreadable) return { ok: false, problem: unreadable };
  let encoding: DetectedEncoding = { encoding: 'utf-8', bomLength: 0, guessed: false };
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 1 << 20 });
  const source = readCsvBatches(stream, file, {
    ...options,
    onEncoding: (detected) => {
      encoding = detected;
    },
  });
  const first = await source.next();
  if (first.done) return { ok: false, problem: { kind: 'empty', file } };
  const [head, ...rest] = first.value as [CsvRecord, ...CsvRecord[]];
  if (head.kind === 'problem') {
    stream.destroy();
    return { ok: false, problem: head.problem };
  }
  const header = head.cells;
  const batches = checkWidth(rest, source, file, header.length);
  return {
    ok: true,
    table: {
      file,
      encoding,
      header,
      headerLine: head.line,
      batches,
      rows: flatten(batches),
    },
  };
}

async function* checkWidth(
  firstRest: CsvRecord[],
  more: AsyncIterable<CsvRecord[]>,
  file: string,
  expected: number,
): AsyncGenerator<CsvRecord[]> {
  const check = (batch: CsvRecord[]): CsvRecord[] => {
    for (let i = 0; i < batch.length; i++) {
      const record = batch[i] as CsvRecord;
      if (record.kind === 'row' && record.cells.length !== expected) {
        batch[i] = {
          kind: 'problem',
          problem: { kind: 'ragged-row', file, line: record.line, found: record.cells.length, expected },
        };
      }
    }
    return batch;
  };
  if (firstRest.length > 0) yield check(firstRest);
  for await (const batch of more) yield check(batch);
}

async function* flatten(batches: AsyncIterable<CsvRecord[]>): AsyncGenerator<CsvRecord> {
  for await (const batch of batches) yield* batch;
}

/** Why a path cannot be read as a file (missing, a directory), or undefined. */
export async function checkReadable(path: string, file: string): Promise<CsvProblem | undefined> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? { kind: 'is-directory', file } : undefined;
  } catch (error) {
    return fileProblem(file, error);
  }
}

export function fileProblem(file: string, error: unknown): CsvProblem {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return { kind: 'not-found', file };
  if (code === 'EISDIR') return { kind: 'is-directory', file };
  const reason = error instanceof Error ? error.message : String(error);
  return { kind: 'unreadable', file, reason };
}
