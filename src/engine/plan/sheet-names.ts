/**
 * Sheet names as Excel takes them: 1 to 31 characters, none of : \ / ? * [ ],
 * no apostrophe first or last, not "History" (Excel keeps it for the change
 * history), and not a name already in the workbook, compared without case.
 * Used wherever Tierwise names a sheet after user text.
 */
export const MAX_SHEET_NAME_LENGTH = 31;
/** Names Excel keeps for itself, whatever their case. */
export const RESERVED_SHEET_NAMES: readonly string[] = ['History'];

export type SheetNameProblem =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number }
  | { kind: 'character'; character: string }
  | { kind: 'apostrophe' }
  | { kind: 'reserved'; name: string }
  | { kind: 'taken'; name: string };

const FORBIDDEN = /[:\\/?*[\]]/;
const sameName = (a: string, b: string) => a.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');

/** Why Excel would refuse `name` in a workbook that already has the sheets `taken`; undefined when it takes it. */
export function sheetNameProblem(name: string, taken: readonly string[] = []): SheetNameProblem | undefined {
  const length = [...name].length;
  if (length === 0) return { kind: 'empty' };
  if (length > MAX_SHEET_NAME_LENGTH) return { kind: 'too-long', length };
  const character = FORBIDDEN.exec(name)?.[0];
  if (character) return { kind: 'character', character };
  if (name.startsWith("'") || name.endsWith("'")) return { kind: 'apostrophe' };
  const reserved = RESERVED_SHEET_NAMES.find((r) => sameName(r, name));
  if (reserved) return { kind: 'reserved', name: reserved };
  const clash = taken.find((t) => sameName(t, name));
  if (clash) return { kind: 'taken', name: clash };
  return undefined;
}

/**
 * `name` made acceptable: forbidden characters become "_", apostrophes at
 * the ends go, the name is cut to 31 characters, and a reserved or taken
 * name gets " (2)", " (3)", ... The name itself when Excel takes it.
 */
export function usableSheetName(name: string, taken: readonly string[] = []): string {
  const cleaned = [...name.replace(new RegExp(FORBIDDEN.source, 'g'), '_').replace(/^'+|'+$/g, '')]
    .slice(0, MAX_SHEET_NAME_LENGTH)
    .join('')
    .replace(/'+$/, '');
  const base = cleaned === '' ? 'Sheet' : cleaned;
  if (!sheetNameProblem(base, taken)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = [...base].slice(0, MAX_SHEET_NAME_LENGTH - suffix.length).join('') + suffix;
    if (!sheetNameProblem(candidate, taken)) return candidate;
  }
}
