import type { Condition, ConditionNode, InputDef } from '../model';
import { inRange, rangeEnds } from '../table/ranges';
import { isoDateToSerial, normalizeKey } from '../values/coerce';
import { categoryLookup } from './decode';
import type { BlockState } from './row-state';

/** Whether a condition holds for row r of the block. */
export type Test = (state: BlockState, r: number) => boolean;

/** A condition tree ready to run: each node keeps its fast test and, for explanations, its source. */
export type CompiledCondition =
  | { kind: 'leaf'; condition: Condition; slot: number; test: Test }
  | { kind: 'all' | 'any'; children: CompiledCondition[]; test: Test }
  | { kind: 'not'; child: CompiledCondition; test: Test };

export interface SlotResolver {
  slotOf(inputId: string): number;
  inputOf(inputId: string): InputDef;
}

/**
 * Compiles a condition tree into closures. Conditions are data: nothing is
 * evaluated as code. A blank (optional) input makes every condition on it
 * false except `blank`, so "not recorded" never counts as a yes or a no.
 */
export function compileCondition(node: ConditionNode, slots: SlotResolver): CompiledCondition {
  if ('all' in node) {
    const children = node.all.map((n) => compileCondition(n, slots));
    const tests = children.map((c) => c.test);
    const test: Test = (s, r) => {
      for (let i = 0; i < tests.length; i++) if (!tests[i]!(s, r)) return false;
      return true;
    };
    return { kind: 'all', children, test };
  }
  if ('any' in node) {
    const children = node.any.map((n) => compileCondition(n, slots));
    const tests = children.map((c) => c.test);
    const test: Test = (s, r) => {
      for (let i = 0; i < tests.length; i++) if (tests[i]!(s, r)) return true;
      return false;
    };
    return { kind: 'any', children, test };
  }
  if ('not' in node) {
    const child = compileCondition(node.not, slots);
    const inner = child.test;
    return { kind: 'not', child, test: (s, r) => !inner(s, r) };
  }
  const slot = slots.slotOf(node.input);
  return { kind: 'leaf', condition: node, slot, test: leafTest(node, slots.inputOf(node.input), slot) };
}

function leafTest(c: Condition, input: InputDef, slot: number): Test {
  if (c.op === 'blank') return (s, r) => s.blank[slot]![r] === 1;
  if (c.op === 'not_blank') return (s, r) => s.blank[slot]![r] === 0;
  const known =
    (test: (v: number, text: string) => boolean): Test =>
    (s, r) =>
      s.blank[slot]![r] === 0 && test(s.values[slot]![r]!, s.texts[slot]![r] ?? '');
  switch (c.op) {
    case 'between': {
      const e = rangeEnds(c.range);
      return known((v) => inRange(e, v));
    }
    case 'contains': {
      const needle = normalizeKey(c.value);
      if (input.type === 'category') {
        const hits = (input.values ?? []).map((v) =>
          [v.id, v.label?.en, v.label?.zh, ...(v.aliases ?? [])].some(
            (name) => name && normalizeKey(name).includes(needle),
          ),
        );
        return known((v) => hits[v] === true);
      }
      return known((_v, text) => text.includes(needle));
    }
    case 'in': {
      if (input.type === 'text') {
        const set = new Set(c.values.map((x) => normalizeKey(String(x))));
        return known((_v, text) => set.has(text));
      }
      const set = new Set(c.values.map((x) => operand(input, x)));
      return known((v) => set.has(v));
    }
    case '=':
    case '<>': {
      const equal =
        input.type === 'text'
          ? (
              (key: string) => (_v: number, text: string) =>
                text === key
            )(normalizeKey(String(c.value)))
          : (
              (x: number) => (v: number) =>
                v === x
            )(operand(input, c.value));
      return c.op === '=' ? known(equal) : known((v, text) => !equal(v, text));
    }
    case '<': {
      const x = operand(input, c.value);
      return known((v) => v < x);
    }
    case '<=': {
      const x = operand(input, c.value);
      return known((v) => v <= x);
    }
    case '>': {
      const x = operand(input, c.value);
      return known((v) => v > x);
    }
    case '>=': {
      const x = operand(input, c.value);
      return known((v) => v >= x);
    }
  }
}

/** A literal in a condition, decoded the way the input's cells are. */
export function operand(input: InputDef, value: string | number | boolean): number {
  switch (input.type) {
    case 'boolean':
      return value === true ? 1 : 0;
    case 'date': {
      const [y, m, d] = String(value).split('-').map(Number);
      return isoDateToSerial(y!, m!, d!);
    }
    case 'category':
      return categoryLookup(input).get(normalizeKey(String(value))) ?? -1;
    default:
      return typeof value === 'number' ? value : Number.NaN;
  }
}
