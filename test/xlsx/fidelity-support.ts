/**
 * Comparing a graded workbook with its input: the parts the grading does not own compared as stored
 * (compressed bytes, CRC, sizes), and the cells of every sheet compared one by one through ExcelJS
 * (value, formula, style, number format), the graded sheet left of Tierwise's columns.
 */
import ExcelJS from 'exceljs';
import { open } from 'node:fs/promises';
import { readArchiveDirectory } from '../../src/cli/xlsx/archive';
import { compressedChunks, dataStart } from '../../src/cli/xlsx/archive-stream';

/** The parts the patch rewrites (ADR 0020); everything else must arrive as stored. */
export const PATCHED = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml'];

/** Each part of a zip as stored: its compressed bytes, CRC and sizes. */
export async function storedParts(
  path: string,
): Promise<Map<string, { crc: number; inflated: number; method: number; stored: Buffer }>> {
  const file = await open(path, 'r');
  try {
    const read = await readArchiveDirectory(file);
    if (!read.ok) throw new Error(`${path}: ${read.problem.kind}`);
    const parts = new Map<string, { crc: number; inflated: number; method: number; stored: Buffer }>();
    for (const entry of read.entries) {
      const chunks: Buffer[] = [];
      for await (const chunk of compressedChunks(file, entry, (await dataStart(file, entry))!)) chunks.push(chunk);
      parts.set(entry.name, {
        crc: entry.crc,
        inflated: entry.inflated,
        method: entry.method,
        stored: Buffer.concat(chunks),
      });
    }
    return parts;
  } finally {
    await file.close();
  }
}

/** Every part of the input but `rewritten` is in the output byte for byte; returns the output's new parts. */
export async function expectUntouchedPartsStored(
  input: string,
  output: string,
  rewritten: readonly string[],
): Promise<string[]> {
  const before = await storedParts(input);
  const after = await storedParts(output);
  for (const [name, part] of before) {
    if (rewritten.includes(name) || name === 'xl/calcChain.xml') continue;
    expect({ name, ...after.get(name) }).toEqual({ name, ...part });
  }
  return [...after.keys()].filter((name) => !before.has(name));
}

/** What a cell is, as far as ExcelJS models it: value (formulas with their text), type and full style. */
function cellModel(cell: ExcelJS.Cell): unknown {
  return { address: cell.address, value: cell.value, type: cell.type, numFmt: cell.numFmt, style: cell.style };
}

/** Every cell of `sheet` left of 1-based column `before` (all columns when undefined), in order. */
export function cellsOf(sheet: ExcelJS.Worksheet, before?: number): unknown[] {
  const cells: unknown[] = [];
  sheet.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (before === undefined || column < before) cells.push(cellModel(cell));
    }),
  );
  return cells;
}

/** Sheet-level structure ExcelJS reads: merges, column widths and styles, views, tables, validations. */
export function sheetStructure(sheet: ExcelJS.Worksheet, columns: number): unknown {
  const widths: unknown[] = [];
  for (let c = 1; c <= columns; c++) {
    const column = sheet.getColumn(c);
    widths.push({ width: column.width, hidden: column.hidden, style: column.style });
  }
  const model = sheet.model as unknown as { merges: string[]; dataValidations?: unknown };
  return {
    name: sheet.name,
    merges: model.merges,
    widths,
    tables: (sheet as unknown as { getTables(): Array<{ table: unknown }> }).getTables().map((t) => t.table),
    validations: (sheet as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
  };
}

export async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}
