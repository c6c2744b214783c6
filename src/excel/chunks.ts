/**
 * Request sizing. Excel on the web rejects a request (or response) over 5 MB;
 * Tierwise keeps each sync under a budget with room to spare, so the number of
 * round trips grows with payload / budget, not with the number of rows.
 */

export const REQUEST_BUDGET = 4 * 1024 * 1024;

/** The JSON size of a value as it travels in a request. */
export function payloadSize(value: unknown): number {
  return value === undefined ? 0 : JSON.stringify(value).length;
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
