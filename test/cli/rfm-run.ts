import { readFileSync } from 'node:fs';
import { rfmCommand } from '../../src/cli/commands/rfm';
import type { CliIo } from '../../src/cli/command';

/** Runs `tierwise rfm` in `cwd`, collecting its exit code, stdout and stderr. */
export async function runRfm(cwd: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd };
  const code = await rfmCommand.run(args, io);
  return { code, out, err };
}

/** A simple CSV (no quoted commas) as rows of fields. */
export function readCsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter(Boolean)
    .map((l) => l.split(','));
}
