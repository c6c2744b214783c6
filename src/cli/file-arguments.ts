import type { CommandContext } from './args';
import { cliText } from './text';

/** What `grade` and `calibrate` both take: one input file, --table, and --map INPUT=HEADER overrides. */
export interface FileArguments {
  input: string;
  tableSpec: string;
  overrides: Record<string, string>;
}

/** Reads the input file, --table and --map, or reports the wrong usage and returns exit code 2. */
export function readFileArguments(context: CommandContext): FileArguments | number {
  const { locale, args } = context;
  const [input, extra] = args.positionals;
  if (input === undefined) {
    return context.usageError(
      cliText(locale, 'cli.missing-argument', { what: cliText(locale, 'grade.missing-input') }),
    );
  }
  if (extra !== undefined) return context.usageError(cliText(locale, 'cli.extra-argument', { argument: extra }));
  const tableSpec = args.values.get('table');
  if (tableSpec === undefined) {
    return context.usageError(
      cliText(locale, 'cli.missing-argument', { what: cliText(locale, 'grade.missing-table') }),
    );
  }
  const overrides: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const entry of args.lists.get('map') ?? []) {
    const eq = entry.indexOf('=');
    if (eq <= 0 || eq === entry.length - 1)
      return context.usageError(cliText(locale, 'grade.map-syntax', { argument: entry }));
    overrides[entry.slice(0, eq).trim()] = entry.slice(eq + 1);
  }
  return { input, tableSpec, overrides };
}
