/**
 * Writes a copy of an input zip with some parts replaced, some removed and some added (ADR 0020):
 * every other part keeps its compressed bytes as they are (not re-inflated, not re-deflated), so what
 * Tierwise does not understand (charts, pivot tables, pictures, VBA) arrives unchanged.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { createDeflateRaw, crc32 } from 'node:zlib';
import type { ArchiveEntry } from '../archive';
import { compressedChunks, dataStart, zipEnd, zipHeader, type ZipHeader } from '../archive-stream';

const DEFLATED = 8;

/** A part's new content: its bytes, or its text produced piece by piece (a large sheet). */
export type PartContent = Buffer | AsyncIterable<string>;

export interface ZipPatch {
  /** Parts written with new content, by name (in their place in the input's order). */
  replace: ReadonlyMap<string, PartContent>;
  /** Parts left out. */
  remove: ReadonlySet<string>;
  /** New parts, after the input's. */
  add: ReadonlyArray<{ name: string; content: PartContent }>;
}

/** Writes `patch` applied to the archive `entries` of `input` to the file `outPath` (created, never overwritten). */
export async function writePatchedZip(
  input: FileHandle,
  entries: readonly ArchiveEntry[],
  outPath: string,
  patch: ZipPatch,
): Promise<void> {
  const out = await open(outPath, 'wx');
  try {
    const written: Array<{ header: ZipHeader; offset: number }> = [];
    let offset = 0;
    const write = async (data: Buffer): Promise<void> => {
      await out.write(data);
      offset += data.length;
    };
    const writeNew = async (name: string, content: PartContent): Promise<void> => {
      const packed = await deflated(content);
      const header: ZipHeader = { name, method: DEFLATED, ...packed.sizes };
      written.push({ header, offset });
      await write(zipHeader(header, 'local'));
      for (const chunk of packed.chunks) await write(chunk);
    };
    for (const entry of entries) {
      if (patch.remove.has(entry.name)) continue;
      const replacement = patch.replace.get(entry.name);
      if (replacement !== undefined) {
        await writeNew(entry.name, replacement);
        continue;
      }
      const start = await dataStart(input, entry);
      if (start === undefined) throw new Error(`the part ${entry.name} has no local header`);
      written.push({ header: entry, offset });
      await write(zipHeader(entry, 'local'));
      for await (const chunk of compressedChunks(input, entry, start)) await write(chunk);
    }
    for (const { name, content } of patch.add) await writeNew(name, content);
    const directory = Buffer.concat(written.map(({ header, offset: at }) => zipHeader(header, 'central', at)));
    const at = offset;
    await write(directory);
    await write(zipEnd(written.length, directory.length, at));
  } finally {
    await out.close();
  }
}

/** Deflates a part, counting its CRC and sizes on the way; the compressed bytes are held (a tenth of the text or less). */
async function deflated(
  content: PartContent,
): Promise<{ chunks: Buffer[]; sizes: { crc: number; compressed: number; inflated: number } }> {
  // A streamed part is a sheet, maybe hundreds of MB: the fastest level still packs XML about 10:1.
  const deflater = createDeflateRaw({ level: Buffer.isBuffer(content) ? 6 : 1 });
  const chunks: Buffer[] = [];
  let compressed = 0;
  deflater.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    compressed += chunk.length;
  });
  const finished = new Promise<void>((done, fail) => {
    deflater.once('end', done);
    deflater.once('error', fail);
  });
  let crc = 0;
  let inflated = 0;
  const feed = async (data: Buffer): Promise<void> => {
    crc = crc32(data, crc);
    inflated += data.length;
    if (!deflater.write(data)) await new Promise<void>((done) => deflater.once('drain', done));
  };
  if (Buffer.isBuffer(content)) await feed(content);
  else for await (const text of content) if (text.length > 0) await feed(Buffer.from(text, 'utf8'));
  deflater.end();
  await finished;
  return { chunks, sizes: { crc, compressed, inflated } };
}
