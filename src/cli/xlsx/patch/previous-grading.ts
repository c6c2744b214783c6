/**
 * A workbook graded before: its header ends with Tierwise's own columns (Score, Tier, Strategy, ...,
 * helper columns, in either language) and it holds Tierwise's summary or rules sheet. Grading it again
 * replaces those columns instead of grading them as inputs and adding a second set.
 */
import { formulaText } from '../../../engine/formula';
import { planText } from '../../../engine/plan/build';
import type { PlanOutputKind } from '../../../engine/plan';
import type { Locale } from '../../../engine/model';

const KINDS: readonly PlanOutputKind[] = ['score', 'tier', 'strategy', 'follow-up', 'explanation', 'error'];
const LOCALES: readonly Locale[] = ['en-US', 'zh-CN'];

function isOwnHeader(text: string): boolean {
  for (const locale of LOCALES) {
    if (KINDS.some((kind) => planText(locale, `header.${kind}`) === text)) return true;
    const helper = formulaText(locale, 'formula.helper-header', { n: 0 }).replace('0', '');
    if (text.startsWith(helper) && /^\d+$/.test(text.slice(helper.length))) return true;
  }
  return false;
}

/**
 * The header's width without a previous grading's columns, and how far those reached (1-based last
 * column; 0 when there were none).
 */
export function withoutPreviousGrading(
  headers: readonly string[],
  gradedBefore: boolean,
): { width: number; replacedTo: number } {
  let width = headers.length;
  if (!gradedBefore) return { width, replacedTo: 0 };
  while (width > 0 && isOwnHeader(headers[width - 1]!)) width--;
  return { width, replacedTo: width < headers.length ? headers.length : 0 };
}
