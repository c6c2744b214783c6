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
  | { kind: 'ragged-row'; file: string; line: number; found: number; expected: number };

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
  /** The data rows; a row with another number of cells than the header is a `ragged-row` problem. */
  rows: AsyncIterable<CsvRecord>;
}

export type CsvOpenResult = { ok: true; table: CsvTable } | { ok: false; problem: CsvProblem };

/**
 * Every record of a byte stream (no header semantics). `file` names the
 * source in problems. `onEncoding` hears the detected encoding before the
 * first record.
 */
export async function* readCsvRecords(
  source: AsyncIterable<Uint8Array>,
  file: string,
  options: CsvReadOptions & { onEncoding?: (detected: DetectedEncoding) => void } = {},
): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser({ delimiter: options.delimiter });
  let lastLine = 1;
  try {
    for await (const text of decodeChunks(source, options.onEncoding ?? (() => undefined))) {
      if (typeof text !== 'string') {
        yield { kind: 'problem', problem: { kind: 'invalid-bytes', file, encoding: text.encoding, line: lastLine } };
        return;
      }
      for (const row of parser.push(text)) {
        lastLine = row.line;
        yield { kind: 'row', line: row.line, cells: row.cells };
      }
    }
  } catch (error) {
    yield { kind: 'problem', problem: fileProblem(file, error) };
    return;
  }
  const end = parser.end();
  for (const row of end.rows) yield { kind: 'row', line: row.line, cells: row.cells };
  if (end.unclosedQuoteLine !== undefined) {
    yield { kind: 'problem', problem: { kind: 'unclosed-quote', file, line: end.unclosedQuoteLine } };
  }
}

/**
 * Opens a CSV file and reads its header row. `path` is where to read;
 * `file` is how problems name it (default: path).
 */
export async function openCsv(path: string, options: CsvReadOptions & { file?: string } = {}): Promise<CsvOpenResult> {
  const file = options.file ?? path;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, problem: { kind: 'is-directory', file } };
  } catch (error) {
    return { ok: false, problem: fileProblem(file, error) };
  }
  let encoding: DetectedEncoding = { encoding: 'utf-8', bomLength: 0, guessed: false };
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 1 << 20 });
  const records = readCsvRecords(stream, file, {
    ...options,
    onEncoding: (detected) => {
      encoding = detected;
    },
  });
  const first = await records.next();
  if (first.done) return { ok: false, problem: { kind: 'empty', file } };
  if (first.value.kind === 'problem') {
    stream.destroy();
    return { ok: false, problem: first.value.problem };
  }
  const header = first.value.cells;
  return {
    ok: true,
    table: { file, encoding, header, headerLine: first.value.line, rows: checkWidth(records, file, header.length) },
  };
}

async function* checkWidth(
  records: AsyncIterable<CsvRecord>,
  file: string,
  expected: number,
): AsyncGenerator<CsvRecord> {
  for await (const record of records) {
    if (record.kind === 'row' && record.cells.length !== expected) {
      yield {
        kind: 'problem',
        problem: { kind: 'ragged-row', file, line: record.line, found: record.cells.length, expected },
      };
    } else {
      yield record;
    }
  }
}

function fileProblem(file: string, error: unknown): CsvProblem {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return { kind: 'not-found', file };
  if (code === 'EISDIR') return { kind: 'is-directory', file };
  const reason = error instanceof Error ? error.message : String(error);
  return { kind: 'unreadable', file, reason };
}
