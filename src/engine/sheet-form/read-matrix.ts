/** A matrix method from the sheet form: its two axes, the grid of cells and optional thresholds. */
import type { AxisBand, MatrixAxis, Method, MatrixMethod } from '../model';
import type { Cell } from '../values/cell';
import { SECTIONS, TITLE_KEYS, heading, type SectionKey, type TitleKey } from './layout';
import { isBlankCell } from './text';
import { readBand, readThresholds } from './read-bands';
import { OUTPUTS } from './read-inputs';
import { type Section, Reader } from './reader';
import { cellOfRow, requireColumns, rowReader } from './section-rows';

function readAxis(reader: Reader, section: Section | undefined, input: string, path: string): MatrixAxis {
  const bands: AxisBand[] = [];
  if (section !== undefined && requireColumns(reader, section)) {
    section.rows.forEach((row, i) => {
      const r = rowReader(reader, row);
      const bandPath = `${path}.bands[${i}]`;
      reader.at(bandPath, row.index, 0);
      const id = r.word('id', `${bandPath}.id`, true) ?? '';
      const matchCell = cellOfRow(row, 'match');
      const match = readBand(reader, input, matchCell.cell, bandPath, row.index, matchCell.col);
      const band: AxisBand = { id, match: match ?? { values: [] } };
      const label = r.localized('labelEn', 'labelZh', `${bandPath}.label`);
      if (label !== undefined) band.label = label;
      bands.push(band);
    });
  }
  return { input, bands };
}

export function readMatrix(
  reader: Reader,
  title: Map<TitleKey, { index: number; cells: Cell[] }>,
  sections: Map<SectionKey, Section>,
  end: number,
): Method {
  const titleWord = (key: TitleKey, path: string): string | undefined => {
    const entry = title.get(key);
    const value = entry ? reader.word(entry.cells[1], path, entry.index, 1) : undefined;
    if (value === undefined) {
      if (!entry || isBlankCell(entry.cells[1]))
        reader.problem('missing-field', path, entry?.index ?? end, entry ? 1 : 0, { field: heading(TITLE_KEYS[key]) });
    } else if (entry) reader.at(path, entry.index, 1);
    return value;
  };
  const rowsInput = titleWord('rowsInput', 'method.rows.input') ?? '';
  const columnsInput = titleWord('columnsInput', 'method.columns.input') ?? '';
  const outputEntry = title.get('output');
  let output: 'tier' | 'score' | undefined;
  if (outputEntry === undefined || isBlankCell(outputEntry.cells[1])) {
    reader.problem('missing-field', 'method.output', outputEntry?.index ?? end, outputEntry ? 1 : 0, {
      field: 'output',
    });
  } else {
    output = reader.keyword(outputEntry.cells[1], OUTPUTS, 'method.output', outputEntry.index, 1);
    reader.at('method.output', outputEntry.index, 1);
  }
  const missing = (key: SectionKey, path: string): Section | undefined => {
    const section = sections.get(key);
    if (section === undefined) reader.problem('missing-field', path, end, 0, { field: heading(SECTIONS[key]) });
    return section;
  };
  const rows = readAxis(reader, missing('matrixRows', 'method.rows'), rowsInput, 'method.rows');
  const columns = readAxis(reader, missing('matrixColumns', 'method.columns'), columnsInput, 'method.columns');
  const grid = missing('matrix', 'method.cells');
  const cells: Array<Array<string | number>> = rows.bands.map(() => []);
  if (grid?.header !== undefined) {
    // Header: column band ids from column B on.
    const columnAt: number[] = [];
    const header = grid.header;
    header.cells.forEach((cell, c) => {
      if (c === 0) return;
      if (isBlankCell(cell)) return;
      const id = reader.word(cell, 'method.cells', header.index, c);
      const index = columns.bands.findIndex((band) => band.id === id);
      if (index < 0 || columnAt.includes(index)) {
        reader.syntax('method.cells', header.index, c, 'sheet.matrix-header', { text: id ?? '', axis: 'columns' });
        return;
      }
      columnAt[c] = index;
    });
    const seenRows = new Set<number>();
    for (const { index, cells: row } of grid.raw) {
      const id = reader.word(row[0], 'method.cells', index, 0);
      const r = rows.bands.findIndex((band) => band.id === id);
      if (r < 0 || seenRows.has(r)) {
        reader.syntax('method.cells', index, 0, 'sheet.matrix-header', { text: id ?? '', axis: 'rows' });
        continue;
      }
      seenRows.add(r);
      for (let c = 1; c < Math.max(row.length, header.cells.length); c++) {
        const cell = row[c];
        const target = columnAt[c];
        if (target === undefined) {
          if (!isBlankCell(cell)) reader.syntax('method.cells', index, c, 'sheet.stray-cell');
          continue;
        }
        const path = `method.cells[${r}][${target}]`;
        reader.at(path, index, c);
        reader.at(`method.cells[${r}]`, index, 0);
        const value = readMatrixCell(reader, cell, output, path, index, c);
        if (value !== undefined) (cells[r] as Array<string | number>)[target] = value;
      }
    }
    rows.bands.forEach((_, r) => {
      if (!seenRows.has(r)) {
        reader.problem('matrix-shape', `method.cells[${r}]`, grid.raw.at(-1)?.index ?? header.index, 0, {
          rows: rows.bands.length,
          columns: columns.bands.length,
        });
      }
    });
    reader.at('method.cells', header.index, 0);
  }
  const method: MatrixMethod = { kind: 'matrix', rows, columns, cells, output: output ?? 'tier' };
  const thresholdsSection = sections.get('thresholds');
  if (thresholdsSection !== undefined)
    method.thresholds = readThresholds(reader, thresholdsSection, 'method.thresholds');
  return method;
}

function readMatrixCell(
  reader: Reader,
  cell: Cell,
  output: 'tier' | 'score' | undefined,
  path: string,
  index: number,
  column: number,
): string | number | undefined {
  if (isBlankCell(cell)) {
    reader.problem('missing-field', path, index, column, { field: 'cell' });
    return undefined;
  }
  if (typeof cell === 'number') return cell;
  if (output === 'score') return reader.number(cell, path, index, column);
  return reader.word(cell, path, index, column);
}
