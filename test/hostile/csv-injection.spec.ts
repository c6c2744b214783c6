/**
 * CSV injection (OWASP): text that Excel would run as a formula, from the
 * input or from a stranger's labels and explanations, is written with a
 * leading apostrophe; numbers such as -5 stay numbers; --raw-csv writes it raw.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsvParser } from '../../src/cli/csv';
import { neutraliseCell } from '../../src/cli/csv-neutralise';
import type { GradingTable } from '../../src/engine/model';
import { getPreset } from '../../src/engine/presets';
import { RFM_PRESETS } from '../../src/engine/rfm';
import { tierwise, useFolder } from './support';

const folder = useFolder('inject');
const HYPERLINK = '=HYPERLINK("http://x","click")';
const CALC = "=cmd|' /C calc'!A0";

function readCsv(file: string): string[][] {
  const parser = new CsvParser({ delimiter: ',' });
  const rows = [...parser.push(readFileSync(join(folder(), file), 'utf8')), ...parser.end().rows];
  return rows.map((row) => [...row.cells]);
}

describe('neutraliseCell', () => {
  test.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['-', "'-"],
    ['-5', '-5'],
    ['+3.25', '+3.25'],
    ['-1e3', '-1e3'],
    ['-12%', '-12%'],
    ['-.5', '-.5'],
    ['Acme = best', 'Acme = best'],
    ['', ''],
  ])('given %j, then it is written as %j', (text, written) => {
    expect(neutraliseCell(text)).toBe(written);
  });

  test('given numbers, then they stay numbers', () => {
    expect(neutraliseCell(-5)).toBe(-5);
    expect(neutraliseCell(null)).toBe(null);
  });
});

describe('grade to CSV', () => {
  beforeEach(() => {
    const table = JSON.parse(JSON.stringify(getPreset('payment-scorecard'))) as GradingTable;
    table.tiers[0]!.label = { en: CALC, zh: CALC };
    table.inputs[0]!.label = { en: CALC, zh: CALC };
    writeFileSync(join(folder(), 'table.json'), JSON.stringify(table));
    writeFileSync(
      join(folder(), 'in.csv'),
      `id,monthly_sales,payment_days,note\n"${HYPERLINK.replace(/"/g, '""')}",50000,-5,@evil\nC2,-5,10,+1\n`,
    );
  });

  test('given formula text in the input and a tier label, then every such cell starts with an apostrophe', async () => {
    const run = await tierwise(folder(), 'grade', 'in.csv', '--table', 'table.json', '--out', 'out.csv', '--explain');
    expect(run.code).toBe(1);
    const rows = readCsv('out.csv');
    expect(rows[0]).toEqual(['id', 'monthly_sales', 'payment_days', 'note', 'Score', 'Tier', 'Error', 'Explanation']);
    expect(rows[1]).toEqual([
      `'${HYPERLINK}`,
      '50000',
      '-5',
      "'@evil",
      '',
      '',
      'payment_days: -5 is outside every band of the table',
      '',
    ]);
    expect(rows[2]!.slice(0, 6)).toEqual(['C2', '-5', '10', '+1', '60', 'B']);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r](?![\d.]+%?$)/);
  });

  test('given --raw-csv, then the cells are written as they came', async () => {
    await tierwise(folder(), 'grade', 'in.csv', '--table', 'table.json', '--out', 'out.csv', '--raw-csv');
    const rows = readCsv('out.csv');
    expect(rows[1]!.slice(0, 4)).toEqual([HYPERLINK, '50000', '-5', '@evil']);
  });

  test('given an explanation led by an input label that starts a formula, then the explanation is neutralised', async () => {
    writeFileSync(join(folder(), 'in.csv'), 'id,monthly_sales,payment_days\nC1,50000,10\n');
    await tierwise(folder(), 'grade', 'in.csv', '--table', 'table.json', '--out', 'out.csv', '--explain');
    const explanation = readCsv('out.csv')[1]![6]!;
    expect(explanation).toBe(`'${CALC} 50,000 → 70; Days to collect 10 → 30; total 100 ≥ 80 → ${CALC}`);
  });
});

describe('rfm to CSV', () => {
  test('given a customer id and a segment label that start formulas, then both are neutralised', async () => {
    const table = JSON.parse(JSON.stringify(RFM_PRESETS[0])) as { tiers: Array<{ label: { en: string; zh: string } }> };
    table.tiers.forEach((tier, k) => (tier.label = { en: `${CALC}${k}`, zh: `${CALC}${k}` }));
    writeFileSync(join(folder(), 'segments.json'), JSON.stringify(table));
    writeFileSync(join(folder(), 'orders.csv'), 'customer_id,order_date,revenue\n@A,2024-01-02,10\n-B,2024-03-04,20\n');
    const run = await tierwise(folder(), 'rfm', 'orders.csv', '--segments', 'segments.json', '--out', 'out.csv');
    expect(run.code).toBe(0);
    const rows = readCsv('out.csv');
    expect(rows.slice(1).map((row) => row[0])).toEqual(["'@A", "'-B"]);
    for (const row of rows.slice(1)) expect(row[row.length - 1]).toMatch(/^'=cmd\|' \/C calc'!A0\d+$/);
  });
});
