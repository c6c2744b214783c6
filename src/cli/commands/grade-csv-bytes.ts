/**
 * `tierwise grade` on a UTF-8 CSV from its bytes (ADR 0033): the columns the
 * table reads are taken out of each line, number inputs written as plain
 * decimals straight to doubles; the line itself is copied to the output as it
 * is, followed by Score, Tier and Error. Everything else (quoted records, text
 * Excel could run as a formula, fields that are not plain decimals) takes the
 * text path's own functions, so the file written is byte for byte the one the
 * text path writes.
 */
import type { GradeError } from '../../engine/errors';
import type { ColumnMap, CompiledTable, GradeBatch } from '../../engine/grader';
import { mergeSummaries, summarize, type GradeSummary } from '../../engine/summary';
import type { Cell } from '../../engine/values/cell';
import { startsFormula, neutraliseRow } from '../csv-neutralise';
import type { CsvByteColumnsSink } from '../csv/byte-columns';
import { ByteKeyTable, parsePlainDecimal } from '../csv/byte-fields';
import { OutputBytes, type ByteOutput } from '../csv/byte-output';
import type { CsvProblem } from '../csv/reader';
import { escapeCsvField, formatCsvRow, formatNumber } from '../csv/writer';

/** Bytes a field may start with for Excel to run it as a formula (csv-neutralise.ts); CR never starts a plain field. */
const FORMULA_START = new Uint8Array(256);
for (const c of '=+-@\t') FORMULA_START[c.charCodeAt(0)] = 1;

/** Rows with a whole score from 0 below this (or none) get their tail from a cache per tier and score. */
const SMALL_SCORES = 1024;
const MAX_OTHER_TAILS = 4096;
/** Output is written in pieces of about this many bytes. */
const WRITE_AT = 1 << 20;
/** Spans longer than this are copied by Buffer.copy; shorter ones four bytes at a time, cheaper than the call. */
const SHORT_SPAN = 48;
const COMMA = 44;

/** Whether the byte occurs in bytes[start..end). */
function holds(bytes: Buffer, start: number, end: number, byte: number): boolean {
  for (let k = start; k < end; k++) if (bytes[k] === byte) return true;
  return false;
}

export interface GradedByteRowsOptions {
  compiled: CompiledTable;
  /** compiled.columns[k] is file column map[k], or -1 (read as blank). */
  map: ColumnMap;
  /** Fields per record. */
  width: number;
  /** The input's delimiter (one ASCII character); the output's is a comma. */
  delimiter: string;
  /** Rows graded per engine call. */
  chunkRows: number;
  /** The output's first text (its header line). */
  head: string;
  /** Guard text Excel would run as a formula (csv-neutralise.ts). */
  neutralise: boolean;
  errorText(error: GradeError): string;
  output: ByteOutput;
  /** A problem of the input: ragged rows (reading goes on) or the last one. */
  problem(problem: CsvProblem): void;
  /** True once the output will not be written (a problem was seen): rows are then only read. */
  halted(): boolean;
}

/**
 * Whether an input can be handed the double a plain decimal spells instead of
 * its text: the engine's number decoder reads both the same (parsePlainDecimal
 * equals parseNumber), and no error of these methods shows a number's text
 * (RFM's recency does, so RFM tables get text).
 */
function readsPlainDecimals(compiled: CompiledTable, k: number): boolean {
  const input = compiled.columns[k]!;
  const method = compiled.table.method.kind;
  return input.type === 'number' && !input.daysSince && method !== 'rfm' && method !== 'abc';
}

/** The sink of openCsvByteColumns for a grade run; read every column, in order (all = 0..width-1). */
export class GradedByteRows implements CsvByteColumnsSink {
  /** Rows graded and written. */
  rows = 0;
  summary: GradeSummary | undefined;
  /** The output failed: nothing more is written; reported once reading stops. */
  writeFailure: { error: unknown } | undefined;

  private readonly compiled: CompiledTable;
  private readonly chunkRows: number;
  private readonly width: number;
  private readonly neutralise: boolean;
  /** The input's delimiter byte: a line's delimiters become commas as it is copied. */
  private readonly delimiter: number;
  /** Per slot (a file column the table reads): the column, and 1 when it is read as plain decimals. */
  private readonly fileColumns: Int32Array;
  private readonly numeric: Uint8Array;
  /** compiled.columns[k] -> slot, or -1. */
  private readonly slotMap: Int32Array;
  private readonly numbers: Float64Array[];
  /** Text cells: every row of a text slot; in a numeric slot only rows that are not plain decimals. */
  private readonly texts: Array<Array<string | undefined>>;
  private readonly hasText: Uint8Array;
  private readonly textCaches: TextCache[];
  /** Per row: the byte span of its line, or -1 when `records` holds its formatted fields. */
  private readonly spanStart: Int32Array;
  private readonly spanEnd: Int32Array;
  private readonly records: string[];
  private count = 0;
  /** Nothing more is graded or written: a problem halted the run, or writing failed. */
  private stopped = false;
  private bytes: Buffer | undefined;
  /** `bytes`, for reading four at a time. */
  private words: DataView | undefined;
  private readonly out = new OutputBytes();
  private readonly tierTexts: string[];
  private readonly tails: Array<Buffer | undefined> = [];
  /** Per tier + 1: tails of other scores (fractions, negatives), up to MAX_OTHER_TAILS. */
  private readonly otherTails: Array<Map<number, Buffer> | undefined> = [];

  constructor(private readonly options: GradedByteRowsOptions) {
    const { compiled, map, width, chunkRows, neutralise } = options;
    this.compiled = compiled;
    this.chunkRows = chunkRows;
    this.width = width;
    this.neutralise = neutralise;
    this.delimiter = options.delimiter.charCodeAt(0);
    const columns: number[] = [];
    const numeric: number[] = [];
    this.slotMap = new Int32Array(compiled.columns.length).fill(-1);
    for (let k = 0; k < compiled.columns.length; k++) {
      const column = map[k] ?? -1;
      if (column < 0) continue;
      let slot = columns.indexOf(column);
      if (slot < 0) {
        slot = columns.push(column) - 1;
        numeric.push(1);
      }
      // A column two inputs read is read as text unless both take plain decimals.
      if (!readsPlainDecimals(compiled, k)) numeric[slot] = 0;
      this.slotMap[k] = slot;
    }
    this.fileColumns = Int32Array.from(columns);
    this.numeric = Uint8Array.from(numeric);
    this.numbers = columns.map(() => new Float64Array(chunkRows));
    this.texts = columns.map(() => new Array<string | undefined>(chunkRows).fill(undefined));
    this.hasText = new Uint8Array(columns.length);
    this.textCaches = columns.map(() => new TextCache());
    this.spanStart = new Int32Array(chunkRows);
    this.spanEnd = new Int32Array(chunkRows);
    this.records = new Array<string>(chunkRows).fill('');
    this.tierTexts = compiled.tiers.map((tier) => this.cellText(tier.id));
    this.out.text(options.head);
  }

  bytesRow(bytes: Buffer, starts: Int32Array, ends: Int32Array): void {
    if (this.stopped) return;
    // Spans point into this chunk of the file: grade and write what came before it first.
    if (bytes !== this.bytes) {
      this.flush();
      this.bytes = bytes;
      this.words = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    }
    const r = this.count;
    const { fileColumns, numeric, numbers, texts } = this;
    for (let s = 0; s < fileColumns.length; s++) {
      const column = fileColumns[s]!;
      const start = starts[column]!;
      const end = ends[column]!;
      if (numeric[s] === 1) {
        const value = parsePlainDecimal(bytes, start, end);
        numbers[s]![r] = value;
        if (value !== value) {
          texts[s]![r] = bytes.toString('utf8', start, end);
          this.hasText[s] = 1;
        }
      } else {
        texts[s]![r] = this.textCaches[s]!.text(bytes, start, end);
      }
    }
    const lineStart = starts[0]!;
    const lineEnd = ends[this.width - 1]!;
    if (
      (this.neutralise && this.startsFormula(bytes, starts, ends)) ||
      (this.delimiter !== COMMA && holds(bytes, lineStart, lineEnd, COMMA))
    ) {
      // A field to guard, or a comma that the output would quote: the text path's formatting.
      const fields: string[] = [];
      for (let c = 0; c < this.width; c++) fields.push(bytes.toString('utf8', starts[c], ends[c]));
      this.records[r] = formatCsvRow(this.neutralise ? neutraliseRow(fields) : fields);
      this.spanStart[r] = -1;
    } else {
      this.spanStart[r] = lineStart;
      this.spanEnd[r] = lineEnd;
    }
    if (++this.count === this.chunkRows) this.flush();
  }

  row(values: readonly string[]): void {
    if (this.stopped) return;
    const r = this.count;
    for (let s = 0; s < this.fileColumns.length; s++) {
      this.texts[s]![r] = values[this.fileColumns[s]!]!;
      if (this.numeric[s] === 1) this.hasText[s] = 1;
    }
    this.records[r] = formatCsvRow(this.neutralise ? neutraliseRow(values) : values);
    this.spanStart[r] = -1;
    if (++this.count === this.chunkRows) this.flush();
  }

  problem(problem: CsvProblem): void {
    this.options.problem(problem);
    if (this.options.halted()) this.stopped = true;
  }

  /** After the last row: grades and writes what is held. */
  end(): void {
    this.flush();
    // An output that will be thrown away gets nothing more (a device or stdout would keep it).
    if (!this.options.halted()) this.write();
  }

  /** Grades the rows held and adds them to the output, written once it holds WRITE_AT bytes. */
  private flush(): void {
    const n = this.count;
    if (n === 0) return;
    this.count = 0;
    if (this.stopped) return;
    const batch = this.compiled.gradeColumns(this.columnsOf(n), this.slotMap);
    const part = summarize(this.compiled, batch);
    this.summary = this.summary ? mergeSummaries(this.summary, part) : part;
    this.writeRows(batch, n);
    this.rows += n;
    if (this.out.length >= WRITE_AT) this.write();
  }

  private write(): void {
    if (this.out.length === 0 || this.writeFailure) return;
    try {
      this.options.output.write(this.out.view());
    } catch (error) {
      this.writeFailure = { error };
      this.stopped = true;
    }
    this.out.clear();
  }

  /** The cells of the n rows held, column by column; a column of doubles when every row had a plain decimal. */
  private columnsOf(n: number): Array<ArrayLike<Cell>> {
    // Without a column the engine would see no rows: one column no input reads gives the count.
    if (this.fileColumns.length === 0) return [new Array<Cell>(n).fill(undefined)];
    return Array.from(this.fileColumns, (_, s) => {
      const texts = this.texts[s]!;
      if (this.numeric[s] === 0) return n === texts.length ? texts : texts.slice(0, n);
      const numbers = this.numbers[s]!;
      if (this.hasText[s] === 0) return numbers.subarray(0, n);
      this.hasText[s] = 0;
      const cells = new Array<Cell>(n);
      for (let r = 0; r < n; r++) {
        const text = texts[r];
        cells[r] = text === undefined ? numbers[r] : text;
        texts[r] = undefined;
      }
      return cells;
    });
  }

  private writeRows(batch: GradeBatch, n: number): void {
    const { spanStart, spanEnd, records, out, delimiter } = this;
    const bytes = this.bytes!;
    const source = this.words!;
    const { scores, tiers, errors } = batch;
    const anyErrors = errors.size > 0;
    let target = out.bytes;
    let words = out.words;
    let at = out.length;
    for (let r = 0; r < n; r++) {
      const error = anyErrors ? errors.get(r) : undefined;
      const tail = error ? this.errorTail(error) : this.tail(scores[r]!, tiers[r]!);
      const start = spanStart[r]!;
      if (start < 0) {
        out.length = at;
        out.text(records[r]!);
        out.copy(tail);
        target = out.bytes;
        words = out.words;
        at = out.length;
        continue;
      }
      const end = spanEnd[r]!;
      // 3 bytes of room past the span: the four-byte copy may write them before the tail does.
      if (at + (end - start) + tail.length + 3 > target.length) {
        out.length = at;
        target = out.reserve(end - start + tail.length + 3);
        words = out.words;
      }
      if (delimiter !== COMMA) {
        for (let k = start; k < end; k++) {
          const b = bytes[k]!;
          target[at++] = b === delimiter ? COMMA : b;
        }
      } else if (end - start >= SHORT_SPAN) {
        at += bytes.copy(target, at, start, end);
      } else if (end + 3 < bytes.length) {
        for (let k = start, to = at; k < end; k += 4, to += 4) words.setInt32(to, source.getInt32(k));
        at += end - start;
      } else {
        for (let k = start; k < end; k++) target[at++] = bytes[k]!;
      }
      for (let k = 0; k < tail.length; k++) target[at++] = tail[k]!;
    }
    out.length = at;
  }

  /** What follows a graded row's fields: ",score,tier,\r\n", made once per tier and score. */
  private tail(score: number, tier: number): Buffer {
    const whole =
      score !== score ? SMALL_SCORES : score >= 0 && score < SMALL_SCORES && (score | 0) === score ? score : -1;
    const key = (tier + 1) * (SMALL_SCORES + 1) + whole;
    const others = whole < 0 ? (this.otherTails[tier + 1] ??= new Map<number, Buffer>()) : undefined;
    let tail = others ? others.get(score) : this.tails[key];
    if (tail === undefined) {
      const scoreText = score === score ? formatNumber(score) : '';
      tail = Buffer.from(`,${scoreText},${tier >= 0 ? (this.tierTexts[tier] ?? '') : ''},\r\n`);
      if (!others) this.tails[key] = tail;
      else if (others.size < MAX_OTHER_TAILS) others.set(score, tail);
    }
    return tail;
  }

  /** The tail of a row that could not be graded: no score, no tier, why. */
  private errorTail(error: GradeError): Buffer {
    return Buffer.from(`,,,${this.cellText(this.options.errorText(error))}\r\n`);
  }

  /** A text cell as the CSV writer writes it. */
  private cellText(text: string): string {
    return escapeCsvField(this.neutralise && startsFormula(text) ? `'${text}` : text);
  }

  /** Whether a field of the line starts like a formula and is no plain number (then it is guarded). */
  private startsFormula(bytes: Buffer, starts: Int32Array, ends: Int32Array): boolean {
    for (let c = 0; c < this.width; c++) {
      const start = starts[c]!;
      if (start < ends[c]! && FORMULA_START[bytes[start]!] === 1) {
        if (startsFormula(bytes.toString('utf8', start, ends[c]))) return true;
      }
    }
    return false;
  }
}

/** Distinct texts a column's cache keeps; a column with more (names, notes) is decoded field by field. */
const MAX_CACHED_TEXTS = 4096;

/** A column's texts decoded once per spelling: categories and flags repeat a handful of values. */
class TextCache {
  private readonly keys = new ByteKeyTable();
  private readonly texts: string[] = [];
  private full = false;

  text(bytes: Buffer, start: number, end: number): string {
    if (this.full) return bytes.toString('utf8', start, end);
    const at = this.keys.get(bytes, start, end);
    if (at >= 0) return this.texts[at]!;
    const text = bytes.toString('utf8', start, end);
    if (this.texts.length === MAX_CACHED_TEXTS) {
      this.full = true;
    } else {
      this.keys.set(bytes, start, end, this.texts.length);
      this.texts.push(text);
    }
    return text;
  }
}
