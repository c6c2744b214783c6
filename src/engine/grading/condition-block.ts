import type { Condition, InputDef } from '../model';
import { rangeEnds } from '../table/ranges';
import { operand, type CompiledCondition, type SlotResolver } from './conditions';
import { BLOCK_SIZE, type BlockState } from './row-state';

/**
 * A condition evaluated column-wise over a list of rows of a block: it
 * splits rows[0..n) into those it holds for (written to `pass`, their count
 * returned) and the others (written to `fail`, n - count of them). `pass` and
 * `fail` must not overlap each other or `rows`. It gives exactly what the
 * per-row test (conditions.ts) gives; conditions have no side effects, so
 * testing a child of `all` only on the rows the earlier children passed (of
 * `any`: failed) is the same as testing every row.
 */
export type BlockTest = (state: BlockState, rows: Int32Array, n: number, pass: Int32Array, fail: Int32Array) => number;

export function compileBlockTest(node: CompiledCondition, slots: SlotResolver): BlockTest {
  switch (node.kind) {
    case 'all':
    case 'any':
      return (node.kind === 'all' ? allOf : anyOf)(node.children.map((child) => compileBlockTest(child, slots)));
    case 'not': {
      const inner = compileBlockTest(node.child, slots);
      return (state, rows, n, pass, fail) => n - inner(state, rows, n, fail, pass);
    }
    case 'leaf':
      return leafBlockTest(node, slots.inputOf(node.condition.input));
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
function allOf(children: BlockTest[]): BlockTest {
  const scratch = new Scratch();
  return (state, rows, n, pass, fail) => {
    let current = rows;
    let count = n;
    let failed = 0;
    for (let i = 0; i < children.length && count > 0; i++) {
      const target = i === children.length - 1 ? pass : scratch.get(i, n);
      const held = children[i]!(state, current, count, target, fail.subarray(failed));
      failed += count - held;
      current = target;
      count = held;
    }
    return count;
  };
}

/** Each child sees only the rows every earlier child failed; the rows one holds for pass there. */
function anyOf(children: BlockTest[]): BlockTest {
  const scratch = new Scratch();
  return (state, rows, n, pass, fail) => {
    let current = rows;
    let count = n;
    let passed = 0;
    for (let i = 0; i < children.length && count > 0; i++) {
      const target = i === children.length - 1 ? fail : scratch.get(i, n);
      const held = children[i]!(state, current, count, pass.subarray(passed), target);
      passed += held;
      current = target;
      count -= held;
    }
    return passed;
  };
}

function leafBlockTest(node: Extract<CompiledCondition, { kind: 'leaf' }>, input: InputDef): BlockTest {
  const { slot, condition } = node;
  if (condition.op === 'blank' || condition.op === 'not_blank') {
    const want = condition.op === 'blank' ? 1 : 0;
    return (state, rows, n, pass, fail) => {
      const blank = state.blank[slot]!;
      let p = 0;
      for (let j = 0; j < n; j++) {
        const r = rows[j]!;
        if (blank[r] === want) pass[p++] = r;
        else fail[j - p] = r;
      }
      return p;
    };
  }
  const range = numericRange(condition, input);
  if (range) return rangeBlockTest(slot, range);
  // Text, `in` and `contains`: the per-row test, row by row.
  const test = node.test;
  return (state, rows, n, pass, fail) => {
    let p = 0;
    for (let j = 0; j < n; j++) {
      const r = rows[j]!;
      if (test(state, r)) pass[p++] = r;
      else fail[j - p] = r;
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

/** A known (not blank) value inside the interval; NaN is never inside, so `<>` holds for it as `!(v === x)` does. */
function rangeBlockTest(slot: number, { lo, loInclusive, hi, hiInclusive, negate }: Interval): BlockTest {
  const flip = negate ? 1 : 0;
  return (state, rows, n, pass, fail) => {
    const values = state.values[slot]!;
    const blank = state.blank[slot]!;
    let p = 0;
    for (let j = 0; j < n; j++) {
      const r = rows[j]!;
      const v = values[r]!;
      const inside = (v > lo || (loInclusive && v === lo)) && (v < hi || (hiInclusive && v === hi));
      // Written to both lists, kept in the one it belongs to: no branch to mispredict.
      const held = blank[r] === 0 ? (inside ? 1 : 0) ^ flip : 0;
      pass[p] = r;
      fail[j - p] = r;
      p += held;
    }
    return p;
  };
}
