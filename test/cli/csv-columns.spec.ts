import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAsyncProperty } from '../support/property';
import { openCsv, type CsvProblem } from '../../src/cli/csv';
import { openCsvColumns } from '../../src/cli/csv/columns';

/**
 * openCsvColumns splits plain lines itself and hands every other record to
 * the general parser. Whatever the text (quotes, doubled quotes, line breaks
 * of every kind inside and between records, empty lines, ragged rows, no final
 * line break, an unclosed quote, a BOM) and wherever the chunks end, it must
 * give exactly the header, rows, line numbers and problems openCsv gives.
 */

/** Columns the header has (the caller picks among them). */
const within = (columns: number[], width: number): number[] => columns.map((c) => c % width);

type Event = { row: string[]; line: number } | { problem: CsvProblem };

async function viaOpenCsv(path: string, columns: number[], chunkSize: number): Promise<unknown> {
  const opened = await openCsv(path, { file: 'f.csv', chunkSize });
  if (!opened.ok) return { problem: opened.problem };
  const events: Event[] = [];
  columns = within(columns, opened.table.header.length);
  for await (const batch of opened.table.batches) {
    for (const record of batch) {
      if (record.kind === 'row') events.push({ row: columns.map((c) => record.cells[c]!), line: record.line });
      else events.push({ problem: record.problem });
    }
  }
  return { header: opened.table.header, events };
}

async function viaColumns(path: string, columns: number[], chunkSize: number): Promise<unknown> {
  const opened = await openCsvColumns(path, { file: 'f.csv', chunkSize });
  if (!opened.ok) return { problem: opened.problem };
  const events: Event[] = [];
  columns = within(columns, opened.table.header.length);
  await opened.table.read(columns, {
    row: (values, line) => events.push({ row: [...values], line }),
    problem: (problem) => events.push({ problem }),
  });
  return { header: opened.table.header, events };
}

const plainField = fc.constantFrom('a', '12', '', ' x ', 'C1', '2024-01-05', '3.5', '中文');
const quotedField = fc
  .array(fc.constantFrom('a', ',', '""', '\n', '\r\n', '\r', ' ', '字'), { maxLength: 4 })
  .map((parts) => `"${parts.join('')}"`);
const field = fc.oneof({ weight: 4, arbitrary: plainField }, { weight: 1, arbitrary: quotedField });
const lineBreak = fc.constantFrom('\n', '\n', '\r\n', '\r');
const record = fc.array(field, { minLength: 1, maxLength: 4 });

const arbText = fc
  .record({
    records: fc.array(fc.tuple(record, lineBreak, fc.constantFrom(0, 0, 0, 1)), { minLength: 1, maxLength: 30 }),
    finalBreak: fc.boolean(),
    tail: fc.constantFrom('', '', 'x,"open'),
    bom: fc.boolean(),
  })
  .map(({ records, finalBreak, tail, bom }) => {
    let text = bom ? '\uFEFF' : '';
    records.forEach(([cells, brk, emptyLines], k) => {
      text += cells.join(',');
      if (k < records.length - 1 || finalBreak) text += brk + '\n'.repeat(emptyLines);
    });
    return text + tail;
  });

describe('openCsvColumns', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-csv-columns-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given any CSV text cut into chunks anywhere, then it gives the records and problems openCsv gives', async () => {
    let n = 0;
    await checkAsyncProperty(
      fc.asyncProperty(
        arbText,
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 3 }),
        async (text, chunkSize, columns) => {
          const path = join(dir, `t${n++}.csv`);
          writeFileSync(path, text);
          expect(await viaColumns(path, columns, chunkSize)).toEqual(await viaOpenCsv(path, columns, chunkSize));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('given bytes that are not UTF-8 after the first chunk, then the problem names the line openCsv names', async () => {
    const path = join(dir, 'bad.csv');
    const head = Buffer.from('a,b\n' + 'x,1\n'.repeat(40));
    writeFileSync(path, Buffer.concat([head, Buffer.from([0xff, 0xfe, 0x0a])]));
    expect(await viaColumns(path, [1, 0], 16)).toEqual(await viaOpenCsv(path, [1, 0], 16));
  });

  it('given a missing file, a directory and an empty file, then the same problems as openCsv', async () => {
    writeFileSync(join(dir, 'empty.csv'), '');
    for (const name of ['missing.csv', '.', 'empty.csv']) {
      expect(await viaColumns(join(dir, name), [0], 64)).toEqual(await viaOpenCsv(join(dir, name), [0], 64));
    }
  });
});
