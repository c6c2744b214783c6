import type { Condition, GradingTable } from '../../src/engine';
import { tiers } from '../../test/engine/fixtures';

/** Ten tiers, three conditions each (30 in all) on five inputs; the best tier is rare so most rows test every rule. */
export function rulesTable(): GradingTable {
  const ids = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10'];
  const inputs = ['a', 'b', 'c', 'd', 'e'];
  const rules = ids.map((tier, k) => {
    const conditions: Condition[] = [
      { input: inputs[k % 5]!, op: '>=', value: 90 - k * 8 },
      { input: inputs[(k + 1) % 5]!, op: 'between', range: { gt: k * 3, lte: 100 } },
      { input: inputs[(k + 2) % 5]!, op: '<>', value: k },
    ];
    return {
      tier,
      when: k % 2 === 0 ? { all: conditions } : { any: [{ all: conditions.slice(0, 2) }, conditions[2]!] },
    };
  });
  return {
    format: 'tierwise/grading-table',
    version: 1,
    id: 'bench-rules',
    name: { en: 'Bench rules' },
    inputs: inputs.map((id) => ({ id, type: 'number' as const, label: { en: id } })),
    method: { kind: 'rules', rules: rules.slice(0, 9), default: 'T10' },
    tiers: tiers(...ids),
  };
}
