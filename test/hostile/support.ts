/**
 * The hostile-input corpus's tools: the command line run in-process (fast) or
 * as users run it (for signals and exit codes), and files built by the tests
 * themselves, never committed blobs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CliIo } from '../../src/cli/command';
import { main } from '../../src/cli/main';

export const BIN = resolve(__dirname, '..', '..', 'bin', 'tierwise.js');

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** `tierwise ...args` in-process, in folder `cwd`, English messages unless --lang says otherwise. */
export async function tierwise(cwd: string, ...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), cwd };
  const code = await main(args.includes('--lang') ? args : [...args, '--lang', 'en-US'], io);
  return { code, out, err };
}

/** The command line as a child process (English messages). */
export function spawnTierwise(cwd: string, ...args: string[]): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C' };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Waits for a child to end: its exit code, the signal that ended it, and what it wrote to stderr. */
export function ended(child: ChildProcess): Promise<{ code: number | null; signal: string | null; err: string }> {
  let err = '';
  child.stderr?.on('data', (d: Buffer) => (err += d.toString('utf8')));
  child.stdout?.resume();
  return new Promise((done) => child.on('close', (code, signal) => done({ code, signal, err })));
}

/** A fresh folder per test, removed afterwards. */
export function useFolder(prefix: string): () => string {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), `tierwise-${prefix}-`));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

/** Temporary files (ours are named .NAME.PID.RANDOM.tmp) left in a folder. */
export function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.endsWith('.tmp'));
}
