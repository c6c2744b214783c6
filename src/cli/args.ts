import type { Locale } from '../engine/model';
import type { CliCommand, CliIo } from './command';
import { visible } from './format';
import { cliText } from './text';

/** A command's options: `flag` takes no value, `value` one, `list` one per occurrence. */
export interface OptionSpec {
  name: string;
  kind: 'flag' | 'value' | 'list';
}

export interface ParsedArgs {
  positionals: string[];
  flags: ReadonlySet<string>;
  values: ReadonlyMap<string, string>;
  lists: ReadonlyMap<string, readonly string[]>;
}

export type ArgsProblem =
  | { kind: 'unknown-option'; option: string }
  | { kind: 'missing-value'; option: string }
  | { kind: 'flag-value'; option: string };

/** Options every command accepts. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  { name: 'lang', kind: 'value' },
  { name: 'help', kind: 'flag' },
];

/**
 * GNU-style options: `--name value`, `--name=value`, `-h`; `--` ends the options.
 * A repeated `value` option keeps its last value.
 */
export function parseArgs(
  argv: readonly string[],
  specs: readonly OptionSpec[],
): { ok: true; args: ParsedArgs } | { ok: false; problem: ArgsProblem } {
  const byName = new Map<string, OptionSpec>();
  for (const spec of [...COMMON_OPTIONS, ...specs]) byName.set(spec.name, spec);
  const positionals: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      flags.add('help');
      continue;
    }
    if (!arg.startsWith('--') || arg.length === 2) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = byName.get(name);
    if (!spec) return { ok: false, problem: { kind: 'unknown-option', option: `--${name}` } };
    if (spec.kind === 'flag') {
      if (eq >= 0) return { ok: false, problem: { kind: 'flag-value', option: `--${name}` } };
      flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length) value = argv[++i];
    if (value === undefined) return { ok: false, problem: { kind: 'missing-value', option: `--${name}` } };
    if (spec.kind === 'value') values.set(name, value);
    else lists.set(name, [...(lists.get(name) ?? []), value]);
  }
  return { ok: true, args: { positionals, flags, values, lists } };
}

/**
 * The language of messages: --lang when given (zh-CN or en-US, also zh / en),
 * else the environment (LC_ALL, LC_MESSAGES, LANG; zh... gives zh-CN), else en-US.
 */
export function resolveLocale(
  option: string | undefined,
  env: Record<string, string | undefined> = process.env,
): Locale | undefined {
  if (option !== undefined) {
    if (/^zh([-_].*)?$/i.test(option)) return 'zh-CN';
    if (/^en([-_].*)?$/i.test(option)) return 'en-US';
    return undefined;
  }
  return envLocale(env);
}

function envLocale(env: Record<string, string | undefined> = process.env): Locale {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(tag) ? 'zh-CN' : 'en-US';
}

/** Finds --lang anywhere in argv without judging the rest (for messages before a command parses). */
export function peekLocale(argv: readonly string[]): Locale {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value !== undefined) return resolveLocale(value) ?? envLocale();
  }
  return envLocale();
}

/** What a command works with once its arguments are understood. */
export interface CommandContext {
  io: CliIo;
  locale: Locale;
  args: ParsedArgs;
  /** Writes a line to stderr as "tierwise: message". */
  error(message: string): void;
  /** Writes a line to stderr as "tierwise: note: message". */
  warn(message: string): void;
  /** Writes text plus a line break to stdout. */
  print(text: string): void;
  /** Reports wrong usage (with a pointer to --help) and returns exit code 2. */
  usageError(message: string): number;
}

/**
 * Parses a command's arguments and settles the language; answers --help and
 * bad usage itself. Returns the context, or the exit code when done.
 */
export function startCommand(
  command: Pick<CliCommand, 'name' | 'usage'>,
  argv: readonly string[],
  io: CliIo,
  specs: readonly OptionSpec[],
  usage: (locale: Locale) => string = () => command.usage,
): CommandContext | number {
  const fallback = peekLocale(argv);
  const parsed = parseArgs(argv, specs);
  const make = (locale: Locale, args: ParsedArgs): CommandContext => {
    const context: CommandContext = {
      io,
      locale,
      args,
      // Messages and summaries quote the user's files: their control characters are shown, not obeyed.
      error: (message) => io.stderr(visible(cliText(locale, 'cli.error', { message })) + '\n'),
      warn: (message) => io.stderr(visible(cliText(locale, 'cli.warning', { message })) + '\n'),
      print: (text) => io.stdout(visible(text) + '\n'),
      usageError: (message) => {
        context.error(message);
        io.stderr(cliText(locale, 'cli.see-help', { command: command.name }) + '\n');
        return 2;
      },
    };
    return context;
  };
  const empty: ParsedArgs = { positionals: [], flags: new Set(), values: new Map(), lists: new Map() };
  if (!parsed.ok) {
    return make(fallback, empty).usageError(cliText(fallback, `cli.${parsed.problem.kind}`, parsed.problem));
  }
  const lang = parsed.args.values.get('lang');
  const locale = resolveLocale(lang);
  if (!locale) return make(fallback, empty).usageError(cliText(fallback, 'cli.bad-lang', { value: lang ?? '' }));
  if (parsed.args.flags.has('help')) {
    io.stdout(usage(locale));
    return 0;
  }
  return make(locale, parsed.args);
}
