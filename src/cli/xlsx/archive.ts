/**
 * A look at an .xlsx file's zip directory before any of it is inflated: a
 * file cut short has no directory (the streaming reader would otherwise stop
 * silently half way), and a zip bomb declares sizes far beyond what a
 * spreadsheet needs (the reader would fill memory or the temp folder).
 * Declared sizes can lie: archive-stream.ts holds the same limits while inflating.
 */
import { open, type FileHandle } from 'node:fs/promises';

export interface ArchiveLimits {
  /** The most all entries together may inflate to. */
  maxInflated: number;
  /** Above this size, an entry may not inflate more than `maxRatio` times its compressed size. */
  ratioFloor: number;
  maxRatio: number;
}

/** 2 GiB inflated is far beyond Excel's 1,048,576 rows of ordinary data; real sheets compress 5 to 50 times. */
export const XLSX_LIMITS: ArchiveLimits = { maxInflated: 2 ** 31, ratioFloor: 64 * 2 ** 20, maxRatio: 200 };

export type ArchiveProblem =
  | { kind: 'damaged'; reason: 'no-directory' | 'bad-directory' }
  | { kind: 'too-large'; entry: string; inflated: number; limit: number }
  | { kind: 'inflates-too-large'; entry: string; declared: number; limit: number }
  /** A part declares a DTD with entities (XXE, billion laughs); Excel never writes one. */
  | { kind: 'entities'; entry: string };

/** One file in the archive as its central directory describes it. */
export interface ArchiveEntry {
  name: string;
  method: number;
  crc: number;
  compressed: number;
  /** As declared: a hostile file may inflate to more. */
  inflated: number;
  /** Where the entry's local header starts. */
  localOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ZIP64_MARK = 0xffffffff;

/** The most one entry of `entry.compressed` bytes may inflate to. */
export function entryLimit(compressed: number, limits: ArchiveLimits): number {
  return Math.min(limits.maxInflated, Math.max(limits.ratioFloor, compressed * limits.maxRatio));
}

/** The archive's entries in directory order, or why the directory cannot be trusted. */
export async function readArchiveDirectory(
  file: FileHandle,
): Promise<{ ok: true; entries: ArchiveEntry[]; size: number } | { ok: false; problem: ArchiveProblem }> {
  const { size } = await file.stat();
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT);
  const tail = Buffer.alloc(tailLength);
  await file.read(tail, 0, tailLength, size - tailLength);
  let at = -1;
  for (let i = tailLength - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      at = i;
      break;
    }
  }
  const damaged = (reason: 'no-directory' | 'bad-directory') =>
    ({ ok: false, problem: { kind: 'damaged', reason } }) as const;
  if (at < 0) return damaged('no-directory');
  const count = tail.readUInt16LE(at + 10);
  const directorySize = tail.readUInt32LE(at + 12);
  const directoryOffset = tail.readUInt32LE(at + 16);
  if (directoryOffset + directorySize > size - tailLength + at) return damaged('bad-directory');
  const directory = Buffer.alloc(directorySize);
  await file.read(directory, 0, directorySize, directoryOffset);
  const entries: ArchiveEntry[] = [];
  let offset = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > directorySize || directory.readUInt32LE(offset) !== ENTRY_SIGNATURE) {
      return damaged('bad-directory');
    }
    const nameLength = directory.readUInt16LE(offset + 28);
    entries.push({
      name: directory.toString('utf8', offset + 46, offset + 46 + nameLength),
      method: directory.readUInt16LE(offset + 10),
      crc: directory.readUInt32LE(offset + 16),
      compressed: directory.readUInt32LE(offset + 20),
      inflated: directory.readUInt32LE(offset + 24),
      localOffset: directory.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + directory.readUInt16LE(offset + 30) + directory.readUInt16LE(offset + 32);
  }
  return { ok: true, entries, size };
}

/** Whether the declared sizes stay within the limits: the first entry past them, or undefined. */
export function checkDeclaredSizes(
  entries: readonly ArchiveEntry[],
  limits: ArchiveLimits,
): ArchiveProblem | undefined {
  let total = 0;
  for (const { name: entry, compressed, inflated } of entries) {
    // Sizes past 4 GiB (zip64) are beyond any limit here.
    if (inflated === ZIP64_MARK || compressed === ZIP64_MARK) {
      return { kind: 'too-large', entry, inflated: Number.POSITIVE_INFINITY, limit: limits.maxInflated };
    }
    total += inflated;
    if (total > limits.maxInflated) return { kind: 'too-large', entry, inflated: total, limit: limits.maxInflated };
    if (inflated > limits.ratioFloor && inflated > compressed * limits.maxRatio) {
      return { kind: 'too-large', entry, inflated, limit: Math.max(limits.ratioFloor, compressed * limits.maxRatio) };
    }
  }
  return undefined;
}

/** Checks the zip directory of `path`; undefined when the archive looks whole and within the limits. */
export async function inspectArchive(
  path: string,
  limits: ArchiveLimits = XLSX_LIMITS,
): Promise<ArchiveProblem | undefined> {
  const file = await open(path, 'r');
  try {
    const read = await readArchiveDirectory(file);
    return read.ok ? checkDeclaredSizes(read.entries, limits) : read.problem;
  } finally {
    await file.close();
  }
}
