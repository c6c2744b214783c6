import { createReadStream } from 'node:fs';
import { ChosenColumns } from './chosen-columns';
import { decodeChunks, type DetectedEncoding } from './decode';
import { CsvParser, type CsvRow } from './parser';
import { checkReadable, fileProblem, MAX_FIELD_CHARS, type CsvProblem, type CsvReadOptions } from './reader';

/**
 * A CSV read for a few of its columns, with no object per row: what `openCsv`
 * gives, record for record, but each row comes as the chosen fields only,
 * through a callback, in an array reused for every row. Lines with no quote
 * and no lone CR (nearly all of a machine-written file) are split right here;
 * any other line, and everything up to the end of a record started there, goes
 * through the general parser (parser.ts), so quoted fields, line breaks inside
 * them and line numbers come out exactly as `openCsv` gives them.
 */
export interface CsvColumnsSink {
  /** A row with the header's number of cells: values[k] is the cell of columns[k]; `line` as openCsv numbers it. */
  row(values: readonly string[], line: number): void;
  /** A `ragged-row` problem (reading goes on), or any other problem (the last call). */
  problem(problem: CsvProblem): void;
  /** Awaited after each chunk of text is read: room to wait for a slow consumer (backpressure). */
  afterChunk?(): Promise<void> | undefined;
}

export interface CsvColumnsTable {
  file: string;
  encoding: DetectedEncoding;
  header: string[];
  /** Reads the data rows once, handing `columns` of each to the sink. */
  read(columns: readonly number[], sink: CsvColumnsSink): Promise<void>;
}

export type CsvColumnsOpenResult = { ok: true; table: CsvColumnsTable } | { ok: false; problem: CsvProblem };

const QUOTE = 34;
const CR = 13;

export async function openCsvColumns(
  path: string,
  options: CsvReadOptions & { file?: string } = {},
): Promise<CsvColumnsOpenResult> {
  const file = options.file ?? path;
  const unreadable = await checkReadable(path, file);
  if (unreadable) return { ok: false, problem: unreadable };
  let encoding: DetectedEncoding = { encoding: 'utf-8', bomLength: 0, guessed: false };
  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 1 << 20 });
  const texts = decodeChunks(stream, (detected) => {
    encoding = detected;
  })[Symbol.asyncIterator]();
  const lines = new LineReader(file, options.delimiter ?? ',');
  const fail = (problem: CsvProblem): CsvColumnsOpenResult => {
    stream.destroy();
    return { ok: false, problem };
  };
  let header: CsvRow | CsvProblem | undefined;
  try {
    while (header === undefined) {
      const next = await texts.next();
      if (next.done) {
        header = lines.headerAtEnd() ?? { kind: 'empty', file };
      } else if (typeof next.value !== 'string') {
        header = { kind: 'invalid-bytes', file, encoding: next.value.encoding, line: 1 };
      } else {
        header = lines.header(next.value);
      }
    }
  } catch (error) {
    return fail(fileProblem(file, error));
  }
  if ('kind' in header) return fail(header);
  const cells = header.cells;
  return {
    ok: true,
    table: {
      file,
      encoding,
      header: cells,
      async read(columns, sink) {
        lines.start(columns, cells.length, sink);
        try {
          if (!lines.push(lines.takeRest())) return;
          for (let next = await texts.next(); !next.done; next = await texts.next()) {
            if (typeof next.value !== 'string') {
              sink.problem({ kind: 'invalid-bytes', file, encoding: next.value.encoding, line: lines.lastLine });
              return;
            }
            if (!lines.push(next.value)) return;
            await sink.afterChunk?.();
          }
        } catch (error) {
          sink.problem(fileProblem(file, error));
          return;
        } finally {
          stream.destroy();
        }
        lines.end();
      },
    },
  };
}

/** The state of one read: which mode, the line number, the text of a line not yet complete. */
class LineReader {
  private readonly parser: CsvParser;
  private readonly delimiter: number;
  /** True while lines are split here; false while the general parser reads. */
  private plain = false;
  /** In plain mode, the line the next line is. */
  private line = 1;
  /** The start of a line whose end is in a later chunk (plain mode), or the text after the header. */
  private carry = '';
  private chosen: ChosenColumns | undefined;
  private sink: CsvColumnsSink | undefined;

  /** Line of the last row handed on. */
  get lastLine(): number {
    return this.chosen?.lastLine ?? 1;
  }

  constructor(
    private readonly file: string,
    delimiter: string,
  ) {
    this.parser = new CsvParser({ delimiter });
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Feeds a chunk to the parser line by line until the header record is out; the rest waits in `carry`. */
  header(text: string): CsvRow | CsvProblem | undefined {
    let i = 0;
    while (i < text.length) {
      const j = text.indexOf('\n', i);
      const end = j < 0 ? text.length : j + 1;
      const rows = this.parser.push(text.slice(i, end));
      i = end;
      if (rows.length > 0) {
        // A lone CR may end more than one record on a line: the others are handed on when reading starts.
        this.carry = text.slice(i);
        this.pendingRows = rows.slice(1);
        return rows[0]!;
      }
    }
    if (this.parser.pendingFieldLength > MAX_FIELD_CHARS) {
      return { kind: 'field-too-long', file: this.file, line: this.parser.pendingLine, limit: MAX_FIELD_CHARS };
    }
    return undefined;
  }

  /** Records the header line completed together with the header (a lone CR), handed on when reading starts. */
  private pendingRows: CsvRow[] = [];

  headerAtEnd(): CsvRow | CsvProblem | undefined {
    const end = this.parser.end();
    if (end.unclosedQuoteLine !== undefined) {
      return { kind: 'unclosed-quote', file: this.file, line: end.unclosedQuoteLine };
    }
    return end.rows[0];
  }

  start(columns: readonly number[], width: number, sink: CsvColumnsSink): void {
    this.sink = sink;
    this.chosen = new ChosenColumns(columns, width, this.file, sink);
    this.chosen.general(this.pendingRows);
    this.pendingRows = [];
  }

  takeRest(): string {
    const rest = this.carry;
    this.carry = '';
    return rest;
  }

  /** Reads a chunk; false once a problem ended the reading. */
  push(chunk: string): boolean {
    const text = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = '';
    const n = text.length;
    const delimiter = this.delimiter;
    const chosen = this.chosen!;
    const { slotOf, values, copies } = chosen;
    let i = 0;
    while (i < n) {
      const j = text.indexOf('\n', i);
      if (!this.plain) {
        const end = j < 0 ? n : j + 1;
        chosen.general(this.parser.push(text.slice(i, end)));
        i = end;
        if (j >= 0 && this.parser.atRecordStart) {
          this.plain = true;
          this.line = this.parser.currentLine;
        }
        continue;
      }
      if (j < 0) {
        this.carry = text.slice(i);
        // A line longer than a field may be: the parser reads it (and says so when a field is too long).
        if (this.carry.length > MAX_FIELD_CHARS) {
          this.toGeneral();
          return this.push('');
        }
        return true;
      }
      let end = j;
      if (end > i && text.charCodeAt(end - 1) === CR) end--;
      if (end === i) {
        // A line with no characters is no record.
        this.line++;
        i = j + 1;
        continue;
      }
      let field = 0;
      let start = i;
      let special = false;
      for (let k = i; k <= end; k++) {
        const c = k < end ? text.charCodeAt(k) : delimiter;
        if (c === QUOTE || c === CR) {
          special = true;
          break;
        }
        if (c === delimiter) {
          const slot = field < slotOf.length ? slotOf[field]! : -1;
          if (slot >= 0) values[slot] = text.slice(start, k);
          field++;
          start = k + 1;
        }
      }
      if (special) {
        // Quotes or a lone CR: this record goes through the general parser, from the start of its line.
        this.toGeneral();
        continue;
      }
      if (field !== chosen.width) {
        chosen.raggedRow(this.line, field);
      } else {
        for (const [to, from] of copies) values[to] = values[from]!;
        this.sink!.row(values, this.line);
        chosen.lastLine = this.line;
      }
      this.line++;
      i = j + 1;
    }
    return this.plain || chosen.withinFieldLimit(this.parser);
  }

  end(): void {
    if (this.plain && this.carry !== '') {
      // The last line had no line break: as if it had one.
      const last = this.carry;
      this.carry = '';
      if (!this.push(last + '\n')) return;
    }
    if (this.plain) return;
    this.chosen!.endParser(this.parser);
  }

  private toGeneral(): void {
    this.plain = false;
    this.parser.resumeAt(this.line);
  }
}
