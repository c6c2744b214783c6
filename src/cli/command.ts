import type { Locale } from '../engine/model';

/** What a command may touch: its output streams and the working directory. Tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/**
 * One `tierwise <name>` subcommand. `run` returns the process exit code:
 * 0 success, 1 the input had problems (invalid table, bad rows reported),
 * 2 wrong usage (unknown option, missing argument).
 */
export interface CliCommand {
  name: string;
  /** One line for `tierwise --help`, in English. */
  summary: string;
  /** The same line in the user's language, for commands that keep their own text tables. */
  describe?: (locale: Locale) => string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
