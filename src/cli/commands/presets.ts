import { localize } from '../../i18n';
import { sheetColumns } from '../../engine/table/sheet-columns';
import { PRESETS, getPreset } from '../../engine/presets';
import type { CliCommand } from '../command';
import { startCommand } from '../args';
import { renderColumns } from '../format';
import { cliText, isCliMessageKey } from '../text';
import type { Locale } from '../../engine/model';

export const presetsCommand: CliCommand = {
  name: 'presets',
  summary: 'List the built-in grading tables',
  usage: 'Usage: tierwise presets [--lang zh-CN|en-US]\n',
  async run(argv, io) {
    const context = startCommand(this, argv, io, [], (locale) => cliText(locale, 'presets.usage'));
    if (typeof context === 'number') return context;
    const { locale } = context;
    const extra = context.args.positionals[0];
    if (extra !== undefined) return context.usageError(cliText(locale, 'cli.extra-argument', { argument: extra }));
    if (PRESETS.length === 0) {
      context.print(cliText(locale, 'presets.none'));
      return 0;
    }
    const groups = new Map<string, (typeof PRESETS)[number][]>();
    for (const table of PRESETS) {
      const category = table.category ?? '';
      groups.set(category, [...(groups.get(category) ?? []), table]);
    }
    context.print(cliText(locale, 'presets.heading'));
    const heading = cliText(locale, 'presets.columns').split('|');
    const ordered = [...groups.values()].flat();
    const rows = ordered.map((table) => [
      table.id,
      localize(table.name, locale),
      cliText(locale, `method.${table.method.kind}`),
      // The columns a sheet needs, including those of tables this one takes results from.
      // Read from the tables, not compiled: compiling all of them was a third of this command's time.
      listInputs(
        sheetColumns(table, getPreset).map((input) => input.id),
        locale,
      ),
    ]);
    // One alignment for all groups, so the columns line up down the whole list.
    const lines = renderColumns([heading, ...rows], [], '  ');
    context.print('');
    context.print(lines[0] as string);
    let next = 1;
    for (const [category, tables] of groups) {
      const key = `category.${category}`;
      const title =
        category === ''
          ? cliText(locale, 'presets.uncategorized')
          : isCliMessageKey(key)
            ? cliText(locale, key)
            : category;
      context.print(cliText(locale, 'presets.category', { category: title }));
      for (const line of lines.slice(next, next + tables.length)) context.print(line);
      next += tables.length;
    }
    return 0;
  },
};

/** Input ids, cut short after a few for tables with many (the sales pipeline has 30). */
function listInputs(ids: readonly string[], locale: Locale): string {
  const shown = 4;
  if (ids.length <= shown + 1) return ids.join(', ');
  return `${ids.slice(0, shown).join(', ')}, ${cliText(locale, 'presets.more-inputs', { count: ids.length })}`;
}
