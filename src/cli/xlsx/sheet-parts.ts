/**
 * The streaming reader (ExcelJS) finds a sheet only at xl/worksheets/sheetN.xml, and names it only when
 * the workbook's relationship says exactly worksheets/sheetN.xml. Workbooks not written by Excel keep
 * their sheets elsewhere (an absolute target, "worksheets/Sheet One.xml", "data/customers.xml"), so the
 * reader is handed each worksheet at xl/worksheets/sheet<k>.xml (k: its place in the workbook) with its
 * relationship rewritten to match. A worksheet whose part the archive lacks is reported by name.
 */
import { attribute, WorkbookParts } from './patch/workbook-parts';

export interface ReaderSheet {
  name: string;
  /** Where the workbook's relationship points, as an archive path. */
  part: string;
  /** The archive entry holding it; undefined when the archive has none. */
  entry: string | undefined;
  /** The part's name in the stream the reader gets. */
  readerPart: string;
}

/** The workbook's worksheets in order, and the relationships as the reader must see them. */
export function readerSheets(
  workbookXml: string,
  relsXml: string,
  has: (name: string) => boolean,
): { sheets: ReaderSheet[]; rels: string } {
  const parts = new WorkbookParts('xl/workbook.xml', workbookXml, relsXml, '', has);
  const sheets: ReaderSheet[] = [];
  const targets = new Map<string, string>();
  parts.sheets.forEach((sheet, k) => {
    if (!sheet.worksheet) return;
    const readerPart = `xl/worksheets/sheet${k + 1}.xml`;
    sheets.push({ name: sheet.name, part: sheet.part, entry: has(sheet.part) ? sheet.part : undefined, readerPart });
    targets.set(sheet.relId, readerPart.slice('xl/'.length));
  });
  const rels = relsXml.replace(/<(?:\w+:)?Relationship\b[^>]*>/g, (tag) => {
    const target = targets.get(attribute(tag, 'Id') ?? '');
    return target === undefined ? tag : tag.replace(/(\sTarget\s*=\s*)(?:"[^"]*"|'[^']*')/, `$1"${target}"`);
  });
  return { sheets, rels };
}
