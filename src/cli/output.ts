/**
 * The one output rule every command follows. An output never is (or links
 * to) one of the command's inputs; it is written to a temporary file in the
 * target's own folder and moved into place only when complete, and only over
 * a regular file (a symlink keeps pointing where it did: its target is the
 * file replaced). Devices and FIFOs are written in place when the format can
 * stream (CSV), refused otherwise (.xlsx). Temporary files are removed on
 * every exit path, Ctrl+C included. Without --force a file that appears
 * meanwhile (a second run) is never replaced: the move fails instead.
 */
import { unlinkSync } from 'node:fs';
import { link, lstat, realpath, rename, stat, unlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import type { Locale } from '../engine/model';
import { cliText } from './text';

export type OutputProblem =
  | { kind: 'out-is-input'; file: string; input: string }
  | { kind: 'out-exists'; file: string }
  | { kind: 'out-is-directory'; file: string }
  | { kind: 'out-not-regular'; file: string }
  | { kind: 'out-folder-missing'; file: string; folder: string };

/** Where an output goes: stdout, a file written through a temporary one, or a device/FIFO written in place. */
export type OutputTarget =
  | { kind: 'stdout' }
  | { kind: 'file'; path: string; temp: string; replace: boolean }
  | { kind: 'in-place'; path: string };

export interface OutputRequest {
  /** The output as the user named it ("-" for stdout when allowed). */
  name: string;
  cwd: string;
  /** The command's input files (resolved against cwd); none of them may be the output. */
  inputs: readonly string[];
  force: boolean;
  /** Whether "-" means stdout. */
  stdout?: boolean;
  /** Whether a device or FIFO may be written in place (formats written front to back, like CSV). */
  stream?: boolean;
}

/** Decides where an output goes, or why it cannot go there; touches nothing. */
export async function planOutput(
  request: OutputRequest,
): Promise<{ ok: true; target: OutputTarget } | { ok: false; problem: OutputProblem }> {
  const file = request.name;
  if (file === '-' && request.stdout) return { ok: true, target: { kind: 'stdout' } };
  const outPath = resolve(request.cwd, file);
  const real = await realpath(outPath).catch(() => undefined);
  const info = real === undefined ? undefined : await stat(real).catch(() => undefined);
  for (const input of request.inputs) {
    const inputPath = resolve(request.cwd, input);
    const inputReal = await realpath(inputPath).catch(() => inputPath);
    const inputInfo = await stat(inputReal).catch(() => undefined);
    if (inputReal === (real ?? outPath) || (info && inputInfo && sameFile(info, inputInfo))) {
      return { ok: false, problem: { kind: 'out-is-input', file, input } };
    }
  }
  if (info?.isDirectory()) return { ok: false, problem: { kind: 'out-is-directory', file } };
  if (info && !info.isFile()) {
    return request.stream
      ? { ok: true, target: { kind: 'in-place', path: real! } }
      : { ok: false, problem: { kind: 'out-not-regular', file } };
  }
  if (info && !request.force) return { ok: false, problem: { kind: 'out-exists', file } };
  // A dangling symlink is refused too: its target folder is not the user's choice.
  const path = real ?? outPath;
  const folder = dirname(path);
  const folderInfo = await stat(folder).catch(() => undefined);
  if (!folderInfo?.isDirectory() || (real === undefined && (await isLink(outPath)))) {
    return { ok: false, problem: { kind: 'out-folder-missing', file, folder } };
  }
  const temp = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  watchInterrupts();
  return { ok: true, target: { kind: 'file', path, temp, replace: info !== undefined } };
}

/**
 * Moves a finished temporary file into place. Over an existing file (--force)
 * it replaces it; to a new name it fails with EEXIST when another run got
 * there first, instead of replacing that run's file.
 */
export async function commitOutput(target: OutputTarget): Promise<void> {
  if (target.kind !== 'file') return;
  try {
    if (target.replace) await rename(target.temp, target.path);
    else await link(target.temp, target.path);
  } finally {
    await discardOutput(target);
  }
}

/** The file to write the output to: the temporary file, or the device or FIFO itself. */
export function outputFile(target: Exclude<OutputTarget, { kind: 'stdout' }>): string {
  return target.kind === 'file' ? target.temp : target.path;
}

/** Removes the temporary file of an output that will not be written. */
export async function discardOutput(target: OutputTarget | undefined): Promise<void> {
  if (target?.kind !== 'file') return;
  pending.delete(target.temp);
  await unlink(target.temp).catch(() => undefined);
}

/** The one-line message for an output problem, naming the file and the reason. */
export function formatOutputProblem(problem: OutputProblem, locale: Locale): string {
  return cliText(locale, `output.${problem.kind}`, problem);
}

/** Why writing an output failed, as one line: another run taking the name first is said plainly. */
export function formatWriteFailure(error: unknown, file: string, locale: Locale): string {
  if ((error as { code?: unknown }).code === 'EEXIST') return cliText(locale, 'output.taken', { file });
  // Errors from Node's own modules may come from another realm (jest): read the message, not instanceof.
  const message = (error as { message?: unknown }).message;
  return cliText(locale, 'output.write-failed', {
    file,
    reason: typeof message === 'string' ? message : String(error),
  });
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

async function isLink(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined))?.isSymbolicLink() ?? false;
}

/** Temporary files not yet moved or removed: deleted if the process is interrupted. */
const pending = new Set<string>();
let watching = false;

function watchInterrupts(): void {
  if (watching) return;
  watching = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const temp of pending) {
        try {
          unlinkSync(temp);
        } catch {
          // already gone
        }
      }
      pending.clear();
      process.kill(process.pid, signal);
    });
  }
}
