import { stat } from 'node:fs/promises';
import type { CsvByteColumnsTable } from '../csv/byte-columns';
import { bytesPerLine, cutAtLines } from '../parallel/byte-ranges';
import { startJobs, threadBudget } from '../parallel/workers';
import { OrderRowsSink, type OrderNames } from './rfm-order-range';

/** Below this many bytes of rows a file is read on one thread: starting a worker costs tens of milliseconds. */
const PARALLEL_MIN_BYTES = 8 << 20;

/** Bytes of rows from which a file is read on several threads: TIERWISE_PARALLEL_MIN_BYTES when set (tests). */
function parallelMinBytes(): number {
  const forced = Number(process.env.TIERWISE_PARALLEL_MIN_BYTES);
  return Number.isInteger(forced) && forced >= 0 ? forced : PARALLEL_MIN_BYTES;
}

/** Orders a part of a file likely holds (a little more, so that the arrays need not grow at the end). */
function expectedOrders(bytes: number, perLine: number): number {
  return Math.ceil((bytes / perLine) * 1.02) + 1024;
}

export interface OrdersFile {
  path: string;
  file: string;
  delimiter: string;
  columns: number[];
  names: OrderNames;
  /** Bad rows and ragged rows listed (all are counted). */
  listed: number;
}

/**
 * Reads the orders of a UTF-8 CSV on several threads when the file is large
 * and the machine has cores to spare: this thread reads the first part, a
 * worker each further part (cut at line starts), and the parts are joined in
 * file order, so orders, customers (in the order of their first valid order),
 * bad rows and their line numbers are exactly those of reading on one thread.
 * `tried: false` (with the orders the file likely holds) when the file is to
 * be read on one thread from `opened`, still unread: it is small or there is
 * one core; `tried: true` when `opened` was read but a part did not end
 * between records or met a problem that ends reading: the file is then read
 * again on one thread, which reports what it finds as always.
 */
export async function readOrdersOnThreads(
  opened: CsvByteColumnsTable,
  source: OrdersFile,
): Promise<{ sink: OrderRowsSink } | { tried: true } | { tried: false; expectedOrders: number }> {
  const threads = threadBudget();
  const size = (await stat(source.path)).size;
  if (threads < 2 || size - opened.bodyStart < Math.max(1, parallelMinBytes())) {
    return {
      tried: false,
      expectedOrders: expectedOrders(size - opened.bodyStart, await bytesPerLine(source.path, opened.bodyStart, size)),
    };
  }
  const { starts, bytesPerLine: perLine } = await cutAtLines(source.path, opened.bodyStart, size, threads);
  const expected = (bytes: number): number => expectedOrders(bytes, perLine);
  if (starts.length < 3) return { tried: false, expectedOrders: expected(size - opened.bodyStart) };
  const jobs = startJobs(
    'rfm-orders',
    starts.slice(1, -1).map((start, k) => ({
      ...source,
      start,
      end: starts[k + 2]!,
      atFileEnd: k + 2 === starts.length - 1,
      width: opened.header.length,
      expectedOrders: expected(starts[k + 2]! - start),
    })),
  );
  try {
    const sink = new OrderRowsSink(source.names, source.listed, expected(size - opened.bodyStart));
    const first = await opened.read(source.columns, sink, starts[1]);
    if (sink.stopped || !first.atRecordStart) return { tried: true };
    let line = first.nextLine;
    for (const result of jobs.results) {
      const part = await result;
      if (!part.ok) return { tried: true };
      sink.append(part, line);
      line += part.lines;
    }
    return { sink };
  } finally {
    await jobs.stop();
  }
}
