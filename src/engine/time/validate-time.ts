import type { TableProblem } from '../errors';
import type { GradingTable } from '../model';

/**
 * Semantic checks of the time-aware parts of a table (ADR 0017): daysSince
 * inputs are numbers and the table names its as-of date; decays read a number
 * input and have exactly one of a positive half-life or rising steps; capped
 * groups are used by some criterion.
 */
export function validateTimeFields(table: GradingTable): TableProblem[] {
  const problems: TableProblem[] = [];
  table.inputs.forEach((input, i) => {
    if (!input.daysSince) return;
    if (input.type !== 'number') {
      problems.push({
        code: 'wrong-input-type',
        path: `inputs[${i}].type`,
        detail: { input: input.id, found: input.type, expected: 'number (days since a date)' },
      });
    }
    if (table.asOf === undefined && !problems.some((p) => p.path === 'asOf')) {
      problems.push({ code: 'missing-field', path: 'asOf', detail: { field: 'asOf' } });
    }
  });
  const method = table.method;
  // An RFM table's as-of date is its method's (method.asOf).
  if (method.kind === 'rfm' && table.asOf !== undefined) {
    problems.push({ code: 'unknown-field', path: 'asOf', detail: { field: 'asOf' } });
  }
  if (method.kind !== 'scorecard') return problems;
  method.criteria.forEach((criterion, c) => {
    const decay = criterion.decay;
    if (!decay) return;
    const path = `method.criteria[${c}].decay`;
    const age = table.inputs.findIndex((input) => input.id === decay.age);
    if (age < 0) {
      problems.push({ code: 'unknown-input', path: `${path}.age`, detail: { input: decay.age } });
    } else if (table.inputs[age]!.type !== 'number') {
      problems.push({
        code: 'wrong-input-type',
        path: `inputs[${age}].type`,
        detail: { input: decay.age, found: table.inputs[age]!.type, expected: 'number (an age in days)' },
      });
    }
    const steps = decay.steps;
    if ((decay.halfLife === undefined) === (steps === undefined)) {
      problems.push({ code: 'decay-shape', path, detail: { reason: 'one-of' } });
    } else if (decay.halfLife !== undefined && !(decay.halfLife > 0)) {
      problems.push({ code: 'decay-shape', path: `${path}.halfLife`, detail: { reason: 'half-life' } });
    } else if (steps) {
      const unordered = steps.findIndex((s, k) => k > 0 && !(s.fromDays > steps[k - 1]!.fromDays));
      if (unordered > 0) {
        problems.push({
          code: 'decay-shape',
          path: `${path}.steps[${unordered}].fromDays`,
          detail: { reason: 'steps' },
        });
      }
    }
  });
  const groups = new Set(method.criteria.map((c) => c.group).filter((g) => g !== undefined));
  const capped = new Set<string>();
  (method.groupCaps ?? []).forEach((cap, k) => {
    const path = `method.groupCaps[${k}].group`;
    if (capped.has(cap.group)) problems.push({ code: 'duplicate-id', path, detail: { id: cap.group } });
    capped.add(cap.group);
    if (!groups.has(cap.group)) problems.push({ code: 'unknown-group', path, detail: { group: cap.group } });
  });
  return problems;
}
