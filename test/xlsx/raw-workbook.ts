/**
 * Hand-built .xlsx files of raw parts, for workbooks Excel would not write itself: sheets at any part
 * path under any relationship target, names Excel refuses, inline strings, no styles part.
 */
import { zipArchive } from '../hostile/support';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006';

export const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`);
const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export interface RawSheet {
  /** As written in workbook.xml, escaped there (so names Excel itself would refuse too). */
  name: string;
  /** The part's path in the archive; undefined: the relationship names a part the archive lacks. */
  part: string | undefined;
  /** The relationship's Target, relative to xl/ or absolute. */
  target: string;
  rows: ReadonlyArray<ReadonlyArray<string | number>>;
}

/** A sheet's XML: the rows from A1, texts as inline strings. */
export function sheetXml(rows: RawSheet['rows']): Buffer {
  const cell = (ref: string, v: string | number) =>
    typeof v === 'number'
      ? `<c r="${ref}"><v>${v}</v></c>`
      : `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`;
  const body = rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((v, c) => cell(`${String.fromCharCode(65 + c)}${r + 1}`, v)).join('')}</row>`,
    )
    .join('');
  return xml(`<worksheet xmlns="${MAIN}"><sheetData>${body}</sheetData></worksheet>`);
}

/** A workbook of `sheets` in order, no styles.xml; `extra` parts added as they are (a calcChain.xml is related). */
export function rawWorkbook(sheets: readonly RawSheet[], extra: Array<{ name: string; data: Buffer }> = []): Buffer {
  const calc = extra.some((p) => p.name === 'xl/calcChain.xml');
  const overrides = sheets
    .flatMap((s) => (s.part ? [`/${s.part}`] : []))
    .map(
      (part) =>
        `<Override PartName="${escapeXml(part)}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  const calcType = calc
    ? '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>'
    : '';
  const sheetElements = sheets
    .map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const rels = sheets
    .map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${escapeXml(s.target)}"/>`)
    .join('');
  const calcRel = calc
    ? `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/calcChain" Target="calcChain.xml"/>`
    : '';
  return zipArchive([
    {
      name: '[Content_Types].xml',
      data: xml(
        `<Types xmlns="${PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}${calcType}</Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="${PKG}/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(`<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetElements}</sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(`<Relationships xmlns="${PKG}/relationships">${rels}${calcRel}</Relationships>`),
    },
    ...sheets.flatMap((s) => (s.part ? [{ name: s.part, data: sheetXml(s.rows) }] : [])),
    ...extra,
  ]);
}
