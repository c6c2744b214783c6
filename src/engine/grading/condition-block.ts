import type { Condition, InputDef } from '../model';
import { rangeEnds } from '../table/ranges';
import { operand, type CompiledCondition, type SlotResolver } from './conditions';
import { nextDown } from './bands';
import { ChildOrder } from './child-order';
import { BLOCK_SIZE, type BlockState } from './row-state';

/**
 * A condition evaluated column-wise over a list of rows of a block: it
 * splits rows[0..n) (null: rows 0..n of the block, in order) into those it
 * holds for (written to pass[passAt..], their count returned) and the others
 * (written to fail[failAt..], n - count of them). The written parts must not
 * overlap each other or rows[0..n). It
 * gives exactly what the per-row test (conditions.ts) gives; conditions have
 * no side effects, so testing a child of `all` only on the rows the other
 * children passed (of `any`: failed), in any order, is the same as testing
 * every row.
 */
export type BlockTest = (
  state: BlockState,
  rows: Int32Array | null,
  n: number,
  pass: Int32Array,
  passAt: number,
  fail: Int32Array,
  failAt: number,
) => number;

export function compileBlockTest(node: CompiledCondition, slots: SlotResolver): BlockTest {
  switch (node.kind) {
    case 'all': {
      const { tests, costs } = allChildren(node.children, slots);
      return allOf(tests, new ChildOrder(costs, 'all'));
    }
    case 'any': {
      const tests = node.children.map((child) => compileBlockTest(child, slots));
      return anyOf(tests, new ChildOrder(node.children.map(leafCount), 'any'));
    }
    case 'not': {
      const inner = compileBlockTest(node.child, slots);
      return (state, rows, n, pass, passAt, fail, failAt) => n - inner(state, rows, n, fail, failAt, pass, passAt);
    }
    case 'leaf':
      return leafBlockTest(node, slots.inputOf(node.condition.input));
  }
}

/**
 * The children of an `all`, its numeric conditions on one input merged into
 * one interval test (`x >= 10` and `x < 20`: one pair of compares per row):
 * the intersection of inclusive intervals is the larger low end and the
 * smaller high end; a NaN end (nothing reaches it) stays NaN. `<>` is left
 * alone (its complement is not one interval).
 */
function allChildren(children: CompiledCondition[], slots: SlotResolver): { tests: BlockTest[]; costs: number[] } {
  const tests: BlockTest[] = [];
  const costs: number[] = [];
  const bySlot = new Map<number, { lo: number; hi: number }>();
  for (const child of children) {
    const range =
      child.kind === 'leaf' ? numericRange(child.condition, slots.inputOf(child.condition.input)) : undefined;
    if (child.kind === 'leaf' && range && !range.negate) {
      const ends = inclusiveEnds(range);
      const known = bySlot.get(child.slot);
      bySlot.set(child.slot, known ? { lo: Math.max(known.lo, ends.lo), hi: Math.min(known.hi, ends.hi) } : ends);
      continue;
    }
    tests.push(compileBlockTest(child, slots));
    costs.push(leafCount(child));
  }
  for (const [slot, { lo, hi }] of bySlot) {
    tests.push(rangeBlockTest(slot, lo, hi, false));
    costs.push(1);
  }
  return { tests, costs };
}

function leafCount(node: CompiledCondition): number {
  switch (node.kind) {
    case 'leaf':
      return 1;
    case 'not':
      return leafCount(node.child);
    default:
      return node.children.reduce((sum, child) => sum + leafCount(child), 0);
  }
}

// Validation refuses an empty `all` or `any`, so each has a first child.

/** Two lists of rows a combined test passes between its children. */
class Scratch {
  private lists = [new Int32Array(BLOCK_SIZE), new Int32Array(BLOCK_SIZE)];
  get(i: number, n: number): Int32Array {
    if (this.lists[i & 1]!.length < n) this.lists[i & 1] = new Int32Array(n);
    return this.lists[i & 1]!;
  }
}

/** Each child sees only the rows every earlier child held for; the rows one rejects are failed there. */
function allOf(children: BlockTest[], order: ChildOrder): BlockTest {
  const scratch = new Scratch();
  const last = children.length - 1;
  return (state, rows, n, pass, passAt, fail, failAt) => {
    let current: Int32Array | null = rows;
    let count = n;
    let failed = 0;
    for (let i = 0; i <= last && count > 0; i++) {
      const child = order.order[i]!;
      const target = i === last ? pass : scratch.get(i, n);
      const held = children[child]!(state, current, count, target, i === last ? passAt : 0, fail, failAt + failed);
      order.record(child, count, held);
      failed += count - held;
      current = target;
      count = held;
    }
    order.reorder();
    return count;
  };
}

/** Each child sees only the rows every earlier child failed; the rows one holds for pass there. */
function anyOf(children: BlockTest[], order: ChildOrder): BlockTest {
  const scratch = new Scratch();
  const last = children.length - 1;
  return (state, rows, n, pass, passAt, fail, failAt) => {
    let current: Int32Array | null = rows;
    let count = n;
    let passed = 0;
    for (let i = 0; i <= last && count > 0; i++) {
      const child = order.order[i]!;
      const target = i === last ? fail : scratch.get(i, n);
      const held = children[child]!(state, current, count, pass, passAt + passed, target, i === last ? failAt : 0);
      order.record(child, count, held);
      passed += held;
      current = target;
      count -= held;
    }
    order.reorder();
    return passed;
  };
}

function leafBlockTest(node: Extract<CompiledCondition, { kind: 'leaf' }>, input: InputDef): BlockTest {
  const { slot, condition } = node;
  if (condition.op === 'blank' || condition.op === 'not_blank') {
    const flip = condition.op === 'blank' ? 0 : 1;
    return (state, rows, n, pass, passAt, fail, failAt) => {
      const blank = state.blank[slot]!;
      let p = 0;
      for (let j = 0; j < n; j++) {
        const r = rows === null ? j : rows[j]!;
        pass[passAt + p] = r;
        fail[failAt + j - p] = r;
        p += blank[r]! ^ flip;
      }
      return p;
    };
  }
  const range = numericRange(condition, input);
  if (range) {
    const { lo, hi } = inclusiveEnds(range);
    return rangeBlockTest(slot, lo, hi, range.negate);
  }
  // Text, `in` and `contains`: the per-row test, row by row.
  const test = node.test;
  return (state, rows, n, pass, passAt, fail, failAt) => {
    let p = 0;
    for (let j = 0; j < n; j++) {
      const r = rows === null ? j : rows[j]!;
      if (test(state, r)) pass[passAt + p++] = r;
      else fail[failAt + j - p] = r;
    }
    return p;
  };
}

/** A numeric comparison as an interval (ends inclusive or not), or its complement for `<>`. */
interface Interval {
  lo: number;
  loInclusive: boolean;
  hi: number;
  hiInclusive: boolean;
  negate: boolean;
}

/**
 * `<`, `<=`, `>`, `>=`, `=`, `<>` and `between` on a decoded (non-text)
 * input as an interval. Open sides are closed at ±Infinity so that an
 * infinite value compares as with the operator itself (Infinity >= x).
 */
export function numericRange(c: Condition, input: InputDef): Interval | undefined {
  if (input.type === 'text') return undefined;
  const at = (): number => operand(input, (c as { value: string | number | boolean }).value);
  const interval = (lo: number, loInclusive: boolean, hi: number, hiInclusive: boolean, negate = false): Interval => ({
    lo,
    loInclusive,
    hi,
    hiInclusive,
    negate,
  });
  switch (c.op) {
    case '<':
      return interval(-Infinity, true, at(), false);
    case '<=':
      return interval(-Infinity, true, at(), true);
    case '>':
      return interval(at(), false, Infinity, true);
    case '>=':
      return interval(at(), true, Infinity, true);
    case '=':
      return interval(at(), true, at(), true);
    case '<>':
      return interval(at(), true, at(), true, true);
    case 'between': {
      const e = rangeEnds(c.range);
      return interval(e.lo, e.loInclusive, e.hi, e.hiInclusive);
    }
    default:
      return undefined;
  }
}

/**
 * A known (not blank) value inside the interval [lo, hi] (ends inclusive:
 * inclusiveEnds), or outside it when negated, tested branch-free:
 * comparisons as 0/1, the row written to both lists
 * and kept in the one it belongs to. Random data then costs no mispredicted
 * branches. NaN is never inside, so `<>` holds for it as `!(v === x)` does.
 */
function rangeBlockTest(slot: number, lo: number, hi: number, negate: boolean): BlockTest {
  const flip = negate ? 1 : 0;
  return (state, rows, n, pass, passAt, fail, failAt) => {
    const values = state.values[slot]!;
    const blank = state.blank[slot]!;
    let p = 0;
    if (rows === null) {
      // Every row of the block: read in order, no list to follow.
      for (let r = 0; r < n; r++) {
        const v = values[r]!;
        pass[passAt + p] = r;
        fail[failAt + r - p] = r;
        p += ((+(v >= lo) & +(v <= hi)) ^ flip) & (blank[r]! ^ 1);
      }
      return p;
    }
    for (let j = 0; j < n; j++) {
      const r = rows[j]!;
      const v = values[r]!;
      pass[passAt + p] = r;
      fail[failAt + j - p] = r;
      p += ((+(v >= lo) & +(v <= hi)) ^ flip) & (blank[r]! ^ 1);
    }
    return p;
  };
}

/**
 * The same interval with both ends inclusive. A strict end that no double
 * lies beyond (> +Infinity, < -Infinity) becomes NaN, which nothing reaches.
 */
export function inclusiveEnds({ lo, loInclusive, hi, hiInclusive }: Interval): { lo: number; hi: number } {
  return {
    lo: loInclusive ? lo : lo === Infinity ? NaN : nextUp(lo),
    hi: hiInclusive ? hi : hi === -Infinity ? NaN : nextDown(hi),
  };
}

function nextUp(x: number): number {
  return -nextDown(-x);
}
