import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { neutraliseRow } from '../csv-neutralise';

export type CsvValue = string | number | null | undefined;

export interface CsvWriteOptions {
  /** One character; default ','. */
  delimiter?: string;
  /** Default '\r\n' (RFC 4180). */
  newline?: '\r\n' | '\n';
  /** Start with a UTF-8 BOM, so Excel opens Chinese text correctly. */
  bom?: boolean;
  /** Open the file with the 'wx' flag: fail when it exists. Default false. */
  exclusive?: boolean;
  /** Write text that Excel would run as a formula with a leading ' (see csv-neutralise.ts). Default false. */
  neutralise?: boolean;
}

export interface CsvWriter {
  /**
   * Buffers a row. Returns a promise only when the buffer was handed to the
   * stream and the caller must wait for room (backpressure); await it then.
   */
  writeRow(cells: readonly CsvValue[]): Promise<void> | undefined;
  /** Flushes and closes (a stream passed in is ended too). */
  close(): Promise<void>;
  /** Closes without flushing; for giving up after an error. */
  abort(): Promise<void>;
}

/** One field, quoted only when it has to be: a delimiter, quote, CR or LF inside. */
export function escapeCsvField(value: CsvValue, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  return needsQuotes(value, delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A whole record, without the line break. */
export function formatCsvRow(cells: readonly CsvValue[], delimiter = ','): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    if (i > 0) out += delimiter;
    out += escapeCsvField(cells[i], delimiter);
  }
  return out;
}

const SPECIAL_WITH_COMMA = /[",\r\n]/;
const SPECIAL = /["\r\n]/;

function needsQuotes(text: string, delimiter: string): boolean {
  return delimiter === ',' ? SPECIAL_WITH_COMMA.test(text) : SPECIAL.test(text) || text.includes(delimiter);
}

/** The number as text, at most 15 significant digits: float noise such as 84.00000000000001 dropped. */
export function formatNumber(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  if (!Number.isFinite(value)) return '';
  const shortest = String(value);
  // The shortest text that reads back as the value: when it has 15 digits or fewer it is already what the
  // rounding to 15 digits gives (value is the double nearest to it, closer than half a 15-digit step).
  if (significantDigits(shortest) <= 15) return shortest;
  return String(Number(value.toPrecision(15)));
}

/** Significant digits of a number's text as String() gives it; 99 for an exponent form. */
function significantDigits(text: string): number {
  let digits = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 101) return 99; // 'e'
    if (c < 48 || c > 57) continue;
    if (leading && c === 48) continue;
    leading = false;
    digits++;
  }
  return digits;
}

const FLUSH_AT = 1 << 16;

/** A CSV writer on a file path (created or truncated) or on a stream. */
export function createCsvWriter(target: string | Writable, options: CsvWriteOptions = {}): CsvWriter {
  const delimiter = options.delimiter ?? ',';
  const newline = options.newline ?? '\r\n';
  const stream =
    typeof target === 'string' ? createWriteStream(target, { flags: options.exclusive ? 'wx' : 'w' }) : target;
  let failure: Error | undefined;
  const onError = (error: Error): void => {
    failure ??= error;
  };
  stream.on('error', onError);
  let buffer = options.bom ? '\uFEFF' : '';
  // One wait for 'drain' shared by every write made while the stream is full.
  let draining: Promise<void> | undefined;

  const flush = async (): Promise<void> => {
    if (failure) throw failure;
    if (buffer.length === 0) return;
    const text = buffer;
    buffer = '';
    if (!stream.write(text, 'utf8')) {
      draining ??= waitForDrain(stream, () => failure).finally(() => {
        draining = undefined;
      });
      await draining;
    }
    if (failure) throw failure;
  };

  return {
    writeRow(cells) {
      buffer += formatCsvRow(options.neutralise ? neutraliseRow(cells) : cells, delimiter) + newline;
      return buffer.length >= FLUSH_AT ? flush() : undefined;
    },
    async close() {
      await flush();
      // The end callback can run before a failed last write's error event: wait for the stream to settle.
      stream.end();
      await finished(stream);
      if (failure) throw failure;
    },
    async abort() {
      buffer = '';
      if (stream.destroyed && (stream as { closed?: boolean }).closed !== false) return;
      // A file still being opened appears only after destroy: wait until it is closed, so it can be removed.
      const closed = new Promise<void>((resolve) => stream.once('close', () => resolve()));
      stream.destroy();
      await closed;
    },
  };
}

function waitForDrain(stream: Writable, failed: () => Error | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('error', done);
      const error = failed();
      if (error) reject(error);
      else resolve();
    };
    stream.on('drain', done);
    stream.on('error', done);
  });
}
