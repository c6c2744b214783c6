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

/** Bytes per line of the first lines of [from, size) of a file: what its lines are likely to number. */
export async function bytesPerLine(path: string, from: number, size: number): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const probe = Buffer.allocUnsafe(PROBE_BYTES);
    const { bytesRead } = await handle.read(probe, 0, PROBE_BYTES, from);
    return bytesPerLineAt(probe.subarray(0, bytesRead), size - from);
  } finally {
    await handle.close();
  }
}

function bytesPerLineAt(first: Buffer, rest: number): number {
  let lines = 0;
  for (let at = first.indexOf(LF); at >= 0; at = first.indexOf(LF, at + 1)) lines++;
  return lines > 0 ? first.length / lines : Math.max(1, rest);
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
    const bytesPerLine = bytesPerLineAt(await read(from), size - from);
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
