/**
 * The hostile-input corpus's tools: the command line run in-process (fast) or
 * as users run it (for signals and exit codes), and files built by the tests
 * themselves, never committed blobs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
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

/** A zip archive of the given entries (deflated), written byte by byte so a test controls every part. */
export function zipArchive(entries: readonly { name: string; data: Buffer; declared?: number }[]): Buffer {
  return zipOfDeflated(
    entries.map(({ name, data, declared }) => ({
      name,
      packed: deflateRawSync(data),
      crc: crc32(data),
      size: declared ?? data.length,
    })),
  );
}

/** A zip archive of entries already deflated: `size` is the inflated size the archive declares (it may lie). */
export function zipOfDeflated(entries: readonly { name: string; packed: Buffer; crc: number; size: number }[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, packed, crc, size: declared } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    directory.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}

/** The entries of a zip archive written by a well-behaved writer (ExcelJS), inflated, in order. */
export function unzipArchive(zip: Buffer): { name: string; data: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: { name: string; data: Buffer }[] = [];
  for (let n = 0; n < count; n++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    entries.push({ name, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * A character device of the test's own (root only: mknod), so a wrong
 * rename replaces a throwaway node, never the machine's /dev/null.
 * Undefined when the test cannot make one.
 */
export function privateDevice(dir: string, name: string, minor: 3 | 7): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const path = join(dir, name);
  execFileSync('mknod', ['-m', '666', path, 'c', '1', String(minor)]);
  return path;
}
