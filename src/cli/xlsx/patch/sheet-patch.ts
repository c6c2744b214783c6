/**
 * The graded sheet's XML rewritten as it streams by: each row of the input kept as written, with
 * Tierwise's cells put in their columns (a previous grading's cells there replaced), rows the input
 * leaves out added where Tierwise has cells, the dimension widened, and the tier conditional formats
 * added after the sheet's own. Nothing else of the sheet is touched.
 */
import { columnLetters } from '../../../engine/sheet-form/text';

export interface SheetPatch {
  /** Tierwise's cells for a 1-based row, as XML (empty or undefined: none). */
  cellsOf(row: number): string | undefined;
  /** First and last 1-based rows that have Tierwise cells. */
  firstRow: number;
  lastRow: number;
  /** 1-based columns Tierwise writes: [firstColumn, lastColumn]. */
  firstColumn: number;
  lastColumn: number;
  /** Columns of a previous grading (1-based, inclusive) whose cells are replaced; lastColumn - 1 when none beyond ours. */
  replacedTo: number;
  /** The <conditionalFormatting> elements to add (priority attributes are renumbered after the sheet's own). */
  conditionalFormats: string;
}

/** A cell of the input stands where Tierwise writes: the patch stops rather than write over it. */
export class SheetCellConflict extends Error {
  constructor(readonly cell: string) {
    super(`the cell ${cell} holds a value in a column Tierwise writes to`);
  }
}

/** After sheetData, the elements the tier formats must precede (schema order of CT_Worksheet). */
const AFTER_CONDITIONAL_FORMATS = [
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The sheet's XML text in pieces, patched. */
export async function* patchSheet(xml: AsyncIterable<string>, patch: SheetPatch): AsyncGenerator<string> {
  let buffer = '';
  let phase: 'head' | 'rows' | 'tail' = 'head';
  let prefix = '';
  let nextOwnRow = patch.firstRow;
  let lastRowSeen = 0;

  const ownRowsBefore = (limit: number): string => {
    let out = '';
    for (; nextOwnRow < limit && nextOwnRow <= patch.lastRow; nextOwnRow++) {
      const cells = patch.cellsOf(nextOwnRow);
      if (cells) out += `<${prefix}row r="${nextOwnRow}">${withPrefix(cells, prefix)}</${prefix}row>`;
    }
    return out;
  };

  const pieces = xml[Symbol.asyncIterator]();
  while (phase !== 'tail') {
    const piece = await pieces.next();
    if (piece.done) break;
    buffer += piece.value;
    if (phase === 'head') {
      const root = /<(\w+:)?worksheet\b/.exec(buffer);
      if (!root) continue;
      prefix = root[1] ?? '';
      const open = new RegExp(`<${prefix}sheetData\\b[^>]*?(/?)>`).exec(buffer);
      if (!open) continue;
      const head = widenDimension(buffer.slice(0, open.index), patch, prefix);
      if (open[1] === '/') {
        yield `${head}<${prefix}sheetData>${ownRowsBefore(Number.POSITIVE_INFINITY)}</${prefix}sheetData>`;
        buffer = buffer.slice(open.index + open[0].length);
        phase = 'tail';
      } else {
        yield head + open[0];
        buffer = buffer.slice(open.index + open[0].length);
        phase = 'rows';
      }
    }
    if (phase === 'rows') {
      const rowPattern = new RegExp(
        `<${prefix}row\\b[^>]*?/>|<${prefix}row\\b[^>]*>[\\s\\S]*?</${prefix}row>|</${prefix}sheetData>`,
        'g',
      );
      let out = '';
      let consumed = 0;
      for (let m = rowPattern.exec(buffer); m; m = rowPattern.exec(buffer)) {
        out += buffer.slice(consumed, m.index);
        consumed = m.index + m[0].length;
        if (m[0].startsWith('</')) {
          out += ownRowsBefore(Number.POSITIVE_INFINITY) + m[0];
          phase = 'tail';
          break;
        }
        const open = /^<[^>]*?\/?>/.exec(m[0])![0];
        const number = Number(/\sr="(\d+)"/.exec(open)?.[1] ?? lastRowSeen + 1);
        lastRowSeen = number;
        out += ownRowsBefore(number);
        out += patchRow(m[0], number, patch, prefix);
        if (nextOwnRow === number) nextOwnRow++;
      }
      buffer = buffer.slice(consumed);
      if (out) yield out;
    }
  }
  if (phase !== 'tail') throw new Error('the sheet ends before its rows do');
  yield* tailWithConditionalFormats(buffer, pieces, patch.conditionalFormats, prefix);
}

function withPrefix(cells: string, prefix: string): string {
  if (!prefix) return cells;
  return cells.replace(/<(\/?)(c|v|f|is|t)\b/g, `<$1${prefix}$2`);
}

/** One input row with Tierwise's cells in their columns. */
function patchRow(row: string, number: number, patch: SheetPatch, prefix: string): string {
  const own = number >= patch.firstRow && number <= patch.lastRow ? patch.cellsOf(number) : undefined;
  const selfClosing = /^<[^>]*\/>$/.test(row);
  const openTag = /^<[^>]*?>/.exec(row)![0];
  if (!own && !hasCellsIn(row, patch, prefix, number)) return row;
  const tag = openTag.replace(/\s+spans="[^"]*"/, '').replace(/\s*\/>$/, '>');
  const body = selfClosing ? '' : row.slice(openTag.length, row.length - `</${prefix}row>`.length);
  const cellPattern = new RegExp(`<${prefix}c\\b[^>]*?/>|<${prefix}c\\b[^>]*>[\\s\\S]*?</${prefix}c>`, 'g');
  let before = '';
  let after = '';
  let column = 0;
  let consumed = 0;
  for (let m = cellPattern.exec(body); m; m = cellPattern.exec(body)) {
    const between = body.slice(consumed, m.index);
    consumed = m.index + m[0].length;
    const ref = /^<[^>]*\sr="([A-Za-z]+)\d*"/.exec(m[0])?.[1];
    column = ref ? columnNumber(ref) : column + 1;
    if (column < patch.firstColumn) before += between + m[0];
    else if (column <= patch.replacedTo) continue;
    else if (column <= patch.lastColumn) throw new SheetCellConflict(`${columnLetters(column - 1)}${number}`);
    else after += between + m[0];
  }
  const rest = body.slice(consumed);
  return `${tag}${before}${withPrefix(own ?? '', prefix)}${after}${rest}</${prefix}row>`;
}

/** Whether a row has cells in Tierwise's columns (to replace, or to stop at). */
function hasCellsIn(row: string, patch: SheetPatch, prefix: string, number: number): boolean {
  for (const m of row.matchAll(new RegExp(`<${prefix}c\\b[^>]*?\\sr="([A-Za-z]+)\\d*"`, 'g'))) {
    const column = columnNumber(m[1]!);
    if (column >= patch.firstColumn && column <= Math.max(patch.lastColumn, patch.replacedTo)) return true;
  }
  // Cells without an address: count them as the rewrite does.
  if (new RegExp(`<${prefix}c\\b(?![^>]*\\sr=)`).test(row)) return number > 0;
  return false;
}

/** <dimension ref="A1:C9"> widened to cover Tierwise's cells. */
function widenDimension(head: string, patch: SheetPatch, prefix: string): string {
  return head.replace(new RegExp(`(<${prefix}dimension\\b[^>]*\\sref=")([^"]*)(")`), (_, open, ref: string, close) => {
    const [from = 'A1', to = from] = ref.split(':');
    const a = /^([A-Za-z]+)(\d+)$/.exec(from);
    const b = /^([A-Za-z]+)(\d+)$/.exec(to);
    if (!a || !b) return `${open}${ref}${close}`;
    const lastColumn = Math.max(columnNumber(b[1]!), patch.lastColumn);
    const lastRow = Math.max(Number(b[2]), patch.lastRow);
    const firstRow = Math.min(Number(a[2]), patch.firstRow);
    const firstColumn = Math.min(columnNumber(a[1]!), patch.firstColumn);
    return `${open}${columnLetters(firstColumn - 1)}${firstRow}:${columnLetters(lastColumn - 1)}${lastRow}${close}`;
  });
}

/**
 * The tier formats put after the sheet's own conditional formats, with priorities after theirs; one the
 * same as ours (a previous grading's, same range and rules) is replaced. Streams: the part after the rows
 * can be large (a sheet's hyperlinks, or a hostile file's padding), so only what is undecided is held.
 */
async function* tailWithConditionalFormats(
  first: string,
  rest: AsyncIterator<string>,
  formats: string,
  prefix: string,
): AsyncGenerator<string> {
  const withoutPriority = (xml: string): string => xml.replace(/\s+priority="\d+"/g, '');
  const own = withoutPriority(withPrefixCf(formats, prefix));
  const later = AFTER_CONDITIONAL_FORMATS.map((name) => `${prefix}${name}\\b`).join('|');
  const next = new RegExp(`<(?:${prefix}conditionalFormatting\\b|${later})|</${prefix}worksheet>`);
  const blockEnd = `</${prefix}conditionalFormatting>`;
  /** Held back when nothing is found: a tag name cut in two by a piece boundary. */
  const HOLD = 64;
  let buffer = first;
  let done = !formats;
  let priority = 0;
  let ended = false;
  for (;;) {
    let out = '';
    while (!done) {
      const m = next.exec(buffer);
      if (!m) {
        const cut = ended ? buffer.length : Math.max(0, buffer.length - HOLD);
        out += buffer.slice(0, cut);
        buffer = buffer.slice(cut);
        break;
      }
      if (m[0].startsWith(`<${prefix}conditionalFormatting`)) {
        const end = buffer.indexOf(blockEnd, m.index);
        if (end < 0 && !ended) {
          out += buffer.slice(0, m.index);
          buffer = buffer.slice(m.index);
          break;
        }
        const stop = end < 0 ? buffer.length : end + blockEnd.length;
        const block = buffer.slice(m.index, stop);
        const previous = withoutPriority(block) === own;
        if (!previous)
          for (const p of block.matchAll(/\spriority="(\d+)"/g)) priority = Math.max(priority, Number(p[1]));
        out += buffer.slice(0, m.index) + (previous ? '' : block);
        buffer = buffer.slice(stop);
        continue;
      }
      const renumbered = withPrefixCf(formats, prefix).replace(/\spriority="\d+"/g, () => ` priority="${++priority}"`);
      out += buffer.slice(0, m.index) + renumbered;
      buffer = buffer.slice(m.index);
      done = true;
    }
    if (done) {
      out += buffer;
      buffer = '';
    }
    if (out) yield out;
    if (ended) return;
    const piece = await rest.next();
    if (piece.done) ended = true;
    else buffer += piece.value;
  }
}

function withPrefixCf(xml: string, prefix: string): string {
  if (!prefix) return xml;
  return xml.replace(/<(\/?)(conditionalFormatting|cfRule|formula)\b/g, `<$1${prefix}$2`);
}
