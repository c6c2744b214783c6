/**
 * English texts of `tierwise sql`. Every key here must exist in sql.zh-CN.ts
 * (the compiler checks it). Placeholders are {name}.
 */
export const sqlEnUS = {
  'sql.summary': 'Print a grading table as one SQL SELECT (DuckDB, PostgreSQL, Spark SQL)',
  'sql.usage':
    'Usage: tierwise sql --table PRESET_OR_FILE.json [--dialect duckdb|postgres|spark] [--source TABLE_OR_QUERY]\n' +
    '                    [--columns input_id=column ...]\n\n' +
    'Prints one SELECT that adds score, tier and grade_error to every row of the source, with exactly the\n' +
    "engine's meaning (bands, ALL/ANY/NOT, blanks, matrices, composition, multipliers, rounding; RFM\n" +
    'tables score the whole source as one population with window functions, as tierwise rfm does).\n\n' +
    'Options:\n' +
    '  --dialect NAME        duckdb (default), postgres or spark\n' +
    '  --source TEXT         a table name or a query (default: customers)\n' +
    '  --columns ID=COLUMN   the source column of an input (default: a column named like the input id);\n' +
    '                        ID= (empty) means the source has no such column (read as blank); repeat per input\n' +
    'Cells are read strictly: numbers as plain decimals (1234.5, -3, 1e5), categories and yes/no by\n' +
    'lower(trim(text)); text such as "1.2万" or "12,000" gives a not-a-number error: clean it first (docs/sql.md).\n',
  'sql.missing-table': 'the grading table (--table PRESET_OR_FILE.json)',
  'sql.bad-dialect': "--dialect must be duckdb, postgres or spark, found '{value}'",
  'sql.columns-syntax': "--columns expects input_id=column, found '{argument}'",
  'sql.unknown-input': "--columns {input}=...: the table has no input '{input}'; its inputs are: {inputs}",
  'sql.bad-identifier': "the column name '{name}' cannot be written as a {dialect} identifier",
  'sql.bad-literal': "table {table}: the text '{text}' cannot be written as a SQL literal (it holds a NUL character)",
  'sql.invalid-table': '{file}: the grading table has {count} problem(s):',
  'sql.unsupported.rfm-source':
    "table {table}: an RFM table cannot be the source of another table's input in SQL (its scores need the whole population)",
  'sql.unsupported.rfm-breakpoints':
    "table {table}: RFM breakpoints that are not ascending are scored by R rfm's last-match rule, which the SQL export does not reproduce; sort them",
  'sql.unsupported.text-input':
    "table {table}: input '{input}' is free text; the engine compares normalised text (full-width folding, " +
    'spaces and dashes removed), which SQL cannot reproduce exactly, so no SQL is printed',
  'sql.unsupported.date-input':
    "table {table}: the RFM input '{input}' is a last-purchase date; give recency as a number of days for SQL",
  'sql.unsupported.score-from-unscored':
    "table {table}: input '{input}' takes the score of a table that gives no score",
  'sql.unsupported.abc-source':
    "table {table}: an ABC table cannot be the source of another table's input in SQL (its tiers need the whole population)",
  'sql.unsupported.share-thresholds':
    'table {table}: thresholds by share of customers are not exported to SQL yet; calibrate fixed ones (tierwise calibrate)',
  'sql.unsupported.decay': 'table {table}: points decayed by age are not exported to SQL yet, so no SQL is printed',
  'sql.unsupported.point-caps': 'table {table}: point caps are not exported to SQL yet, so no SQL is printed',
  'sql.unsupported.days-since':
    'table {table}: inputs counted in days since a date are not exported to SQL yet; give the days as a number column',
} as const;

export type SqlMessageKey = keyof typeof sqlEnUS;
