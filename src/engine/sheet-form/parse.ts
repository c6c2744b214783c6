/**
 * Reads the sheet form (see print.ts for the layout) back into a GradingTable.
 * Tolerant in what people type (spaces, full-width forms, Chinese headings,
 * numbers as text, blank rows), strict about structure: every problem is a
 * TableProblem with the cell it is at. Semantic checks (band gaps, unknown
 * tiers ...) are compileTable's; `cellOf` places its problems on the sheet.
 */
import { type GradingTable, type LocalizedText, type Method, type MethodKind, TABLE_FORMAT } from '../model';
import type { TableProblem } from '../errors';
import type { Cell } from '../values/cell';
import {
  MARKER,
  MARKER_ZH,
  matchWord,
  METHOD_TITLE_KEYS,
  SECTION_ORDER,
  SECTIONS,
  SHEET_LIMITS,
  sheetTableVersion,
  TITLE_KEYS,
  VERSION_KEY,
  heading,
  type SectionKey,
  type TitleKey,
  type Word,
} from './layout';
import { isBlankCell, normalizeWord } from './text';
import { readAbc } from './read-abc';
import { readInputs } from './read-inputs';
import { readMatrix } from './read-matrix';
import { readRfm } from './read-rfm';
import { readRules } from './read-rules';
import { readScorecard } from './read-scorecard';
import { readTiers } from './read-tiers';
import { type SheetOrigin, type Section, Reader, readDate } from './reader';
import { bindColumns } from './section-rows';

export type { SheetOrigin } from './reader';

export type SheetParseResult =
  | { ok: true; table: GradingTable; cellOf: (jsonPath: string) => string | undefined }
  | { ok: false; problems: TableProblem[] };

const METHOD_KINDS: Record<MethodKind, string[]> = {
  scorecard: ['scorecard', '评分卡'],
  rules: ['rules', '规则'],
  matrix: ['matrix', '矩阵'],
  rfm: ['rfm'],
  abc: ['abc', 'pareto', 'ABC 分析', '帕累托'],
};

/** Trailing blank rows and columns dropped; rows copied so that indexing is safe. */
function normalizeGrid(cells: ArrayLike<ArrayLike<Cell>>): { grid: Cell[][]; width: number; rawRows: number } {
  let last = cells.length - 1;
  while (last >= 0 && rowIsBlank(cells[last])) last--;
  const grid: Cell[][] = [];
  let width = 0;
  for (let r = 0; r <= last; r++) {
    const row = cells[r];
    const copy: Cell[] = [];
    if (row) {
      let end = row.length - 1;
      while (end >= 0 && isBlankCell(row[end])) end--;
      for (let c = 0; c <= end; c++) copy.push(row[c]);
      width = Math.max(width, end + 1);
    }
    grid.push(copy);
    if (width > SHEET_LIMITS.columns) break;
  }
  return { grid, width, rawRows: last + 1 };
}

function rowIsBlank(row: ArrayLike<Cell> | undefined): boolean {
  if (!row) return true;
  for (let c = 0; c < row.length; c++) if (!isBlankCell(row[c])) return false;
  return true;
}

function blankFrom(row: Cell[], from: number): boolean {
  for (let c = from; c < row.length; c++) if (!isBlankCell(row[c])) return false;
  return true;
}

/**
 * Reads a grading table from its sheet form. `origin` is where cells[0][0] is
 * on its sheet (0-based), so problems name real cells ("Rules!B12").
 * Never throws for bad data: problems come back as values.
 */
export function parseSheetTable(cells: ArrayLike<ArrayLike<Cell>>, origin?: SheetOrigin): SheetParseResult {
  const place: SheetOrigin = origin ?? { row: 0, column: 0 };
  if (cells.length > SHEET_LIMITS.rows * 4) {
    const reader = new Reader([], place);
    reader.syntax('', SHEET_LIMITS.rows, 0, 'sheet.too-big', {
      found: cells.length,
      what: 'rows',
      limit: SHEET_LIMITS.rows,
    });
    return { ok: false, problems: reader.problems };
  }
  const { grid, width, rawRows } = normalizeGrid(cells);
  const reader = new Reader(grid, place);
  if (rawRows > SHEET_LIMITS.rows || width > SHEET_LIMITS.columns) {
    const rows = rawRows > SHEET_LIMITS.rows;
    reader.problem('too-many', '', rows ? SHEET_LIMITS.rows : 0, rows ? 0 : SHEET_LIMITS.columns, {
      limit: rows ? SHEET_LIMITS.rows : SHEET_LIMITS.columns,
      found: rows ? rawRows : width,
    });
    return { ok: false, problems: reader.problems };
  }
  const first = grid[0] ?? [];
  const marker = reader.word(first[0], '', 0, 0);
  if (marker === undefined || ![MARKER, MARKER_ZH].some((m) => normalizeWord(m) === normalizeWord(marker))) {
    reader.problem('bad-format', 'format', 0, 0, { expected: MARKER });
    return { ok: false, problems: reader.problems };
  }
  const versionColumn = matchWord(String(first[1] ?? ''), { v: VERSION_KEY }) === 'v' ? 2 : 1;
  const version = reader.number(first[versionColumn], 'version', 0, versionColumn);
  if (version === undefined) {
    if (reader.problems.length === 0)
      reader.problem('missing-field', 'version', 0, versionColumn, { field: 'version' });
    return { ok: false, problems: reader.problems };
  }
  reader.at('version', 0, versionColumn);
  if (!Number.isInteger(version) || version < 1) {
    reader.problem('bad-number', 'version', 0, versionColumn, { value: version });
    return { ok: false, problems: reader.problems };
  }
  if (version > sheetTableVersion) {
    reader.problem('unsupported-version', 'version', 0, versionColumn, {
      found: version,
      supported: sheetTableVersion,
    });
    return { ok: false, problems: reader.problems };
  }

  // Split into the title block and sections.
  const title = new Map<TitleKey, { index: number; cells: Cell[] }>();
  const sections = new Map<SectionKey, Section>();
  let current: Section | undefined;
  for (let i = 1; i < grid.length; i++) {
    const row = grid[i] as Cell[];
    if (row.length === 0 || blankFrom(row, 0)) continue;
    const head = typeof row[0] === 'string' ? row[0] : '';
    let sectionKey = head !== '' && blankFrom(row, 1) ? matchWord(head, SECTIONS) : undefined;
    // A segment with no ranges is a lone tier id, which may read as a section name ("Tiers").
    if (sectionKey !== undefined && current?.key === 'segments' && current.header !== undefined) {
      if (!headerFollows(grid, i, sectionKey)) sectionKey = undefined;
    }
    if (sectionKey !== undefined) {
      if (sections.has(sectionKey)) {
        reader.syntax('', i, 0, 'sheet.duplicate-section', { text: heading(SECTIONS[sectionKey]) });
        current = undefined;
        continue;
      }
      current = { key: sectionKey, index: i, rows: [], raw: [] };
      sections.set(sectionKey, current);
      continue;
    }
    if (current === undefined) {
      const key = matchWord(String(row[0] ?? ''), TITLE_KEYS);
      if (key === undefined) {
        const text = String(row[0] ?? '');
        reader.syntax('', i, 0, blankFrom(row, 1) && text !== '' ? 'sheet.unknown-section' : 'sheet.unknown-key', {
          text,
        });
      } else if (title.has(key)) reader.syntax('', i, 0, 'sheet.duplicate-key', { text: heading(TITLE_KEYS[key]) });
      else title.set(key, { index: i, cells: row });
      continue;
    }
    if (current.header === undefined) {
      current.header = { index: i, cells: row };
      continue;
    }
    if (current.key !== 'matrix' && typeof row[0] === 'string' && blankFrom(row, 1) && /[\s/]/.test(row[0].trim())) {
      reader.syntax('', i, 0, 'sheet.unknown-section', { text: row[0].trim() });
      continue;
    }
    current.raw.push({ index: i, cells: row });
  }

  const end = grid.length;
  const titleCell = (key: TitleKey, column = 1): { cell: Cell; index: number; column: number } | undefined => {
    const entry = title.get(key);
    return entry ? { cell: entry.cells[column], index: entry.index, column } : undefined;
  };
  const requireTitle = (key: TitleKey, path: string): { cell: Cell; index: number; column: number } => {
    const entry = titleCell(key);
    if (entry === undefined || isBlankCell(entry.cell)) {
      const index = entry?.index ?? firstSectionIndex(sections, end);
      reader.problem('missing-field', path, index, entry ? 1 : 0, { field: path });
      return { cell: undefined, index, column: 1 };
    }
    reader.at(path, entry.index, 1);
    return entry;
  };

  const idCell = requireTitle('id', 'id');
  const id = reader.word(idCell.cell, 'id', idCell.index, 1);
  const nameEntry = title.get('name');
  let name: LocalizedText | undefined;
  if (nameEntry === undefined) {
    reader.problem('missing-field', 'name', firstSectionIndex(sections, end), 0, { field: 'name' });
  } else {
    name = reader.localized(nameEntry.cells[1], nameEntry.cells[2], 'name', nameEntry.index, 1, 2);
    if (name === undefined && isBlankCell(nameEntry.cells[1]))
      reader.problem('missing-field', 'name.en', nameEntry.index, 1, { field: 'name' });
  }
  const descEntry = title.get('description');
  const description = descEntry
    ? reader.localized(descEntry.cells[1], descEntry.cells[2], 'description', descEntry.index, 1, 2)
    : undefined;
  const categoryEntry = titleCell('category');
  const category = categoryEntry
    ? reader.text(categoryEntry.cell, 'category', categoryEntry.index, 1)?.text
    : undefined;
  if (categoryEntry && category !== undefined) reader.at('category', categoryEntry.index, 1);
  const methodCell = requireTitle('method', 'method.kind');
  const kind = reader.keyword(methodCell.cell, METHOD_KINDS, 'method.kind', methodCell.index, 1);
  if (kind === undefined) return { ok: false, problems: reader.problems };
  reader.at('method', methodCell.index, 1);

  for (const [key, entry] of title) {
    const common: TitleKey[] = ['id', 'name', 'description', 'category', 'method'];
    if (!common.includes(key) && !METHOD_TITLE_KEYS[kind].includes(key)) {
      reader.syntax('', entry.index, 0, 'sheet.section-not-for-method', {
        text: heading(TITLE_KEYS[key]),
        method: kind,
      });
    }
  }
  for (const section of sections.values()) {
    const allowed = SECTION_ORDER.find((s) => s.key === section.key)?.methods ?? 'all';
    if (allowed !== 'all' && !allowed.includes(kind)) {
      reader.syntax('', section.index, 0, 'sheet.section-not-for-method', {
        text: heading(SECTIONS[section.key]),
        method: kind,
      });
    }
    if (section.key !== 'matrix' && section.key !== 'breakpoints') bindColumns(reader, section);
    else if (section.header === undefined) {
      reader.syntax('', section.index, 0, 'sheet.missing-header', { text: heading(SECTIONS[section.key]) });
    }
  }

  const need = (key: SectionKey, path: string): Section | undefined => {
    const section = sections.get(key);
    if (section === undefined) reader.problem('missing-field', path, end, 0, { field: heading(SECTIONS[key]) });
    return section;
  };

  const inputs = readInputs(reader, need('inputs', 'inputs'), sections.get('values'));
  let method: Method | undefined;
  switch (kind) {
    case 'scorecard':
      method = readScorecard(
        reader,
        need('criteria', 'method.criteria'),
        sections.get('multipliers'),
        need('thresholds', 'method.thresholds'),
        title,
        sections,
      );
      break;
    case 'rules':
      method = readRules(reader, need('rules', 'method.rules'), title);
      break;
    case 'matrix':
      method = readMatrix(reader, title, sections, end);
      break;
    case 'rfm':
      method = readRfm(reader, title, sections, need('segments', 'method.segments'));
      break;
    case 'abc':
      method = readAbc(reader, title, need('cuts', 'method.cuts'), end);
      break;
  }
  const tiers = readTiers(reader, need('tiers', 'tiers'));

  if (reader.problems.length > 0 || id === undefined || name === undefined || method === undefined) {
    return { ok: false, problems: reader.problems };
  }
  const table: GradingTable = { format: TABLE_FORMAT, version, id, name, inputs, method, tiers };
  if (kind !== 'rfm' && title.has('asOf')) {
    const entry = title.get('asOf')!;
    const asOf = readDate(reader, entry.cells[1], 'asOf', entry.index, 1);
    if (asOf !== undefined) {
      table.asOf = asOf;
      reader.at('asOf', entry.index, 1);
    }
  }
  if (description !== undefined) table.description = description;
  if (category !== undefined) table.category = category;
  const paths = reader.paths;
  const cellOf = (jsonPath: string): string | undefined => {
    let path = jsonPath;
    for (;;) {
      const found = paths.get(path);
      if (found !== undefined) return found;
      const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
      if (cut <= 0) return undefined;
      path = path.slice(0, cut);
    }
  };
  return { ok: true, table, cellOf };
}

/** Whether the next non-blank row after `index` is a row of column headings of the section. */
function headerFollows(grid: Cell[][], index: number, key: SectionKey): boolean {
  for (let i = index + 1; i < grid.length; i++) {
    const row = grid[i] as Cell[];
    if (blankFrom(row, 0)) continue;
    // The matrix grid's heading row starts with a blank corner cell; a segment row starts with its tier.
    if (key === 'matrix') return isBlankCell(row[0]);
    const words = Object.fromEntries(SECTIONS[key].columns.map((c) => [c.key, c])) as Record<string, Word>;
    // Two headings at least: a segment row holds one text (its tier id) at most.
    return row.filter((cell) => typeof cell === 'string' && matchWord(cell, words) !== undefined).length >= 2;
  }
  return false;
}

function firstSectionIndex(sections: Map<SectionKey, Section>, fallback: number): number {
  let min = fallback;
  for (const section of sections.values()) min = Math.min(min, section.index);
  return min;
}
