/** English texts of grading .xlsx files. Every key here must exist in xlsx.zh-CN.ts. */
export const xlsxEnUS = {
  'xlsx.no-sheet': "{file} has no sheet '{sheet}'; its sheets are: {sheets}",
  'xlsx.missing-sheet-part': "{file}: the sheet '{sheet}' has no part in the file ({part} is missing)",
  'xlsx.empty': '{file}: the sheet is empty (no header row)',
  'xlsx.unreadable': '{file}: not a readable .xlsx file ({reason})',
  'xlsx.wrote': 'Wrote {rows} row(s) to {file} (sheets: {sheets})',
  'xlsx.damaged':
    '{file} is damaged or cut short (its zip directory is missing or broken); open it in Excel and save it again',
  'xlsx.too-large':
    '{file}: the part {entry} would inflate to {size} bytes, over the limit of {limit}; refused as a possible zip bomb',
  'xlsx.entities':
    '{file}: the part {entry} declares a DTD with entities; refused: XML entities can read files on this computer (XXE) or expand a few bytes to gigabytes (billion laughs), and Excel never writes them. Open the file in Excel and save it again',
  'xlsx.inflates-too-large':
    '{file}: the part {entry} inflated past {limit} bytes though its directory says {declared}; refused as a zip bomb, nothing was written',
  'xlsx.out-not-xlsx':
    '--out {file}: grading a workbook writes a workbook (.xlsx), which Excel would not open under that name; choose a name ending in .xlsx, or save the sheet as CSV and grade the CSV',
  'xlsx.cell-in-the-way':
    "{file}: the cell {cell} of the sheet '{sheet}' holds a value where Tierwise writes its columns (right of the last header); move it or give its column a header, then grade again. Nothing was written",
  'xlsx.out-xlsm':
    '--out {file}: {input} has no macros, so its graded copy is an .xlsx workbook, which Excel opens only under a name ending in .xlsx; choose one',
  'xlsx.out-macros':
    '--out {file}: {input} holds macros and its graded copy keeps them, so it is an .xlsm workbook, which Excel opens only under a name ending in .xlsm; choose one',
  'xlsx.read-failed': '{file}: reading stopped at a damaged part ({reason}); nothing was written',
  'xlsx.too-many-rows': '{file}: row {row} is past the last row of an Excel sheet ({limit}); nothing was written',
  'xlsx.sheet-renamed': "The sheet '{from}' is written as '{to}': {reason}",
  'xlsx.sheet-name.empty': 'a sheet name cannot be empty',
  'xlsx.sheet-name.too-long': 'Excel allows at most 31 characters in a sheet name (this one has {length})',
  'xlsx.sheet-name.character': 'Excel does not allow {character} in a sheet name',
  'xlsx.sheet-name.apostrophe': 'a sheet name cannot begin or end with an apostrophe',
  'xlsx.sheet-name.reserved': "Excel keeps the name '{name}' for itself",
  'xlsx.sheet-name.taken': "Tierwise writes its own sheet '{name}' into the same workbook",
} as const;

export type XlsxMessageKey = keyof typeof xlsxEnUS;
