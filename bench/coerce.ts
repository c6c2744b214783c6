/**
 * Calls per second of the per-cell coercions, one line per cell form.
 * Run: npx tsx bench/coerce.ts [callsPerForm]   (default 3,000,000; about 10 s in all)
 */
import type { Cell } from '../src/engine/values/cell';
import {
  cellErrorCode,
  isBlank,
  normalizeKey,
  parseBoolean,
  parseDate,
  parseNumber,
} from '../src/engine/values/coerce';

const calls = Number(process.argv[2] ?? 3_000_000);

/** 1,024 cells of one form with varying digits, so no call can be folded away. */
function column(make: (i: number) => Cell): Cell[] {
  return Array.from({ length: 1024 }, (_, i) => make(i));
}

const forms: Array<{ name: string; fn: (cell: Cell) => number; cells: Cell[] }> = [
  { name: 'number: numeric cell', fn: parseNumber, cells: column((i) => 1000 + i * 7.5) },
  { name: 'number: "12000"', fn: parseNumber, cells: column((i) => String(10000 + i)) },
  { name: 'number: "12,000"', fn: parseNumber, cells: column((i) => (10000 + i).toLocaleString('en-US')) },
  { name: 'number: "1.2万"', fn: parseNumber, cells: column((i) => `${(1 + i / 1000).toFixed(2)}万`) },
  { name: 'number: "¥8,000"', fn: parseNumber, cells: column((i) => `¥${(8000 + i).toLocaleString('en-US')}`) },
  { name: 'number: "85%"', fn: parseNumber, cells: column((i) => `${i % 100}%`) },
  { name: 'number: "(1,200.50)"', fn: parseNumber, cells: column((i) => `(${(1200 + i).toLocaleString('en-US')}.50)`) },
  { name: 'number: "１２，０００"', fn: parseNumber, cells: column((i) => `１２，${String(i).padStart(3, '0')}`) },
  { name: 'number: "3.5亿元"', fn: parseNumber, cells: column((i) => `${(i / 100).toFixed(2)}亿元`) },
  { name: 'number: bad "12 apples"', fn: parseNumber, cells: column((i) => `${i} apples`) },
  { name: 'boolean: "yes"/"是"/TRUE', fn: parseBoolean, cells: column((i) => ['yes', '是', true, 'FALSE'][i % 4]) },
  { name: 'boolean: " Ｙｅｓ " (normalised)', fn: parseBoolean, cells: column(() => ' Ｙｅｓ ') },
  { name: 'date: serial number', fn: parseDate, cells: column((i) => 45000 + i) },
  {
    name: 'date: "2024-03-15"',
    fn: parseDate,
    cells: column((i) => `2024-03-${String((i % 28) + 1).padStart(2, '0')}`),
  },
  { name: 'date: "2024年3月15日"', fn: parseDate, cells: column((i) => `2024年3月${(i % 28) + 1}日`) },
  { name: 'isBlank: "12,000"', fn: (c) => (isBlank(c) ? 1 : 0), cells: column((i) => `${i},000`) },
  { name: 'cellErrorCode: "12,000"', fn: (c) => (cellErrorCode(c) ? 1 : 0), cells: column((i) => `${i},000`) },
  { name: 'cellErrorCode: "#N/A"', fn: (c) => (cellErrorCode(c) ? 1 : 0), cells: column(() => '#N/A') },
  {
    name: 'normalizeKey: "Monthly Sales"',
    fn: (c) => normalizeKey(c as string).length,
    cells: column((i) => `Monthly Sales ${i}`),
  },
  {
    name: 'normalizeKey: "回款 天数"',
    fn: (c) => normalizeKey(c as string).length,
    cells: column((i) => `回款 天数${i}`),
  },
];

let sink = 0;
function measure(fn: (cell: Cell) => number, cells: Cell[], n: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const v = fn(cells[i & 1023]);
    sink += v === v ? 1 : 0;
  }
  return Number(process.hrtime.bigint() - start) / 1e9;
}

console.log(`calls per form: ${calls.toLocaleString('en-US')} (best of 3)`);
for (const { name, fn, cells } of forms) {
  const n = name.startsWith('normalizeKey') ? Math.floor(calls / 10) : calls;
  measure(fn, cells, Math.min(n, 200_000)); // warm up
  let best = Infinity;
  for (let run = 0; run < 3; run++) best = Math.min(best, measure(fn, cells, n));
  const rate = n / best;
  console.log(`${name.padEnd(36)} ${(rate / 1e6).toFixed(1).padStart(7)} M calls/s`);
}
if (sink === 0) console.log('(sink)');
