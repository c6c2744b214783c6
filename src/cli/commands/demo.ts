import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { startCommand, type OptionSpec } from '../args';
import type { CliCommand } from '../command';
import { SAMPLE_CUSTOMERS } from '../paths';
import { loadCompiledTable } from '../table-source';
import { cliText } from '../text';
import { displayPath, gradeCsvFile } from './grade';
import { openCsv } from '../csv';
import { excelJs, xlsxGrade } from '../lazy-xlsx';

/** The preset the demo grades with. */
export const DEMO_PRESET = 'payment-scorecard';

const OPTIONS: readonly OptionSpec[] = [{ name: 'out-dir', kind: 'value' }];

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Grade the bundled sample customers with the payment scorecard',
  usage: 'Usage: tierwise demo [--out-dir DIR] [--lang zh-CN|en-US]\n',
  async run(argv, io) {
    const context = startCommand(this, argv, io, OPTIONS, (locale) => cliText(locale, 'demo.usage'));
    if (typeof context === 'number') return context;
    const { locale } = context;
    const extra = context.args.positionals[0];
    if (extra !== undefined) return context.usageError(cliText(locale, 'cli.extra-argument', { argument: extra }));
    const outDir = resolve(io.cwd, context.args.values.get('out-dir') ?? 'tierwise-demo');
    const loaded = await loadCompiledTable(DEMO_PRESET, context);
    if (!loaded.ok) return loaded.exitCode;
    try {
      await mkdir(outDir, { recursive: true });
    } catch (error) {
      context.error(cliText(locale, 'grade.write-failed', { file: outDir, reason: (error as Error).message }));
      return 1;
    }
    const input = displayPath(SAMPLE_CUSTOMERS, io.cwd);
    context.print(cliText(locale, 'demo.intro', { input, preset: DEMO_PRESET }));
    context.print('');
    const result = await gradeCsvFile(
      {
        compiled: loaded.compiled,
        input: SAMPLE_CUSTOMERS,
        out: join(outDir, 'sample-customers.graded.csv'),
        // The demo's own output folder: running it again replaces its previous result.
        force: true,
        overrides: {},
        explain: true,
        bom: true,
        delimiter: ',',
      },
      context,
    );
    if (!result.written) return result.exitCode;
    // The same customers as an Excel workbook, graded the way the add-in grades a sheet.
    const workbook = join(outDir, 'sample-customers.xlsx');
    await writeCsvAsWorkbook(SAMPLE_CUSTOMERS, workbook);
    const { gradeXlsxFile } = xlsxGrade();
    const graded = await gradeXlsxFile(
      {
        compiled: loaded.compiled,
        input: workbook,
        out: join(outDir, 'sample-customers.graded.xlsx'),
        force: true,
        overrides: {},
        explain: true,
        strategy: true,
        followUp: true,
        quiet: true,
      },
      context,
    );
    context.print(cliText(locale, 'demo.done', { file: displayPath(result.written.path, io.cwd) }));
    if (graded.written)
      context.print(cliText(locale, 'demo.done-xlsx', { file: displayPath(graded.written.path, io.cwd) }));
    // Ungraded rows are part of the show (the sample has a few bad cells), not a failure.
    return 0;
  },
};

/**
 * Writes the bundled CSV as a one-sheet workbook: plain numbers become number
 * cells, everything else stays text as typed ("1.2万", "¥8,000", "待定"), as in
 * a real customer sheet.
 */
async function writeCsvAsWorkbook(csvPath: string, xlsxPath: string): Promise<void> {
  const opened = await openCsv(csvPath);
  if (!opened.ok) throw new Error(`bundled sample unreadable: ${opened.problem.kind}`);
  const workbook = new (excelJs().Workbook)();
  const sheet = workbook.addWorksheet('客户 Customers');
  sheet.addRow(opened.table.header);
  for await (const record of opened.table.rows) {
    if (record.kind !== 'row') continue;
    sheet.addRow(record.cells.map((cell) => (/^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)));
  }
  await workbook.xlsx.writeFile(xlsxPath);
}
