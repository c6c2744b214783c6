import { fill } from '../../i18n';
import { formulaEnUS, type FormulaMessageKey } from '../../i18n/formula.en-US';
import { formulaZhCN } from '../../i18n/formula.zh-CN';
import type { InputDef, Locale } from '../model';
import type { FormulaErrorKind, FormulaProblem } from './generate';

export function formulaText(
  locale: Locale,
  key: FormulaMessageKey,
  params: Record<string, string | number> = {},
): string {
  const table: Record<FormulaMessageKey, string> = locale === 'zh-CN' ? formulaZhCN : formulaEnUS;
  return fill(table[key], params);
}

/**
 * The Error column's texts in a language, for compileToFormulas' errorText;
 * an input is named by its sheet header when `headers` has it (as Apply's values do).
 */
export function formulaErrorText(
  locale: Locale,
  headers?: ReadonlyMap<string, string>,
): (kind: FormulaErrorKind, input?: InputDef) => string {
  return (kind, input) =>
    formulaText(locale, `formula.error.${kind}`, {
      input: input ? (headers?.get(input.id) ?? input.id) : '',
      allowed: (input?.values ?? []).map((v) => v.id).join(', '),
    });
}

/** Why a table cannot be written as formulas, as one line. */
export function formatFormulaProblem(problem: FormulaProblem, locale: Locale): string {
  switch (problem.kind) {
    case 'invalid-table':
      return formulaText(locale, 'formula.invalid-table', { count: problem.problems.length });
    case 'unsupported':
      return formulaText(locale, `formula.unsupported.${problem.feature}`, {
        table: problem.table,
        input: problem.input ?? '',
        value: problem.value ?? '',
      });
    case 'bad-column':
      return formulaText(locale, 'formula.bad-column', { input: problem.input });
    case 'too-long':
      return formulaText(locale, 'formula.too-long', {
        output: problem.output,
        length: problem.length,
        nesting: problem.nesting,
      });
  }
}
