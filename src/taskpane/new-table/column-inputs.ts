/**
 * Inputs proposed from a sheet's columns: one per header, its type read from the values under it
 * (number, yes/no, date, category with its values, else text). Headers stay the labels, in any
 * language; ids are derived so that they are valid and unique (回款天数 -> column_3).
 */
import type { Cell, CategoryValue, InputDef, InputType } from '../../engine';
import { TABLE_LIMITS } from '../../engine';
import { displayCell, isBlank, parseBoolean, parseDate, parseNumber } from '../../engine/values/coerce';

/** Rows looked at per column: enough to tell the type, bounded for large sheets. */
const SAMPLE_ROWS = 2000;
/** A text column with at most this many distinct values (and some repeated) is a category. */
const MAX_CATEGORY_VALUES = 12;
const MAX_ID = TABLE_LIMITS.idLength;

/** An id from text: ASCII letters, digits and underscores, starting with a letter; `fallback` when none is left. */
export function idFrom(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, MAX_ID);
  return slug === '' ? fallback : slug;
}

/** `id`, or `id_2`, `id_3` ... whichever is not taken yet; the result is added to `taken`. */
export function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = `_${n}`;
    candidate = id.slice(0, MAX_ID - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Whether text holds Chinese (CJK) characters: such a header is the zh label too. */
function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(text);
}

/** The type the values of one column have; `values` are its non-blank cells. */
export function typeOfValues(values: readonly Cell[]): InputType {
  if (values.length === 0) return 'text';
  const every = (test: (cell: Cell) => boolean) => values.every(test);
  // 1/0 alone are numbers; a yes/no column has at least one TRUE/FALSE or word (是/否, yes/no).
  if (every((c) => parseBoolean(c) !== -1) && values.some((c) => typeof c !== 'number')) return 'boolean';
  if (every((c) => typeof c === 'number' || (typeof c === 'string' && !Number.isNaN(parseNumber(c))))) {
    return 'number';
  }
  if (every((c) => !Number.isNaN(parseDate(c))) && values.some((c) => typeof c !== 'number')) return 'date';
  return 'text';
}

function categoryValues(values: readonly Cell[]): CategoryValue[] | undefined {
  const distinct = [...new Set(values.map((c) => displayCell(c).trim()))];
  if (distinct.length > MAX_CATEGORY_VALUES || distinct.length >= values.length) return undefined;
  const taken = new Set<string>();
  return distinct.map((text, i) => ({
    id: uniqueId(idFrom(text, `value_${i + 1}`), taken),
    label: hasCjk(text) ? { en: text, zh: text } : { en: text },
    aliases: [text],
  }));
}

/** One proposed input per non-blank header, in sheet order. */
export function inputsFromColumns(headers: readonly Cell[], rows: readonly Cell[][]): InputDef[] {
  const taken = new Set<string>();
  const sample = rows.slice(0, SAMPLE_ROWS);
  const inputs: InputDef[] = [];
  headers.forEach((header, column) => {
    const text = displayCell(header).trim();
    if (text === '' || inputs.length >= TABLE_LIMITS.inputs) return;
    const values = sample.map((row) => row[column] ?? null).filter((cell) => !isBlank(cell));
    let type = typeOfValues(values);
    const categories = type === 'text' ? categoryValues(values) : undefined;
    if (categories) type = 'category';
    const id = uniqueId(idFrom(text, `column_${column + 1}`), taken);
    inputs.push({
      id,
      type,
      label: hasCjk(text) ? { en: text, zh: text } : { en: text },
      ...(id === text ? {} : { aliases: [text] }),
      ...(categories ? { values: categories } : {}),
      // A column with blanks is optional: a blank is "unknown" there, not a row error.
      required: values.length === sample.length,
    });
  });
  return inputs;
}
