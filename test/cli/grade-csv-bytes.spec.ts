/**
 * `tierwise grade` reads a UTF-8 CSV from its bytes (ADR 0033): lines copied
 * to the output as they are, number inputs read from plain decimals. Whatever
 * the input (numbers in every form the decoder reads: 1,234.5, -0, 1e3, 10万,
 * 12%; blanks, texts, 是/否, quoted fields with commas, quotes and line
 * breaks, CRLF and lone CR, a BOM, Chinese headers, text Excel would run as a
 * formula, rows with too many or too few fields), for several tables, in both
 * languages, with and without --raw-csv and --bom, and wherever read chunks
 * and grading chunks end, the graded file, the messages and the exit code
 * must be exactly what the text path (strings, gradeRows, the CSV writer)
 * gives.
 */
import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCommand } from '../../src/cli/args';
import type { CliIo } from '../../src/cli/command';
import { gradeCommand, gradeCsvFile } from '../../src/cli/commands/grade';
import { compileTable } from '../../src/engine/compile';
import { getPreset, PRESETS } from '../../src/engine/presets';
import type { CompiledTable } from '../../src/engine/grader';
import type { GradingTable, ScorecardMethod } from '../../src/engine/model';
import { checkAsyncProperty } from '../support/property';

const resolve = (id: string) => PRESETS.find((p) => p.id === id);

function compiledPreset(id: string): CompiledTable {
  const result = compileTable(getPreset(id)!, { resolve });
  if (!result.ok) throw new Error(`${id} compiles`);
  return result.compiled;
}

function compiledVariant(table: GradingTable): CompiledTable {
  const result = compileTable(table, { resolve });
  if (!result.ok) throw new Error(`${table.id}: ${JSON.stringify(result.problems)}`);
  return result.compiled;
}

const payment = getPreset('payment-scorecard')!;
const paymentMethod = payment.method as ScorecardMethod;
/** Weights that make whole and fractional scores (24.5, 51, 75.5...): each must keep its own text. */
const weighted: GradingTable = {
  ...payment,
  id: 'weighted-payment',
  method: {
    ...paymentMethod,
    criteria: paymentMethod.criteria.map((c, i) => ({ ...c, weight: i === 0 ? 0.35 : 1.7 })),
  },
};
/** Days counted from a date column: a plain decimal there is a date's text, never a number of days. */
const sinceDate: GradingTable = {
  ...payment,
  id: 'days-since-payment',
  asOf: 45000,
  inputs: payment.inputs.map((input) => (input.id === 'payment_days' ? { ...input, daysSince: true } : input)),
};

/** Tables with number, boolean, category, derived and date-count inputs, scorecards, rules and matrices. */
const TABLES = [
  ...['payment-scorecard', 'weighted-bonus', 'bank-segment', 'order-volume', 'lifecycle'].map(compiledPreset),
  compiledVariant(weighted),
  compiledVariant(sinceDate),
].map((compiled) => ({ compiled }));

const digits = (max: number) => fc.integer({ min: 0, max }).map(String);
/** Numbers as the decoder reads them, most of them plain decimals (the byte path's own). */
const numberText = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(digits(120000), digits(99)).map(([a, b]) => `${a}.${b}`) },
  { weight: 6, arbitrary: digits(400) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '-0',
      '0',
      '-12.5',
      '1.',
      '.5',
      '007',
      '0.1',
      '123456789012345',
      '1234567890123456',
      '-',
      '.',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom('"1,234.5"', '1e3', '10万', '1.2万', '12%', ' 7 ', '"¥1,200"', '"(1,200.50)"', '+3'),
  },
);
const otherText = fc.constantFrom(
  '',
  'abc',
  '是',
  '否',
  'TRUE',
  'no',
  'heavy',
  'light',
  '回款天数',
  '=SUM(A1)',
  '+x',
  '@a',
  '\tx',
  '-1e3',
  '#N/A',
  'x\u00a0y',
);
const quoted = fc
  .array(fc.constantFrom('a', ',', '""', '\n', '\r\n', '\r', ' ', '字', '=', '7', '.5'), { maxLength: 4 })
  .map((parts) => `"${parts.join('')}"`);
const field = fc.oneof(
  { weight: 10, arbitrary: numberText },
  { weight: 4, arbitrary: otherText },
  { weight: 1, arbitrary: quoted },
);
const lineBreak = fc.constantFrom('\n', '\n', '\r\n', '\r\n', '\r');

/** The table's input ids (some spelled by a Chinese alias when it has one) and two columns of its own. */
function headerFor(compiled: CompiledTable, order: number[], quote: boolean): string[] {
  const names = [
    ...compiled.columns.map((c) => c.aliases?.find((a) => [...a].some((ch) => ch.charCodeAt(0) > 127)) ?? c.id),
    '客户名称',
    'note',
  ];
  return order.filter((k) => k < names.length).map((k) => (quote ? `"${names[k]}"` : names[k]!));
}

const arbCase = fc.record({
  table: fc.nat(TABLES.length - 1),
  order: fc.shuffledSubarray([...Array(12).keys()], { minLength: 12, maxLength: 12 }),
  quoteHeader: fc.constantFrom(false, false, false, true),
  records: fc.array(
    fc.tuple(fc.array(field, { minLength: 12, maxLength: 12 }), lineBreak, fc.constantFrom(0, 0, 0, 0, 1), fc.nat(60)),
    { maxLength: 40 },
  ),
  finalBreak: fc.boolean(),
  bom: fc.boolean(),
  raw: fc.boolean(),
  outBom: fc.boolean(),
  zh: fc.boolean(),
  readChunkBytes: fc.constantFrom(1, 7, 40, 1 << 20),
  chunkRows: fc.constantFrom(1, 3, 2048),
  delimiter: fc.constantFrom(',', ',', ',', ';', '\t'),
});

type Case = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;

function csvText(c: Case): string {
  const header = headerFor(TABLES[c.table]!.compiled, c.order, c.quoteHeader);
  let text = (c.bom ? '\uFEFF' : '') + header.join(c.delimiter) + '\n';
  c.records.forEach(([cells, brk, emptyLines, raggedness], k) => {
    // Now and then a row one field short or long.
    // With another delimiter, quotes around a comma are not needed: the line stays plain.
    const row = cells
      .slice(0, header.length)
      .map((f) => (c.delimiter !== ',' && /^"[^"\r\n;\t]*"$/.test(f) ? f.slice(1, -1) : f));
    if (raggedness === 0) row.pop();
    if (raggedness === 1) row.push('extra');
    text += row.join(c.delimiter);
    if (k < c.records.length - 1 || c.finalBreak) text += brk + '\n'.repeat(emptyLines);
  });
  return text;
}

describe('grade of a CSV from its bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-grade-bytes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;

  async function run(
    input: string,
    out: string,
    c: {
      table: number;
      raw: boolean;
      outBom: boolean;
      zh: boolean;
      readChunkBytes: number;
      chunkRows: number;
      delimiter: string;
    },
    textOnly: boolean,
  ) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir };
    const context = startCommand(gradeCommand, ['--lang', c.zh ? 'zh-CN' : 'en-US'], io, []);
    if (typeof context === 'number') throw new Error('context');
    const result = await gradeCsvFile(
      {
        compiled: TABLES[c.table]!.compiled,
        input,
        out,
        force: true,
        overrides: {},
        explain: false,
        bom: c.outBom,
        delimiter: c.delimiter,
        rawCsv: c.raw,
        textOnly,
        readChunkBytes: c.readChunkBytes,
        chunkRows: c.chunkRows,
      },
      context,
    );
    const file = existsSync(join(dir, out)) ? readFileSync(join(dir, out)).toString('hex') : undefined;
    return {
      exitCode: result.exitCode,
      file,
      stdout: stdout.replaceAll(out, 'OUT'),
      stderr: stderr.replaceAll(out, 'OUT'),
    };
  }

  it('given any CSV and table, then file, messages and exit code are those of the text path', async () => {
    let cases = 0;
    let written = 0;
    await checkAsyncProperty(
      fc.asyncProperty(arbCase, async (c) => {
        cases++;
        const input = `in${n++}.csv`;
        writeFileSync(join(dir, input), csvText(c));
        const bytes = await run(input, `${input}.bytes.csv`, c, false);
        const text = await run(input, `${input}.text.csv`, c, true);
        expect(bytes).toEqual(text);
        if (bytes.file !== undefined) written++;
      }),
      { numRuns: 250 },
    );
    // Most cases must get as far as writing a graded file, or the property tests only the refusals.
    expect(written).toBeGreaterThan(cases / 2);
  });

  it('given a machine-written file, then most rows are graded and the output matches the text path', async () => {
    // Guards the property above against testing only the fallbacks: here every line is plain.
    const rows = Array.from({ length: 5000 }, (_, i) => `${i},${((i * 3711) % 4100000) / 100},${i % 95}`);
    writeFileSync(join(dir, 'plain.csv'), 'id,monthly_sales,payment_days\r\n' + rows.join('\r\n'));
    const c = { table: 0, raw: false, outBom: false, zh: false, readChunkBytes: 4096, chunkRows: 2048, delimiter: ',' };
    const bytes = await run('plain.csv', 'plain.bytes.csv', c, false);
    const text = await run('plain.csv', 'plain.text.csv', c, true);
    expect(bytes).toEqual(text);
    expect(bytes.exitCode).toBe(0);
    const lines = Buffer.from(bytes.file!, 'hex').toString().split('\r\n');
    expect(lines.slice(1, 5)).toEqual(['0,0,0,60,B,', '1,37.11,1,60,B,', '2,74.22,2,60,B,', '3,111.33,3,60,B,']);
  });
});
