/**
 * The parts of an .xlsx the streaming reader needs, re-framed into a zip
 * stream in the order it reads best: relationships, workbook, shared strings
 * and styles before any sheet, so it never parks a sheet in a temporary file
 * (a zip bomb whose sheet came first filled /tmp). Before any of it is handed
 * over, every part is inflated once and counted against the limits of
 * archive.ts, whatever sizes the archive declares (a zip that lies about its
 * sizes is refused before the reader sees a byte). The shared strings are
 * read as their text: the part the workbook's relationships name, wherever it
 * is, without phonetic runs, namespace prefixes or a DOCTYPE.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw, crc32 } from 'node:zlib';
import {
  checkDeclaredSizes,
  entryLimit,
  readArchiveDirectory,
  XLSX_LIMITS,
  type ArchiveEntry,
  type ArchiveLimits,
  type ArchiveProblem,
} from './archive';
import { readerSheets, type ReaderSheet } from './sheet-parts';

/** The shared strings are held in memory (the reader keeps them all anyway); beyond this they are refused. */
export const SHARED_STRINGS_LIMIT = 512 * 2 ** 20;

const LOCAL_SIGNATURE = 0x04034b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const END_SIGNATURE = 0x06054b50;
const CHUNK = 1 << 16;
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const WORKBOOK = 'xl/workbook.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const STORED = 0;
const DEFLATED = 8;

type Opened = { ok: true; stream: Readable; sheets: ReaderSheet[] } | { ok: false; problem: ArchiveProblem };

/** Opens `path` as an ordered zip stream of the parts the reader needs, or says why it is refused. */
export async function openOrderedArchive(path: string, limits: ArchiveLimits = XLSX_LIMITS): Promise<Opened> {
  const file = await open(path, 'r');
  let handedOver = false;
  try {
    const read = await readArchiveDirectory(file);
    if (!read.ok) return read;
    const declared = checkDeclaredSizes(read.entries, limits);
    if (declared) return { ok: false, problem: declared };
    const byName = new Map(read.entries.map((e) => [e.name, e]));
    let total = 0;
    const limitOf = (entry: ArchiveEntry, cap = Number.POSITIVE_INFINITY): number =>
      Math.min(cap, entryLimit(entry.compressed, limits), limits.maxInflated - total);
    const withEntities = (entry: ArchiveEntry): Opened => ({
      ok: false,
      problem: { kind: 'entities', entry: entry.name },
    });
    const tooLarge = (entry: ArchiveEntry, limit: number): Opened => ({
      ok: false,
      problem: { kind: 'inflates-too-large', entry: entry.name, declared: entry.inflated, limit },
    });

    const relsEntry = byName.get(WORKBOOK_RELS);
    const rels = relsEntry ? await inflateEntry(file, relsEntry, limitOf(relsEntry), true) : undefined;
    if (relsEntry && !rels) return tooLarge(relsEntry, limitOf(relsEntry));
    if (relsEntry && rels?.declaresEntities) return withEntities(relsEntry);
    total += rels?.size ?? 0;
    const stringsEntry =
      byName.get(sharedStringsPart(rels?.data?.toString('utf8') ?? '') ?? SHARED_STRINGS) ?? byName.get(SHARED_STRINGS);
    const stringsLimit = stringsEntry ? limitOf(stringsEntry, SHARED_STRINGS_LIMIT) : 0;
    const strings = stringsEntry ? await inflateEntry(file, stringsEntry, stringsLimit, true) : undefined;
    if (stringsEntry && !strings) return tooLarge(stringsEntry, stringsLimit);
    if (stringsEntry && strings?.declaresEntities) return withEntities(stringsEntry);
    total += strings?.size ?? 0;

    const workbookEntry = byName.get(WORKBOOK);
    const workbook = workbookEntry ? await inflateEntry(file, workbookEntry, limitOf(workbookEntry), true) : undefined;
    if (workbookEntry && !workbook) return tooLarge(workbookEntry, limitOf(workbookEntry));
    if (workbookEntry && workbook?.declaresEntities) return withEntities(workbookEntry);
    total += workbook?.size ?? 0;
    const relsXml = rels?.data?.toString('utf8');
    const found = readerSheets(workbook?.data?.toString('utf8') ?? '', relsXml ?? '', (name) => byName.has(name));
    // Without a workbook's map of its sheets, the parts where Excel puts them.
    const sheetEntries =
      found.sheets.length > 0
        ? found.sheets.flatMap((s) => (s.entry ? [{ entry: byName.get(s.entry)!, as: s.readerPart }] : []))
        : read.entries.filter((e) => WORKSHEET.test(e.name)).map((entry) => ({ entry, as: entry.name }));

    const stylesEntry = byName.get(STYLES);
    const passed = [stylesEntry, ...sheetEntries.map((s) => s.entry)];
    for (const entry of passed) {
      if (!entry) continue;
      const counted = await inflateEntry(file, entry, limitOf(entry), false);
      if (!counted) return tooLarge(entry, limitOf(entry));
      if (counted.declaresEntities) return withEntities(entry);
      total += counted.size;
    }
    const stringsXml = plainSharedStrings(strings?.data?.toString('utf8') ?? '<sst/>');
    const frames = archiveFrames(file, [
      ...(relsXml !== undefined ? [{ name: WORKBOOK_RELS, data: Buffer.from(found.rels, 'utf8') }] : []),
      workbookEntry,
      { name: SHARED_STRINGS, data: Buffer.from(stringsXml, 'utf8') },
      stylesEntry,
      ...sheetEntries.map(({ entry, as }) => ({ ...entry, name: as })),
    ]);
    const stream = Readable.from(frames, { objectMode: false });
    stream.once('close', () => void file.close());
    handedOver = true;
    return { ok: true, stream, sheets: found.sheets };
  } finally {
    if (!handedOver) await file.close();
  }
}

type Frame = ArchiveEntry | { name: string; data: Buffer } | undefined;

/** The parts as a whole zip: local headers and data in order, then the central directory. */
async function* archiveFrames(file: FileHandle, frames: readonly Frame[]): AsyncGenerator<Buffer> {
  const written: Array<{ header: ZipHeader; offset: number }> = [];
  let offset = 0;
  for (const frame of frames) {
    if (!frame) continue;
    const stored = 'data' in frame;
    const start = stored ? 0 : await dataStart(file, frame);
    if (start === undefined) continue; // a part without its local header: the reader reports what is missing
    const header: ZipHeader = stored
      ? {
          name: frame.name,
          method: STORED,
          crc: crc32(frame.data),
          compressed: frame.data.length,
          inflated: frame.data.length,
        }
      : frame;
    const local = zipHeader(header, 'local');
    written.push({ header, offset });
    offset += local.length + header.compressed;
    yield local;
    if (stored) yield frame.data;
    else yield* compressedChunks(file, frame, start);
  }
  const directory = Buffer.concat(written.map(({ header, offset: at }) => zipHeader(header, 'central', at)));
  yield directory;
  yield zipEnd(written.length, directory.length, offset);
}

/** The end-of-central-directory record: `count` entries, the directory's length and where it starts. */
export function zipEnd(count: number, directoryLength: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIGNATURE, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directoryLength, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return end;
}

/** The shared-strings part named by the workbook's relationships, as an archive path. */
function sharedStringsPart(relsXml: string): string | undefined {
  for (const match of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const tag = match[0];
    if (!/Type="[^"]*\/sharedStrings"/.test(tag)) continue;
    const target = /Target="([^"]*)"/.exec(tag)?.[1];
    if (!target) return undefined;
    return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  return undefined;
}

/**
 * Shared strings as the reader understands them: no DOCTYPE, no namespace
 * prefixes on elements, no phonetic runs (their text is a reading guide, not
 * the cell's text).
 */
export function plainSharedStrings(xml: string): string {
  return xml
    .replace(/<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/g, '')
    .replace(/<(\/?)[A-Za-z_][\w.-]*:(?=[A-Za-z_])/g, '<$1')
    .replace(/<rPh\b[^>]*\/>|<rPh\b[\s\S]*?<\/rPh>/g, '');
}

export interface ZipHeader {
  name: string;
  method: number;
  crc: number;
  compressed: number;
  inflated: number;
}

/** A zip local header (sizes known up front) or central directory entry for one part. */
export function zipHeader(part: ZipHeader, kind: 'local' | 'central', offset = 0): Buffer {
  const name = Buffer.from(part.name, 'utf8');
  const central = kind === 'central';
  const header = Buffer.alloc(central ? 46 : 30);
  header.writeUInt32LE(central ? CENTRAL_SIGNATURE : LOCAL_SIGNATURE, 0);
  const at = central ? 2 : 0; // the central entry has "version made by" first
  if (central) header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 4 + at);
  header.writeUInt16LE(0x800, 6 + at);
  header.writeUInt16LE(part.method, 8 + at);
  header.writeUInt32LE(part.crc >>> 0, 14 + at);
  header.writeUInt32LE(part.compressed, 18 + at);
  header.writeUInt32LE(part.inflated, 22 + at);
  header.writeUInt16LE(name.length, 26 + at);
  if (central) header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, name]);
}

export async function dataStart(file: FileHandle, entry: ArchiveEntry): Promise<number | undefined> {
  const header = Buffer.alloc(30);
  const { bytesRead } = await file.read(header, 0, 30, entry.localOffset);
  if (bytesRead < 30 || header.readUInt32LE(0) !== LOCAL_SIGNATURE) return undefined;
  return entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

export async function* compressedChunks(file: FileHandle, entry: ArchiveEntry, start: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < entry.compressed; at += CHUNK) {
    const length = Math.min(CHUNK, entry.compressed - at);
    const chunk = Buffer.alloc(length);
    const { bytesRead } = await file.read(chunk, 0, length, start + at);
    if (bytesRead === 0) return;
    yield chunk.subarray(0, bytesRead);
  }
}

/**
 * Inflates an entry, counting as it goes and stopping past `limit`: its size
 * (and its bytes when `keep`), or undefined when it would pass the limit. A
 * part that does not inflate counts what it gave; the reader reports it.
 */
export async function inflateEntry(
  file: FileHandle,
  entry: ArchiveEntry,
  limit: number,
  keep: boolean,
): Promise<{ size: number; data?: Buffer; declaresEntities: boolean } | undefined> {
  const start = await dataStart(file, entry);
  if (start === undefined) return { size: 0, data: keep ? Buffer.alloc(0) : undefined, declaresEntities: false };
  const parts: Buffer[] = [];
  const head: Buffer[] = [];
  let size = 0;
  const take = (data: Buffer): void => {
    if (size < PROLOG_BYTES) head.push(data.subarray(0, PROLOG_BYTES - size));
    size += data.length;
    if (keep && size <= limit) parts.push(data);
  };
  if (entry.method === DEFLATED) {
    const inflater = createInflateRaw();
    inflater.on('data', take);
    let failed = false;
    inflater.on('error', () => (failed = true));
    try {
      for await (const chunk of compressedChunks(file, entry, start)) {
        await new Promise<void>((done) => (failed ? done() : inflater.write(chunk, () => done())));
        if (size > limit) return undefined;
        if (failed) break;
      }
      if (!failed) {
        const ended = new Promise<void>((done) => {
          inflater.once('end', done);
          inflater.once('error', () => done());
        });
        inflater.end();
        await ended;
      }
    } finally {
      inflater.destroy();
    }
  } else {
    for await (const chunk of compressedChunks(file, entry, start)) take(chunk);
  }
  if (size > limit) return undefined;
  const declaresEntities = prologDeclaresEntities(Buffer.concat(head).toString('latin1'));
  return { size, data: keep ? Buffer.concat(parts) : undefined, declaresEntities };
}

/** How much of a part's start is searched for a DTD: Excel's parts open with a one-line XML declaration. */
const PROLOG_BYTES = 1 << 16;

/**
 * Whether a part's prolog declares entities: a DOCTYPE with an internal subset that holds <!ENTITY, or one
 * that does not end within the searched bytes (it cannot be shown harmless). Entities are how XML reads
 * local files (XXE) or expands a few bytes to gigabytes (billion laughs); Excel never writes them.
 */
export function prologDeclaresEntities(head: string): boolean {
  const doctype = head.search(/<!DOCTYPE/i);
  if (doctype < 0) return false;
  const rest = head.slice(doctype);
  const end = /^<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/i.exec(rest);
  return !end || /<!ENTITY/i.test(end[0]) || /SYSTEM|PUBLIC/.test(end[0]);
}
