/**
 * `tierwise grade` on a CSV reads through openCsvColumns and writes rows as it
 * grades them. Whatever the input (quotes, doubled quotes, CR / LF / CRLF in
 * and between records, a BOM, empty lines, ragged rows, Chinese headers, text
 * Excel would run as a formula, with and without --raw-csv), the graded file
 * must be byte for byte what the record-by-record path gives: openCsv, grade
 * every row, format every cell with the CSV writer.
 */
import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/command';
import { gradeCommand } from '../../src/cli/commands/grade';
import { createCsvWriter, openCsv, type CsvValue } from '../../src/cli/csv';
import { mapColumns } from '../../src/engine/columns';
import { compileTable } from '../../src/engine/compile';
import { formatGradeError } from '../../src/engine/messages';
import { getPreset } from '../../src/engine/presets';
import { checkAsyncProperty } from '../support/property';

const compiledResult = compileTable(getPreset('payment-scorecard')!);
if (!compiledResult.ok) throw new Error('payment-scorecard compiles');
const compiled = compiledResult.compiled;

/** The graded file by the record-by-record path, or undefined when the input has a problem (no file is written). */
async function recordByRecord(input: string, out: string, raw: boolean): Promise<Buffer | undefined> {
  const opened = await openCsv(input);
  if (!opened.ok) return undefined;
  const rows: string[][] = [];
  for await (const batch of opened.table.batches) {
    for (const record of batch) {
      if (record.kind === 'problem') return undefined;
      rows.push(record.cells);
    }
  }
  const header = opened.table.header;
  const mapping = mapColumns(compiled.columns, header, {});
  const headerOf = new Map(mapping.matched.map((m) => [m.input, m.header]));
  const graded = compiled.gradeRows(rows, mapping.map);
  const writer = createCsvWriter(out, { neutralise: !raw });
  await writer.writeRow([...header, 'Score', 'Tier', 'Error']);
  rows.forEach((cells, i) => {
    const error = graded.errors.get(i);
    const score = graded.scores[i]!;
    const tier = graded.tiers[i]!;
    const row: CsvValue[] = [
      ...cells,
      error || Number.isNaN(score) ? '' : score,
      tier >= 0 ? (compiled.tiers[tier]?.id ?? '') : '',
      error ? formatGradeError(error, 'en-US', (id) => headerOf.get(id) ?? id) : '',
    ];
    void writer.writeRow(row);
  });
  await writer.close();
  return readFileSync(out);
}

const plain = fc.constantFrom('12', '0', '3.5', '', ' x ', '中文', 'abc', '-5', '=SUM(A1)', '+x', '@a', '-1e3', '45');
const quoted = fc
  .array(fc.constantFrom('a', ',', '""', '\n', '\r\n', '\r', ' ', '字', '=', '7'), { maxLength: 4 })
  .map((parts) => `"${parts.join('')}"`);
const field = fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: quoted });
const lineBreak = fc.constantFrom('\n', '\n', '\r\n', '\r');
const HEADER = ['id', 'monthly_sales', 'payment_days', '客户名称'];

const arbCsv = fc
  .record({
    order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
    quoteHeader: fc.boolean(),
    records: fc.array(
      fc.tuple(fc.array(field, { minLength: 4, maxLength: 4 }), lineBreak, fc.constantFrom(0, 0, 0, 1), fc.nat(30)),
      { maxLength: 25 },
    ),
    finalBreak: fc.boolean(),
    bom: fc.boolean(),
  })
  .map(({ order, quoteHeader, records, finalBreak, bom }) => {
    const header = order.map((k) => (quoteHeader ? `"${HEADER[k]}"` : HEADER[k]));
    let text = (bom ? '\uFEFF' : '') + header.join(',') + '\n';
    records.forEach(([cells, brk, emptyLines, raggedness], k) => {
      // Now and then a row one cell short or long.
      const row = raggedness === 0 ? cells.slice(1) : raggedness === 1 ? [...cells, 'extra'] : cells;
      text += row.join(',');
      if (k < records.length - 1 || finalBreak) text += brk + '\n'.repeat(emptyLines);
    });
    return text;
  });

describe('grade of a CSV', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-grade-exact-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const io: CliIo = { stdout: () => undefined, stderr: () => undefined, cwd: dir };

  it('given any CSV, then the graded file is byte for byte what the record-by-record path writes', async () => {
    let n = 0;
    await checkAsyncProperty(
      fc.asyncProperty(arbCsv, fc.boolean(), async (text, raw) => {
        const input = join(dir, `in${n}.csv`);
        const out = join(dir, `in${n}.graded.csv`);
        const expectedPath = join(dir, `expected${n++}.csv`);
        writeFileSync(input, text);
        const expected = await recordByRecord(input, expectedPath, raw);
        const code = await gradeCommand.run([input, '--table', 'payment-scorecard', ...(raw ? ['--raw-csv'] : [])], io);
        if (expected === undefined) {
          expect(code).toBe(1);
          expect(existsSync(out)).toBe(false);
        } else {
          expect(existsSync(out)).toBe(true);
          expect(readFileSync(out).toString('hex')).toBe(expected.toString('hex'));
        }
      }),
      { numRuns: 300 },
    );
  });
});
