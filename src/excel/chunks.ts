/**
 * Request sizing. Excel on the web rejects a request (or response) over 5 MB;
 * Tierwise keeps each sync under a budget with room to spare, so the number of
 * round trips grows with payload / budget, not with the number of rows.
 */

export const REQUEST_BUDGET = 4 * 1024 * 1024;

/** The size of a value as it travels in a request: its JSON in UTF-8 bytes (Excel on the web's limit is on bytes). */
export function payloadSize(value: unknown): number {
  return value === undefined ? 0 : utf8Length(JSON.stringify(value));
}

/** UTF-8 bytes of a string without encoding it: 1 byte for ASCII, 2 up to U+07FF, 3 beyond, 4 per surrogate pair. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Whether Excel rejected a request or its response for its size: the caller halves and retries. */
export function isPayloadTooLarge(error: unknown): boolean {
  return /PayloadSizeLimit/.test(String((error as { code?: string } | null)?.code));
}

/** Rows per read chunk, from the size of a probe of `probeRows` rows. */
export function rowsPerChunk(probeBytes: number, probeRows: number, budget = REQUEST_BUDGET): number {
  const perRow = Math.max(1, probeBytes / Math.max(1, probeRows));
  return Math.max(1, Math.floor(budget / (perRow * 1.25)));
}

/**
 * Splits rows [0, count) into chunks whose cells, over all columns, stay under
 * the budget; `sizeOfRow(i)` is the payload of row i.
 */
export function chunkRows(
  count: number,
  sizeOfRow: (row: number) => number,
  budget = REQUEST_BUDGET,
): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const size = sizeOfRow(i) + 4;
    if (i > start && bytes + size > budget) {
      chunks.push([start, i]);
      start = i;
      bytes = 0;
    }
    bytes += size;
  }
  if (count > start) chunks.push([start, count]);
  return chunks;
}

/** Contiguous runs of sorted row indexes: [5,6,7,9] -> [[5,7],[9,9]]. */
export function runsOf(rows: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const row of sorted) {
    const last = runs[runs.length - 1];
    if (last && row === last[1] + 1) last[1] = row;
    else runs.push([row, row]);
  }
  return runs;
}
