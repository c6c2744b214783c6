/**
 * English texts of the custom functions' error messages (=TIERWISE.TIER_SCORE,
 * RFM, RFM_TABLE). Every key here must exist in functions.zh-CN.ts (the
 * compiler checks it). Placeholders are {name}.
 */
export const functionsEnUS = {
  'functions.columns-count':
    'the table reads {expected} columns ({inputs}) but the values have {found}; give the header row as the 4th argument to map columns by name',
  'functions.headers-width': 'the header row has {found} cells but the values have {expected} columns',
  'functions.missing-columns': 'no column for {inputs} among the headers {headers}',
  'functions.bad-output': "output '{value}' is not one of {allowed}",
  'functions.no-score': 'the table \'{table}\' gives tiers, not scores; use output "tier"',
  'functions.payload':
    'the result is about {size} MB, more than the 5 MB Excel on the web accepts; split the range into parts of at most {rows} rows',
  'functions.unknown-table': "'{value}' is neither a preset id nor a grading table in sheet form; presets: {presets}",
  'functions.unknown-source':
    "{cell}: no table named '{table}' among the presets or the tables passed; pass it together with this table, e.g. VSTACK({name}, {source})",
  'functions.not-rfm-table':
    'the table \'{table}\' is not an RFM table; use "rfm", "rfm-11" or a table whose method is rfm',
  'functions.lengths': '{names} must have the same number of rows ({counts})',
  'functions.one-column': '{name} must be one column; it has {found}',
  'functions.bad-bins': "bins '{value}' is not a number of scores from 2 to 10 (or r=5,f=4,m=5)",
  'functions.bad-as-of': "as_of '{value}' is not a date (use DATE(2024,12,31) or 2024-12-31)",
  'functions.bad-orders': '{count} order rows cannot be read; the first is row {row} of the range: {message}',
  'functions.no-rows': 'there are no rows to analyse',
  'functions.rfm-bins-segments':
    'bins {bins} do not fit the segments of \'{table}\': {count} score range(s) lie outside them ({first}); pass segments made for these bins, or ask for "code" or "scores"',
  'functions.rfm-negative': '{input}: {value} is negative; RFM reads days, order counts and amounts of 0 or more',
  'functions.rfm-after-as-of':
    'recency: the last purchase {date} is after as_of {asOf}; choose an as_of on or after every last purchase',
  'functions.rfm-sum-overflow':
    'the amounts of customer {customer} add up past the largest number Excel holds (about 1.8E+308)',
  'functions.rfm-as-of-before-orders':
    'as_of {asOf} is before every order (the first is on {first}): there is no customer to analyse',
} as const;

export type FunctionsMessageKey = keyof typeof functionsEnUS;
