/**
 * English texts of sheet-form syntax problems (TableProblem code 'sheet-syntax',
 * detail.key). Every key here must exist in sheet-form.zh-CN.ts. Placeholders are {name}.
 */
export const sheetFormEnUS = {
  'sheet.unknown-key': "unknown entry '{text}' in the title block",
  'sheet.duplicate-key': "'{text}' appears twice in the title block",
  'sheet.unknown-section': "unknown section '{text}'",
  'sheet.duplicate-section': "the section '{text}' appears twice",
  'sheet.section-not-for-method': "the section '{text}' does not belong to a {method} table",
  'sheet.missing-header': "the section '{text}' needs a row of column headings",
  'sheet.unknown-heading': "unknown column heading '{text}'",
  'sheet.duplicate-heading': "the column '{text}' appears twice",
  'sheet.stray-cell': 'this cell is outside every column of the section',
  'sheet.orphan-row': 'this row continues nothing: fill in {column} on the first row',
  'sheet.bad-keyword': "'{text}' is not one of {allowed}",
  'sheet.bad-level': 'level {level} cannot follow level {previous}: the conditions under a node are one level deeper',
  'sheet.two-roots': 'a condition tree has one row at level 1; put several conditions under ALL or ANY',
  'sheet.leaf-children': 'a condition with an operator cannot have conditions under it',
  'sheet.not-one-child': 'NOT needs exactly one condition under it',
  'sheet.group-has-operator': 'ALL / ANY / NOT rows have no operator and no value',
  'sheet.unexpected-value': "the operator '{op}' takes no value",
  'sheet.cell-error': 'the cell holds the error {value}',
  'sheet.matrix-header': "'{text}' is not a band id of the matrix {axis}",
  'sheet.bad-boolean': "'{value}' is not TRUE or FALSE",
  'sheet.half-range': 'fill in both {from} and {to}, or leave both blank for any score',
  'sheet.bad-date': "'{value}' is not a date; type it as 2024-12-31",
  'sheet.bad-decay-steps': "'{text}' is not a list of steps such as 30: 0.8; 90: 0.5 (from days: factor)",
  'sheet.too-big': 'the block has {found} {what}; at most {limit} are read',
} as const;

export type SheetFormMessageKey = keyof typeof sheetFormEnUS;
