import { getPreset } from '../../engine/presets';
import { validateTable } from '../../engine/compile';
import type { GradingTable, Locale } from '../../engine/model';
import { localize } from '../../i18n';
import { startCommand, type CommandContext } from '../args';
import type { CliCommand } from '../command';
import { formatProblems, readTableJson } from '../table-source';
import { cliText } from '../text';
import { readAllWorkbookTables, workbookSpec, type WorkbookSpec } from '../workbook-table';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'Check a grading-table JSON file and list its problems',
  usage: 'Usage: tierwise validate TABLE.json [--lang zh-CN|en-US]\n',
  async run(argv, io) {
    const context = startCommand(this, argv, io, [], (locale) => cliText(locale, 'validate.usage'));
    if (typeof context === 'number') return context;
    const { locale } = context;
    const [spec, extra] = context.args.positionals;
    if (spec === undefined) {
      return context.usageError(
        cliText(locale, 'cli.missing-argument', { what: cliText(locale, 'validate.missing-table') }),
      );
    }
    if (extra !== undefined) return context.usageError(cliText(locale, 'cli.extra-argument', { argument: extra }));
    const workbook = workbookSpec(spec);
    if (workbook) return validateWorkbook(workbook, context);
    const read = await readTableJson(spec, context);
    if (!read.ok) return read.exitCode;
    const problems = validateTable(read.json, { resolve: getPreset });
    if (problems.length > 0) {
      context.print(cliText(locale, 'table.invalid', { file: spec, count: problems.length }));
      for (const line of formatProblems(problems, locale)) context.print(line);
      return 1;
    }
    context.print(cliText(locale, 'table.valid', { file: spec }));
    context.print(describeTable(read.json as GradingTable, locale));
    return 0;
  },
};

/**
 * Every grading table a workbook stores (or the one named after '#'): valid
 * ones described, broken ones with each problem and its cell. Exit 1 when any is broken.
 */
async function validateWorkbook(spec: WorkbookSpec, context: CommandContext): Promise<number> {
  const { locale } = context;
  const read = await readAllWorkbookTables(spec, context);
  if (!read.ok) return read.exitCode;
  const wanted = spec.name?.toLowerCase();
  const named = <T extends { name: string }>(list: T[]): T[] =>
    wanted === undefined ? list : list.filter((t) => t.name.toLowerCase() === wanted);
  const tables = named(read.tables);
  const broken = named(read.broken);
  if (tables.length + broken.length === 0) {
    const names = [...read.tables, ...read.broken].map((t) => t.name).join(', ');
    context.error(cliText(locale, 'table.workbook-no-name', { file: spec.file, name: spec.name ?? '', names }));
    return 1;
  }
  // In the workbook's order of names, as Excel's Name Manager lists them.
  const order = (name: string): number => read.names.indexOf(name);
  const entries = [...tables, ...broken].sort((a, b) => order(a.name) - order(b.name));
  for (const entry of entries) {
    const file = `${spec.file}#${entry.name}`;
    if ('problems' in entry) {
      context.print(cliText(locale, 'table.invalid', { file, count: entry.problems.length }));
      for (const line of formatProblems(entry.problems, locale)) context.print(line);
    } else {
      context.print(cliText(locale, 'table.valid', { file }));
      context.print(describeTable(entry.table, locale));
    }
  }
  return broken.length > 0 ? 1 : 0;
}

/** One line: id, name, method, number of inputs, tier ids. */
export function describeTable(table: GradingTable, locale: Locale): string {
  return cliText(locale, 'table.summary', {
    id: table.id,
    name: localize(table.name, locale),
    method: cliText(locale, `method.${table.method.kind}`),
    inputs: table.inputs.length,
    tiers: table.tiers.map((tier) => tier.id).join(' > '),
  });
}
