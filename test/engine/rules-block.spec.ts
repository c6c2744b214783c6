import fc from 'fast-check';
import { checkProperty } from '../support/property';
import { compileTable } from '../../src/engine/compile';
import type { Cell, Condition, ConditionNode, GradingTable } from '../../src/engine';
import { nextDown } from '../../src/engine/grading/bands';
import { tiers } from './fixtures';

/**
 * The rules method evaluates a block column-wise (condition-block.ts): each
 * rule is tested only on the rows no earlier rule matched, `all`/`any` test a
 * child only on the rows still undecided. Every row's tier, score and error
 * must be what a reference written from the table's text gives, for random
 * condition trees over number, category and text inputs with values on and
 * beside every operand, blanks, junk text and unknown categories, on rows, on
 * columns, one row at a time and across blocks.
 */

const CATEGORIES = ['gold', 'silver', 'bronze'];
const WORDS = ['alpha', 'beta', 'alphabet', 'gamma'];
const OPERANDS = [-5, 0, 10, 25.5, 40];

type Leaf = Condition;

const numberLeaf: fc.Arbitrary<Leaf> = fc.oneof(
  fc.record({
    input: fc.constantFrom('x0', 'x1', 'x2'),
    op: fc.constantFrom('<', '<=', '>', '>=', '=', '<>'),
    value: fc.constantFrom(...OPERANDS),
  }) as fc.Arbitrary<Leaf>,
  fc
    .record({
      input: fc.constantFrom('x0', 'x1', 'x2'),
      lo: fc.constantFrom(...OPERANDS),
      width: fc.constantFrom(0, 10, 30),
      loClosed: fc.boolean(),
      hiClosed: fc.boolean(),
      open: fc.constantFrom('none', 'lo', 'hi'),
    })
    .map(({ input, lo, width, loClosed, hiClosed, open }): Leaf => {
      const range: Record<string, number> = {};
      // A one-point range must be closed at both ends to be valid.
      const both = width === 0 || (loClosed && hiClosed);
      if (open !== 'lo') range[both || loClosed ? 'gte' : 'gt'] = lo;
      if (open !== 'hi') range[both || hiClosed ? 'lte' : 'lt'] = lo + width;
      return { input, op: 'between', range };
    }),
  fc.record({ input: fc.constant('x2'), op: fc.constantFrom('blank', 'not_blank') }) as fc.Arbitrary<Leaf>,
  fc.record({
    input: fc.constantFrom('x0', 'x1'),
    op: fc.constant('in'),
    values: fc.subarray(OPERANDS, { minLength: 1 }),
  }) as fc.Arbitrary<Leaf>,
);

const otherLeaf: fc.Arbitrary<Leaf> = fc.oneof(
  fc.record({ input: fc.constant('c'), op: fc.constantFrom('=', '<>'), value: fc.constantFrom(...CATEGORIES) }),
  fc.record({ input: fc.constant('c'), op: fc.constant('in'), values: fc.subarray(CATEGORIES, { minLength: 1 }) }),
  fc.record({ input: fc.constant('t'), op: fc.constantFrom('=', '<>'), value: fc.constantFrom(...WORDS) }),
  fc.record({ input: fc.constant('t'), op: fc.constant('contains'), value: fc.constantFrom('alpha', 'a', 'bet') }),
  fc.record({ input: fc.constant('t'), op: fc.constantFrom('blank', 'not_blank') }),
) as fc.Arbitrary<Leaf>;

const { node: arbNode } = fc.letrec<{ node: ConditionNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numberLeaf,
    otherLeaf,
    fc.record({ all: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) }),
    fc.record({ not: tie('node') }),
  ),
}));

/** Numbers on, just below and just above every operand and range end, blanks and junk. */
const NUMBER_CELLS: Cell[] = [
  ...OPERANDS.flatMap((v) => [v, nextDown(v), -nextDown(-v), v + 10, v + 30]),
  -1e9,
  1e9,
  '10',
  '25.5',
  'junk',
];
const arbRow = fc.tuple(
  fc.constantFrom(...NUMBER_CELLS),
  fc.constantFrom(...NUMBER_CELLS),
  fc.constantFrom<Cell>(...NUMBER_CELLS, null, ''),
  fc.constantFrom<Cell>('gold', 'SILVER', 'bronze', 'tin'),
  fc.constantFrom<Cell>(...WORDS, 'ALPHA', null),
);

const arbCase = fc.record({
  rules: fc.array(fc.record({ tier: fc.integer({ min: 0, max: 3 }), when: arbNode }), {
    minLength: 1,
    maxLength: 6,
  }),
  withDefault: fc.boolean(),
  rows: fc.array(arbRow, { minLength: 1, maxLength: 200 }),
});
/** Rows every cell of which decodes (blanks only where optional): blocks with no failed row take the list-free path. */
const CLEAN_NUMBERS = NUMBER_CELLS.filter((cell) => cell !== 'junk');
const arbCleanCase = arbCase.chain((c) =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom(...CLEAN_NUMBERS),
        fc.constantFrom(...CLEAN_NUMBERS),
        fc.constantFrom<Cell>(...CLEAN_NUMBERS, null, ''),
        fc.constantFrom<Cell>('gold', 'SILVER', 'bronze'),
        fc.constantFrom<Cell>(...WORDS, 'ALPHA', null),
      ),
      { minLength: 1, maxLength: 200 },
    )
    .map((rows) => ({ ...c, rows })),
);
type Case = { rules: Array<{ tier: number; when: ConditionNode }>; withDefault: boolean; rows: Cell[][] };

const TIER_IDS = ['A', 'B', 'C', 'D', 'E'];
const TIER_SCORES = [90, 70, 50, 30, 10];

function tableOf(c: Case): GradingTable {
  return {
    format: 'tierwise/grading-table',
    version: 1,
    id: 'rules-check',
    name: { en: 'Rules check' },
    inputs: [
      { id: 'x0', type: 'number', label: { en: 'x0' } },
      { id: 'x1', type: 'number', label: { en: 'x1' } },
      { id: 'x2', type: 'number', label: { en: 'x2' }, required: false },
      { id: 'c', type: 'category', label: { en: 'c' }, values: CATEGORIES.map((id) => ({ id })) },
      { id: 't', type: 'text', label: { en: 't' }, required: false },
    ],
    method: {
      kind: 'rules',
      rules: c.rules.map((rule) => ({ tier: TIER_IDS[rule.tier]!, when: rule.when })),
      ...(c.withDefault ? { default: 'E' } : {}),
    },
    // Only the tiers a rule or the default gives: validation refuses unreachable ones.
    tiers: tiers(...TIER_IDS)
      .map((tier, i) => ({ ...tier, score: TIER_SCORES[i]! }))
      .filter((_t, i) => c.rules.some((rule) => rule.tier === i) || (c.withDefault && i === 4)),
  };
}

/** A row's inputs as the table's text defines them; undefined when a cell cannot be read. */
function decodeRow(row: Cell[]): Record<string, number | string | null> | undefined {
  const number = (cell: Cell): number | undefined =>
    typeof cell === 'number' ? cell : cell === '10' ? 10 : cell === '25.5' ? 25.5 : undefined;
  const [x0, x1, x2, c, t] = [number(row[0]), number(row[1]), number(row[2]), row[3], row[4]];
  const category = CATEGORIES.indexOf(String(c).toLowerCase());
  if (x0 === undefined || x1 === undefined || category < 0) return undefined;
  const x2Blank = row[2] === null || row[2] === '';
  if (!x2Blank && x2 === undefined) return undefined;
  return { x0, x1, x2: x2Blank ? null : x2!, c: category, t: t === null ? null : String(t).toLowerCase() };
}

function holds(node: ConditionNode, row: Record<string, number | string | null>): boolean {
  if ('all' in node) return node.all.every((n) => holds(n, row));
  if ('any' in node) return node.any.some((n) => holds(n, row));
  if ('not' in node) return !holds(node.not, row);
  const v = row[node.input] ?? null;
  if (node.op === 'blank') return v === null;
  if (node.op === 'not_blank') return v !== null;
  if (v === null) return false;
  const operand = (x: string | number | boolean): string | number =>
    node.input === 'c' ? CATEGORIES.indexOf(String(x)) : (x as string | number);
  switch (node.op) {
    case '<':
      return v < operand(node.value);
    case '<=':
      return v <= operand(node.value);
    case '>':
      return v > operand(node.value);
    case '>=':
      return v >= operand(node.value);
    case '=':
      return v === operand(node.value);
    case '<>':
      return v !== operand(node.value);
    case 'in':
      return node.values.map(operand).includes(v);
    case 'contains':
      return String(v).includes(String(node.value));
    case 'between': {
      const { gt, gte, lt, lte } = node.range;
      const x = v as number;
      return (
        (gt === undefined || x > gt) &&
        (gte === undefined || x >= gte) &&
        (lt === undefined || x < lt) &&
        (lte === undefined || x <= lte)
      );
    }
  }
}

/** The tier index the first matching rule gives (or the default); -1 with an error when none can. */
function reference(c: Case, row: Cell[]): { tier: string | null; error: boolean } {
  const decoded = decodeRow(row);
  if (!decoded) return { tier: null, error: true };
  const rule = c.rules.find((r) => holds(r.when, decoded));
  if (rule) return { tier: TIER_IDS[rule.tier]!, error: false };
  return c.withDefault ? { tier: 'E', error: false } : { tier: null, error: true };
}

function check(c: Case): void {
  const result = compileTable(tableOf(c));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const table = result.compiled;
  // Repeated past one block (2,048 rows), so later blocks are checked too.
  const rows = c.rows.length > 20 ? Array.from({ length: 12 }, () => c.rows).flat() : c.rows;
  const columns = [0, 1, 2, 3, 4].map((i) => rows.map((row) => row[i]));
  const expected = rows.map((row) => reference(c, row));
  const tierOf = (index: number): string | null => (index < 0 ? null : table.tiers[index]!.id);
  for (const batch of [table.gradeRows(rows), table.gradeColumns(columns)]) {
    const got = rows.map((_row, r) => ({ tier: tierOf(batch.tiers[r]!), error: batch.errors.has(r) }));
    expect(got).toEqual(expected);
    const scores = Array.from(batch.scores, (s) => (Number.isNaN(s) ? null : s));
    expect(scores).toEqual(expected.map((e) => (e.tier === null ? null : TIER_SCORES[TIER_IDS.indexOf(e.tier)]!)));
  }
  c.rows.forEach((row, r) => {
    const one = table.gradeRow(row);
    const explained = table.explainRow(row);
    const want = expected[r]!.tier;
    expect({ r, one: one.ok ? one.tier : null }).toEqual({ r, one: want });
    expect({ r, explained: explained.ok ? explained.tier : null }).toEqual({ r, explained: want });
  });
}

/**
 * A long batch (about ten blocks) of the case's rows, sorted by x0 and each
 * repeated, so the rows' mix changes along the batch and each `all`/`any`
 * relearns the order of its children between blocks (child-order.ts).
 */
function checkDrifting(c: Case): void {
  const result = compileTable(tableOf(c));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const table = result.compiled;
  const key = (cell: Cell): number => (typeof cell === 'number' ? cell : Infinity);
  const sorted = [...c.rows].sort((a, b) => key(a[0]) - key(b[0]));
  const repeat = Math.ceil(12_000 / sorted.length);
  const rows = sorted.flatMap((row) => Array.from({ length: repeat }, () => row));
  const expected = sorted.flatMap((row) => {
    const want = reference(c, row);
    return Array.from({ length: repeat }, () => want);
  });
  const batch = table.gradeRows(rows);
  const tierOf = (index: number): string | null => (index < 0 ? null : table.tiers[index]!.id);
  // Every row compared; only the first few that differ are listed.
  const wrong = expected
    .map((want, r) => ({ r, want, got: { tier: tierOf(batch.tiers[r]!), error: batch.errors.has(r) } }))
    .filter((x) => x.got.tier !== x.want.tier || x.got.error !== x.want.error);
  expect(wrong.slice(0, 5)).toEqual([]);
}

describe('rules method, evaluated a block at a time', () => {
  it('given random condition trees and rows with edges, blanks and junk, then every row gets the first matching rule', () => {
    checkProperty(fc.property(arbCase, check), { numRuns: 300 });
  });

  it('given rows that all decode, then blocks tested without a list of rows give every row its first matching rule', () => {
    checkProperty(fc.property(arbCleanCase, check), { numRuns: 150 });
  });

  it('given a long batch whose mix of rows changes along the way, then reordering the tests between blocks changes no row', () => {
    checkProperty(fc.property(arbCase, checkDrifting), { numRuns: 25 });
  });

  it('given a rule whose conditions sit exactly on its bounds, then rows on either side of each bound are told apart', () => {
    check({
      rules: [
        {
          tier: 0,
          when: {
            all: [
              { input: 'x0', op: '>=', value: 10 },
              { input: 'x1', op: '<', value: 25.5 },
            ],
          },
        },
        {
          tier: 1,
          when: {
            any: [
              { input: 'x2', op: 'blank' },
              { input: 'x0', op: '=', value: 0 },
            ],
          },
        },
        { tier: 2, when: { not: { input: 'x1', op: 'between', range: { gt: -5, lte: 40 } } } },
      ],
      withDefault: false,
      rows: [
        [10, 25.5, 1, 'gold', null],
        [10, nextDown(25.5), 1, 'gold', null],
        [nextDown(10), 0, null, 'gold', null],
        [0, -5, 3, 'gold', 'alpha'],
        [1, -5, 3, 'gold', 'alpha'],
        [1, nextDown(-5) + 1e-9, 3, 'gold', 'alpha'],
        [1, 40, 3, 'gold', 'alpha'],
        [1, -nextDown(-40), 3, 'gold', 'alpha'],
        [1, 'junk', 3, 'gold', 'alpha'],
        [1, 2, 3, 'tin', 'alpha'],
        [1, 2, '', 'gold', 'alpha'],
      ],
    });
  });
});
