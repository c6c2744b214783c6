import { open } from 'node:fs/promises';

const LF = 10;
const PROBE_BYTES = 1 << 16;

/** A file cut into parts at line starts, and what its lines are likely to number. */
export interface LineRanges {
  /** Part k is [starts[k], starts[k + 1]); the last start is the file's size. */
  starts: number[];
  /** Bytes per line in the first lines after `from` (an estimate of the lines a part holds). */
  bytesPerLine: number;
}

/**
 * Cuts [from, size) of a file into up to `parts` parts of about the same size,
 * each but the first starting right after a line feed (fewer parts when the
 * file has too few line feeds). A line feed inside a quoted field is not told
 * apart here: whoever reads the parts checks that each ends between records.
 */
export async function cutAtLines(path: string, from: number, size: number, parts: number): Promise<LineRanges> {
  const handle = await open(path, 'r');
  try {
    const probe = Buffer.allocUnsafe(PROBE_BYTES);
    const read = async (at: number): Promise<Buffer> => {
      const { bytesRead } = await handle.read(probe, 0, PROBE_BYTES, at);
      return probe.subarray(0, bytesRead);
    };
    const first = await read(from);
    let lines = 0;
    for (let at = first.indexOf(LF); at >= 0; at = first.indexOf(LF, at + 1)) lines++;
    const bytesPerLine = lines > 0 ? first.length / lines : Math.max(1, size - from);
    const starts = [from];
    for (let k = 1; k < parts; k++) {
      let at = Math.max(starts[starts.length - 1]!, from + Math.floor(((size - from) * k) / parts));
      for (;;) {
        const bytes = await read(at);
        if (bytes.length === 0) break;
        const lf = bytes.indexOf(LF);
        if (lf >= 0) {
          if (at + lf + 1 < size) starts.push(at + lf + 1);
          break;
        }
        at += bytes.length;
      }
    }
    starts.push(size);
    return { starts: [...new Set(starts)], bytesPerLine };
  } finally {
    await handle.close();
  }
}
