/**
 * A section's data rows: headings bound to columns, required columns checked,
 * per-row column access, and rows grouped under a head row.
 */
import type { LocalizedText } from '../model';
import type { Cell } from '../values/cell';
import { matchWord, REQUIRED_COLUMNS, SECTIONS, heading } from './layout';
import { isBlankCell } from './text';
import { type DataRow, type Section, Reader, lastSegment } from './reader';

/** Maps the header row's headings to columns and turns raw rows into data rows. */
export function bindColumns(reader: Reader, section: Section): void {
  const spec = SECTIONS[section.key];
  if (section.header === undefined) {
    reader.syntax('', section.index, 0, 'sheet.missing-header', { text: heading(spec) });
    return;
  }
  const words = Object.fromEntries(spec.columns.map((c) => [c.key, c])) as Record<string, { en: string; zh: string }>;
  const columns = new Map<string, number>();
  const { index, cells } = section.header;
  cells.forEach((cell, c) => {
    if (isBlankCell(cell)) return;
    const key = matchWord(String(cell), words);
    if (key === undefined) reader.syntax('', index, c, 'sheet.unknown-heading', { text: String(cell) });
    else if (columns.has(key)) reader.syntax('', index, c, 'sheet.duplicate-heading', { text: String(cell) });
    else columns.set(key, c);
  });
  for (const { index: rowIndex, cells: row } of section.raw) {
    row.forEach((cell, c) => {
      if (!isBlankCell(cell) && !isBoundColumn(columns, c)) reader.syntax('', rowIndex, c, 'sheet.stray-cell');
    });
    section.rows.push({ index: rowIndex, cells: row, columns });
  }
}

function isBoundColumn(columns: Map<string, number>, c: number): boolean {
  for (const value of columns.values()) if (value === c) return true;
  return false;
}

/** Column access for a data row; `col` is -1 for a column the header lacks. */
export function cellOfRow(row: DataRow, key: string): { cell: Cell; col: number } {
  const col = row.columns.get(key);
  return col === undefined ? { cell: undefined, col: -1 } : { cell: row.cells[col], col };
}

export function requireColumns(reader: Reader, section: Section): boolean {
  const keys = REQUIRED_COLUMNS[section.key];
  if (section.header === undefined) return false;
  const columns = section.rows[0]?.columns ?? new Map<string, number>();
  let ok = true;
  if (section.rows.length === 0) return true;
  for (const key of keys) {
    if (!columns.has(key)) {
      const spec = SECTIONS[section.key].columns.find((c) => c.key === key);
      reader.problem('missing-field', '', section.header.index, 0, { field: spec ? heading(spec) : key });
      ok = false;
    }
  }
  return ok;
}

/** Helpers bound to one data row. */
export function rowReader(reader: Reader, row: DataRow) {
  const get = (key: string) => cellOfRow(row, key);
  return {
    word(key: string, path: string, required = false): string | undefined {
      const { cell, col } = get(key);
      const value = col < 0 ? undefined : reader.word(cell, path, row.index, col);
      if (value !== undefined) reader.at(path, row.index, col);
      else if (required && !hasProblemAt(reader, row.index, col))
        reader.problem('missing-field', path, row.index, Math.max(col, 0), { field: lastSegment(path) });
      return value;
    },
    text(key: string, path: string): string | undefined {
      const { cell, col } = get(key);
      const value = col < 0 ? undefined : reader.text(cell, path, row.index, col)?.text;
      if (value !== undefined) reader.at(path, row.index, col);
      return value;
    },
    number(key: string, path: string, required = false): number | undefined {
      const { cell, col } = get(key);
      const value = col < 0 ? undefined : reader.number(cell, path, row.index, col);
      if (value !== undefined) reader.at(path, row.index, col);
      else if (required && !hasProblemAt(reader, row.index, col))
        reader.problem('missing-field', path, row.index, Math.max(col, 0), { field: lastSegment(path) });
      return value;
    },
    localized(en: string, zh: string, path: string): LocalizedText | undefined {
      const e = get(en);
      const z = get(zh);
      return reader.localized(e.cell, z.cell, path, row.index, Math.max(e.col, 0), Math.max(z.col, 0));
    },
    list(key: string, path: string): string[] | undefined {
      const { cell, col } = get(key);
      return col < 0 ? undefined : reader.list(cell, path, row.index, col);
    },
    blank(key: string): boolean {
      return isBlankCell(get(key).cell);
    },
    col(key: string): number {
      return Math.max(get(key).col, 0);
    },
  };
}

function hasProblemAt(reader: Reader, index: number, col: number): boolean {
  const address = reader.addr(index, Math.max(col, 0));
  return reader.problems.some((p) => p.cell === address);
}

/** Rows grouped by a head row whose `key` column is filled; continuation rows leave it blank. */
export function groupRows(
  reader: Reader,
  section: Section,
  key: string,
  path: string,
): Array<{ head: DataRow; rows: DataRow[] }> {
  const groups: Array<{ head: DataRow; rows: DataRow[] }> = [];
  for (const row of section.rows) {
    if (!isBlankCell(cellOfRow(row, key).cell)) groups.push({ head: row, rows: [row] });
    else if (groups.length > 0) (groups[groups.length - 1] as { rows: DataRow[] }).rows.push(row);
    else {
      const spec = SECTIONS[section.key].columns.find((c) => c.key === key);
      reader.syntax(path, row.index, 0, 'sheet.orphan-row', { column: spec ? heading(spec) : key });
    }
  }
  return groups;
}
