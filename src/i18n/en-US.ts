/**
 * English user-facing texts. Every key here must exist in zh-CN.ts (the
 * compiler checks it). Placeholders are {name}.
 */
export const enUS = {
  // Row errors (GradeError kinds)
  'grade.blank': '{input}: the cell is empty',
  'grade.cell-error': '{input}: the cell holds the error {value}',
  'grade.not-a-number': "{input}: '{value}' is not a number",
  'grade.not-a-boolean': "{input}: '{value}' is not yes/no (use TRUE/FALSE, yes/no, 是/否, 1/0)",
  'grade.not-a-date': "{input}: '{value}' is not a date (use 2024-03-15 or an Excel date)",
  'grade.not-a-date.ambiguous': "{input}: '{value}' could be day/month or month/day; write it as 2024-03-15",
  'grade.unknown-category': "{input}: '{value}' is not one of {allowed}",
  'grade.out-of-range': '{input}: {value} is outside every band of the table',
  'grade.no-match': 'ungraded: no rule matched and the table has no default tier',
  'grade.needs-batch':
    'RFM scores by quantile, or against the day after the latest purchase, need all customers at once: grade the whole column, not one row',
  'grade.recency-is-date':
    "{input}: '{value}' is a date ({date}), not a number of days since the last purchase: put the days in this column (as-of date minus last purchase), or use TIERWISE.RFM, which reads dates",
  'grade.needs-batch.ranked':
    'this table ranks customers against each other (ABC shares, tiers by share of customers): grade the whole column, not one row',
  'grade.not-positive':
    '{input}: {value} is not above zero, so it has no share of the total; ABC analysis reports it instead of calling it C',
  'grade.too-long': '{input}: the text is {length} characters long, more than the 1,000 allowed',

  // Table problems (TableProblem codes)
  'problem.not-an-object': 'expected an object',
  'problem.missing-field': "the field '{field}' is required",
  'problem.wrong-type': 'expected {expected}, found {found}',
  'problem.unknown-field': "unknown field '{field}'",
  'problem.bad-format': "this is not a Tierwise grading table (format must be '{expected}')",
  'problem.unsupported-version':
    'the table is version {found}; this Tierwise reads version {supported} and older. Update the add-in.',
  'problem.bad-id': "'{id}' is not a valid id (letters, digits, _ and -, starting with a letter, at most 64)",
  'problem.duplicate-id': "'{id}' is used twice",
  'problem.unknown-input': "no input named '{input}'",
  'problem.unknown-tier': "no tier named '{tier}'",
  'problem.unknown-table': "no table named '{table}'",
  'problem.unknown-category-value': "'{value}' is not a value of the input '{input}'",
  'problem.wrong-input-type': "the input '{input}' is {found}; this needs {expected}",
  'problem.bad-range': 'the range {range} is empty or malformed',
  'problem.band-overlap': 'the bands {a} and {b} overlap (both contain {at})',
  'problem.band-gap': 'no band covers the values between {a} and {b}',
  'problem.category-uncovered': "no band covers the value '{value}' of the input '{input}'",
  'problem.category-overlap': "the value '{value}' is in two bands",
  'problem.thresholds-order': 'thresholds must go down from the best tier: {a} comes after {b}',
  'problem.threshold-last-bounded': 'the last threshold must have no bound, so that every score gets a tier',
  'problem.threshold-tier-repeated': "the tier '{tier}' has two thresholds",
  'problem.tier-unreachable': "the tier '{tier}' can never be reached",
  'problem.bad-colour': "'{value}' is not a colour; use #RRGGBB",
  'problem.bad-share': 'a target share must be between 0 and 1 (0% to 100%), found {value}',
  'problem.shares-over-100': 'the target shares add up to {value}, more than 100%',
  'problem.bad-number': "'{value}' is not a finite number",
  'problem.number-too-large': "'{value}' is too large; at most {limit} either way",
  'problem.matrix-shape': 'the matrix needs {rows} rows of {columns} cells',
  'problem.composition-cycle': 'the tables use each other in a cycle: {cycle}',
  'problem.composition-too-deep': 'tables using tables are nested deeper than {limit}',
  'problem.too-many': 'at most {limit} allowed, found {found}',
  'problem.too-long': 'at most {limit} characters allowed, found {found}',
  'problem.too-deep': 'conditions are nested deeper than {limit}',
  'problem.bundle-roots':
    'the stacked tables {tables} are not one table with its sources: exactly one of them may be used by none of the others',
  'problem.empty': 'must not be empty',
  'problem.bad-bins': 'the number of scores must be a whole number from 2 to 10, found {value}',
  'problem.bad-segment': 'the segment range {range} must be within 1..{bins}, low to high',
  'problem.share-cut-range': 'a cut is a cumulative share above 0 and below 1 (0% to 100%), found {value}',
  'problem.share-cuts-order': 'cuts must rise from the best tier: {a} comes after {b}',
  'problem.share-cut-last': 'every cut but the last needs a share, and the last takes the rest (no share)',
  'problem.decay-shape':
    'a decay needs either a half-life above 0 days or steps whose days rise (from the first step on), not both',
  'problem.unknown-group': "no criterion belongs to the group '{group}'",
  'problem.ranked-source':
    "the table '{table}' grades customers against each other (RFM, ABC, tiers by share), so no input can take its result row by row",
  'problem.sheet-syntax': '{message}',

  // Explanations
  'explain.total': 'total',
  'explain.abc':
    '{input} {value}: rank {rank} of {count}, share before {before} {op} {cut} → {tier} (cumulative {through})',
  'explain.share': 'total {score}: rank {rank} of {count}, customers ranked above {before} {op} {cut} → {tier}',
  'explain.age': '{input} {days} days ago',
  'explain.cap': '{what} capped at {max} (was {before})',
  'explain.times': '×',
  'explain.default': 'no rule matched, default',
  'explain.rule': 'rule {index}',
  'explain.blank': '(blank)',
  'explain.yes': 'yes',
  'explain.no': 'no',
} as const;

export type MessageKey = keyof typeof enUS;
