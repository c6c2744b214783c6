import { OrderCollector, type OrderRowError, type OrdersRead } from '../../engine/rfm';
import type { Cell } from '../../engine/values/cell';
import { readCsvByteRange, type CsvByteColumnsSink } from '../csv/byte-columns';
import type { CsvProblem } from '../csv/reader';
import type { JobResult } from '../parallel/jobs';
import { ByteOrderReader } from './rfm-byte-orders';

type RaggedRow = Extract<CsvProblem, { kind: 'ragged-row' }>;

/** How bad rows name the three columns (their headers). */
export interface OrderNames {
  customer: string;
  date: string;
  amount: string;
}

/**
 * The rows of an orders file (or of a part of it), read for the customer,
 * date and amount columns: valid orders and bad rows into a collector, ragged
 * rows counted (the first `listed` kept), and the problem that ended the
 * reading, if one did.
 */
export class OrderRowsSink implements CsvByteColumnsSink {
  readonly collector: OrderCollector;
  readonly byteOrders: ByteOrderReader;
  readonly ragged: RaggedRow[] = [];
  raggedCount = 0;
  stopped: CsvProblem | undefined;

  constructor(
    names: OrderNames,
    private readonly listed: number,
    expectedOrders = 0,
  ) {
    this.collector = new OrderCollector({ names, maxErrors: listed, expectedOrders });
    this.byteOrders = new ByteOrderReader(this.collector);
  }

  bytesRow(bytes: Buffer, starts: Int32Array, ends: Int32Array, line: number): void {
    this.byteOrders.add(bytes, starts, ends, line);
  }

  row(cells: readonly Cell[], line: number): void {
    this.collector.add(cells[0], cells[1], cells[2], line);
  }

  problem(problem: CsvProblem): void {
    if (problem.kind !== 'ragged-row') {
      this.stopped = problem;
      return;
    }
    this.raggedCount++;
    if (this.ragged.length < this.listed) this.ragged.push(problem);
  }

  /**
   * Takes in what a reader of the next part of the file read, numbering its
   * lines from `firstLine`: the same orders, customers, bad rows and ragged
   * rows as reading that part here would give.
   */
  append(part: OrderRangeRead, firstLine: number): void {
    const { bytes, ends } = part.ids;
    const keys = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const customerOf = new Int32Array(ends.length);
    for (let c = 0, start = 0; c < ends.length; start = ends[c]!, c++) {
      customerOf[c] = this.byteOrders.customerOf(keys, start, ends[c]!);
    }
    const read: OrdersRead = { orders: { ...part.orders, ids: [] }, errors: part.errors, errorCount: part.errorCount };
    this.collector.append(read, customerOf, firstLine - 1);
    for (const problem of part.ragged) {
      if (this.ragged.length >= this.listed) break;
      this.ragged.push({ ...problem, line: problem.line + firstLine - 1 });
    }
    this.raggedCount += part.raggedCount;
  }
}

/** A part of an orders CSV for a worker: bytes [start, end), at a line start after the header. */
export interface OrderRangeInput {
  path: string;
  file: string;
  delimiter: string;
  chunkSize?: number;
  start: number;
  end: number;
  atFileEnd: boolean;
  /** Fields per row (the header's). */
  width: number;
  /** Customer, date and amount columns. */
  columns: number[];
  names: OrderNames;
  /** Bad rows and ragged rows listed (all are counted). */
  listed: number;
  expectedOrders: number;
}

/** What a part gave, lines numbered from 1; customers numbered in the order of their first valid order there. */
export interface OrderRangeRead {
  ok: true;
  /** Lines in the part. */
  lines: number;
  orders: { count: number; customer: Int32Array; date: Float64Array; amount: Float64Array };
  /** Customer ids as UTF-8: id c is bytes[ends[c - 1] (0 for c = 0)..ends[c]). */
  ids: { bytes: Uint8Array; ends: Int32Array };
  errors: OrderRowError[];
  errorCount: number;
  ragged: RaggedRow[];
  raggedCount: number;
}

/**
 * `ok: false` when a problem ended the reading or the part did not end between
 * records (a quoted field holds a line break there): the file is then read on
 * one thread, which reports what it finds exactly as always.
 */
export type OrderRangeOutput = OrderRangeRead | { ok: false };

/** The `rfm-orders` worker job: reads a part of an orders CSV. */
export async function readOrderRange(input: OrderRangeInput): Promise<JobResult<OrderRangeOutput>> {
  const sink = new OrderRowsSink(input.names, input.listed, input.expectedOrders);
  const end = await readCsvByteRange(
    input.path,
    { start: input.start, end: input.end, firstLine: 1, width: input.width, atFileEnd: input.atFileEnd },
    { file: input.file, delimiter: input.delimiter, ...(input.chunkSize ? { chunkSize: input.chunkSize } : {}) },
    input.columns,
    sink,
  );
  if (sink.stopped || !(input.atFileEnd || end.atRecordStart)) return { output: { ok: false }, transfer: [] };
  const { orders, errors, errorCount } = sink.collector.finish();
  const ids = encodeIds(orders.ids);
  const output: OrderRangeRead = {
    ok: true,
    lines: end.nextLine - 1,
    orders: { count: orders.count, customer: orders.customer, date: orders.date, amount: orders.amount },
    ids,
    errors,
    errorCount,
    ragged: sink.ragged,
    raggedCount: sink.raggedCount,
  };
  const transfer = [
    orders.customer.buffer,
    orders.date.buffer,
    orders.amount.buffer,
    ids.bytes.buffer,
    ids.ends.buffer,
  ];
  return { output, transfer: transfer as ArrayBuffer[] };
}

function encodeIds(ids: ReadonlyArray<string | number>): { bytes: Uint8Array; ends: Int32Array } {
  const texts = ids.map(String);
  let size = 0;
  for (const text of texts) size += text.length;
  // ASCII ids (the usual) are copied code by code; any other character: Buffer's encoder for the whole list.
  const bytes = Buffer.allocUnsafeSlow(size);
  const ends = new Int32Array(texts.length);
  let at = 0;
  for (let c = 0; c < texts.length; c++) {
    const text = texts[c]!;
    for (let k = 0; k < text.length; k++) {
      const code = text.charCodeAt(k);
      if (code >= 0x80) return encodeAny(texts);
      bytes[at++] = code;
    }
    ends[c] = at;
  }
  return { bytes, ends };
}

function encodeAny(texts: readonly string[]): { bytes: Uint8Array; ends: Int32Array } {
  let size = 0;
  for (const text of texts) size += Buffer.byteLength(text);
  const bytes = Buffer.allocUnsafeSlow(size);
  const ends = new Int32Array(texts.length);
  let at = 0;
  for (let c = 0; c < texts.length; c++) {
    at += bytes.write(texts[c]!, at);
    ends[c] = at;
  }
  return { bytes, ends };
}
