import type { Condition, ConditionNode, InputDef } from '../../src/engine';
import { ChildOrder } from '../../src/engine/grading/child-order';
import { compileBlockTest, inclusiveEnds } from '../../src/engine/grading/condition-block';
import { compileCondition } from '../../src/engine/grading/conditions';
import { BlockState } from '../../src/engine/grading/row-state';
import { nextDown } from '../../src/engine/grading/bands';
import { inRange } from '../../src/engine/table/ranges';

const nextUp = (x: number): number => -nextDown(-x);

describe('inclusiveEnds: an interval tested as lo <= v <= hi', () => {
  const ENDS = [-Infinity, -Number.MAX_VALUE, -1, -0, 0, Number.MIN_VALUE, 1, 2.5, Number.MAX_VALUE, Infinity, NaN];
  const PROBES = [...new Set(ENDS.flatMap((x) => [x, nextDown(x), nextUp(x)]))];

  it('given every pair of ends, open or closed, then each value on and beside them is inside exactly when inRange says so', () => {
    const mismatches: string[] = [];
    for (const lo of ENDS)
      for (const hi of ENDS)
        for (const loInclusive of [true, false])
          for (const hiInclusive of [true, false]) {
            const ends = inclusiveEnds({ lo, loInclusive, hi, hiInclusive, negate: false });
            for (const v of PROBES) {
              const want = inRange({ lo, loInclusive, hi, hiInclusive }, v);
              if (v >= ends.lo && v <= ends.hi) {
                if (!want) mismatches.push(`${v} in ${loInclusive ? '[' : '('}${lo}, ${hi}${hiInclusive ? ']' : ')'}`);
              } else if (want)
                mismatches.push(`${v} not in ${loInclusive ? '[' : '('}${lo}, ${hi}${hiInclusive ? ']' : ')'}`);
            }
          }
    expect(mismatches).toEqual([]);
  });
});

describe('ChildOrder: the order an all/any tests its children in', () => {
  it('given no counts yet, then the children keep the table order', () => {
    const order = new ChildOrder([1, 1, 1], 'all');
    order.reorder();
    expect(Array.from(order.order)).toEqual([0, 1, 2]);
  });

  it('given an all whose third child rejects most rows, then that child is tested first', () => {
    const order = new ChildOrder([1, 1, 1], 'all');
    order.record(0, 1000, 900);
    order.record(1, 900, 500);
    order.record(2, 500, 20);
    order.reorder();
    expect(Array.from(order.order)).toEqual([2, 1, 0]);
  });

  it('given an any whose last child accepts most rows, then that child is tested first', () => {
    const order = new ChildOrder([1, 1], 'any');
    order.record(0, 1000, 10);
    order.record(1, 990, 980);
    order.reorder();
    expect(Array.from(order.order)).toEqual([1, 0]);
  });

  it('given two children that reject alike, then the one with fewer leaves goes first', () => {
    const order = new ChildOrder([3, 1], 'all');
    order.record(0, 1000, 500);
    order.record(1, 500, 250);
    order.reorder();
    expect(Array.from(order.order)).toEqual([1, 0]);
  });

  it('given rows whose mix changes, then old counts fade and the order follows the recent rows', () => {
    const order = new ChildOrder([1, 1], 'all');
    order.record(0, 100_000, 1_000);
    order.record(1, 1_000, 900);
    order.reorder();
    expect(Array.from(order.order)).toEqual([0, 1]);
    for (let block = 0; block < 200; block++) {
      order.record(0, 2_048, 2_000);
      order.record(1, 2_048, 20);
    }
    order.reorder();
    expect(Array.from(order.order)).toEqual([1, 0]);
  });
});

describe('compileBlockTest: each condition over a block, with and without a list of rows', () => {
  const INPUTS: InputDef[] = [
    { id: 'x', type: 'number', label: { en: 'x' }, required: false },
    { id: 'c', type: 'category', label: { en: 'c' }, values: [{ id: 'gold' }, { id: 'silver' }, { id: 'bronze' }] },
    { id: 't', type: 'text', label: { en: 't' }, required: false },
  ];
  const slots = {
    slotOf: (id: string) => INPUTS.findIndex((input) => input.id === id),
    inputOf: (id: string) => INPUTS.find((input) => input.id === id)!,
  };
  const OPERANDS = [-5, 0, 25.5];
  const leaves: Condition[] = [
    ...(['<', '<=', '>', '>=', '=', '<>'] as const).flatMap((op) =>
      OPERANDS.map((value): Condition => ({ input: 'x', op, value })),
    ),
    ...[{ gt: -5 }, { gte: -5, lt: 25.5 }, { gt: 0, lte: 25.5 }, { gte: 0, lte: 0 }, { lt: 0 }].map(
      (range): Condition => ({ input: 'x', op: 'between', range }),
    ),
    { input: 'x', op: 'in', values: [0, 25.5] },
    { input: 'x', op: 'blank' },
    { input: 'x', op: 'not_blank' },
    { input: 'c', op: '=', value: 'silver' },
    { input: 'c', op: '<>', value: 'silver' },
    { input: 'c', op: 'in', values: ['gold', 'bronze'] },
    { input: 't', op: '=', value: 'beta' },
    { input: 't', op: '<>', value: 'beta' },
    { input: 't', op: 'contains', value: 'alp' },
    { input: 't', op: 'blank' },
  ];
  // x: every operand and its neighbours, ±Infinity, a known NaN (a source table's score of a tier without one), blanks.
  const X = [...OPERANDS.flatMap((v) => [v, nextDown(v), nextUp(v)]), -Infinity, Infinity, NaN, 'blank' as const];
  const size = X.length * 3;
  const state = new BlockState(INPUTS.length, size);
  state.begin(size);
  for (let r = 0; r < size; r++) {
    const x = X[r % X.length]!;
    state.values[0]![r] = x === 'blank' ? NaN : x;
    state.blank[0]![r] = x === 'blank' ? 1 : 0;
    state.values[1]![r] = r % 3;
    state.blank[2]![r] = r % 4 === 3 ? 1 : 0;
    state.texts[2]![r] = r % 4 === 3 ? undefined : ['alpha', 'beta', 'alphabet'][r % 4];
  }

  // Conditions on x in one `all` are merged into one interval: every pair, and with a third on another input.
  const onX = leaves.filter((leaf) => leaf.input === 'x');
  const merged: ConditionNode[] = onX.flatMap((a, i) =>
    onX.slice(i).map((b, j): ConditionNode => (j % 2 ? { all: [a, b] } : { all: [a, leaves.at(-1 - (i % 6))!, b] })),
  );

  it.each([...leaves, ...merged].map((leaf) => [JSON.stringify(leaf), leaf] as const))(
    'given %s, then the rows it passes are those the per-row test holds for',
    (_name, leaf) => {
      const node = compileCondition(leaf, slots);
      const test = compileBlockTest(node, slots);
      const want = Array.from({ length: size }, (_r, r) => r).filter((r) => node.test(state, r));
      const backwards = Int32Array.from({ length: size }, (_r, j) => size - 1 - j);
      for (const rows of [null, backwards]) {
        const pass = new Int32Array(size + 2);
        const fail = new Int32Array(size + 2);
        const held = test(state, rows, size, pass, 1, fail, 2);
        expect([...pass.subarray(1, 1 + held)].sort((a, b) => a - b)).toEqual(want);
        expect([...fail.subarray(2, 2 + size - held)].sort((a, b) => a - b)).toEqual(
          Array.from({ length: size }, (_r, r) => r).filter((r) => !want.includes(r)),
        );
      }
    },
  );
});
