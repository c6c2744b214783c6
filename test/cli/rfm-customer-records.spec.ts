import { PassThrough } from 'node:stream';
import { CustomerRecords, customerCells, formatCents, round2 } from '../../src/cli/commands/rfm-customer-lines';
import { createCsvWriter, formatCsvRow } from '../../src/cli/csv';
import { formatNumber } from '../../src/cli/csv/writer';
import { neutraliseRow } from '../../src/cli/csv-neutralise';
import { aggregateOrders, analyzeRfm, readOrders, type RfmSegmentRule } from '../../src/engine/rfm';

/** A small deterministic generator (the same cases on every run). */
function generator(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

// Ids that need quotes, that Excel would run as formulas, that look like numbers, Chinese, plain.
const ID_PARTS = [
  'C',
  '7',
  'a,b',
  'say "hi"',
  'two\nlines',
  'cr\rhere',
  '=SUM(A1)',
  '+1',
  '-2',
  '-x',
  '@me',
  '\tT',
  '\rR',
  '李',
  '客户',
  '12.5',
  '-3.5',
  ';',
  ' ',
  "'",
  '#',
];
const SEGMENT_NAMES = ['=HYPERLINK("x")', 'Loyal, "big"', '流失客户', 'Others', '-risk', 'plain'];
const RULES: RfmSegmentRule[] = [
  { tier: 'a', r: [4, 5], f: [4, 5] },
  { tier: 'b', r: [1, 2] },
  { tier: 'c', m: [3, 3] },
];

function randomCustomers(seed: number, orders: number) {
  const random = generator(seed);
  const id = (): string => {
    let text = '';
    for (let k = 1 + random(3); k > 0; k--) text += ID_PARTS[random(ID_PARTS.length)];
    return text.trim() === '' ? 'blank' : text;
  };
  const ids = Array.from({ length: 1 + random(60) }, id);
  const rows = Array.from({ length: orders }, () => [
    ids[random(ids.length)]!,
    // Every third seed: days 180 years and more before the last one too (written through the Map of days).
    seed % 3 === 0 && random(1000) < 250
      ? random(1000) < 500
        ? 1000 + random(5)
        : 100000 + random(3)
      : 45000 + random(900),
    // Cents, halves of cents, large and negative amounts: the rounding and number formatting cases.
    [random(100000) / 100, random(2000001) / 1000 - 1000, random(1e9) * 1e6 + 0.125, 0.1 + 0.2, -0.001][random(5)]!,
  ]);
  const read = readOrders(rows, { customer: 0, date: 1, amount: 2 });
  const { customers } = aggregateOrders(read.orders);
  const analysis = analyzeRfm(customers, { bins: { r: 5, f: 3, m: 10 }, segments: RULES });
  return { customers, analysis };
}

const segmentName = (s: number): string => SEGMENT_NAMES[(s + SEGMENT_NAMES.length) % SEGMENT_NAMES.length]!;

describe('CustomerRecords', () => {
  it('writes each customer as formatCsvRow writes its cells, guarded or raw, for any delimiter', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { customers, analysis } = randomCustomers(seed, 1 + (seed % 7) * 40);
      for (const delimiter of [',', ';', '\t', '|']) {
        for (const neutralise of [true, false]) {
          const records = new CustomerRecords(customers, analysis, segmentName, delimiter, neutralise);
          for (let i = 0; i < customers.count; i++) {
            const cells = customerCells(customers, analysis, i, segmentName);
            expect(records.record(i)).toBe(formatCsvRow(neutralise ? neutraliseRow(cells) : cells, delimiter));
          }
        }
      }
    }
  });

  it('is written by writeRecord as writeRow writes the cells (line breaks, BOM)', async () => {
    const { customers, analysis } = randomCustomers(7, 300);
    const written = async (fast: boolean): Promise<string> => {
      const stream = new PassThrough();
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      const writer = createCsvWriter(stream, { delimiter: ';', bom: true, neutralise: true });
      const records = new CustomerRecords(customers, analysis, segmentName, ';', true);
      for (let i = 0; i < customers.count; i++) {
        await (fast
          ? writer.writeRecord(records.record(i))
          : writer.writeRow(customerCells(customers, analysis, i, segmentName)));
      }
      await writer.close();
      return Buffer.concat(chunks).toString('utf8');
    };
    const general = await written(false);
    expect(general.split('\r\n').length).toBeGreaterThan(10);
    expect(await written(true)).toBe(general);
  });
});

describe('formatCents', () => {
  it('gives formatNumber(round2(n)) for amounts of every size, sign and fraction', () => {
    const random = generator(11);
    const values = [
      0,
      -0,
      0.005,
      -0.005,
      0.015,
      1.005,
      0.1 + 0.2,
      1e12 - 0.01,
      1e12,
      1e12 + 0.01,
      99999999999.995,
      -99999999999.99,
      1e15 + 0.5,
      2 ** 53,
      1e21,
      1e-7,
      -1e-9,
      NaN,
      Infinity,
      -Infinity,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
    ];
    for (let k = 0; k < 200000; k++) {
      const scale = 10 ** (random(16) - 3);
      const sign = random(2) === 0 ? 1 : -1;
      values.push(sign * (random(1e9) / 1e9) * scale);
      values.push(sign * (random(1e9) / 100) + (random(2) === 0 ? 0.005 : 0));
      values.push((sign * random(1e9) * 10 ** random(8)) / 1000);
    }
    const wrong = values.filter((n) => formatCents(n) !== formatNumber(round2(n)));
    expect(wrong.map((n) => [n, formatCents(n), formatNumber(round2(n))])).toEqual([]);
  });
});
