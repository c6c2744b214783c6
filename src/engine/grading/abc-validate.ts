import type { TableProblem } from '../errors';
import type { AbcMethod, GradingTable, InputDef } from '../model';

/**
 * Semantic checks of an ABC method (structure is checked by the shape): the
 * ranked input is a number column, every cut but the last has a share in
 * (0, 1), shares rise, the last cut takes the rest, no tier is cut twice.
 * Tier references are checked with the other methods' in validate.ts.
 */
export function validateAbcMethod(method: AbcMethod, inputs: readonly InputDef[], path = 'method'): TableProblem[] {
  const problems: TableProblem[] = [];
  const at = inputs.findIndex((input) => input.id === method.input);
  const input = inputs[at];
  if (!input) {
    problems.push({ code: 'unknown-input', path: `${path}.input`, detail: { input: method.input } });
  } else if (input.type !== 'number' || input.source) {
    problems.push({
      code: 'wrong-input-type',
      path: `inputs[${at}].type`,
      detail: { input: input.id, found: input.source ? 'derived' : input.type, expected: 'a number column' },
    });
  }
  const last = method.cuts.length - 1;
  const seen = new Set<string>();
  let previous: number | undefined;
  method.cuts.forEach((cut, i) => {
    const here = `${path}.cuts[${i}]`;
    if (seen.has(cut.tier)) {
      problems.push({ code: 'threshold-tier-repeated', path: `${here}.tier`, detail: { tier: cut.tier } });
    }
    seen.add(cut.tier);
    if ((cut.upTo === undefined) !== (i === last)) {
      problems.push({ code: 'share-cut-last', path: `${here}.upTo` });
      return;
    }
    if (cut.upTo === undefined) return;
    if (!(cut.upTo > 0 && cut.upTo < 1)) {
      problems.push({ code: 'share-cut-range', path: `${here}.upTo`, detail: { value: cut.upTo } });
      return;
    }
    if (previous !== undefined && !(cut.upTo > previous)) {
      problems.push({ code: 'share-cuts-order', path: `${here}.upTo`, detail: { a: cut.upTo, b: previous } });
    }
    previous = cut.upTo;
  });
  return problems;
}

/**
 * Whether a table grades rows against each other (RFM, ABC, thresholds by
 * share): such a table cannot be the source of another table's input, which
 * is graded row by row.
 */
export function isRankedTable(table: GradingTable): boolean {
  const m = table.method;
  if (m.kind === 'rfm' || m.kind === 'abc') return true;
  return (m.kind === 'scorecard' || m.kind === 'matrix') && (m.thresholds ?? []).some((t) => t.topShare !== undefined);
}
