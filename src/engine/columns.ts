import type { InputDef } from './model';
import type { Cell } from './values/cell';
import { displayCell, isBlank, normalizeKey } from './values/coerce';

export interface ColumnMatch {
  input: string;
  header: string;
  column: number;
  /** How the header was recognised. */
  by: 'override' | 'id' | 'alias';
}

export interface ColumnMapping {
  /** map[i] is the column of columns[i], or -1 when unmapped. */
  map: Int32Array;
  matched: ColumnMatch[];
  /** Inputs with no column, in the table's order. */
  unmapped: string[];
  /** Unmapped inputs that are required: grading every row would fail. */
  missingRequired: string[];
  /** Overrides naming a header that does not exist: input id -> the header asked for. */
  badOverrides: Array<{ input: string; header: string }>;
}

/**
 * Maps a table's column inputs to the columns of a sheet by their headers:
 * an explicit override first, then a header equal to the input id, then the
 * input's aliases and labels in either language. Matching ignores case,
 * spaces, full-width forms and punctuation (see normalizeKey). A header is
 * used for at most one input.
 */
export function mapColumns(
  columns: readonly InputDef[],
  headers: readonly Cell[],
  overrides: Readonly<Record<string, string>> = {},
): ColumnMapping {
  const keys = headers.map((h) => (isBlank(h) ? '' : normalizeKey(displayCell(h))));
  const taken = new Set<number>();
  const map = new Int32Array(columns.length).fill(-1);
  const matched: ColumnMatch[] = [];
  const badOverrides: ColumnMapping['badOverrides'] = [];

  const claim = (i: number, column: number, by: ColumnMatch['by']) => {
    map[i] = column;
    taken.add(column);
    matched.push({ input: columns[i]!.id, header: displayCell(headers[column]), column, by });
  };
  const find = (name: string) => {
    const key = normalizeKey(name);
    return keys.findIndex((k, column) => k === key && k !== '' && !taken.has(column));
  };

  // Input ids are user text: "constructor" must not find Object.prototype's member.
  const overrideOf = (id: string): string | undefined => (Object.hasOwn(overrides, id) ? overrides[id] : undefined);
  columns.forEach((input, i) => {
    const wanted = overrideOf(input.id);
    if (wanted === undefined) return;
    const column = find(wanted);
    if (column >= 0) claim(i, column, 'override');
    else badOverrides.push({ input: input.id, header: wanted });
  });
  columns.forEach((input, i) => {
    if (map[i]! >= 0 || overrideOf(input.id) !== undefined) return;
    const column = find(input.id);
    if (column >= 0) claim(i, column, 'id');
  });
  columns.forEach((input, i) => {
    if (map[i]! >= 0 || overrideOf(input.id) !== undefined) return;
    for (const name of [...(input.aliases ?? []), input.label.en, input.label.zh]) {
      if (name === undefined) continue;
      const column = find(name);
      if (column >= 0) {
        claim(i, column, 'alias');
        return;
      }
    }
  });
  const unmapped = columns.filter((_c, i) => map[i]! < 0);
  return {
    map,
    matched,
    unmapped: unmapped.map((c) => c.id),
    missingRequired: unmapped.filter((c) => c.required !== false).map((c) => c.id),
    badOverrides,
  };
}

/**
 * What the user calls each mapped input: its sheet header, by input id. Row
 * errors name the column as the sheet shows it ("回款天数"), not the table's id.
 */
export function inputHeaders(
  inputs: readonly Pick<InputDef, 'id'>[],
  map: ArrayLike<number>,
  headers: readonly Cell[],
): ReadonlyMap<string, string> {
  const named = new Map<string, string>();
  inputs.forEach((input, i) => {
    const column = map[i] ?? -1;
    const header = column >= 0 ? displayCell(headers[column] ?? null) : '';
    if (header !== '') named.set(input.id, header);
  });
  return named;
}
