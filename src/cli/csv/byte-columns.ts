import { open, type FileHandle } from 'node:fs/promises';
import { ChosenColumns } from './chosen-columns';
import { detectEncoding } from './decode';
import { parseGeneralLine } from './general-line';
import { CsvParser } from './parser';
import { fileProblem, MAX_FIELD_CHARS, type CsvProblem, type CsvReadOptions } from './reader';
import { Utf8StreamCheck } from './utf8-check';

/**
 * openCsvColumns (columns.ts) on the file's bytes: plain lines (no quote, no
 * lone CR) are split into byte ranges without a string per field; any other
 * record goes through the general parser as text, as there. Rows, line numbers
 * and problems are exactly those openCsvColumns gives, chunk for chunk (a
 * chunk of bytes that is not UTF-8 stops the reading after the rows before
 * it, as decodeChunks does). Only for UTF-8 files whose first line is a plain
 * header: anything else (another encoding, a quoted header, a problem opening
 * the file) is left to openCsvColumns, which reports it.
 */
export interface CsvByteColumnsSink {
  /** A plain row: the field of columns[k] is bytes[starts[k]..ends[k]) (UTF-8, not decoded). */
  bytesRow(bytes: Buffer, starts: Int32Array, ends: Int32Array, line: number): void;
  /** A row the general parser read (quotes, a lone CR): values[k] is the cell of columns[k]. */
  row(values: readonly string[], line: number): void;
  /** A `ragged-row` problem (reading goes on), or any other problem (the last call). */
  problem(problem: CsvProblem): void;
}

export interface CsvByteColumnsTable {
  file: string;
  header: string[];
  /** Where the line after the header starts in the file. */
  bodyStart: number;
  /**
   * Reads the rows; with `until` (a line start after bodyStart) only the lines
   * before it, then says whether a record ends there (not inside quotes) and
   * the number of the line that starts there.
   */
  read(columns: readonly number[], sink: CsvByteColumnsSink, until?: number): Promise<RangeEnd>;
}

/** How reading a part of a file ended: at a record's start or inside one, and the number of the next line. */
export interface RangeEnd {
  atRecordStart: boolean;
  nextLine: number;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** The file's header and a reader of its rows from bytes; undefined when openCsvColumns must read it. */
export async function openCsvByteColumns(
  path: string,
  options: CsvReadOptions & { file?: string } = {},
): Promise<CsvByteColumnsTable | undefined> {
  const file = options.file ?? path;
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  if (delimiter >= 0x80) return undefined;
  const chunkSize = options.chunkSize ?? 1 << 20;
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch {
    return undefined;
  }
  let until = Infinity;
  const chunks = readChunks(handle, chunkSize, 0, () => until);
  const check = new Utf8StreamCheck();
  try {
    // The encoding is decided on the first 4 bytes or more, as decodeChunks does.
    let head: Buffer = EMPTY;
    let bom = -1;
    let newline = -1;
    while (newline < 0) {
      const next = await chunks.next();
      if (next.done) break;
      let chunk = next.value;
      head = join(head, chunk);
      if (bom < 0) {
        if (head.length < 4) continue;
        const detected = detectEncoding(head);
        if (detected.encoding !== 'utf-8') break;
        bom = detected.bomLength;
        chunk = head.subarray(bom);
      }
      if (!check.push(chunk)) break;
      newline = head.indexOf(LF, bom);
      if (newline < 0 && head.length > MAX_FIELD_CHARS) break;
    }
    // A second BOM: the decoder drops it too.
    const secondBom = head[bom] === 0xef && head[bom + 1] === 0xbb && head[bom + 2] === 0xbf;
    const header = newline < 0 || secondBom ? undefined : plainHeader(head, bom, newline, delimiter);
    if (!header) {
      await handle.close();
      return undefined;
    }
    const reader = new ByteLineReader(file, delimiter, header.length);
    const bodyStart = newline + 1;
    return {
      file,
      header,
      bodyStart,
      async read(columns, sink, end) {
        reader.start(columns, sink);
        let body = head.subarray(bodyStart);
        if (end !== undefined) {
          until = end;
          body = body.subarray(0, Math.max(0, end - bodyStart));
        }
        const stopped = { atRecordStart: false, nextLine: 0 };
        try {
          if (!reader.push(body, check.pendingBytes)) return stopped;
          if (!(await pushChunks(chunks, check, reader, sink, file))) return stopped;
        } catch (error) {
          sink.problem(fileProblem(file, error));
          return stopped;
        } finally {
          await handle.close();
        }
        if (end === undefined) reader.end();
        return { atRecordStart: reader.atRecordStart, nextLine: reader.nextLine };
      },
    };
  } catch {
    await handle.close();
    return undefined;
  }
}

/** Pushes checked chunks to the reader until they end; false once a problem ended the reading (reported). */
async function pushChunks(
  chunks: AsyncGenerator<Buffer>,
  check: Utf8StreamCheck,
  reader: ByteLineReader,
  sink: CsvByteColumnsSink,
  file: string,
): Promise<boolean> {
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    if (!check.push(next.value)) {
      sink.problem({ kind: 'invalid-bytes', file, encoding: 'utf-8', line: reader.lastLine });
      return false;
    }
    if (!reader.push(next.value, check.pendingBytes)) return false;
  }
  if (check.end()) return true;
  sink.problem({ kind: 'invalid-bytes', file, encoding: 'utf-8', line: reader.lastLine });
  return false;
}

/**
 * The chunks a read stream of this chunk size gives, from `from` on: up to the
 * next multiple of chunkSize, then chunkSize bytes at a time, cut at `end()`.
 */
async function* readChunks(
  handle: FileHandle,
  chunkSize: number,
  from: number,
  end: () => number,
): AsyncGenerator<Buffer> {
  let position = from;
  // A new buffer per chunk: a sink may keep views of a chunk's rows until rows of a later chunk come
  // (tierwise grade writes its lines from them), which may be several chunks later for a long line.
  for (;;) {
    const size = Math.min(chunkSize - (position % chunkSize), end() - position);
    if (size <= 0) return;
    const buffer = Buffer.allocUnsafe(size);
    const { bytesRead } = await handle.read(buffer, 0, size, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

/**
 * Reads the lines of [start, end) of a UTF-8 CSV file (start a line start
 * after the header, at a record's start; end a line start or the file's
 * end), numbering the first line `firstLine`: what openCsvByteColumns' reader
 * gives for those lines when it reaches `start` between records. A worker
 * thread reads its part of a file this way (parallel/).
 */
export async function readCsvByteRange(
  path: string,
  range: { start: number; end: number; firstLine: number; width: number; atFileEnd: boolean },
  options: CsvReadOptions & { file: string },
  columns: readonly number[],
  sink: CsvByteColumnsSink,
): Promise<RangeEnd> {
  const reader = new ByteLineReader(options.file, (options.delimiter ?? ',').charCodeAt(0), range.width, {
    firstLine: range.firstLine,
    plain: true,
  });
  reader.start(columns, sink);
  const stopped = { atRecordStart: false, nextLine: 0 };
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const chunks = readChunks(handle, options.chunkSize ?? 1 << 20, range.start, () => range.end);
    if (!(await pushChunks(chunks, new Utf8StreamCheck(), reader, sink, options.file))) return stopped;
  } catch (error) {
    sink.problem(fileProblem(options.file, error));
    return stopped;
  } finally {
    await handle?.close();
  }
  if (range.atFileEnd) reader.end();
  return { atRecordStart: reader.atRecordStart, nextLine: reader.nextLine };
}

/** The header's cells when its line [from, newline) is plain and not empty; else undefined. */
function plainHeader(bytes: Buffer, from: number, newline: number, delimiter: number): string[] | undefined {
  let end = newline;
  if (end > from && bytes[end - 1] === CR) end--;
  if (end === from) return undefined;
  for (let k = from; k < end; k++) if (bytes[k] === QUOTE || bytes[k] === CR) return undefined;
  if (end - from > MAX_FIELD_CHARS) return undefined;
  return bytes.toString('utf8', from, end).split(String.fromCharCode(delimiter));
}

function join(a: Buffer, b: Buffer): Buffer {
  return a.length === 0 ? b : Buffer.concat([a, b]);
}

const EMPTY: Buffer = Buffer.alloc(0);

/** LineReader of columns.ts, on bytes: plain lines split here, the others decoded for the general parser. */
class ByteLineReader {
  private readonly parser: CsvParser;
  /** Never drops a BOM: the file's own was skipped before the header. */
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /**
   * True while lines are split here; false while the general parser reads. As
   * in columns.ts the line after the header goes to the parser (a lone CR there
   * ends a record before the line's end).
   */
  private plain = false;
  /** In plain mode, the line the next line is. */
  private line: number;
  /** The start of a line whose end is in a later chunk (plain mode). */
  private carry = EMPTY;
  private chosen: ChosenColumns | undefined;
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  private sink: CsvByteColumnsSink | undefined;

  /** Line of the last row handed on. */
  get lastLine(): number {
    return this.chosen?.lastLine ?? 1;
  }

  /** Whether the bytes so far end between records (and lines). */
  get atRecordStart(): boolean {
    return this.plain && this.carry.length === 0;
  }

  /** The number of the next line (between records). */
  get nextLine(): number {
    return this.line;
  }

  /** By default the reader starts at line 2, after a header, in the general parser; a part of a file starts plain. */
  constructor(
    private readonly file: string,
    private readonly delimiter: number,
    private readonly width: number,
    start: { firstLine: number; plain: boolean } = { firstLine: 2, plain: false },
  ) {
    this.parser = new CsvParser({ delimiter: String.fromCharCode(delimiter) });
    this.line = start.firstLine;
    this.plain = start.plain;
    this.parser.resumeAt(start.firstLine);
  }

  start(columns: readonly number[], sink: CsvByteColumnsSink): void {
    this.sink = sink;
    this.chosen = new ChosenColumns(columns, this.width, this.file, sink);
    this.starts = new Int32Array(columns.length);
    this.ends = new Int32Array(columns.length);
  }

  /**
   * Reads a chunk of bytes (checked UTF-8; its last `cutBytes` are a character
   * cut at the chunk's end); false once a problem ended the reading.
   */
  push(chunk: Buffer, cutBytes: number): boolean {
    const bytes = this.carry.length === 0 ? chunk : join(this.carry, chunk);
    this.carry = EMPTY;
    const n = bytes.length;
    const delimiter = this.delimiter;
    const chosen = this.chosen!;
    const { slotOf, copies } = chosen;
    const starts = this.starts;
    const ends = this.ends;
    // The next quote and CR at or after the line start, found by indexOf rather than tested byte by byte.
    let quote = -1;
    let cr = -1;
    let i = 0;
    while (i < n) {
      const j = bytes.indexOf(LF, i);
      if (!this.plain) {
        const end = j < 0 ? n : j + 1;
        const text = this.decoder.decode(bytes.subarray(i, end), { stream: true });
        const next = parseGeneralLine(this.parser, chosen, text, j >= 0);
        i = end;
        if (next !== undefined) {
          this.plain = true;
          this.line = next;
        }
        continue;
      }
      if (j < 0) {
        this.carry = Buffer.from(bytes.subarray(i));
        // A line longer than a field may be: the parser reads it (and says so when a field is too long).
        if (this.carry.length > MAX_FIELD_CHARS && utf16Length(this.carry, cutBytes) > MAX_FIELD_CHARS) {
          this.toGeneral();
          return this.push(EMPTY, cutBytes);
        }
        return true;
      }
      let end = j;
      if (end > i && bytes[end - 1] === CR) end--;
      if (end === i) {
        // A line with no characters is no record.
        this.line++;
        i = j + 1;
        continue;
      }
      if (quote < i && quote < n) quote = indexOrEnd(bytes, QUOTE, i);
      if (cr < i && cr < n) cr = indexOrEnd(bytes, CR, i);
      if (quote < end || cr < end) {
        // Quotes or a lone CR: this record goes through the general parser, from the start of its line.
        this.toGeneral();
        continue;
      }
      let field = 0;
      let start = i;
      for (let k = i; k <= end; k++) {
        if (k === end || bytes[k] === delimiter) {
          const slot = field < slotOf.length ? slotOf[field]! : -1;
          if (slot >= 0) {
            starts[slot] = start;
            ends[slot] = k;
          }
          field++;
          start = k + 1;
        }
      }
      if (field !== this.width) {
        chosen.raggedRow(this.line, field);
      } else {
        for (const [to, from] of copies) {
          starts[to] = starts[from]!;
          ends[to] = ends[from]!;
        }
        this.sink!.bytesRow(bytes, starts, ends, this.line);
        chosen.lastLine = this.line;
      }
      this.line++;
      i = j + 1;
    }
    return this.plain || chosen.withinFieldLimit(this.parser);
  }

  end(): void {
    if (this.plain && this.carry.length > 0) {
      // The last line had no line break: as if it had one.
      const last = join(this.carry, Buffer.from([LF]));
      this.carry = EMPTY;
      if (!this.push(last, 0)) return;
    }
    if (this.plain) return;
    this.chosen!.endParser(this.parser);
  }

  private toGeneral(): void {
    this.plain = false;
    this.parser.resumeAt(this.line);
  }
}

/** Where the byte next occurs from `from` on; bytes.length when it does not. */
function indexOrEnd(bytes: Buffer, byte: number, from: number): number {
  const at = bytes.indexOf(byte, from);
  return at < 0 ? bytes.length : at;
}

/** UTF-16 length of the text of UTF-8 bytes, leaving out a character cut in its last `cutBytes`. */
function utf16Length(bytes: Uint8Array, cutBytes: number): number {
  let length = 0;
  for (let k = 0; k < bytes.length - cutBytes; k++) {
    const b = bytes[k]!;
    if ((b & 0xc0) !== 0x80) length += b >= 0xf0 ? 2 : 1;
  }
  return length;
}
