/**
 * English texts of RFM analysis (`tierwise rfm`). Every key here must exist
 * in rfm.zh-CN.ts (the compiler checks it). Placeholders are {name}.
 */
export const rfmEnUS = {
  'rfm.summary': 'RFM analysis of an orders CSV: scores, segments, cut points',
  'rfm.usage':
    'Usage: tierwise rfm ORDERS.csv|ORDERS.xlsx [--customer COL] [--date COL] [--amount COL] [options]\n\n' +
    'One row per order in; one row per customer out (recency, frequency, monetary, R, F, M, RFM code, segment).\n\n' +
    'Options:\n' +
    '  --customer COL, --date COL, --amount COL   the columns (default: found by name, e.g. customer_id, order_date, revenue)\n' +
    '  --sheet NAME        .xlsx: the sheet with the orders (default: the first)\n' +
    '  --as-of DATE        the analysis date, e.g. 2006-12-31 (default: the day after the latest order);\n' +
    '                      orders after it are not counted\n' +
    '  --bins N            scores per dimension, 2..10 (default 5); or r=5,f=4,m=5\n' +
    '  --binning MODE      quantile (default; equal values always equal scores), rfm-package (exactly as the\n' +
    "                      R rfm package's rfm_table_order), fixed (with --breakpoints)\n" +
    '  --breakpoints D=a,b,...  fixed cut points per dimension, e.g. --breakpoints r=30,90,180,365 (repeat for f, m)\n' +
    '  --closed right|left a value equal to a breakpoint goes to the lower (right, default) or upper (left) score\n' +
    '  --cap D=VALUE|P%    leave outliers out of the cut points (still scored), e.g. --cap m=99%\n' +
    '  --segments NAME     rfm (10 segments, default), rfm-11 (R x FM grid), or a grading-table JSON file\n' +
    '  --out FILE          the customers CSV (default: ORDERS.rfm.csv next to the input); --force to overwrite;\n' +
    '                      a .xlsx name writes a workbook: customers in segment colours, segment summary,\n' +
    '                      R x F heatmap and the cut points used\n' +
    '  --delimiter C, --bom  CSV delimiter of input and output; a UTF-8 BOM on the output (for Excel)\n' +
    "  --raw-csv           write text starting with = + - @ as it is (default: with a leading ' against CSV injection)\n",
  'rfm.missing-input': 'the orders CSV file',
  'rfm.no-column': '{file}: no {what} column; use {option} with one of the headers: {headers}',
  'rfm.unknown-column': "{file}: no column '{column}' for {option}; the headers are: {headers}",
  'rfm.what.customer': 'customer id',
  'rfm.what.date': 'order date',
  'rfm.what.amount': 'amount',
  'rfm.bad-as-of': "--as-of: '{value}' is not a date (use 2006-12-31)",
  'rfm.bad-bins': "--bins: '{value}' is not a number of scores from 2 to 10 (or r=5,f=4,m=5)",
  'rfm.bad-binning': "--binning must be quantile, rfm-package or fixed, found '{value}'",
  'rfm.bad-breakpoints': "--breakpoints: '{value}' is not D=a,b,... with D one of r, f, m and ascending numbers",
  'rfm.missing-breakpoints': '--binning fixed needs --breakpoints for r, f and m (missing: {dimensions})',
  'rfm.bad-closed': "--closed must be right or left, found '{value}'",
  'rfm.bad-cap': "--cap: '{value}' is not D=VALUE or D=P% with D one of r, f, m",
  'rfm.bad-segments': '--segments {value}: {problem}',
  'rfm.segments-not-rfm': 'the table is not an RFM table (method kind must be rfm)',
  'rfm.bad-row': '{file}, line {line}: {message}; row skipped',
  'rfm.bad-rows-more': '... and {count} more bad rows',
  'rfm.bad-rows-total': '{count} bad row(s) skipped, listed above',
  'rfm.read': 'Read {orders} orders of {customers} customers from {file}',
  'rfm.as-of': 'As of {date}{note}',
  'rfm.as-of-default': ' (the day after the latest order)',
  'rfm.after-as-of': '{count} order(s) dated after {date} not counted',
  'rfm.cuts-title': 'Cut points ({binning})',
  'rfm.cuts-columns': 'Score|Values|Customers',
  'rfm.dimension.r': 'Recency (days)',
  'rfm.dimension.f': 'Frequency (orders)',
  'rfm.dimension.m': 'Monetary',
  'rfm.capped': 'cut points from values up to {cap}; {count} above it',
  'rfm.unused-scores': 'score(s) {scores} unused: cut points repeat (many equal values)',
  'rfm.segments-title': 'Segments ({table})',
  'rfm.segments-columns': 'Segment|Customers|Share|Orders|Revenue|Revenue share|AOV',
  'rfm.total': 'Total',
  'rfm.wrote': 'Wrote {count} customers to {file}',
  'rfm.timing': 'Time: reading {read} ms, grading {grade} ms, writing {write} ms',
  'rfm.out-exists': '{file} exists; use --force to overwrite it or --out for another file',
  'rfm.out-is-input': '--out {file} is the input file',
  'rfm.bins-mismatch':
    '--bins {bins} does not fit the segments of {table}: {count} score range(s) lie outside these bins; choose --segments made for them',
} as const;

export type RfmMessageKey = keyof typeof rfmEnUS;
