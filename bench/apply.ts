/**
 * Apply on 100,000 rows x 10 columns against the strict fake Excel: round
 * trips (context.sync) and payload per request, per phase, under the default
 * 4 MB budget (Excel on the web refuses requests over 5 MB).
 *   npx tsx bench/apply.ts [rows]
 */
import { compileTable, mapColumns } from '../src/engine';
import { getPreset } from '../src/engine/presets';
import { buildPlan } from '../src/excel/build-plan';
import { OfficeWorkbook } from '../src/excel/office-workbook';
import { FakeExcel, REQUEST_LIMIT, type SyncRecord } from '../src/excel/testing/fake-excel';
import type { Result } from '../src/excel/workbook';
import { seededRandom } from './support';

const ROWS = Number(process.argv[2] ?? 100_000);
const HEADERS = [
  'Customer',
  'Region',
  'Monthly sales',
  'Payment days',
  'Revenue',
  'Owner',
  'Since',
  'Phone',
  'Channel',
  'Note',
];

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.value;
}

function describe(phase: string, syncs: SyncRecord[], ms: number): void {
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const req = syncs.map((s) => s.requestBytes);
  const res = syncs.map((s) => s.responseBytes);
  const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  console.log(
    `${phase.padEnd(8)} ${String(syncs.length).padStart(4)} round trips  ` +
      `request max ${kb(max(req)).padStart(7)} total ${kb(sum(req)).padStart(8)}  ` +
      `response max ${kb(max(res)).padStart(7)} total ${kb(sum(res)).padStart(8)}  ${ms.toFixed(0)} ms`,
  );
  if (max(req) > REQUEST_LIMIT || max(res) > REQUEST_LIMIT) throw new Error(`${phase}: a request went over 5 MB`);
}

async function main(): Promise<void> {
  const random = seededRandom(7);
  const fake = new FakeExcel();
  const rows: Array<Array<string | number>> = [HEADERS];
  for (let i = 0; i < ROWS; i++) {
    rows.push([
      `C${String(i + 1).padStart(6, '0')}`,
      ['North', 'South', 'East', 'West'][i % 4]!,
      Math.round(random() * 40000),
      Math.round(random() * 120),
      Math.round(random() * 1e6) / 100,
      `owner${i % 37}`,
      45000 + (i % 2000),
      `1380000${String(i).padStart(4, '0')}`,
      i % 3 ? 'direct' : 'partner',
      i % 11 ? '' : 'key account',
    ]);
  }
  fake.addSheet('Customers', rows);
  fake.select('Customers', { row: 1, column: 0, rows: 1, columns: 1 });
  const workbook = new OfficeWorkbook(fake.run);
  console.log(
    `Apply on ${ROWS.toLocaleString('en-US')} rows x ${HEADERS.length} columns (fake Excel, 4 MB budget per request)`,
  );

  let mark = fake.syncs.length;
  let t0 = performance.now();
  const phase = (name: string) => {
    describe(name, fake.syncs.slice(mark), performance.now() - t0);
    mark = fake.syncs.length;
    t0 = performance.now();
  };
  const region = value(await workbook.detectData());
  phase('detect');
  const data = value(await workbook.readRows(region));
  phase('read');

  const compiled = compileTable(getPreset('payment-scorecard'));
  if (!compiled.ok) throw new Error('preset');
  const { map } = mapColumns(compiled.compiled.columns, region.headers);
  const batch = compiled.compiled.gradeRows(data, map);
  const plan = buildPlan(compiled.compiled, region, data, map, batch, {
    mode: 'values',
    locale: 'en-US',
    strategy: true,
    followUp: true,
    explanation: false,
    error: true,
    summary: true,
    valueColumn: 4,
  });
  t0 = performance.now();
  const report = value(await workbook.apply(region, plan));
  phase('apply');
  value(await workbook.revert());
  phase('revert');
  console.log(`apply reported ${report.requests} requests; columns ${report.columns.join(', ')}`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
