import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { orders, writeOrdersCsv } from '../../bench/measures/orders-data';
import { openCsvByteColumns } from '../../src/cli/csv/byte-columns';
import { readOrdersOnThreads } from '../../src/cli/commands/rfm-parallel-orders';
import { OrderRowsSink } from '../../src/cli/commands/rfm-order-range';
import { runRfm } from './rfm-run';

const NAMES = { customer: 'customer_id', date: 'order_date', amount: 'revenue' };
const HEADER = 'customer_id,order_date,revenue';

let dir: string;
const saved = { threads: process.env.TIERWISE_THREADS, min: process.env.TIERWISE_PARALLEL_MIN_BYTES };
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tierwise-rfm-parallel-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, value] of [
    ['TIERWISE_THREADS', saved.threads],
    ['TIERWISE_PARALLEL_MIN_BYTES', saved.min],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

function useThreads(threads: number): void {
  process.env.TIERWISE_THREADS = String(threads);
  process.env.TIERWISE_PARALLEL_MIN_BYTES = '0';
}

/** Everything a reading gave, value by value. */
function contents(sink: OrderRowsSink) {
  const { orders: read, errors, errorCount } = sink.collector.finish();
  return {
    count: read.count,
    customer: Array.from(read.customer),
    date: Array.from(read.date),
    amount: Array.from(read.amount),
    ids: read.ids,
    errors,
    errorCount,
    ragged: sink.ragged,
    raggedCount: sink.raggedCount,
    stopped: sink.stopped,
  };
}

async function readOnOneThread(path: string) {
  const opened = await openCsvByteColumns(path, { file: 'orders.csv' });
  const sink = new OrderRowsSink(NAMES, 20);
  await opened!.read([0, 1, 2], sink);
  return contents(sink);
}

/** The parallel reading with `threads` threads: its contents, or how it declined. */
async function readOnThreads(path: string, threads: number) {
  useThreads(threads);
  const opened = await openCsvByteColumns(path, { file: 'orders.csv' });
  const source = { path, file: 'orders.csv', delimiter: ',', columns: [0, 1, 2], names: NAMES, listed: 20 };
  const result = await readOrdersOnThreads(opened!, source);
  return 'sink' in result ? { parallel: true, read: contents(result.sink) } : { parallel: false, tried: result.tried };
}

function writeLines(name: string, text: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** The output file and the messages of `tierwise rfm` (timing left out). */
async function rfmOutput(input: string, threads: number, extra: string[] = []) {
  useThreads(threads);
  const out = join(dir, 'customers.csv');
  const run = await runRfm(dir, [input, '--out', out, '--force', ...extra]);
  const messages = (run.out + run.err).replace(/^.*(Time:|耗时).*$/m, '');
  return { code: run.code, messages, file: readFileSync(out, 'utf8') };
}

describe('tierwise rfm on several threads', () => {
  test('given the bench orders, then every order, customer and figure equals the one-thread reading', async () => {
    const path = join(dir, 'orders.csv');
    writeOrdersCsv(path, orders(30_000));
    const single = await readOnOneThread(path);
    for (const threads of [2, 3, 5]) {
      const parallel = await readOnThreads(path, threads);
      expect(parallel.parallel).toBe(true);
      expect(parallel.read).toEqual(single);
    }
    const one = await rfmOutput(path, 1);
    const two = await rfmOutput(path, 2);
    expect(two).toEqual(one);
    expect(one.file.split('\n')).toHaveLength(3_000 + 2);
  });

  test('given CRLF lines, Chinese names, quoted commas, a BOM and no final line break, then the readings are equal', async () => {
    const lines = [HEADER];
    const names = ['客户甲', '客户乙', '"客户, 丙"', 'C7', ' C7 ', 'C07', '顾客𠀀'];
    for (let i = 0; i < 3_000; i++) {
      const name = names[(i * 7) % names.length]!;
      lines.push(`${name}${i % 11},2024-0${1 + (i % 9)}-1${i % 10},${(i * 37) % 1000}.${i % 100}`);
    }
    const text = '\ufeff' + lines.join('\r\n');
    const path = writeLines('orders.csv', text);
    const single = await readOnOneThread(path);
    expect(single.count).toBe(3_000);
    // Cuts are looked for at (size - body) * k / threads past the header: some land inside a character.
    const bytes = readFileSync(path);
    const body = bytes.indexOf(10) + 1;
    const insideCharacter = [2, 3, 4, 7]
      .flatMap((threads) =>
        Array.from({ length: threads - 1 }, (_v, k) => body + Math.floor(((bytes.length - body) * (k + 1)) / threads)),
      )
      .filter((at) => (bytes[at]! & 0xc0) === 0x80);
    expect(insideCharacter.length).toBeGreaterThan(0);
    let used = 0;
    for (const threads of [2, 3, 4, 7]) {
      const parallel = await readOnThreads(path, threads);
      if (parallel.parallel) {
        used++;
        expect(parallel.read).toEqual(single);
      }
    }
    // A part may start at a quoted line only by declining; most cuts land elsewhere.
    expect(used).toBeGreaterThan(2);
    expect(await rfmOutput(path, 3)).toEqual(await rfmOutput(path, 1));
  });

  test('given a customer seen first in the second part and bad rows and ragged rows in both, then ids, order and line numbers are those of one thread', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 2_000; i++) {
      if (i === 10) lines.push('LATE,not a date,5');
      else if (i === 20) lines.push('C1,2024-01-01');
      else if (i === 1_500) lines.push('LATE,2024-02-02,7');
      else if (i === 1_600) lines.push('C2,2024-02-31,7');
      else if (i === 1_700) lines.push('C3,2024-02-03,1,2');
      else if (i === 1_800) lines.push(',2024-02-03,1');
      else lines.push(`C${i % 50},2024-03-${10 + (i % 19)},${i}.5`);
    }
    const path = writeLines('orders.csv', lines.join('\n') + '\n');
    const single = await readOnOneThread(path);
    const parallel = await readOnThreads(path, 2);
    expect(parallel).toEqual({ parallel: true, read: single });
    expect(single.errors.map((e) => e.row)).toEqual([12, 1602, 1802]);
    expect(single.ragged.map((p) => (p.kind === 'ragged-row' ? p.line : 0))).toEqual([22, 1702]);
    expect(single.ids.indexOf('LATE')).toBe(50);
  });

  test('given a quoted field holding line breaks across the middle of the file, then it is read on one thread, with the same result', async () => {
    const row = (i: number): string => `C${i % 20},2024-01-${10 + (i % 9)},${i}`;
    const before = Array.from({ length: 400 }, (_, i) => row(i));
    const after = Array.from({ length: 400 }, (_, i) => row(i + 400));
    const note = Array.from({ length: 600 }, (_, k) => `line ${k}`).join('\n');
    const text = [HEADER, ...before, `"C5 ${note}",2024-01-02,3`, ...after].join('\n') + '\n';
    const path = writeLines('orders.csv', text);
    const parallel = await readOnThreads(path, 2);
    expect(parallel).toEqual({ parallel: false, tried: true });
    expect(await rfmOutput(path, 2)).toEqual(await rfmOutput(path, 1));
  });

  test.each([
    [
      'en-US',
      "orders.csv, line 1802: order_date: 'someday' is not a date (use 2024-03-15 or an Excel date); row skipped",
    ],
    ['zh-CN', 'orders.csv 第 1902 行：revenue：“12,5x”不是数字；已跳过该行'],
  ])(
    'given a bad date or amount in the second part, then the %s error names the column, the value and its line',
    async (lang, message) => {
      const lines = [HEADER];
      for (let i = 0; i < 2_000; i++) {
        if (i === 1_800) lines.push('C1,someday,5');
        else if (i === 1_900) lines.push('C1,2024-01-01,"12,5x"');
        else lines.push(`C${i % 50},2024-03-${10 + (i % 19)},${i}.5`);
      }
      const path = writeLines('orders.csv', lines.join('\n') + '\n');
      expect((await readOnThreads(path, 2)).parallel).toBe(true);
      const two = await rfmOutput(path, 2, ['--lang', lang]);
      expect(two.code).toBe(1);
      expect(two.messages).toContain(message);
      expect(two).toEqual(await rfmOutput(path, 1, ['--lang', lang]));
    },
  );

  test('given a small file and no forced threshold, or one thread, then it is read on one thread', async () => {
    const path = join(dir, 'orders.csv');
    writeOrdersCsv(path, orders(1_000));
    delete process.env.TIERWISE_PARALLEL_MIN_BYTES;
    process.env.TIERWISE_THREADS = '2';
    const opened = await openCsvByteColumns(path, { file: 'orders.csv' });
    const source = { path, file: 'orders.csv', delimiter: ',', columns: [0, 1, 2], names: NAMES, listed: 20 };
    const declined = await readOrdersOnThreads(opened!, source);
    // With room for the orders made at once: the estimate covers the 1,000 orders, by a few percent.
    expect(declined).toEqual({ tried: false, expectedOrders: expect.any(Number) });
    const expected = 'expectedOrders' in declined ? declined.expectedOrders - 1024 : 0;
    expect(expected).toBeGreaterThanOrEqual(1_000);
    expect(expected).toBeLessThan(1_100);
    // Declined before reading: the opened file is read as before.
    const sink = new OrderRowsSink(NAMES, 20);
    await opened!.read([0, 1, 2], sink);
    expect(contents(sink)).toEqual(await readOnOneThread(path));
    expect(await readOnThreads(path, 1)).toMatchObject({ parallel: false, tried: false });
  });
});
