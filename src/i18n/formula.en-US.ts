/**
 * English texts of native Excel formulas: the Error column's reasons (the
 * formula writes them, so they name the input but not the cell's value) and
 * why a table cannot be written as formulas. Every key must exist in formula.zh-CN.ts.
 */
export const formulaEnUS = {
  'formula.error.blank': '{input}: the cell is empty',
  'formula.error.cell-error': '{input}: the cell holds an error value',
  'formula.error.not-a-number': '{input}: the cell is not a number',
  'formula.error.unread-text':
    '{input}: a number or date typed as text, which Excel formulas cannot read as Tierwise does; enter it as a number',
  'formula.error.not-a-date': '{input}: the cell is not a date (use an Excel date)',
  'formula.error.not-a-boolean': '{input}: the cell is not yes/no (use TRUE/FALSE, yes/no, 是/否, 1/0)',
  'formula.error.unknown-category': '{input}: the text is not one of {allowed}',
  'formula.error.out-of-range': '{input}: the value is outside every band of the table',
  'formula.error.no-match': 'ungraded: no rule matched and the table has no default tier',
  'formula.unsupported.population':
    'table {table}: it ranks customers against each other or counts time (ABC, tiers by share, decay, caps, days since), which one formula per row cannot compute; use values mode',
  'formula.unsupported.rfm':
    'table {table}: RFM scores depend on the whole population (quantiles), which a formula per row cannot compute; use values',
  'formula.unsupported.text-input':
    "table {table}: input '{input}' is free text; the engine compares normalised text, which Excel formulas cannot reproduce exactly",
  'formula.unsupported.number': 'table {table}: the number {value} is too small for Excel to hold',
  'formula.unsupported.score-from-unscored':
    "table {table}: input '{input}' takes the score of a table that gives no score",
  'formula.too-long':
    'the {output} formula would be {length} characters and {nesting} levels deep, beyond what Excel takes (8,192 and 64)',
  'formula.bad-column': "input '{input}' has no column the formulas can read",
  'formula.invalid-table': 'the grading table has {count} problem(s)',
  'formula.unread-rows':
    '{count} row(s) hold numbers or dates typed as text: their formulas show an error until the cells hold numbers',
  'formula.needs-xlsx': '--formulas writes Excel formulas, so the input must be an .xlsx workbook',
  'formula.helper-header': 'Tierwise helper {n}',
} as const;

export type FormulaMessageKey = keyof typeof formulaEnUS;
