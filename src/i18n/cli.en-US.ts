/**
 * English texts of the command line (`tierwise ...`). Every key here must
 * exist in cli.zh-CN.ts (the compiler checks it). Placeholders are {name}.
 */
export const cliEnUS = {
  'cli.usage':
    'Usage: tierwise <command> [options]\n\nCommands:\n{commands}\n\nOptions for every command:\n  --lang zh-CN|en-US  language of messages (default: from LANG)\n  -h, --help          help for a command: tierwise <command> --help\n  --version           the version\n',
  'cli.error': 'tierwise: {message}',
  'cli.warning': 'tierwise: note: {message}',
  'cli.see-help': "Run 'tierwise {command} --help' for the options.",
  'cli.unknown-command': "unknown command '{command}'",
  'cli.unknown-option': "unknown option '{option}'",
  'cli.missing-value': 'the option {option} needs a value',
  'cli.flag-value': 'the option {option} takes no value',
  'cli.missing-argument': 'missing {what}',
  'cli.extra-argument': "unexpected argument '{argument}'",
  'cli.bad-lang': "--lang must be zh-CN or en-US, found '{value}'",

  'csv.not-found': '{file}: no such file',
  'csv.is-directory': '{file} is a folder, not a file',
  'csv.unreadable': '{file}: cannot read the file ({reason})',
  'csv.empty': '{file} is empty; expected a header row and data rows',
  'csv.unclosed-quote':
    '{file}, line {line}: a quoted cell starts here and is never closed (a " without its closing ")',
  'csv.invalid-bytes':
    '{file}, after line {line}: the bytes are not valid {encoding} text; save the file as "CSV UTF-8" and try again',
  'csv.ragged-row': '{file}, line {line}: {found} cells, but the header row has {expected}',
  'csv.ragged-more': '... and {count} more rows with the wrong number of cells',
  'csv.gb18030': '{file} is not UTF-8; reading it as GB18030/GBK (what Chinese Excel saves as "CSV")',

  'table.not-found': "{file}: no such file, and no preset has this id (see 'tierwise presets')",
  'table.unreadable': '{file}: cannot read the file ({reason})',
  'table.json-syntax': '{file}, line {line}, column {column}: not valid JSON ({reason})',
  'table.invalid': '{file}: the grading table has {count} problem(s):',
  'table.valid': '{file}: valid.',
  'table.summary': "{id} '{name}': {method}, {inputs} input(s), tiers {tiers}",

  'method.scorecard': 'scorecard',
  'method.rules': 'rules',
  'method.matrix': 'matrix',
  'method.rfm': 'RFM',

  'presets.heading': 'Built-in grading tables (use the id with --table):',
  'presets.category': '{category}:',
  'presets.more-inputs': '... ({count} inputs)',
  'category.scorecard': 'Scorecards',
  'category.pipeline': 'Sales pipelines',
  'category.matrix': 'Matrices',
  'category.segment': 'Segments',
  'category.rfm': 'RFM',
  'presets.uncategorized': 'other',
  'presets.columns': 'id|name|method|inputs',
  'presets.none': 'No presets are available.',

  'grade.summary': 'Grade the rows of a .csv or .xlsx file with a grading table',
  'grade.usage':
    "Usage: tierwise grade INPUT.csv|INPUT.xlsx --table PRESET_OR_FILE.json [options]\n\n  --table ID|FILE      a preset id (tierwise presets) or a grading-table JSON file\n  --out FILE           where to write (default: INPUT.graded.csv or .xlsx next to the input; - for stdout)\n  --sheet NAME         .xlsx: the sheet to grade (default: the first)\n  --strategy           .xlsx: add the tier's Strategy column\n  --follow-up          .xlsx: add the tier's Follow-up column\n  --formulas           .xlsx: write Score, Tier and Error as Excel formulas that grade without the add-in\n  --force              overwrite --out when it exists\n  --map INPUT=HEADER   read the input from this column (repeatable)\n  --explain            add an Explanation column\n  --bom                start the output with a UTF-8 BOM (for Excel)\n  --delimiter CHAR     the input's delimiter (default ,; use \"tab\" for tabs)\n  --lang zh-CN|en-US   language of messages and explanations\n\nOutput: every input column unchanged, then Score, Tier (the tier id) and Error\n(why a row could not be graded), and Explanation with --explain. An .xlsx input\ngives an .xlsx with rows coloured by tier, a legend, a summary sheet and the\ngrading table on a rules sheet, as the Excel add-in stores it.\n",
  'grade.missing-input': 'the input .csv or .xlsx file',
  'grade.missing-table': 'the --table option (a preset id or a JSON file)',
  'grade.missing-columns': '{file}: no column for {count} required input(s):',
  'grade.missing-column': '  {input} ({label}): a header such as {expected}',
  'grade.headers-found': 'Headers found in {file}: {headers}',
  'grade.hint-map': 'Rename the column, or say which column it is: --map {input}="Your header"',
  'grade.optional-missing': "no column for the optional input '{input}'; every row reads it as blank",
  'grade.map-syntax': "--map needs INPUT=HEADER, found '{argument}'",
  'grade.map-unknown-input': "--map {argument}: the table has no input '{input}' (its inputs: {inputs})",
  'grade.map-unknown-header': "--map {argument}: {file} has no column '{header}' (headers: {headers})",
  'grade.out-exists': '{file} already exists; add --force to overwrite it, or choose another --out',
  'grade.out-is-input': '--out {file} is the input file; Tierwise never writes over its input',
  'grade.write-failed': '{file}: cannot write ({reason})',
  'grade.bad-delimiter': "--delimiter must be one character (or 'tab'), found '{value}'",
  'grade.wrote': 'Wrote {rows} row(s) to {file}',
  'grade.aborted': 'nothing was written to {file}',

  'summary.title': '{table}: {rows} row(s)',
  'summary.columns': 'Tier|Label|Count|Share|Target',
  'summary.ungraded': 'Ungraded',
  'summary.total': 'Total',
  'summary.off-target': '* the share is more than 5 points away from the target share',

  'validate.summary': 'Check a grading-table JSON file and list its problems',
  'validate.usage':
    'Usage: tierwise validate TABLE.json [--lang zh-CN|en-US]\n\nLists every problem with its place in the table; exits 1 when there are problems.\n',
  'validate.missing-table': 'the grading-table JSON file',

  'presets.summary': 'List the built-in grading tables',
  'presets.usage': 'Usage: tierwise presets [--lang zh-CN|en-US]\n',

  'demo.summary': 'Grade the bundled sample customers with the payment scorecard',
  'demo.usage':
    'Usage: tierwise demo [--out-dir DIR] [--lang zh-CN|en-US]\n\nGrades data/sample-customers.csv with the payment-scorecard preset and writes\nDIR/sample-customers.graded.csv (default DIR: ./tierwise-demo).\n',
  'demo.intro': 'Grading {input} with the preset {preset} ...',
  'demo.done': 'The graded file is {file}',
  'demo.done-xlsx': 'The graded workbook (coloured by tier, with summary and rules sheets) is {file}',
  'output.out-is-input': '--out {file} is the input {input} (or a link to it); Tierwise never writes over its input',
  'output.out-exists': '{file} already exists; add --force to overwrite it, or choose another --out',
  'output.out-is-directory': '--out {file} is a folder, not a file',
  'output.out-not-regular':
    '--out {file} is a device, FIFO or socket, not a file; a workbook can only be written to a regular file',
  'output.out-folder-missing':
    '--out {file}: the folder {folder} does not exist; create it first or choose another --out',
  'output.write-failed': '{file}: cannot write ({reason}); nothing was written',
  'cli.unfinished': 'stopped before finishing: an input ended without a word (a damaged file?); nothing was written',
  'output.taken':
    '{file} was created by another program while this run worked; it was left as it is and nothing was written',
  'csv.field-too-long':
    '{file}, line {line}: a field longer than {limit} characters (a quote never closed?); nothing was read past it',
  'grade.duplicate-header':
    '{file}: the header "{header}" appears more than once (also column(s) {others}); column {column} is the one read',
} as const;

export type CliMessageKey = keyof typeof cliEnUS;
