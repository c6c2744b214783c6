import type { Locale } from '../../engine/model';
import { getPreset } from '../../engine/presets';
import { exportSql, SQL_DIALECTS, type SqlDialectName, type SqlProblem } from '../../engine/sql';
import { fill } from '../../i18n';
import { sqlEnUS, type SqlMessageKey } from '../../i18n/sql.en-US';
import { sqlZhCN } from '../../i18n/sql.zh-CN';
import { startCommand, type OptionSpec } from '../args';
import type { CliCommand } from '../command';
import { formatProblems, readTableJson } from '../table-source';
import { cliText } from '../text';

const OPTIONS: readonly OptionSpec[] = [
  { name: 'table', kind: 'value' },
  { name: 'dialect', kind: 'value' },
  { name: 'source', kind: 'value' },
  { name: 'columns', kind: 'list' },
];

const DEFAULT_SOURCE = 'customers';

/** A `tierwise sql` message in the given language with {placeholders} filled in. */
export function sqlText(locale: Locale, key: SqlMessageKey, params: Record<string, string | number> = {}): string {
  const table: Record<SqlMessageKey, string> = locale === 'zh-CN' ? sqlZhCN : sqlEnUS;
  return fill(table[key], params);
}

/** `tierwise sql`: a grading table as one SELECT; exit 1 (with the reason) when the dialect cannot say it exactly. */
export const sqlCommand: CliCommand = {
  name: 'sql',
  summary: sqlEnUS['sql.summary'],
  describe: (locale) => sqlText(locale, 'sql.summary'),
  usage: sqlEnUS['sql.usage'],
  async run(argv, io) {
    const context = startCommand(this, argv, io, OPTIONS, (locale) => sqlText(locale, 'sql.usage'));
    if (typeof context === 'number') return context;
    const { locale, args } = context;
    const extra = args.positionals[0];
    if (extra !== undefined) return context.usageError(cliText(locale, 'cli.extra-argument', { argument: extra }));
    const tableSpec = args.values.get('table');
    if (tableSpec === undefined) {
      return context.usageError(
        cliText(locale, 'cli.missing-argument', { what: sqlText(locale, 'sql.missing-table') }),
      );
    }
    const dialect = args.values.get('dialect') ?? 'duckdb';
    if (!(SQL_DIALECTS as readonly string[]).includes(dialect)) {
      return context.usageError(sqlText(locale, 'sql.bad-dialect', { value: dialect }));
    }
    const columns: Record<string, string | null> = Object.create(null) as Record<string, string | null>;
    for (const entry of args.lists.get('columns') ?? []) {
      const eq = entry.indexOf('=');
      if (eq <= 0) return context.usageError(sqlText(locale, 'sql.columns-syntax', { argument: entry }));
      const column = entry.slice(eq + 1);
      columns[entry.slice(0, eq).trim()] = column === '' ? null : column;
    }
    const read = await readTableJson(tableSpec, context);
    if (!read.ok) return read.exitCode;
    const result = exportSql(read.json, {
      dialect: dialect as SqlDialectName,
      source: args.values.get('source') ?? DEFAULT_SOURCE,
      columns,
      resolve: getPreset,
    });
    if (!result.ok) {
      for (const problem of result.problems) {
        if (problem.kind === 'unknown-input') {
          return context.usageError(
            sqlText(locale, 'sql.unknown-input', { input: problem.input, inputs: problem.inputs.join(', ') }),
          );
        }
        context.error(describeSqlProblem(problem, locale, tableSpec, dialect));
        if (problem.kind === 'invalid-table') {
          for (const line of formatProblems(problem.problems, locale)) io.stderr(line + '\n');
        }
      }
      return 1;
    }
    context.print(result.sql + ';');
    return 0;
  },
};

/** One line saying why no SQL was printed. */
export function describeSqlProblem(problem: SqlProblem, locale: Locale, file: string, dialect: string): string {
  switch (problem.kind) {
    case 'invalid-table':
      return sqlText(locale, 'sql.invalid-table', { file, count: problem.problems.length });
    case 'unsupported':
      return sqlText(locale, `sql.unsupported.${problem.feature}`, {
        table: problem.table,
        input: problem.input ?? '',
      });
    case 'bad-identifier':
      return sqlText(locale, 'sql.bad-identifier', { name: problem.name, dialect });
    case 'bad-literal':
      return sqlText(locale, 'sql.bad-literal', { table: problem.table, text: problem.text });
    case 'unknown-input':
      return sqlText(locale, 'sql.unknown-input', { input: problem.input, inputs: problem.inputs.join(', ') });
  }
}
