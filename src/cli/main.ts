import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { peekLocale } from './args';
import type { CliCommand, CliIo } from './command';
import { renderColumns } from './format';
import { PROJECT_ROOT } from './paths';
import type { Locale } from '../engine/model';
import { cliText, isCliMessageKey } from './text';

/** A command by name, loaded when run: `tierwise presets` never loads the workbook code (ADR 0021). */
interface CommandEntry {
  name: string;
  load(): CliCommand;
}

// require() with literal paths: esbuild bundles each command and runs its module only when
// required; import() would not run under tsx's CommonJS hook (bin/tierwise.js, the tests).
/* eslint-disable @typescript-eslint/no-require-imports */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'presets',
    load: () => (require('./commands/presets') as typeof import('./commands/presets')).presetsCommand,
  },
  { name: 'grade', load: () => (require('./commands/grade') as typeof import('./commands/grade')).gradeCommand },
  {
    name: 'calibrate',
    load: () => (require('./commands/calibrate') as typeof import('./commands/calibrate')).calibrateCommand,
  },
  { name: 'rfm', load: () => (require('./commands/rfm') as typeof import('./commands/rfm')).rfmCommand },
  { name: 'sql', load: () => (require('./commands/sql') as typeof import('./commands/sql')).sqlCommand },
  {
    name: 'validate',
    load: () => (require('./commands/validate') as typeof import('./commands/validate')).validateCommand,
  },
  { name: 'demo', load: () => (require('./commands/demo') as typeof import('./commands/demo')).demoCommand },
];
/* eslint-enable @typescript-eslint/no-require-imports */

const PROCESS_IO: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
};

/** `tierwise <command> ...`: dispatches to a command and returns the exit code. */
export async function main(args: string[], io: CliIo = PROCESS_IO): Promise<number> {
  const locale = peekLocale(args);
  // A --lang before the command is passed on to it.
  const global: string[] = [];
  let i = 0;
  while (i < args.length && (args[i] === '--lang' || args[i]?.startsWith('--lang='))) {
    const take = args[i] === '--lang' ? 2 : 1;
    global.push(...args.slice(i, i + take));
    i += take;
  }
  const name = args[i];
  const rest = [...args.slice(i + 1), ...global];
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry) return entry.load().run(rest, io);
  if (name === '--version') {
    io.stdout(`${readVersion()}\n`);
    return 0;
  }
  const usage = cliText(locale, 'cli.usage', { commands: commandList(locale) });
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage);
    return 0;
  }
  if (name !== undefined) {
    io.stderr(
      cliText(locale, 'cli.error', { message: cliText(locale, 'cli.unknown-command', { command: name }) }) + '\n\n',
    );
  }
  io.stderr(usage);
  return 2;
}

/** Said when a command's work ran out without it finishing (an input stream that ended silently). */
export function unfinishedMessage(args: readonly string[]): string {
  const locale = peekLocale(args);
  return cliText(locale, 'cli.error', { message: cliText(locale, 'cli.unfinished') });
}

function commandList(locale: Locale): string {
  const commands = COMMANDS.map((entry) => entry.load());
  const rows = commands.map((c) => {
    const key = `${c.name}.summary`;
    if (isCliMessageKey(key)) return [c.name, cliText(locale, key)];
    return [c.name, c.describe?.(locale) ?? c.summary];
  });
  return renderColumns(rows, [], '  ').join('\n');
}

function readVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}
