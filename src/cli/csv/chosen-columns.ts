import type { CsvParser, CsvRow } from './parser';
import { MAX_FIELD_CHARS, type CsvProblem } from './reader';

/** Where a reader of chosen columns hands rows and problems (columns.ts, byte-columns.ts). */
export interface ChosenRowSink {
  row(values: readonly string[], line: number): void;
  problem(problem: CsvProblem): void;
}

/**
 * The chosen columns of a CSV's rows and what every reader of them shares:
 * the general parser's records handed on with openCsv's width check, its
 * field limit and its end, and the line of the last row handed on.
 */
export class ChosenColumns {
  /** Field -> the first k with columns[k] === field, or -1. */
  readonly slotOf: Int32Array;
  /** A column chosen twice: [k, j] copies values[j] into values[k]. */
  readonly copies: Array<[number, number]> = [];
  readonly values: string[];
  /** Line of the last row handed on (invalid bytes are reported there, as openCsv does). */
  lastLine = 1;

  constructor(
    columns: readonly number[],
    readonly width: number,
    private readonly file: string,
    private readonly sink: ChosenRowSink,
  ) {
    this.slotOf = new Int32Array(width).fill(-1);
    columns.forEach((column, k) => {
      if (column < 0 || column >= width) return;
      const first = this.slotOf[column]!;
      if (first < 0) this.slotOf[column] = k;
      else this.copies.push([k, first]);
    });
    this.values = new Array<string>(columns.length).fill('');
  }

  raggedRow(line: number, found: number): void {
    this.sink.problem({ kind: 'ragged-row', file: this.file, line, found, expected: this.width });
  }

  /** Records from the general parser, with openCsv's width check. */
  general(rows: CsvRow[]): void {
    for (const row of rows) {
      const cells = row.cells;
      if (cells.length !== this.width) {
        this.raggedRow(row.line, cells.length);
        continue;
      }
      for (let column = 0; column < cells.length; column++) {
        const slot = this.slotOf[column]!;
        if (slot >= 0) this.values[slot] = cells[column]!;
      }
      for (const [to, from] of this.copies) this.values[to] = this.values[from]!;
      this.sink.row(this.values, row.line);
      this.lastLine = row.line;
    }
  }

  /** As openCsv, the field the parser is reading is measured at the end of each chunk; false (reported) when too long. */
  withinFieldLimit(parser: CsvParser): boolean {
    if (parser.pendingFieldLength <= MAX_FIELD_CHARS) return true;
    this.sink.problem({ kind: 'field-too-long', file: this.file, line: parser.pendingLine, limit: MAX_FIELD_CHARS });
    return false;
  }

  /** The end of the text while the parser reads: its last records, then an unclosed quote. */
  endParser(parser: CsvParser): void {
    const end = parser.end();
    this.general(end.rows);
    if (end.unclosedQuoteLine !== undefined) {
      this.sink.problem({ kind: 'unclosed-quote', file: this.file, line: end.unclosedQuoteLine });
    }
  }
}
