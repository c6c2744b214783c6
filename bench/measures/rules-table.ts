import type { Condition, GradingTable } from '../../src/engine';
import { tiers } from '../../test/engine/fixtures';

/**
 * Ten tiers, three conditions each (30 in all) on five inputs. Odd rules are `any(all(two), third)` and
 * the third (`x <> k`) holds for 99% of rows, so rule 1 settles almost every row rule 0 leaves: about two
 * rules per row are tested. `spread` makes every rule an `all` of its three conditions, so rows spread
 * over all ten tiers and most rows test several rules (the harder measure).
 */
export function rulesTable(spread = false): GradingTable {
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
      when: spread || k % 2 === 0 ? { all: conditions } : { any: [{ all: conditions.slice(0, 2) }, conditions[2]!] },
    };
  });
  return {
    format: 'tierwise/grading-table',
    version: 1,
    id: spread ? 'bench-rules-spread' : 'bench-rules',
    name: { en: 'Bench rules' },
    inputs: inputs.map((id) => ({ id, type: 'number' as const, label: { en: id } })),
    method: { kind: 'rules', rules: rules.slice(0, 9), default: 'T10' },
    tiers: tiers(...ids),
  };
}
