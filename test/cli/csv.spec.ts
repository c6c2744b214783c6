import fc from 'fast-check';
import { checkProperty } from '../support/property';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  CsvParser,
  createCsvWriter,
  detectEncoding,
  formatCsvRow,
  openCsv,
  readCsvRecords,
  type CsvRecord,
} from '../../src/cli/csv';

function parseAll(
  text: string,
  chunkSize = text.length || 1,
): { rows: string[][]; lines: number[]; unclosed?: number } {
  const parser = new CsvParser();
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let i = 0; i < text.length; i += chunkSize) {
    for (const row of parser.push(text.slice(i, i + chunkSize))) {
      rows.push(row.cells);
      lines.push(row.line);
    }
  }
  const end = parser.end();
  for (const row of end.rows) {
    rows.push(row.cells);
    lines.push(row.line);
  }
  return { rows, lines, unclosed: end.unclosedQuoteLine };
}

async function* bytesOf(...chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) yield chunk;
}

async function collect(records: AsyncIterable<CsvRecord>): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

describe('CsvParser', () => {
  it('happy path: plain fields, LF and CRLF line ends', () => {
    expect(parseAll('a,b,c\n1,2,3\r\n4,5,6').rows).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('given quoted fields with delimiters, doubled quotes and embedded newlines then the cells hold them verbatim', () => {
    const { rows, lines } = parseAll('name,note\n"Acme, Inc.","say ""hi""\nsecond line"\n"x",""\nlast,row\n');
    expect(rows).toEqual([
      ['name', 'note'],
      ['Acme, Inc.', 'say "hi"\nsecond line'],
      ['x', ''],
      ['last', 'row'],
    ]);
    // The record with an embedded newline spans lines 2-3, so the next starts on line 4.
    expect(lines).toEqual([1, 2, 4, 5]);
  });

  it('given every chunk size then the records are the same (quotes and CRLF split across chunks)', () => {
    const text = 'h1,h2\r\n"a""b","c\r\nd"\r\n,\r\n"",x\r\n';
    const whole = parseAll(text);
    for (let size = 1; size <= text.length; size++) {
      expect(parseAll(text, size)).toEqual(whole);
    }
    expect(whole.rows).toEqual([
      ['h1', 'h2'],
      ['a"b', 'c\r\nd'],
      ['', ''],
      ['', 'x'],
    ]);
    expect(whole.lines).toEqual([1, 2, 4, 5]);
  });

  it('given empty lines then they are skipped but still counted as lines', () => {
    const { rows, lines } = parseAll('a,b\n\n1,2\n\n\n');
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(lines).toEqual([1, 3]);
  });

  it('given a quote that is never closed then end() names the line it opened on', () => {
    expect(parseAll('a,b\n1,"open\n\n').unclosed).toBe(2);
  });

  it('given a lone quote inside an unquoted field then it is kept as text', () => {
    expect(parseAll('5" disk,x"y').rows).toEqual([['5" disk', 'x"y']]);
  });

  it('given another delimiter then it splits on it', () => {
    const parser = new CsvParser({ delimiter: ';' });
    expect(parser.push('a;"b;c"\n').map((r) => r.cells)).toEqual([['a', 'b;c']]);
  });
});

describe('CSV writer', () => {
  it('quotes only the fields that need it', () => {
    expect(formatCsvRow(['plain', 'a,b', 'say "hi"', 'two\nlines', '', null, 12000, 84.00000000000001])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",,,12000,84',
    );
  });

  it('round trip: what the writer writes the parser reads back, for any cells', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r', ' ', '万', '¥', '😀') });
    const table = fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 20 });
    checkProperty(
      fc.property(table, fc.integer({ min: 1, max: 17 }), (rows, chunkSize) => {
        const text = rows.map((r) => formatCsvRow(r) + '\r\n').join('');
        expect(parseAll(text, chunkSize).rows).toEqual(rows);
      }),
    );
  });

  it('writes a UTF-8 BOM when asked, and CRLF line ends', async () => {
    const stream = new PassThrough();
    const parts: Buffer[] = [];
    stream.on('data', (b: Buffer) => parts.push(b));
    const writer = createCsvWriter(stream, { bom: true });
    await writer.writeRow(['客户', 'x']);
    await writer.close();
    const bytes = Buffer.concat(parts);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('客户,x\r\n');
  });
});

describe('encoding detection and file reading', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tierwise-csv-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // "客户名称,金额\n" in GBK (Chinese Excel's default "CSV" encoding).
  const GBK = Buffer.from([0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xbd, 0xf0, 0xb6, 0xee, 0x0a]);

  it('detects BOMs and GBK bytes', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
      guessed: false,
    });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]))).toMatchObject({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]))).toMatchObject({ encoding: 'utf-16be', bomLength: 2 });
    expect(detectEncoding(Buffer.from('客户,a', 'utf8'))).toMatchObject({ encoding: 'utf-8', guessed: false });
    expect(detectEncoding(GBK)).toEqual({ encoding: 'gb18030', bomLength: 0, guessed: true });
  });

  it('given GBK bytes then the text is decoded as GB18030', async () => {
    let encoding = '';
    const records = await collect(
      readCsvRecords(bytesOf(GBK), 'gbk.csv', { onEncoding: (d) => (encoding = d.encoding) }),
    );
    expect(encoding).toBe('gb18030');
    expect(records).toEqual([{ kind: 'row', line: 1, cells: ['客户名称', '金额'] }]);
  });

  it('given a UTF-8 BOM split over tiny chunks then it is still removed', async () => {
    const bytes = Buffer.from('\uFEFF客户,x\n1,2\n', 'utf8');
    const chunks = [...bytes].map((b) => Uint8Array.of(b));
    const records = await collect(readCsvRecords(bytesOf(...chunks), 'bom.csv'));
    expect(records.map((r) => (r.kind === 'row' ? r.cells : r))).toEqual([
      ['客户', 'x'],
      ['1', '2'],
    ]);
  });

  it('given UTF-16 LE and BE files with BOMs then both read the same', async () => {
    const text = '客户,金额\r\n"A, Ltd",1.2万\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) {
      const records = await collect(readCsvRecords(bytesOf(bytes), 'u16.csv'));
      expect(records.map((r) => (r.kind === 'row' ? r.cells : r))).toEqual([
        ['客户', '金额'],
        ['A, Ltd', '1.2万'],
      ]);
    }
  });

  it('given invalid UTF-8 after a valid first chunk then a problem names the line reached', async () => {
    const records = await collect(
      readCsvRecords(bytesOf(Buffer.from('a,b\n1,2\n', 'utf8'), Buffer.from([0x33, 0xff, 0x0a])), 'bad.csv'),
    );
    expect(records.at(-1)).toEqual({
      kind: 'problem',
      problem: { kind: 'invalid-bytes', file: 'bad.csv', encoding: 'utf-8', line: 2 },
    });
  });

  it('openCsv: header, rows with line numbers, ragged rows reported by line and reading goes on', async () => {
    const path = join(dir, 'ragged.csv');
    writeFileSync(path, 'id,amount\n1,100\n2,200,extra\n3\n4,400\n\n');
    const opened = await openCsv(path, { file: 'ragged.csv' });
    if (!opened.ok) throw new Error('expected ok');
    expect(opened.table.header).toEqual(['id', 'amount']);
    expect(await collect(opened.table.rows)).toEqual([
      { kind: 'row', line: 2, cells: ['1', '100'] },
      { kind: 'problem', problem: { kind: 'ragged-row', file: 'ragged.csv', line: 3, found: 3, expected: 2 } },
      { kind: 'problem', problem: { kind: 'ragged-row', file: 'ragged.csv', line: 4, found: 1, expected: 2 } },
      { kind: 'row', line: 5, cells: ['4', '400'] },
    ]);
  });

  it('openCsv: a missing file, a directory and an empty file are problems, not exceptions', async () => {
    expect(await openCsv(join(dir, 'nope.csv'), { file: 'nope.csv' })).toEqual({
      ok: false,
      problem: { kind: 'not-found', file: 'nope.csv' },
    });
    expect(await openCsv(dir, { file: 'dir' })).toEqual({ ok: false, problem: { kind: 'is-directory', file: 'dir' } });
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '\n\n');
    expect(await openCsv(empty, { file: 'empty.csv' })).toEqual({
      ok: false,
      problem: { kind: 'empty', file: 'empty.csv' },
    });
  });

  it('openCsv: an unclosed quote ends the rows with a problem naming its line', async () => {
    const path = join(dir, 'unclosed.csv');
    writeFileSync(path, 'a,b\n1,2\n3,"oops\n4,5\n');
    const opened = await openCsv(path, { file: 'unclosed.csv' });
    if (!opened.ok) throw new Error('expected ok');
    const records = await collect(opened.table.rows);
    expect(records.at(-1)).toEqual({
      kind: 'problem',
      problem: { kind: 'unclosed-quote', file: 'unclosed.csv', line: 3 },
    });
  });

  it('streams a file larger than one chunk, and the writer writes it back byte for byte', async () => {
    const path = join(dir, 'big.csv');
    const lines = ['id,name,note'];
    for (let i = 0; i < 20000; i++) lines.push(`${i},客户 ${i},"a ""q"" ${i}\nnext"`);
    const text = lines.join('\r\n') + '\r\n';
    writeFileSync(path, text);
    const opened = await openCsv(path, { chunkSize: 4096 });
    if (!opened.ok) throw new Error('expected ok');
    const out = join(dir, 'big.out.csv');
    const writer = createCsvWriter(out);
    await writer.writeRow(opened.table.header);
    let count = 0;
    for await (const record of opened.table.rows) {
      if (record.kind !== 'row') throw new Error('unexpected problem');
      count++;
      await writer.writeRow(record.cells);
    }
    await writer.close();
    expect(count).toBe(20000);
    expect(readFileSync(out, 'utf8')).toBe(text);
  });
});
