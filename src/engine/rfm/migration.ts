/** One grading of customers: ids and the segment index of each (-1: "Others"). */
export interface SegmentAssignment {
  ids: ReadonlyArray<string | number>;
  segments: ArrayLike<number>;
}

export interface Mover {
  id: string | number;
  /** Segment index in the earlier grading; `others` or `absent` as in the matrix. */
  from: number;
  to: number;
}

/**
 * Segment migration between two gradings of the same customer base (e.g. two
 * as-of dates). Indexes: 0..segmentCount-1 the segments, `others` =
 * segmentCount, `absent` = segmentCount + 1 (not a customer in that grading).
 */
export interface Migration {
  others: number;
  absent: number;
  /** matrix[from][to] customers. */
  matrix: number[][];
  /** Customers whose segment changed, in the order of the later grading, then those who left. */
  movers: Mover[];
  stayed: number;
}

export function segmentMigration(before: SegmentAssignment, after: SegmentAssignment, segmentCount: number): Migration {
  const others = segmentCount;
  const absent = segmentCount + 1;
  const size = segmentCount + 2;
  const matrix = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const norm = (s: number): number => (s < 0 ? others : s);
  const earlier = new Map<string | number, number>();
  for (let i = 0; i < before.ids.length; i++) earlier.set(before.ids[i]!, norm(before.segments[i]!));
  const movers: Mover[] = [];
  let stayed = 0;
  const seen = new Set<string | number>();
  for (let i = 0; i < after.ids.length; i++) {
    const id = after.ids[i]!;
    seen.add(id);
    const from = earlier.get(id) ?? absent;
    const to = norm(after.segments[i]!);
    matrix[from]![to]!++;
    if (from === to) stayed++;
    else movers.push({ id, from, to });
  }
  for (const [id, from] of earlier) {
    if (seen.has(id)) continue;
    matrix[from]![absent]!++;
    movers.push({ id, from, to: absent });
  }
  return { others, absent, matrix, movers, stayed };
}
