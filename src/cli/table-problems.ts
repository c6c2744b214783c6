import type { TableProblem } from '../engine/errors';
import { formatProblem } from '../engine/messages';
import type { Locale } from '../engine/model';

/** One line per problem: where (JSON path, and the cell for sheet form) and what. */
export function formatProblems(problems: readonly TableProblem[], locale: Locale): string[] {
  // formatProblem leads with the cell when there is one, else the path; show the path in both cases.
  return problems.map((problem) => `  ${problem.cell ? `${problem.path} ` : ''}${formatProblem(problem, locale)}`);
}
