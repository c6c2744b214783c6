/**
 * An incremental RFC 4180 parser: text goes in as chunks of any size (a quoted
 * field, a doubled quote or a CRLF may be split across chunks), complete
 * records come out. It is lenient the way spreadsheet programs are: a quote
 * inside an unquoted field is kept as text, and text after a closing quote is
 * appended to the field.
 */

/** One record: `line` is the 1-based physical line it starts on (what an editor shows). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvParserOptions {
  /** One character; default ','. */
  delimiter?: string;
}

type State = 'field-start' | 'unquoted' | 'quoted' | 'quoted-quote' | 'after-cr';

const QUOTE = 34;
const CR = 13;
const LF = 10;

export class CsvParser {
  private readonly delimiter: number;
  private state: State = 'field-start';
  private field = '';
  private cells: string[] = [];
  /** The line the next character is on. */
  private line = 1;
  private rowLine = 1;
  private quoteLine = 1;
  /** Whether the current field opened with a quote (so `""` is a field, not an empty line). */
  private fieldQuoted = false;
  /** A CR ended the previous quoted text, so a leading LF completes a CRLF. */
  private quotedCr = false;

  constructor(options: CsvParserOptions = {}) {
    const delimiter = options.delimiter ?? ',';
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
      throw new RangeError(`CSV delimiter must be one character other than a quote or line break: ${delimiter}`);
    }
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Characters of the field being read: a field never closed keeps growing. */
  get pendingFieldLength(): number {
    return this.field.length;
  }

  /** The line the record being read started on. */
  get pendingLine(): number {
    return this.rowLine;
  }

  /** Whether nothing of a record has been read since the last one ended. */
  get atRecordStart(): boolean {
    return this.state === 'field-start' && this.cells.length === 0 && this.field === '' && !this.fieldQuoted;
  }

  /** The line the next character is on. */
  get currentLine(): number {
    return this.line;
  }

  /** Goes on at the start of `line`, when the lines before it were read elsewhere (call between records). */
  resumeAt(line: number): void {
    this.line = line;
    this.rowLine = line;
  }

  /** Parses a chunk; returns the records completed by it. Rows with no characters at all are skipped. */
  push(text: string): CsvRow[] {
    const out: CsvRow[] = [];
    const n = text.length;
    const delimiter = this.delimiter;
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case 'after-cr': {
          // A CR was the end of a record; swallow the LF of a CRLF.
          this.state = 'field-start';
          if (text.charCodeAt(i) === LF) i++;
          break;
        }
        case 'field-start': {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            this.state = 'quoted';
            this.fieldQuoted = true;
            this.quotedCr = false;
            this.quoteLine = this.line;
            i++;
          } else {
            this.state = 'unquoted';
          }
          break;
        }
        case 'unquoted': {
          // Fast path: find the end of the field in one scan.
          let j = i;
          let c = 0;
          while (j < n) {
            c = text.charCodeAt(j);
            if (c === delimiter || c === LF || c === CR) break;
            j++;
          }
          if (j > i) this.field += text.slice(i, j);
          if (j === n) {
            i = n;
            break;
          }
          i = j + 1;
          if (c === delimiter) {
            this.endField();
            this.state = 'field-start';
          } else {
            this.endRecord(out);
            this.line++;
            this.rowLine = this.line;
            this.state = c === CR ? 'after-cr' : 'field-start';
          }
          break;
        }
        case 'quoted': {
          const j = text.indexOf('"', i);
          const end = j < 0 ? n : j;
          const part = text.slice(i, end);
          this.countLineBreaks(part);
          this.field += part;
          if (j < 0) {
            i = n;
          } else {
            i = j + 1;
            this.quotedCr = false;
            this.state = 'quoted-quote';
          }
          break;
        }
        case 'quoted-quote': {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            // A doubled quote is one quote character.
            this.field += '"';
            this.state = 'quoted';
            i++;
          } else {
            // The closing quote; what follows continues the field as unquoted text (lenient).
            this.state = 'unquoted';
          }
          break;
        }
      }
    }
    return out;
  }

  /**
   * Ends the input. Returns the last record (when the text did not end with a
   * line break) or, when a quoted field is still open, the line it started on.
   */
  end(): { rows: CsvRow[]; unclosedQuoteLine?: number } {
    if (this.state === 'quoted') {
      return { rows: [], unclosedQuoteLine: this.quoteLine };
    }
    const out: CsvRow[] = [];
    if (this.state !== 'after-cr') this.endRecord(out);
    this.state = 'field-start';
    return { rows: out };
  }

  private endField(): void {
    this.cells.push(this.field);
    this.field = '';
    this.fieldQuoted = false;
  }

  private endRecord(out: CsvRow[]): void {
    const empty = this.cells.length === 0 && this.field === '' && !this.fieldQuoted;
    if (!empty) {
      this.endField();
      out.push({ line: this.rowLine, cells: this.cells });
    }
    this.cells = [];
    this.field = '';
    this.fieldQuoted = false;
  }

  /** Line breaks inside quoted text: CRLF, LF and a lone CR each count once, also across chunks. */
  private countLineBreaks(text: string): void {
    let cr = this.quotedCr;
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === CR) {
        this.line++;
        cr = true;
      } else {
        if (c === LF && !cr) this.line++;
        cr = false;
      }
    }
    if (text.length > 0) this.quotedCr = cr;
  }
}
