import type { ConditionTrace, ExplanationStep } from '../grader';
import type { RulesMethod, Tier } from '../model';
import { compileBlockTest } from './condition-block';
import { compileCondition, type CompiledCondition } from './conditions';
import { explainValue, type MethodContext, type MethodEvaluator } from './method';
import { BLOCK_SIZE, type BlockState } from './row-state';

/** Ordered rules, first match wins; the default tier or "ungraded" when none matches. */
export function compileRules(method: RulesMethod, tiers: readonly Tier[], ctx: MethodContext): MethodEvaluator {
  const rules = method.rules.map((rule) => ({
    tier: ctx.tierIndex(rule.tier),
    when: compileCondition(rule.when, ctx),
  }));
  const tests = rules.map((r) => r.when.test);
  const blockTests = rules.map((r) => compileBlockTest(r.when, ctx));
  const ruleTier = Int32Array.from(rules, (r) => r.tier);
  const fallback = method.default === undefined ? -1 : ctx.tierIndex(method.default);
  const tierScores = Float64Array.from(tiers, (t) => t.score ?? NaN);
  let pending: Int32Array = new Int32Array(BLOCK_SIZE);
  let rest: Int32Array = new Int32Array(BLOCK_SIZE);
  let matched = new Int32Array(BLOCK_SIZE);

  return {
    hasScore: tiers.some((t) => t.score !== undefined),
    writesEveryRow: true,
    evaluate(state: BlockState, trace: ExplanationStep[] | undefined): void {
      if (!trace) {
        evaluateBlock(state);
        return;
      }
      state.score.fill(NaN, 0, state.size);
      state.tier.fill(-1, 0, state.size);
      for (let r = 0; r < state.size; r++) {
        if (state.failed[r] === 1) continue;
        let tier = -1;
        for (let i = 0; i < tests.length; i++) {
          const held = tests[i]!(state, r);
          if (trace) {
            const conditions: ConditionTrace[] = [];
            traceCondition(rules[i]!.when, state, ctx, conditions);
            trace.push({ kind: 'rule', index: i, tier: tiers[ruleTier[i]!]!.id, matched: held, conditions });
          }
          if (held) {
            tier = ruleTier[i]!;
            break;
          }
        }
        if (tier < 0) {
          if (fallback < 0) {
            state.fail(r, { kind: 'no-match' });
            continue;
          }
          tier = fallback;
          if (trace) trace.push({ kind: 'default', tier: tiers[tier]!.id });
        }
        state.tier[r] = tier;
        state.score[r] = tierScores[tier]!;
      }
    },
  };

  /**
   * Rule by rule over the whole block: each rule is tested, column-wise, only
   * on the rows no earlier rule matched, so the first match wins as row by row.
   */
  function evaluateBlock(state: BlockState): void {
    const size = state.size;
    if (pending.length < size) {
      pending = new Int32Array(size);
      rest = new Int32Array(size);
      matched = new Int32Array(size);
    }
    const tierOut = state.tier;
    const scoreOut = state.score;
    // null: every row of the block, when none failed to decode.
    let rows: Int32Array | null = null;
    let n = size;
    if (state.failures > 0) {
      // A failed row's tier is -1 already (BlockState.fail); its score is NaN.
      scoreOut.fill(NaN, 0, size);
      const failed = state.failed;
      rows = pending;
      n = 0;
      for (let r = 0; r < size; r++) {
        rows[n] = r;
        n += failed[r]! ^ 1;
      }
    }
    for (let i = 0; i < blockTests.length && n > 0; i++) {
      const held = blockTests[i]!(state, rows, n, matched, 0, rest, 0);
      const tier = ruleTier[i]!;
      const score = tierScores[tier]!;
      for (let j = 0; j < held; j++) {
        const r = matched[j]!;
        tierOut[r] = tier;
        scoreOut[r] = score;
      }
      // The rows left are in `rest`; the list just read (if any) becomes the next `rest`.
      const left = rest;
      rest = rows ?? pending;
      pending = left;
      rows = left;
      n -= held;
    }
    for (let j = 0; j < n; j++) {
      const r = rows === null ? j : rows[j]!;
      if (fallback < 0) {
        state.fail(r, { kind: 'no-match' });
        scoreOut[r] = NaN;
      } else {
        tierOut[r] = fallback;
        scoreOut[r] = tierScores[fallback]!;
      }
    }
  }
}

/** Records every leaf of a condition tree with whether it held (explanations only: row 0). */
function traceCondition(node: CompiledCondition, state: BlockState, ctx: MethodContext, out: ConditionTrace[]): void {
  switch (node.kind) {
    case 'leaf':
      out.push({
        input: explainValue(state, node.slot, ctx.inputOf(node.condition.input)),
        condition: describeCondition(node),
        held: node.test(state, 0),
      });
      return;
    case 'all':
    case 'any':
      node.children.forEach((child) => traceCondition(child, state, ctx, out));
      return;
    case 'not':
      traceCondition(node.child, state, ctx, out);
      return;
  }
}

/** "payment_days <= 30", "signed = true", "industry in [it, finance]". */
export function describeCondition(node: Extract<CompiledCondition, { kind: 'leaf' }>): string {
  const c = node.condition;
  switch (c.op) {
    case 'blank':
    case 'not_blank':
      return `${c.input} ${c.op === 'blank' ? 'is blank' : 'is not blank'}`;
    case 'between':
      return `${c.input} in ${JSON.stringify(c.range)}`;
    case 'in':
      return `${c.input} in [${c.values.join(', ')}]`;
    default:
      return `${c.input} ${c.op} ${String(c.value)}`;
  }
}
