/**
 * What of an input workbook the graded workbook does not carry: the writer
 * builds a new workbook from the graded sheet (ADR 0020), so other sheets,
 * charts, pivot tables, Excel tables, pictures and macros stay only in the
 * input. They are named on stderr instead of being dropped silently.
 */
import { open } from 'node:fs/promises';
import { readArchiveDirectory } from './archive';

export type UncarriedPart = 'sheets' | 'charts' | 'pivot-tables' | 'tables' | 'drawings' | 'macros';

const PARTS: ReadonlyArray<[UncarriedPart, RegExp]> = [
  ['charts', /^xl\/charts\/chart\d*\.xml$/i],
  ['pivot-tables', /^xl\/pivotTables\/[^/]+\.xml$/i],
  ['tables', /^xl\/tables\/[^/]+\.xml$/i],
  ['drawings', /^xl\/media\//i],
  ['macros', /^xl\/vbaProject\.bin$/i],
];

/** Each kind of part the input holds that the output will not, with how many. */
export async function uncarriedParts(path: string): Promise<Array<{ part: UncarriedPart; count: number }>> {
  const file = await open(path, 'r');
  try {
    const read = await readArchiveDirectory(file);
    if (!read.ok) return [];
    const names = read.entries.map((e) => e.name);
    const found: Array<{ part: UncarriedPart; count: number }> = [];
    const sheets = names.filter((n) => /^xl\/worksheets\/[^/]+\.xml$/i.test(n)).length;
    if (sheets > 1) found.push({ part: 'sheets', count: sheets - 1 });
    for (const [part, pattern] of PARTS) {
      const count = names.filter((n) => pattern.test(n)).length;
      if (count > 0) found.push({ part, count });
    }
    return found;
  } finally {
    await file.close();
  }
}
