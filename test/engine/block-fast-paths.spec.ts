import fc from 'fast-check';
import { checkProperty } from '../support/property';
import { seededRandom } from '../support/seeded-random';
import { compileTable } from '../../src/engine/compile';
import type { CompiledTable, GradeBatch, GradingTable, InputDef, NumericRange } from '../../src/engine';
import type { Cell } from '../../src/engine/values/cell';
import { nextDown } from '../../src/engine/grading/bands';
import { getPreset } from '../../src/engine/presets';
import { kindInput, numberInputs, tiers } from './fixtures';

/**
 * The block fast paths (a column of doubles read in place, every number input
 * of a row read in one pass, results written straight into the batch's
 * arrays, no fills before a scorecard) against the general path: each row
 * explained alone, which decodes every cell one by one. Random scorecards of
 * number inputs (required or with blank points) and a category input, cells
 * with NaN, ±Infinity, -0, blanks, texts, booleans, error cells and every band
 * end with the doubles beside it, in batches of 1 to 4,097 rows.
 */

const nextUp = (x: number): number => -nextDown(-x);
const SPECIALS: Cell[] = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  null,
  '',
  undefined,
  ' ',
  'abc',
  '12',
  true,
  false,
  { error: '#N/A' },
];

interface NumberInput {
  cuts: number[];
  required: boolean;
}

interface Case {
  numbers: NumberInput[];
  /** Where the category input sits among the inputs (-1: none). */
  categoryAt: number;
  plain: boolean;
  count: number;
  /** Share of special cells (0: every block takes the fast path). */
  specials: number;
  seed: number;
}

/** Contiguous bands over the cuts, closed alternately below and above, the lowest end closed at -1000. */
function rangesOf(cuts: number[]): NumericRange[] {
  return Array.from({ length: cuts.length + 1 }, (_v, k) => {
    const range: NumericRange = {};
    if (k === 0) range.gte = -1000;
    else if (k % 2) range.gt = cuts[k - 1]!;
    else range.gte = cuts[k - 1]!;
    if (k < cuts.length) {
      if ((k + 1) % 2) range.lte = cuts[k]!;
      else range.lt = cuts[k]!;
    }
    return range;
  });
}

function tableOf(c: Case): GradingTable {
  const category = kindInput(['a', 'b', 'c'], false);
  const inputs = numberInputs(c.numbers);
  if (c.categoryAt >= 0) inputs.splice(c.categoryAt, 0, category);
  const criteria = c.numbers.map((n, i) => ({
    id: `c${i}`,
    input: `x${i}`,
    // Plain tables have whole weights (-1 gives -0 points for a band of 0); the others a weight of 0.5.
    ...(c.plain ? (i === 1 ? { weight: -1 } : {}) : i === 0 ? { weight: 0.5 } : {}),
    ...(n.required ? {} : { blankPoints: 3 }),
    bands: rangesOf(n.cuts).map((range, k) => ({ match: { range }, points: (k * 7 + i) % 11 })),
  }));
  if (c.categoryAt >= 0)
    criteria.push({
      id: 'ck',
      input: 'kind',
      bands: [
        { match: { values: ['a', 'b'] }, points: 4 },
        { match: { values: ['c'] }, points: 1 },
      ],
    } as never);
  return {
    format: 'tierwise/grading-table',
    version: 1,
    id: 'fast-paths',
    name: { en: 'Fast paths' },
    inputs,
    method: {
      kind: 'scorecard',
      criteria,
      thresholds: [{ tier: 'A', gte: 12 }, { tier: 'B', gt: 6 }, { tier: 'C' }],
    } as never,
    tiers: tiers('A', 'B', 'C'),
  };
}

/** Rows of cells as Excel passes them; required blanks in the middle of the first and second block. */
function rowsOf(c: Case, inputs: readonly InputDef[]): Cell[][] {
  const random = seededRandom(c.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const edges = c.numbers.map((n) =>
    [-1000, ...n.cuts].flatMap((e) => [e, nextDown(e), nextUp(e)]).concat(-2000, 5000),
  );
  return Array.from({ length: c.count }, (_v, r) => {
    const row = inputs.map((input): Cell => {
      if (input.type === 'category') return random() < c.specials ? pick(SPECIALS) : pick(['a', 'B', 'c', 'z', '']);
      const n = Number(input.id.slice(1));
      if ((r === 1000 || r === 3000) && n === 0) return null;
      if (random() < c.specials) return pick(SPECIALS);
      return random() < 0.5 ? pick(edges[n]!) : -1000 + random() * 2500;
    });
    // Now and then a row shorter than the table (its last input missing).
    return c.specials > 0 && random() < 0.01 ? row.slice(0, -1) : row;
  });
}

/** Each row's outcome as the general path gives it: the row explained alone. */
function explainedBatch(table: CompiledTable, rows: Cell[][]) {
  const outcomes = rows.map((row) => table.explainRow(row));
  return {
    tiers: outcomes.map((one) => (one.ok ? one.tierIndex : -1)),
    scores: outcomes.map((one) => (one.ok ? (one.score ?? NaN) : NaN)),
    errors: outcomes.flatMap((one, r) => (one.ok ? [] : [[r, one.error]])),
  };
}

function outcomesOf(batch: GradeBatch) {
  return { tiers: Array.from(batch.tiers), scores: Array.from(batch.scores), errors: [...batch.errors] };
}

const arbNumber: fc.Arbitrary<NumberInput> = fc.record({
  cuts: fc
    .uniqueArray(fc.integer({ min: -900, max: 900 }), { minLength: 0, maxLength: 5 })
    .map((cuts) => [...cuts].sort((a, b) => a - b)),
  required: fc.boolean(),
});

const arbCase: fc.Arbitrary<Case> = fc
  .record({
    numbers: fc.array(arbNumber, { minLength: 1, maxLength: 3 }),
    category: fc.boolean(),
    categoryPick: fc.nat(),
    plain: fc.boolean(),
    count: fc.oneof(fc.constantFrom(1, 2, 2047, 2048, 2049, 4097), fc.integer({ min: 0, max: 300 })),
    specials: fc.constantFrom(0, 0.0005, 0.05),
    seed: fc.nat(),
  })
  .map(({ numbers, category, categoryPick, ...rest }) => ({
    numbers,
    categoryAt: category ? categoryPick % (numbers.length + 1) : -1,
    ...rest,
  }));

function compiled(table: GradingTable): CompiledTable {
  const result = compileTable(table);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.compiled;
}

describe('block fast paths', () => {
  it('given random scorecards and cells, then rows, columns of cells and columns of doubles grade as each row explained alone', () => {
    checkProperty(
      fc.property(arbCase, (c) => {
        const definition = tableOf(c);
        const table = compiled(definition);
        const rows = rowsOf(c, definition.inputs);
        const width = definition.inputs.length;
        const expected = explainedBatch(table, rows);
        expect(outcomesOf(table.gradeRows(rows))).toEqual(expected);
        const cellColumns = Array.from({ length: width }, (_v, i) => rows.map((row) => row[i]));
        expect(outcomesOf(table.gradeColumns(cellColumns))).toEqual(expected);
        // Columns of doubles: number inputs as Float64Array (anything not a number read as NaN).
        const asDouble = (cell: Cell): number => (typeof cell === 'number' ? cell : NaN);
        const numericRows = rows.map((row) =>
          definition.inputs.map((input, i) => (input.type === 'number' ? asDouble(row[i]) : row[i])),
        );
        const columns = Array.from({ length: width }, (_v, i) =>
          definition.inputs[i]!.type === 'number'
            ? Float64Array.from(numericRows, (row) => row[i] as number)
            : numericRows.map((row) => row[i]),
        );
        const before = columns.map((column) => Array.from(column));
        expect(outcomesOf(table.gradeColumns(columns))).toEqual(explainedBatch(table, numericRows));
        // The caller's columns are read, never written.
        expect(columns.map((column) => Array.from(column))).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it('given negative weights on bands of 0 points, then a total of zero is 0, never -0, on every path', () => {
    const zeroBand = (input: string, weight: number) => ({
      id: input,
      input,
      weight,
      bands: [
        { match: { range: { lt: 10 } }, points: 0 },
        { match: { range: { gte: 10 } }, points: 2 },
      ],
    });
    const definition = tableOf({ numbers: [], categoryAt: -1, plain: true, count: 0, specials: 0, seed: 0 });
    for (const count of [1, 2, 3]) {
      const inputs = Array.from({ length: count }, (_v, i): InputDef => ({
        id: `x${i}`,
        type: 'number',
        label: { en: `x${i}` },
      }));
      const table = compiled({
        ...definition,
        inputs,
        method: {
          kind: 'scorecard',
          criteria: inputs.map((input) => zeroBand(input.id, -3)),
          thresholds: [{ tier: 'A', gte: 0 }, { tier: 'B', gte: -1 }, { tier: 'C' }],
        },
      });
      const rows = [new Array<number>(count).fill(1)];
      const zeros = (batch: GradeBatch) => Array.from(batch.scores, (s) => Object.is(s, 0));
      expect(zeros(table.gradeRows(rows))).toEqual([true]);
      expect(zeros(table.gradeColumns(inputs.map(() => Float64Array.of(1))))).toEqual([true]);
      const one = table.gradeRow(rows[0]!);
      expect(one.ok && Object.is(one.score, 0)).toBe(true);
    }
    const flag = compiled({
      ...definition,
      inputs: [{ id: 'flag', type: 'boolean', label: { en: 'flag' } }],
      method: {
        kind: 'scorecard',
        criteria: [
          {
            id: 'flag',
            input: 'flag',
            weight: -3,
            bands: [
              { match: { is: true }, points: 0 },
              { match: { is: false }, points: 2 },
            ],
          },
        ],
        thresholds: [{ tier: 'A', gte: 0 }, { tier: 'B', gte: -7 }, { tier: 'C' }],
      },
    });
    expect(Object.is(flag.gradeRows([[true]]).scores[0], 0)).toBe(true);
  });

  it('given a batch graded, then grading or explaining a row afterwards leaves the batch results alone', () => {
    const table = compiled(getPreset('payment-scorecard')!);
    // 2,049 rows: the last block holds one row, as the single-row calls below do.
    const batch = table.gradeColumns([new Float64Array(2049).fill(1), new Float64Array(2049).fill(1)]);
    table.gradeRow([25000, 1]);
    table.explainRow([25000, 50]);
    table.gradeRow([-5, -1]);
    expect(Array.from(batch.scores)).toEqual(new Array(2049).fill(60));
    expect(Array.from(batch.tiers)).toEqual(new Array(2049).fill(1));
  });

  it('given a block read in place and a next block that needs decoding, then the caller column is left as given', () => {
    const table = compiled(getPreset('payment-scorecard')!);
    const sales = new Float64Array(4096).fill(7000);
    sales[3000] = NaN;
    const days = new Float64Array(4096).fill(10);
    const batch = table.gradeColumns([sales, days]);
    expect(Array.from(sales)).toEqual(Array.from({ length: 4096 }, (_v, r) => (r === 3000 ? NaN : 7000)));
    expect([...batch.errors.keys()]).toEqual([3000]);
    expect(Array.from(batch.scores)).toEqual(Array.from({ length: 4096 }, (_v, r) => (r === 3000 ? NaN : 70)));
  });
});
