import { getPreset } from '../../engine/presets';
import { validateTable } from '../../engine/compile';
import type { GradingTable, Locale } from '../../engine/model';
import { localize } from '../../i18n';
import { startCommand } from '../args';
import type { CliCommand } from '../command';
import { formatProblems, readTableJson } from '../table-source';
import { cliText } from '../text';

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
