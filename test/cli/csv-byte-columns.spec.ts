import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAsyncProperty } from '../support/property';
import type { CsvProblem } from '../../src/cli/csv';
import { openCsvByteColumns } from '../../src/cli/csv/byte-columns';
import { openCsvColumns } from '../../src/cli/csv/columns';
import { ByteOrderReader } from '../../src/cli/commands/rfm-byte-orders';
import { OrderCollector } from '../../src/engine/rfm';

/**
 * openCsvByteColumns splits plain lines from the file's bytes and hands the
 * other records to the general parser; ByteOrderReader reads orders from the
 * byte ranges. Whatever the bytes (quotes, every line break, 2-, 3- and
 * 4-byte characters cut by any chunk boundary, bytes that are not UTF-8, a
 * BOM) and wherever chunks end, they must give exactly what openCsvColumns
 * and OrderCollector.add give: rows, line numbers, problems, then every
 * order, customer id and bad row.
 */

type Event = { row: string[]; line: number } | { problem: CsvProblem };

const within = (columns: number[], width: number): number[] => columns.map((c) => c % width);

async function viaColumns(path: string, columns: number[], chunkSize: number): Promise<unknown> {
  const opened = await openCsvColumns(path, { file: 'f.csv', chunkSize });
  if (!opened.ok) return { problem: opened.problem };
  const events: Event[] = [];
  await opened.table.read(within(columns, opened.table.header.length), {
    row: (values, line) => events.push({ row: [...values], line }),
    problem: (problem) => events.push({ problem }),
  });
  return { header: opened.table.header, events };
}

/** undefined when the byte path leaves the file to openCsvColumns. */
async function viaBytes(path: string, columns: number[], chunkSize: number): Promise<unknown> {
  const opened = await openCsvByteColumns(path, { file: 'f.csv', chunkSize });
  if (!opened) return undefined;
  const events: Event[] = [];
  const chosen = within(columns, opened.header.length);
  await opened.read(chosen, {
    bytesRow: (bytes, starts, ends, line) =>
      events.push({ row: chosen.map((_, k) => bytes.toString('utf8', starts[k], ends[k])), line }),
    row: (values, line) => events.push({ row: [...values], line }),
    problem: (problem) => events.push({ problem }),
  });
  return { header: opened.header, events };
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
/** Characters of 1 to 4 bytes, a BOM inside a field, spaces Excel writes. */
const plainField = fc.constantFrom(
  'a',
  '12',
  '',
  ' x ',
  'C1',
  '2024-01-05',
  '3.5',
  '中文',
  'é',
  '𝄞x',
  '\uFEFFb',
  '\u3000',
);
const quotedField = fc
  .array(fc.constantFrom('a', ',', '""', '\n', '\r\n', '\r', ' ', '字', '😀'), { maxLength: 4 })
  .map((parts) => `"${parts.join('')}"`);
const field = fc.oneof({ weight: 4, arbitrary: plainField }, { weight: 1, arbitrary: quotedField });
const lineBreak = fc.constantFrom('\n', '\n', '\r\n', '\r');
/** Bytes that are not UTF-8: a stray continuation, a cut character, an overlong form, a surrogate, 0xFF. */
const badBytes = fc.constantFrom([0x80], [0xe4, 0xb8], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xff], [0xf0, 0x9f, 0x98]);

function csvBytes(
  header: string[],
  records: Array<[string[], string, number]>,
  finalBreak: boolean,
  tail: string,
  bom: string,
): Buffer {
  let text = bom + header.join(',') + '\n';
  records.forEach(([cells, brk, emptyLines], k) => {
    text += cells.join(',');
    if (k < records.length - 1 || finalBreak) text += brk + '\n'.repeat(emptyLines);
  });
  return utf8(text + tail);
}

const arbFile = fc
  .record({
    header: fc.array(fc.constantFrom('a', 'b', '客户', 'c d'), { minLength: 1, maxLength: 4 }),
    records: fc.array(fc.tuple(fc.array(field, { minLength: 1, maxLength: 4 }), lineBreak, fc.constantFrom(0, 0, 1)), {
      minLength: 1,
      maxLength: 30,
    }),
    finalBreak: fc.boolean(),
    tail: fc.constantFrom('', '', 'x,"open'),
    bom: fc.constantFrom('', '', '\uFEFF', '\uFEFF\uFEFF'),
    bad: fc.option(fc.tuple(badBytes, fc.nat()), { freq: 4 }),
  })
  .map(({ header, records, finalBreak, tail, bom, bad }) => {
    const bytes = csvBytes(header, records, finalBreak, tail, bom);
    if (!bad) return bytes;
    const [insert, at] = bad;
    const cut = at % (bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, cut), Buffer.from(insert), bytes.subarray(cut)]);
  });

/** Orders through openCsvColumns and OrderCollector.add, as `tierwise rfm` read them before. */
async function ordersViaText(path: string, chunkSize: number): Promise<unknown> {
  const opened = await openCsvColumns(path, { file: 'f.csv', chunkSize });
  if (!opened.ok) return { problem: opened.problem };
  const collector = new OrderCollector({ maxErrors: 5 });
  const problems: CsvProblem[] = [];
  await opened.table.read([0, 1, 2], {
    row: (cells, line) => collector.add(cells[0], cells[1], cells[2], line),
    problem: (problem) => problems.push(problem),
  });
  return { header: opened.table.header, problems, read: readOut(collector) };
}

async function ordersViaBytes(path: string, chunkSize: number): Promise<unknown> {
  const opened = await openCsvByteColumns(path, { file: 'f.csv', chunkSize });
  if (!opened) return undefined;
  const collector = new OrderCollector({ maxErrors: 5 });
  const reader = new ByteOrderReader(collector);
  const problems: CsvProblem[] = [];
  await opened.read([0, 1, 2], {
    bytesRow: (bytes, starts, ends, line) => reader.add(bytes, starts, ends, line),
    row: (cells, line) => collector.add(cells[0], cells[1], cells[2], line),
    problem: (problem) => problems.push(problem),
  });
  return { header: opened.header, problems, read: readOut(collector) };
}

/** Every order as [customer id, day, amount] (amounts by Object.is: -0 and 0 differ), and the bad rows. */
function readOut(collector: OrderCollector): unknown {
  const { orders, errors, errorCount } = collector.finish();
  const rows = Array.from(orders.customer, (c, i) => [
    orders.ids[c],
    orders.date[i],
    Object.is(orders.amount[i], -0) ? '-0' : orders.amount[i],
  ]);
  return { ids: orders.ids, rows, errors, errorCount };
}

/** Ids from a small pool (so customers repeat), hostile ones among them. */
const customerCell = fc.constantFrom(
  'C1',
  'C2',
  'C01',
  'C10',
  'C0',
  'C00',
  'C123456789',
  'C12345678',
  'D1',
  '1',
  '01',
  ' C1',
  'C1 ',
  '客户1',
  '客户2',
  '',
  ' ',
  '#N/A',
  '＃N/A',
  '"C1"',
  '"C,3"',
  'c1',
  '𝄞',
  '\u3000C2',
);
const dateCell = fc.constantFrom(
  '2024-01-05',
  '2025-01-05',
  '2024-13-05',
  '2024-00-05',
  '2024-01-31',
  '2024-02-01',
  '2024-01-32',
  '2024-01-00',
  '2023-12-31',
  '2024-01-10',
  '2024-01-0:',
  '1899-12-31',
  '1900-01-01',
  '2199-12-31',
  '2200-01-01',
  '2024-01-5 ',
  '2024/01-05',
  '2024-1-5',
  '2024/01/05',
  '20240105',
  '03/04/2024',
  '2024-02-30',
  '2024-01-05 10:30',
  'soon',
  '',
  '"2024-01-06"',
  '２０２４-01-05',
);
const amountCell = fc.oneof(
  fc.integer({ min: -100000, max: 100000 }).map((cents) => (cents / 100).toString()),
  fc.constantFrom(
    '84.76',
    '-0',
    '0.000',
    '1,234.5',
    '¥12',
    '1.2万',
    '1e3',
    '12%',
    '',
    'n/a',
    '.5',
    '5.',
    '123456789012345678',
    '"7"',
    ' 8',
    '(9)',
  ),
);
const arbOrders = fc
  .record({
    rows: fc.array(fc.tuple(customerCell, dateCell, amountCell), { minLength: 1, maxLength: 40 }),
    crlf: fc.boolean(),
  })
  .map(({ rows, crlf }) =>
    utf8(['customer_id,order_date,revenue', ...rows.map((r) => r.join(','))].join(crlf ? '\r\n' : '\n') + '\n'),
  );

describe('openCsvByteColumns', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-csv-bytes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given any bytes cut into chunks anywhere, then it gives the rows and problems openCsvColumns gives', async () => {
    let n = 0;
    let read = 0;
    await checkAsyncProperty(
      fc.asyncProperty(
        arbFile,
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 3 }),
        async (bytes, chunkSize, columns) => {
          const path = join(dir, `t${n++}.csv`);
          writeFileSync(path, bytes);
          const fromBytes = await viaBytes(path, columns, chunkSize);
          if (fromBytes === undefined) return;
          read++;
          expect(fromBytes).toEqual(await viaColumns(path, columns, chunkSize));
        },
      ),
      { numRuns: 500 },
    );
    // Most files have a plain UTF-8 header: the byte path really ran.
    expect(read).toBeGreaterThan(n / 2);
  });

  it('given a character of 2, 3 or 4 bytes cut at every place by the chunk ends, then the same rows', async () => {
    const path = join(dir, 'cut.csv');
    writeFileSync(path, utf8('id,name\n1,é中😀\n2,"😀\n中"\n3,x\n'));
    for (let chunkSize = 1; chunkSize <= 20; chunkSize++) {
      expect(await viaBytes(path, [1, 0], chunkSize)).toEqual(await viaColumns(path, [1, 0], chunkSize));
    }
  });

  it('given bytes that are not UTF-8 after the header, then the problem names the line openCsvColumns names', async () => {
    const path = join(dir, 'bad.csv');
    const head = utf8('a,b\n' + 'x,1\n'.repeat(40));
    for (const bad of [[0xff], [0xe4, 0xb8], [0xed, 0xa0, 0x80]]) {
      writeFileSync(path, Buffer.concat([head, Buffer.from(bad), utf8('\ny,2\n')]));
      for (const chunkSize of [7, 16, 64]) {
        const fromBytes = await viaBytes(path, [1, 0], chunkSize);
        expect(fromBytes).toEqual(await viaColumns(path, [1, 0], chunkSize));
        expect(JSON.stringify(fromBytes)).toContain('invalid-bytes');
      }
    }
  });

  it('given a file that is not plain UTF-8 at its start, then it leaves the file to openCsvColumns', async () => {
    const cases: Array<[string, Buffer]> = [
      ['quoted-header.csv', utf8('"a",b\n1,2\n')],
      ['gbk.csv', Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0x2c, 0x62, 0x0a, 0x31, 0x2c, 0x32, 0x0a])],
      ['utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n', 'utf16le')])],
      ['empty.csv', Buffer.alloc(0)],
      ['blank-first-line.csv', utf8('\na,b\n1,2\n')],
    ];
    for (const [name, bytes] of cases) {
      writeFileSync(join(dir, name), bytes);
      expect(await openCsvByteColumns(join(dir, name))).toBeUndefined();
    }
    expect(await openCsvByteColumns(join(dir, 'missing.csv'))).toBeUndefined();
  });
});

describe('ByteOrderReader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-order-bytes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given orders with hostile ids, dates and amounts, then every order, id and bad row is what the text path gives', async () => {
    let n = 0;
    await checkAsyncProperty(
      fc.asyncProperty(arbOrders, fc.integer({ min: 1, max: 40 }), async (bytes, chunkSize) => {
        const path = join(dir, `o${n++}.csv`);
        writeFileSync(path, bytes);
        const fromBytes = await ordersViaBytes(path, chunkSize);
        expect(fromBytes).toBeDefined();
        expect(fromBytes).toEqual(await ordersViaText(path, chunkSize));
      }),
      { numRuns: 400 },
    );
  });
});
