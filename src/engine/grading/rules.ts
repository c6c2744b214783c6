import type { ConditionTrace, ExplanationStep } from '../grader';
import type { RulesMethod, Tier } from '../model';
import { compileCondition, type CompiledCondition } from './conditions';
import { explainValue, type MethodContext, type MethodEvaluator } from './method';
import type { BlockState } from './row-state';

/** Ordered rules, first match wins; the default tier or "ungraded" when none matches. */
export function compileRules(method: RulesMethod, tiers: readonly Tier[], ctx: MethodContext): MethodEvaluator {
  const rules = method.rules.map((rule) => ({
    tier: ctx.tierIndex(rule.tier),
    when: compileCondition(rule.when, ctx),
  }));
  const tests = rules.map((r) => r.when.test);
  const ruleTier = Int32Array.from(rules, (r) => r.tier);
  const fallback = method.default === undefined ? -1 : ctx.tierIndex(method.default);
  const tierScores = Float64Array.from(tiers, (t) => t.score ?? NaN);

  return {
    hasScore: tiers.some((t) => t.score !== undefined),
    evaluate(state: BlockState, trace: ExplanationStep[] | undefined): void {
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
