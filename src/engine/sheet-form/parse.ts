/**
 * Reads the sheet form (see print.ts for the layout) back into a GradingTable.
 * Tolerant in what people type (spaces, full-width forms, Chinese headings,
 * numbers as text, blank rows), strict about structure: every problem is a
 * TableProblem with the cell it is at. Semantic checks (band gaps, unknown
 * tiers ...) are compileTable's; `cellOf` places its problems on the sheet.
 */
import { fill } from '../../i18n';
import type {
  AxisBand,
  BandMatch,
  CategoryValue,
  ConditionNode,
  Criterion,
  GradingTable,
  InputDef,
  InputType,
  LocalizedText,
  MatrixAxis,
  Method,
  MethodKind,
  Multiplier,
  Rule,
  RulesMethod,
  ScorecardMethod,
  MatrixMethod,
  RfmMethod,
  RfmSegment,
  AbcCut,
  AbcMethod,
  Decay,
  ScoreBand,
  Threshold,
  Tier,
} from '../model';
import { TABLE_FORMAT, TABLE_LIMITS } from '../model';
import type { TableProblem, TableProblemCode } from '../errors';
import type { Cell } from '../values/cell';
import { parseBoolean, parseDate } from '../values/coerce';
import { sheetFormEnUS, type SheetFormMessageKey } from '../../i18n/sheet-form.en-US';
import { parseDecaySteps } from './decay-steps';
import {
  CAP_WORDS,
  CLOSED_WORDS,
  DIMENSION_WORDS,
  GROUP_WORDS,
  MARKER,
  MARKER_ZH,
  matchWord,
  METHOD_TITLE_KEYS,
  OPERATOR_WORDS,
  OTHERWISE_WORDS,
  TOP_SHARE_WORDS,
  REQUIRED_COLUMNS,
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
import { cellAddress, isBlankCell, normalizeWord, numberFromText, parseRange, splitList, unquoteText } from './text';

export type SheetParseResult =
  | { ok: true; table: GradingTable; cellOf: (jsonPath: string) => string | undefined }
  | { ok: false; problems: TableProblem[] };

export interface SheetOrigin {
  sheet?: string;
  /** 0-based row of cells[0][0] on its sheet. */
  row: number;
  /** 0-based column of cells[0][0] on its sheet. */
  column: number;
}

const MAX_PROBLEMS = 200;

/** One data row of a section: its block row index and its cells by column key. */
interface DataRow {
  index: number;
  cells: Cell[];
  columns: Map<string, number>;
}

interface Section {
  key: SectionKey;
  index: number;
  header?: { index: number; cells: Cell[] };
  rows: DataRow[];
  /** Raw rows (for the matrix grid and breakpoints, which have no fixed columns). */
  raw: Array<{ index: number; cells: Cell[] }>;
}

class Reader {
  readonly problems: TableProblem[] = [];
  readonly paths = new Map<string, string>();
  inputTypes = new Map<string, InputType>();

  constructor(
    readonly grid: Cell[][],
    readonly origin: SheetOrigin,
  ) {}

  addr(index: number, column: number): string {
    return cellAddress(this.origin.row + index, this.origin.column + column, this.origin.sheet);
  }

  at(path: string, index: number, column: number): void {
    if (!this.paths.has(path)) this.paths.set(path, this.addr(index, column));
  }

  problem(code: TableProblemCode, path: string, index: number, column: number, detail?: TableProblem['detail']): void {
    if (this.problems.length >= MAX_PROBLEMS) return;
    const problem: TableProblem = { code, path, cell: this.addr(index, column) };
    if (detail !== undefined) problem.detail = detail;
    this.problems.push(problem);
  }

  syntax(
    path: string,
    index: number,
    column: number,
    key: SheetFormMessageKey,
    params: Record<string, string | number> = {},
  ): void {
    const message = fill(sheetFormEnUS[key], params);
    this.problem('sheet-syntax', path, index, column, { message, key, ...params });
  }

  /** Text of a cell (numbers and booleans as Excel shows them), one leading apostrophe dropped. */
  text(cell: Cell, path: string, index: number, column: number): { text: string; quoted: boolean } | undefined {
    if (isBlankCell(cell)) return undefined;
    if (typeof cell === 'string') return unquoteText(cell);
    if (typeof cell === 'number') return { text: String(cell), quoted: false };
    if (typeof cell === 'boolean') return { text: cell ? 'TRUE' : 'FALSE', quoted: false };
    if (cell instanceof Date) return { text: cell.toISOString().slice(0, 10), quoted: false };
    if (cell && typeof cell === 'object' && 'error' in cell) {
      this.syntax(path, index, column, 'sheet.cell-error', { value: String(cell.error) });
      return undefined;
    }
    return undefined;
  }

  /** An id or keyword: full-width folded and trimmed. */
  word(cell: Cell, path: string, index: number, column: number): string | undefined {
    const t = this.text(typeof cell === 'string' ? cell.normalize('NFKC').trim() : cell, path, index, column);
    return t === undefined ? undefined : t.text.trim();
  }

  number(cell: Cell, path: string, index: number, column: number): number | undefined {
    if (isBlankCell(cell)) return undefined;
    let n = Number.NaN;
    if (typeof cell === 'number') n = cell;
    else if (typeof cell === 'string') n = numberFromText(unquoteText(cell).text);
    else if (cell && typeof cell === 'object' && 'error' in cell) {
      this.syntax(path, index, column, 'sheet.cell-error', { value: String(cell.error) });
      return undefined;
    }
    if (!Number.isFinite(n)) {
      this.problem('bad-number', path, index, column, { value: String(cell) });
      return undefined;
    }
    return n;
  }

  boolean(cell: Cell, path: string, index: number, column: number): boolean | undefined {
    if (isBlankCell(cell)) return undefined;
    if (typeof cell === 'boolean') return cell;
    const t = this.word(cell, path, index, column);
    if (t === undefined) return undefined;
    const b = booleanWord(t);
    if (b === undefined) this.syntax(path, index, column, 'sheet.bad-boolean', { value: t });
    return b;
  }

  keyword<K extends string>(
    cell: Cell,
    words: Record<K, readonly string[]>,
    path: string,
    index: number,
    column: number,
  ): K | undefined {
    const t = this.word(cell, path, index, column);
    if (t === undefined) return undefined;
    const norm = normalizeWord(t);
    for (const key of Object.keys(words) as K[]) {
      if (words[key].some((w) => normalizeWord(w) === norm)) return key;
    }
    this.syntax(path, index, column, 'sheet.bad-keyword', {
      text: t,
      allowed: (Object.keys(words) as K[]).map((k) => words[k][0]).join(', '),
    });
    return undefined;
  }

  localized(
    en: Cell,
    zh: Cell,
    path: string,
    index: number,
    enColumn: number,
    zhColumn: number,
  ): LocalizedText | undefined {
    const e = this.text(en, `${path}.en`, index, enColumn);
    const z = this.text(zh, `${path}.zh`, index, zhColumn);
    if (e === undefined && z === undefined) return undefined;
    this.at(path, index, enColumn);
    this.at(`${path}.en`, index, enColumn);
    this.at(`${path}.zh`, index, zhColumn);
    if (e === undefined) {
      this.problem('missing-field', `${path}.en`, index, enColumn, { field: 'en' });
      return undefined;
    }
    return z === undefined ? { en: e.text } : { en: e.text, zh: z.text };
  }

  list(cell: Cell, path: string, index: number, column: number): string[] | undefined {
    const t = this.text(cell, path, index, column);
    if (t === undefined) return undefined;
    this.at(path, index, column);
    return splitList(t.text);
  }
}

function booleanWord(text: string): boolean | undefined {
  const b = parseBoolean(text.normalize('NFKC'));
  return b === 1 ? true : b === 0 ? false : undefined;
}

const INPUT_TYPES: Record<InputType, string[]> = {
  number: ['number', '数字', '数值'],
  category: ['category', '类别', '分类'],
  boolean: ['boolean', 'yes/no', '布尔', '是否'],
  date: ['date', '日期'],
  text: ['text', '文本'],
};
const METHOD_KINDS: Record<MethodKind, string[]> = {
  scorecard: ['scorecard', '评分卡'],
  rules: ['rules', '规则'],
  matrix: ['matrix', '矩阵'],
  rfm: ['rfm'],
  abc: ['abc', 'pareto', 'ABC 分析', '帕累托'],
};
const OUTPUTS: Record<'score' | 'tier', string[]> = { score: ['score', '分数'], tier: ['tier', '等级'] };
const BINNINGS: Record<'quantile' | 'rfm-package' | 'fixed', string[]> = {
  quantile: ['quantile', '分位数'],
  'rfm-package': ['rfm-package'],
  fixed: ['fixed', '固定'],
};
const THRESHOLD_OPS: Record<'>=' | '>' | 'top' | 'otherwise', string[]> = {
  '>=': ['>=', '≥', '=>'],
  '>': ['>'],
  top: TOP_SHARE_WORDS,
  otherwise: OTHERWISE_WORDS.concat(['otherwise / 其余']),
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

/** Maps the header row's headings to columns and turns raw rows into data rows. */
function bindColumns(reader: Reader, section: Section): void {
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
function cellOfRow(row: DataRow, key: string): { cell: Cell; col: number } {
  const col = row.columns.get(key);
  return col === undefined ? { cell: undefined, col: -1 } : { cell: row.cells[col], col };
}

function requireColumns(reader: Reader, section: Section): boolean {
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
function rowReader(reader: Reader, row: DataRow) {
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

function lastSegment(path: string): string {
  const m = /([A-Za-z_]+)(?:\[\d+\])*$/.exec(path);
  return m?.[1] ?? path;
}

function readInputs(reader: Reader, section: Section | undefined, valuesSection: Section | undefined): InputDef[] {
  const inputs: InputDef[] = [];
  if (section === undefined || !requireColumns(reader, section)) return inputs;
  section.rows.forEach((row, i) => {
    const r = rowReader(reader, row);
    const path = `inputs[${i}]`;
    reader.at(path, row.index, 0);
    const id = r.word('id', `${path}.id`, true);
    const typeCell = cellOfRow(row, 'type');
    const type = reader.keyword(typeCell.cell, INPUT_TYPES, `${path}.type`, row.index, typeCell.col);
    if (type === undefined && isBlankCell(typeCell.cell))
      reader.problem('missing-field', `${path}.type`, row.index, typeCell.col, { field: 'type' });
    else reader.at(`${path}.type`, row.index, typeCell.col);
    const label = r.localized('labelEn', 'labelZh', `${path}.label`);
    if (label === undefined && r.blank('labelEn') && r.blank('labelZh'))
      reader.problem('missing-field', `${path}.label`, row.index, r.col('labelEn'), { field: 'label' });
    const input = { id: id ?? '', type: type ?? 'text', label: label ?? { en: '' } } as InputDef;
    const aliases = r.list('aliases', `${path}.aliases`);
    if (aliases !== undefined) input.aliases = aliases;
    const requiredCell = cellOfRow(row, 'required');
    if (requiredCell.col >= 0) {
      const required = reader.boolean(requiredCell.cell, `${path}.required`, row.index, requiredCell.col);
      if (required !== undefined) {
        input.required = required;
        reader.at(`${path}.required`, row.index, requiredCell.col);
      }
    }
    const daysSinceCell = cellOfRow(row, 'daysSince');
    if (daysSinceCell.col >= 0 && !isBlankCell(daysSinceCell.cell)) {
      const daysSince = reader.boolean(daysSinceCell.cell, `${path}.daysSince`, row.index, daysSinceCell.col);
      if (daysSince !== undefined) {
        input.daysSince = daysSince;
        reader.at(`${path}.daysSince`, row.index, daysSinceCell.col);
      }
    }
    const sourceTable = r.word('sourceTable', `${path}.source.table`);
    const outputCell = cellOfRow(row, 'sourceOutput');
    const output =
      outputCell.col >= 0
        ? reader.keyword(outputCell.cell, OUTPUTS, `${path}.source.output`, row.index, outputCell.col)
        : undefined;
    if (sourceTable !== undefined || output !== undefined) {
      reader.at(`${path}.source`, row.index, r.col('sourceTable'));
      if (sourceTable === undefined)
        reader.problem('missing-field', `${path}.source.table`, row.index, r.col('sourceTable'), { field: 'table' });
      else if (output === undefined && isBlankCell(outputCell.cell))
        reader.problem('missing-field', `${path}.source.output`, row.index, r.col('sourceOutput'), { field: 'output' });
      else if (output !== undefined) {
        input.source = { table: sourceTable, output };
        reader.at(`${path}.source.output`, row.index, outputCell.col);
      }
    }
    const description = r.localized('descriptionEn', 'descriptionZh', `${path}.description`);
    if (description !== undefined) input.description = description;
    if (id !== undefined && type !== undefined) reader.inputTypes.set(id, type);
    inputs.push(input);
  });

  if (valuesSection !== undefined && requireColumns(reader, valuesSection)) {
    for (const row of valuesSection.rows) {
      const r = rowReader(reader, row);
      const inputId = r.word('input', 'inputs', true);
      const index = inputs.findIndex((input) => input.id === inputId);
      if (inputId === undefined) continue;
      if (index < 0) {
        reader.problem('unknown-input', 'inputs', row.index, r.col('input'), { input: inputId });
        continue;
      }
      const input = inputs[index] as InputDef;
      const values = (input.values ??= []);
      const path = `inputs[${index}].values[${values.length}]`;
      reader.at(`inputs[${index}].values`, row.index, r.col('id'));
      reader.at(path, row.index, r.col('id'));
      const value: CategoryValue = { id: r.word('id', `${path}.id`, true) ?? '' };
      const label = r.localized('labelEn', 'labelZh', `${path}.label`);
      if (label !== undefined) value.label = label;
      const aliases = r.list('aliases', `${path}.aliases`);
      if (aliases !== undefined) value.aliases = aliases;
      values.push(value);
    }
  }
  return inputs;
}

/** A band cell read according to the input's type (by its shape when the input is unknown). */
function readBand(
  reader: Reader,
  input: string | undefined,
  cell: Cell,
  path: string,
  index: number,
  column: number,
): BandMatch | undefined {
  const type = input === undefined ? undefined : reader.inputTypes.get(input);
  reader.at(path, index, column);
  reader.at(`${path}.match`, index, column);
  const matchPath = `${path}.match`;
  if (isBlankCell(cell)) {
    reader.problem('missing-field', matchPath, index, column, { field: 'match' });
    return undefined;
  }
  if (type === 'boolean' || (type === undefined && typeof cell === 'boolean')) {
    const is = reader.boolean(cell, `${matchPath}.is`, index, column);
    return is === undefined ? undefined : { is };
  }
  const t = reader.text(cell, matchPath, index, column);
  if (t === undefined) return undefined;
  if (type === 'category' || type === 'text') {
    reader.at(`${matchPath}.values`, index, column);
    return { values: splitList(t.text).map((v) => v.normalize('NFKC')) };
  }
  const range = typeof cell === 'string' ? parseRange(t.text) : undefined;
  if (range !== undefined) {
    reader.at(`${matchPath}.range`, index, column);
    return { range };
  }
  if (type === undefined) return { values: splitList(t.text).map((v) => v.normalize('NFKC')) };
  reader.problem('bad-range', `${matchPath}.range`, index, column, { range: t.text });
  return undefined;
}

function readThresholds(reader: Reader, section: Section | undefined, base: string): Threshold[] {
  const thresholds: Threshold[] = [];
  if (section === undefined || !requireColumns(reader, section)) return thresholds;
  section.rows.forEach((row, i) => {
    const r = rowReader(reader, row);
    const path = `${base}[${i}]`;
    reader.at(path, row.index, 0);
    const tier = r.word('tier', `${path}.tier`, true) ?? '';
    const opCell = cellOfRow(row, 'op');
    const op = isBlankCell(opCell.cell)
      ? undefined
      : reader.keyword(opCell.cell, THRESHOLD_OPS, `${path}.gte`, row.index, opCell.col);
    const score = r.number('score', `${path}.gte`);
    const threshold: Threshold = { tier };
    if (op === 'otherwise' && score !== undefined) {
      reader.syntax(`${path}.gte`, row.index, r.col('score'), 'sheet.unexpected-value', { op: 'otherwise' });
    } else if (op === '>' && score !== undefined) {
      threshold.gt = score;
      reader.at(`${path}.gt`, row.index, r.col('score'));
    } else if (op === 'top' && score !== undefined) {
      threshold.topShare = score;
      reader.at(`${path}.topShare`, row.index, r.col('score'));
    } else if (op !== 'otherwise' && score !== undefined) {
      threshold.gte = score;
    } else if ((op === '>' || op === '>=' || op === 'top') && score === undefined && r.blank('score')) {
      reader.problem('missing-field', `${path}.gte`, row.index, r.col('score'), { field: 'score' });
    }
    thresholds.push(threshold);
  });
  return thresholds;
}

/** A criterion's decay from its first row: the age input, and a half-life or steps ("30: 0.8; 90: 0.5"). */
function readDecay(reader: Reader, r: ReturnType<typeof rowReader>, row: DataRow, path: string): Decay | undefined {
  const age = r.word('decayAge', `${path}.decay.age`);
  const halfLife = r.number('halfLife', `${path}.decay.halfLife`);
  const stepsText = r.text('decaySteps', `${path}.decay.steps`);
  if (age === undefined && halfLife === undefined && stepsText === undefined) return undefined;
  const decay: Decay = { age: age ?? '' };
  if (age === undefined)
    reader.problem('missing-field', `${path}.decay.age`, row.index, r.col('decayAge'), { field: 'age' });
  if (halfLife !== undefined) decay.halfLife = halfLife;
  if (stepsText !== undefined) {
    const steps = parseDecaySteps(stepsText);
    if (steps === undefined) {
      reader.syntax(`${path}.decay.steps`, row.index, r.col('decaySteps'), 'sheet.bad-decay-steps', {
        text: stepsText,
      });
    } else decay.steps = steps;
  }
  return decay;
}

function readScorecard(
  reader: Reader,
  section: Section | undefined,
  multipliersSection: Section | undefined,
  thresholdsSection: Section | undefined,
  title: Map<TitleKey, { index: number; cells: Cell[] }>,
  sections: Map<SectionKey, Section>,
): Method {
  const criteria: Criterion[] = [];
  if (section !== undefined && requireColumns(reader, section)) {
    let current: Criterion | undefined;
    for (const row of section.rows) {
      const r = rowReader(reader, row);
      const starts = !r.blank('id');
      if (starts) {
        const path = `method.criteria[${criteria.length}]`;
        reader.at(path, row.index, r.col('id'));
        current = {
          id: r.word('id', `${path}.id`) ?? '',
          input: r.word('input', `${path}.input`, true) ?? '',
          bands: [],
        };
        const weight = r.number('weight', `${path}.weight`);
        if (weight !== undefined) current.weight = weight;
        const blankPoints = r.number('blankPoints', `${path}.blankPoints`);
        if (blankPoints !== undefined) current.blankPoints = blankPoints;
        const group = r.word('group', `${path}.group`);
        if (group !== undefined) current.group = group;
        const decay = readDecay(reader, r, row, path);
        if (decay !== undefined) current.decay = decay;
        const label = r.localized('labelEn', 'labelZh', `${path}.label`);
        if (label !== undefined) current.label = label;
        criteria.push(current);
        if (r.blank('band') && r.blank('points')) continue;
      } else {
        for (const key of [
          'input',
          'weight',
          'blankPoints',
          'group',
          'decayAge',
          'halfLife',
          'decaySteps',
          'labelEn',
          'labelZh',
        ]) {
          if (!r.blank(key))
            reader.syntax('method.criteria', row.index, r.col(key), 'sheet.orphan-row', {
              column: heading(SECTIONS.criteria.columns[0] as { en: string; zh: string }),
            });
        }
      }
      if (current === undefined) {
        reader.syntax('method.criteria', row.index, 0, 'sheet.orphan-row', {
          column: heading(SECTIONS.criteria.columns[0] as { en: string; zh: string }),
        });
        continue;
      }
      const criterionIndex = criteria.length - 1;
      const path = `method.criteria[${criterionIndex}].bands[${current.bands.length}]`;
      const band = cellOfRow(row, 'band');
      const match = readBand(reader, current.input, band.cell, path, row.index, band.col);
      const points = r.number('points', `${path}.points`, true);
      if (match !== undefined && points !== undefined) current.bands.push({ match, points } as ScoreBand);
      else current.bands.push({ match: match ?? { values: [] }, points: points ?? 0 });
    }
  }
  const method: ScorecardMethod = {
    kind: 'scorecard',
    criteria,
    thresholds: readThresholds(reader, thresholdsSection, 'method.thresholds'),
  };
  if (multipliersSection !== undefined && requireColumns(reader, multipliersSection)) {
    const multipliers: Multiplier[] = [];
    for (const group of groupRows(reader, multipliersSection, 'id', 'method.multipliers')) {
      const r = rowReader(reader, group.head);
      const path = `method.multipliers[${multipliers.length}]`;
      reader.at(path, group.head.index, r.col('id'));
      const multiplier = {
        id: r.word('id', `${path}.id`) ?? '',
        factor: r.number('factor', `${path}.factor`, true) ?? 1,
        when: readTree(reader, group.rows, `${path}.when`) ?? { all: [] },
      } as Multiplier;
      const label = r.localized('labelEn', 'labelZh', `${path}.label`);
      if (label !== undefined) multiplier.label = label;
      multipliers.push(multiplier);
    }
    method.multipliers = multipliers;
  }
  const caps = sections.get('pointCaps');
  if (caps !== undefined && requireColumns(reader, caps)) {
    method.groupCaps = caps.rows.map((row, k) => {
      const r = rowReader(reader, row);
      const path = `method.groupCaps[${k}]`;
      reader.at(path, row.index, 0);
      return { group: r.word('group', `${path}.group`, true) ?? '', max: r.number('max', `${path}.max`, true) ?? 0 };
    });
  }
  const maxTotal = title.get('maxTotal');
  if (maxTotal !== undefined) {
    const value = reader.number(maxTotal.cells[1], 'method.maxTotal', maxTotal.index, 1);
    if (value !== undefined) {
      method.maxTotal = value;
      reader.at('method.maxTotal', maxTotal.index, 1);
    } else if (isBlankCell(maxTotal.cells[1]))
      reader.problem('missing-field', 'method.maxTotal', maxTotal.index, 1, { field: 'maxTotal' });
  }
  const round = title.get('round');
  if (round !== undefined) {
    const value = reader.number(round.cells[1], 'method.round', round.index, 1);
    if (value !== undefined) {
      method.round = value;
      reader.at('method.round', round.index, 1);
    } else if (isBlankCell(round.cells[1]))
      reader.problem('missing-field', 'method.round', round.index, 1, { field: 'round' });
  }
  return method;
}

/** Rows grouped by a head row whose `key` column is filled; continuation rows leave it blank. */
function groupRows(
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

const OP_WORDS = OPERATOR_WORDS as Record<
  '=' | '<>' | '<' | '<=' | '>' | '>=' | 'between' | 'in' | 'blank' | 'not_blank' | 'contains',
  string[]
>;

interface TreeRow {
  row: DataRow;
  level: number;
}

/** One condition tree from its rows (see print.ts): levels say the nesting. */
function readTree(reader: Reader, rows: DataRow[], path: string): ConditionNode | undefined {
  const items: TreeRow[] = [];
  for (const row of rows) {
    const r = rowReader(reader, row);
    const levelCell = cellOfRow(row, 'level');
    let level: number | undefined;
    if (isBlankCell(levelCell.cell)) {
      const node = cellOfRow(row, 'node').cell;
      const indent = typeof node === 'string' ? (/^ */.exec(node)?.[0].length ?? 0) : 0;
      level = Math.floor(indent / 2) + 1;
    } else level = reader.number(levelCell.cell, path, row.index, levelCell.col);
    if (level === undefined) return undefined;
    if (!Number.isInteger(level) || level < 1) {
      reader.syntax(path, row.index, r.col('level'), 'sheet.bad-level', { level, previous: items.at(-1)?.level ?? 0 });
      return undefined;
    }
    items.push({ row, level });
  }
  if (items.length === 0) return undefined;
  const position = { i: 0 };
  const root = readNode(reader, items, position, 1, path);
  const extra = items[position.i];
  if (root !== undefined && extra !== undefined) {
    reader.syntax(
      path,
      extra.row.index,
      rowReader(reader, extra.row).col('level'),
      extra.level === 1 ? 'sheet.two-roots' : 'sheet.bad-level',
      {
        level: extra.level,
        previous: items[position.i - 1]?.level ?? 0,
      },
    );
    return undefined;
  }
  return root;
}

function readNode(
  reader: Reader,
  items: TreeRow[],
  position: { i: number },
  level: number,
  path: string,
): ConditionNode | undefined {
  const item = items[position.i] as TreeRow;
  const { row } = item;
  const r = rowReader(reader, row);
  if (item.level !== level) {
    reader.syntax(path, row.index, r.col('level'), 'sheet.bad-level', { level: item.level, previous: level - 1 });
    return undefined;
  }
  position.i++;
  reader.at(path, row.index, r.col('node'));
  // Deeper than a table may nest is refused here, before the recursion could exhaust the stack.
  if (level > TABLE_LIMITS.conditionDepth) {
    reader.problem('too-deep', path, row.index, r.col('level'), { limit: TABLE_LIMITS.conditionDepth });
    return undefined;
  }
  const nodeCell = cellOfRow(row, 'node');
  const nodeText = reader.word(nodeCell.cell, path, row.index, nodeCell.col);
  if (nodeText === undefined) {
    reader.problem('missing-field', path, row.index, r.col('node'), { field: 'condition' });
    return undefined;
  }
  const childRows = (): number => {
    let n = 0;
    for (let j = position.i; j < items.length && (items[j] as TreeRow).level > level; j++) n++;
    return n;
  };
  const opBlank = r.blank('op');
  const group = opBlank ? groupWord(nodeText) : undefined;
  if (group !== undefined) {
    if (!r.blank('value')) {
      reader.syntax(path, row.index, r.col('value'), 'sheet.group-has-operator');
      return undefined;
    }
    const children: ConditionNode[] = [];
    while (position.i < items.length && (items[position.i] as TreeRow).level > level) {
      const childPath = group === 'not' ? `${path}.not` : `${path}.${group}[${children.length}]`;
      const child = readNode(reader, items, position, level + 1, childPath);
      if (child === undefined) return undefined;
      children.push(child);
    }
    if (group === 'not') {
      if (children.length !== 1) {
        reader.syntax(path, row.index, r.col('node'), 'sheet.not-one-child');
        return undefined;
      }
      return { not: children[0] as ConditionNode };
    }
    return group === 'all' ? { all: children } : { any: children };
  }
  if (childRows() > 0) {
    const next = items[position.i] as TreeRow;
    reader.syntax(path, next.row.index, r.col('level'), 'sheet.leaf-children');
    return undefined;
  }
  return readLeaf(reader, row, nodeText, path);
}

function groupWord(text: string): 'all' | 'any' | 'not' | undefined {
  const norm = normalizeWord(text);
  for (const key of ['all', 'any', 'not'] as const) if (GROUP_WORDS[key].includes(norm)) return key;
  return undefined;
}

function readLeaf(reader: Reader, row: DataRow, input: string, path: string): ConditionNode | undefined {
  const r = rowReader(reader, row);
  reader.at(`${path}.input`, row.index, r.col('node'));
  const opCell = cellOfRow(row, 'op');
  if (isBlankCell(opCell.cell)) {
    reader.problem('missing-field', `${path}.op`, row.index, r.col('op'), { field: 'op' });
    return undefined;
  }
  const op = reader.keyword(opCell.cell, OP_WORDS, `${path}.op`, row.index, opCell.col);
  if (op === undefined) return undefined;
  reader.at(`${path}.op`, row.index, opCell.col);
  const valueCell = cellOfRow(row, 'value');
  const valueCol = r.col('value');
  const type = reader.inputTypes.get(input);
  if (op === 'blank' || op === 'not_blank') {
    if (!isBlankCell(valueCell.cell)) {
      reader.syntax(`${path}.value`, row.index, valueCol, 'sheet.unexpected-value', { op: OP_WORDS[op][0] as string });
      return undefined;
    }
    return { input, op };
  }
  if (isBlankCell(valueCell.cell)) {
    reader.problem('missing-field', `${path}.value`, row.index, valueCol, { field: 'value' });
    return undefined;
  }
  const cell = valueCell.cell;
  switch (op) {
    case 'between': {
      const t = reader.text(cell, `${path}.range`, row.index, valueCol);
      if (t === undefined) return undefined;
      const range = parseRange(t.text);
      reader.at(`${path}.range`, row.index, valueCol);
      if (range === undefined) {
        reader.problem('bad-range', `${path}.range`, row.index, valueCol, { range: t.text });
        return undefined;
      }
      return { input, op, range };
    }
    case 'in': {
      reader.at(`${path}.values`, row.index, valueCol);
      if (typeof cell === 'number') return { input, op, values: [cell] };
      const t = reader.text(cell, `${path}.values`, row.index, valueCol);
      if (t === undefined) return undefined;
      const numeric = type === 'number' || type === 'date';
      const values = splitList(t.text).map((item) => {
        const n = numeric ? numberFromText(item) : Number.NaN;
        return Number.isFinite(n) ? n : item;
      });
      return { input, op, values };
    }
    case 'contains': {
      reader.at(`${path}.value`, row.index, valueCol);
      const t = reader.text(cell, `${path}.value`, row.index, valueCol);
      return t === undefined ? undefined : { input, op, value: t.text };
    }
    default: {
      reader.at(`${path}.value`, row.index, valueCol);
      if (typeof cell === 'number' || typeof cell === 'boolean') return { input, op, value: cell };
      const t = reader.text(cell, `${path}.value`, row.index, valueCol);
      if (t === undefined) return undefined;
      if (!t.quoted && (type === 'number' || type === 'date')) {
        const n = numberFromText(t.text);
        if (Number.isFinite(n)) return { input, op, value: n };
      }
      if (!t.quoted && type === 'boolean') {
        const b = booleanWord(t.text);
        if (b !== undefined) return { input, op, value: b };
      }
      return { input, op, value: t.text };
    }
  }
}

function readRules(
  reader: Reader,
  section: Section | undefined,
  title: Map<TitleKey, { index: number; cells: Cell[] }>,
): Method {
  const rules: Rule[] = [];
  if (section !== undefined && requireColumns(reader, section)) {
    for (const group of groupRows(reader, section, 'tier', 'method.rules')) {
      const r = rowReader(reader, group.head);
      const path = `method.rules[${rules.length}]`;
      reader.at(path, group.head.index, r.col('tier'));
      const rule: Rule = {
        tier: r.word('tier', `${path}.tier`) ?? '',
        when: readTree(reader, group.rows, `${path}.when`) ?? { all: [] },
      };
      const label = r.localized('labelEn', 'labelZh', `${path}.label`);
      if (label !== undefined) rule.label = label;
      rules.push(rule);
    }
  }
  const method: RulesMethod = { kind: 'rules', rules };
  const fallback = readDefault(reader, title);
  if (fallback !== undefined) method.default = fallback;
  return method;
}

/** The "Default tier" title entry (rules, rfm). */
function readDefault(reader: Reader, title: Map<TitleKey, { index: number; cells: Cell[] }>): string | undefined {
  const entry = title.get('default');
  if (entry === undefined) return undefined;
  const tier = reader.word(entry.cells[1], 'method.default', entry.index, 1);
  if (tier !== undefined) reader.at('method.default', entry.index, 1);
  return tier;
}

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

function readMatrix(
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

/** ABC: the "Ranked input" title entry and the "Cuts" section (the last share blank). */
function readAbc(
  reader: Reader,
  title: Map<TitleKey, { index: number; cells: Cell[] }>,
  section: Section | undefined,
  end: number,
): AbcMethod {
  const method: AbcMethod = { kind: 'abc', input: '', cuts: [] };
  const entry = title.get('rankedInput');
  if (entry === undefined) {
    reader.problem('missing-field', 'method.input', end, 0, { field: heading(TITLE_KEYS.rankedInput) });
  } else {
    const input = reader.word(entry.cells[1], 'method.input', entry.index, 1);
    if (input !== undefined) {
      method.input = input;
      reader.at('method.input', entry.index, 1);
    } else if (isBlankCell(entry.cells[1])) {
      reader.problem('missing-field', 'method.input', entry.index, 1, { field: heading(TITLE_KEYS.rankedInput) });
    }
  }
  if (section === undefined || !requireColumns(reader, section)) return method;
  section.rows.forEach((row, i) => {
    const r = rowReader(reader, row);
    const path = `method.cuts[${i}]`;
    reader.at(path, row.index, 0);
    const cut: AbcCut = { tier: r.word('tier', `${path}.tier`, true) ?? '' };
    const upTo = r.number('upTo', `${path}.upTo`);
    if (upTo !== undefined) cut.upTo = upTo;
    method.cuts.push(cut);
  });
  return method;
}

function readRfm(
  reader: Reader,
  title: Map<TitleKey, { index: number; cells: Cell[] }>,
  sections: Map<SectionKey, Section>,
  segmentsSection: Section | undefined,
): RfmMethod {
  const method: RfmMethod = { kind: 'rfm', segments: [] };
  const binning = title.get('binning');
  if (binning !== undefined) {
    const value = reader.keyword(binning.cells[1], BINNINGS, 'method.binning', binning.index, 1);
    if (value !== undefined) {
      method.binning = value;
      reader.at('method.binning', binning.index, 1);
    }
  }
  const bins = title.get('bins');
  if (bins !== undefined) {
    method.bins = {};
    reader.at('method.bins', bins.index, 1);
    DIMENSIONS.forEach((dimension, i) => {
      const value = reader.number(bins.cells[i + 1], `method.bins.${dimension}`, bins.index, i + 1);
      if (value !== undefined && method.bins) {
        method.bins[dimension] = value;
        reader.at(`method.bins.${dimension}`, bins.index, i + 1);
      }
    });
  }
  const closed = title.get('closed');
  if (closed !== undefined) {
    const value = reader.keyword(closed.cells[1], CLOSED_WORDS, 'method.closed', closed.index, 1);
    if (value !== undefined) {
      method.closed = value;
      reader.at('method.closed', closed.index, 1);
    }
  }
  const asOf = title.get('asOf');
  if (asOf !== undefined) {
    const serial = readDate(reader, asOf.cells[1], 'method.asOf', asOf.index, 1);
    if (serial !== undefined) method.asOf = serial;
  }
  const fallback = readDefault(reader, title);
  const breakpointsSection = sections.get('breakpoints');
  if (breakpointsSection !== undefined) {
    const breakpoints: NonNullable<RfmMethod['breakpoints']> = {};
    if (breakpointsSection.header !== undefined) reader.at('method.breakpoints', breakpointsSection.header.index, 0);
    for (const { index, cells } of breakpointsSection.raw) {
      const dimension = reader.keyword(cells[0], DIMENSION_WORDS, 'method.breakpoints', index, 0);
      if (dimension === undefined) continue;
      if (breakpoints[dimension] !== undefined) {
        reader.syntax(`method.breakpoints.${dimension}`, index, 0, 'sheet.duplicate-key', {
          text: dimension.toUpperCase(),
        });
        continue;
      }
      reader.at(`method.breakpoints.${dimension}`, index, 0);
      const points: number[] = [];
      for (let c = 1; c < cells.length; c++) {
        const path = `method.breakpoints.${dimension}[${points.length}]`;
        const value = reader.number(cells[c], path, index, c);
        if (value !== undefined) {
          reader.at(path, index, c);
          points.push(value);
        } else if (isBlankCell(cells[c])) reader.problem('missing-field', path, index, c, { field: 'breakpoint' });
      }
      breakpoints[dimension] = points;
    }
    method.breakpoints = breakpoints;
  }
  const capsSection = sections.get('caps');
  if (capsSection !== undefined) {
    const caps = readCaps(reader, capsSection);
    if (caps !== undefined) method.caps = caps;
  }
  if (segmentsSection !== undefined && requireColumns(reader, segmentsSection)) {
    segmentsSection.rows.forEach((row, i) => {
      const r = rowReader(reader, row);
      const path = `method.segments[${i}]`;
      reader.at(path, row.index, 0);
      const segment: RfmSegment = { tier: r.word('tier', `${path}.tier`, true) ?? '' };
      for (const key of ['r', 'f', 'm', 'fm'] as const) {
        const range = readScoreRange(reader, row, key, `${path}.${key}`);
        if (range !== undefined) segment[key] = range;
      }
      method.segments.push(segment);
    });
  }
  if (fallback !== undefined) method.default = fallback;
  return method;
}

const DIMENSIONS = ['r', 'f', 'm'] as const;

/**
 * A segment's range on one score from its "from" and "to" columns. Both blank
 * (or both columns left out): absent, any score. One of the two blank: a problem at it.
 */
function readScoreRange(
  reader: Reader,
  row: DataRow,
  key: 'r' | 'f' | 'm' | 'fm',
  path: string,
): [number, number] | undefined {
  const from = cellOfRow(row, `${key}From`);
  const to = cellOfRow(row, `${key}To`);
  const fromBlank = isBlankCell(from.cell);
  const toBlank = isBlankCell(to.cell);
  if (fromBlank && toBlank) return undefined;
  const headings = SECTIONS.segments.columns;
  const words = {
    from: heading(headings.find((c) => c.key === `${key}From`) as { en: string; zh: string }),
    to: heading(headings.find((c) => c.key === `${key}To`) as { en: string; zh: string }),
  };
  if (fromBlank || toBlank) {
    // The blank cell when its column is there, else the filled one.
    const blank = fromBlank ? from : to;
    const column = blank.col >= 0 ? blank.col : (fromBlank ? to : from).col;
    reader.syntax(path, row.index, column, 'sheet.half-range', words);
    return undefined;
  }
  const low = reader.number(from.cell, `${path}[0]`, row.index, from.col);
  const high = reader.number(to.cell, `${path}[1]`, row.index, to.col);
  reader.at(path, row.index, from.col);
  reader.at(`${path}[0]`, row.index, from.col);
  reader.at(`${path}[1]`, row.index, to.col);
  return low === undefined || high === undefined ? undefined : [low, high];
}

/** The Caps section: one row per capped dimension, by percentile (0..1) or by value. */
function readCaps(reader: Reader, section: Section): RfmMethod['caps'] {
  if (!requireColumns(reader, section)) return undefined;
  const caps: NonNullable<RfmMethod['caps']> = {};
  if (section.header !== undefined) reader.at('method.caps', section.header.index, 0);
  for (const row of section.rows) {
    const r = rowReader(reader, row);
    const dimensionCell = cellOfRow(row, 'dimension');
    if (isBlankCell(dimensionCell.cell)) {
      reader.problem('missing-field', 'method.caps', row.index, r.col('dimension'), { field: 'dimension' });
      continue;
    }
    const dimension = reader.keyword(dimensionCell.cell, DIMENSION_WORDS, 'method.caps', row.index, r.col('dimension'));
    if (dimension === undefined) continue;
    const path = `method.caps.${dimension}`;
    if (caps[dimension] !== undefined) {
      reader.syntax(path, row.index, r.col('dimension'), 'sheet.duplicate-key', { text: dimension.toUpperCase() });
      continue;
    }
    reader.at(path, row.index, r.col('dimension'));
    const kindCell = cellOfRow(row, 'kind');
    const kind = isBlankCell(kindCell.cell)
      ? undefined
      : reader.keyword(kindCell.cell, CAP_WORDS, `${path}.kind`, row.index, r.col('kind'));
    if (kind === undefined && isBlankCell(kindCell.cell))
      reader.problem('missing-field', `${path}.kind`, row.index, r.col('kind'), { field: 'kind' });
    const value = r.number('value', `${path}.${kind ?? 'value'}`, true);
    if (kind === undefined || value === undefined) continue;
    caps[dimension] = kind === 'percentile' ? { percentile: value } : { value };
  }
  return caps;
}

/**
 * An Excel serial day from a date cell (a number is taken as the serial, as
 * is), a Date, or a date text such as "2024-12-31" (see parseDate).
 */
function readDate(reader: Reader, cell: Cell, path: string, index: number, column: number): number | undefined {
  if (isBlankCell(cell)) {
    reader.problem('missing-field', path, index, column, { field: lastSegment(path) });
    return undefined;
  }
  reader.at(path, index, column);
  if (typeof cell === 'number') return cell;
  if (cell instanceof Date) {
    const serial = parseDate(cell);
    if (Number.isNaN(serial)) reader.syntax(path, index, column, 'sheet.bad-date', { value: String(cell) });
    return Number.isNaN(serial) ? undefined : serial;
  }
  const t = reader.text(cell, path, index, column);
  if (t === undefined) return undefined;
  const serial = parseDate(t.text);
  if (Number.isNaN(serial)) {
    reader.syntax(path, index, column, 'sheet.bad-date', { value: t.text });
    return undefined;
  }
  return serial;
}

function readTiers(reader: Reader, section: Section | undefined): Tier[] {
  const tiers: Tier[] = [];
  if (section === undefined || !requireColumns(reader, section)) return tiers;
  section.rows.forEach((row, i) => {
    const r = rowReader(reader, row);
    const path = `tiers[${i}]`;
    reader.at(path, row.index, 0);
    const label = r.localized('labelEn', 'labelZh', `${path}.label`);
    if (label === undefined && r.blank('labelEn') && r.blank('labelZh'))
      reader.problem('missing-field', `${path}.label`, row.index, r.col('labelEn'), { field: 'label' });
    const tier: Tier = {
      id: r.word('id', `${path}.id`, true) ?? '',
      label: label ?? { en: '' },
      fill: r.word('fill', `${path}.fill`, true) ?? '',
      font: r.word('font', `${path}.font`, true) ?? '',
    };
    const strategy = r.localized('strategyEn', 'strategyZh', `${path}.strategy`);
    if (strategy !== undefined) tier.strategy = strategy;
    const cadence = r.localized('cadenceEn', 'cadenceZh', `${path}.cadence`);
    if (cadence !== undefined) tier.cadence = cadence;
    const share = r.number('targetShare', `${path}.targetShare`);
    if (share !== undefined) tier.targetShare = share;
    const score = r.number('score', `${path}.score`);
    if (score !== undefined) tier.score = score;
    tiers.push(tier);
  });
  return tiers;
}
