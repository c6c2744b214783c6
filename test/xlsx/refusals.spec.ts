/**
 * Workbooks and output names the command refuses, and what it says: a part that declares XML entities
 * (XXE, billion laughs) is named with the reason, and a graded workbook is never written under a .csv name.
 */
import ExcelJS from 'exceljs';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tierwise, unzipArchive, useFolder, zipArchive } from '../hostile/support';

const folder = useFolder('refusals');
const GRADE = ['--table', 'payment-scorecard'];

async function customerParts(): Promise<{ name: string; data: Buffer }[]> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('Customers').addRows([
    ['id', 'monthly_sales', 'payment_days'],
    ['C1', 50000, 10],
  ]);
  return unzipArchive(Buffer.from(await book.xlsx.writeBuffer()));
}

async function withPrologue(part: string, doctype: string, use = false): Promise<string> {
  const parts = await customerParts();
  const found = parts.find((p) => p.name === part)!;
  let xml = found.data
    .toString('utf8')
    .replace(/(<\?xml[^>]*\?>)?\s*</, (_, decl: string | undefined) => `${decl ?? ''}\n${doctype}\n<`);
  if (use) xml = xml.replace('<t>C1</t>', '<t>&lol2;</t>');
  found.data = Buffer.from(xml, 'utf8');
  writeFileSync(join(folder(), 'hostile.xlsx'), zipArchive(parts));
  return 'hostile.xlsx';
}

const LAUGHS = '<!DOCTYPE sst [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>';

describe('a part that declares XML entities', () => {
  test('given billion laughs in the shared strings, then grade names the file, the part and why, and writes nothing', async () => {
    const file = await withPrologue('xl/sharedStrings.xml', LAUGHS, true);
    const run = await tierwise(folder(), 'grade', file, ...GRADE, '--out', 'out.xlsx');
    expect(run.err).toBe(
      'tierwise: hostile.xlsx: the part xl/sharedStrings.xml declares a DTD with entities; refused: XML entities can read files on this computer (XXE) or expand a few bytes to gigabytes (billion laughs), and Excel never writes them. Open the file in Excel and save it again\n',
    );
    expect(run.code).toBe(1);
    expect(readdirSync(folder())).toEqual(['hostile.xlsx']);
  });

  test('given an external entity in the sheet, then it is refused in Chinese too', async () => {
    const file = await withPrologue(
      'xl/worksheets/sheet1.xml',
      '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    );
    const run = await tierwise(folder(), 'grade', file, ...GRADE, '--out', 'out.xlsx', '--lang', 'zh-CN');
    expect(run.err).toBe(
      'tierwise：hostile.xlsx：部件 xl/worksheets/sheet1.xml 声明了带实体的 DTD，已拒绝：XML 实体可读取本机文件（XXE）或把几个字节膨胀到数 GB（billion laughs 攻击），Excel 从不写入实体。请在 Excel 中打开并重新保存\n',
    );
    expect(run.code).toBe(1);
  });

  test('given an external DTD on the relationships, then --table book.xlsx refuses it the same way', async () => {
    const file = await withPrologue('xl/_rels/workbook.xml.rels', '<!DOCTYPE Relationships SYSTEM "http://x/a.dtd">');
    const run = await tierwise(folder(), 'validate', file);
    expect(run.err).toContain(
      'hostile.xlsx: the part xl/_rels/workbook.xml.rels declares a DTD with entities; refused',
    );
    expect(run.code).toBe(1);
  });

  test('given a DOCTYPE without entities, then the workbook is still graded', async () => {
    const file = await withPrologue('xl/sharedStrings.xml', '<!DOCTYPE sst [<!ELEMENT sst ANY>]>');
    const run = await tierwise(folder(), 'grade', file, ...GRADE, '--out', 'out.xlsx');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('the output name of a graded workbook', () => {
  test.each(['out.csv', 'out.CSV', 'out.txt', 'out'])(
    'given --out %s for an .xlsx input, then grade refuses it with the reason and writes nothing',
    async (out) => {
      writeFileSync(join(folder(), 'book.xlsx'), zipArchive(await customerParts()));
      const run = await tierwise(folder(), 'grade', 'book.xlsx', ...GRADE, '--out', out);
      expect(run.err).toBe(
        `tierwise: --out ${out}: grading a workbook writes a workbook (.xlsx), which Excel would not open under that name; choose a name ending in .xlsx, or save the sheet as CSV and grade the CSV\n` +
          "Run 'tierwise grade --help' for the options.\n",
      );
      expect(run.code).toBe(2);
      expect(readdirSync(folder())).toEqual(['book.xlsx']);
    },
  );

  test('given --out out.csv in Chinese, then the refusal is in Chinese', async () => {
    writeFileSync(join(folder(), 'book.xlsx'), zipArchive(await customerParts()));
    const run = await tierwise(folder(), 'grade', 'book.xlsx', ...GRADE, '--out', 'out.csv', '--lang', 'zh-CN');
    expect(run.err).toContain(
      '--out out.csv：对工作簿分级会写出工作簿（.xlsx），Excel 无法以该文件名打开；请改用以 .xlsx 结尾的文件名',
    );
    expect(run.code).toBe(2);
  });
});
