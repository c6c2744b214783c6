import type { ExplainedValue, ExplanationStep } from './grader';
import type { CompiledGradingTable } from './grading/compiled-table';
import type { GradingTable, InputDef, Locale } from './model';
import { localize, translate } from '../i18n';

/**
 * The one-line explanation of a graded row in both languages, e.g.
 * "月均销售额 20,000 → 70; 回款天数 35 → 20; 合计 90 ≥ 80 → A".
 */
export function writeExplanation(steps: ExplanationStep[], compiled: CompiledGradingTable): { en: string; zh: string } {
  return {
    en: explainSteps(steps, compiled, 'en-US'),
    zh: explainSteps(steps, compiled, 'zh-CN'),
  };
}

function explainSteps(steps: ExplanationStep[], compiled: CompiledGradingTable, locale: Locale): string {
  const table = compiled.table;
  const inputOf = (id: string): InputDef | undefined =>
    table.inputs.find((i) => i.id === id) ?? compiled.columns.find((i) => i.id === id);
  const label = (id: string) => localize(inputOf(id)?.label, locale) || id;
  const tierLabel = (t: GradingTable, id: string) => localize(t.tiers.find((x) => x.id === id)?.label, locale) || id;
  const value = (v: ExplainedValue) => formatValue(v, inputOf(v.input), locale);
  const parts: string[] = [];
  let total: number | undefined;

  for (const step of steps) {
    switch (step.kind) {
      case 'criterion':
        parts.push(
          `${label(step.input.input)} ${value(step.input)} → ${formatNumber(step.points)}` +
            (step.weight !== 1 ? ` × ${formatNumber(step.weight)}` : ''),
        );
        break;
      case 'multiplier':
        if (step.applied) parts.push(`× ${formatNumber(step.factor)}`);
        break;
      case 'total':
        total = step.score;
        break;
      case 'threshold':
        parts.push(
          `${translate(locale, 'explain.total')} ${formatNumber(total ?? NaN)} ${step.bound} → ${tierLabel(table, step.tier)}`,
        );
        break;
      case 'rule':
        if (step.matched) {
          const held = step.conditions.filter((c) => c.held).map((c) => `${label(c.input.input)} ${value(c.input)}`);
          parts.push(`${held.join(', ')} → ${tierLabel(table, step.tier)}`);
        }
        break;
      case 'default':
        parts.push(`${translate(locale, 'explain.default')} → ${tierLabel(table, step.tier)}`);
        break;
      case 'matrix': {
        const cell = typeof step.cell === 'number' ? formatNumber(step.cell) : tierLabel(table, step.cell);
        parts.push(
          `${label(step.row.input)} ${value(step.row)} × ${label(step.column.input)} ${value(step.column)} → ${cell}`,
        );
        break;
      }
      case 'source': {
        const source = compiled.derived.find((d) => d.input.id === step.input)?.source;
        // Only the part of the source's reasoning this table uses: its score, or its tier.
        const used = step.output === 'score' ? step.steps.filter((s) => s.kind !== 'threshold') : step.steps;
        if (source) parts.push(explainSteps(used, source, locale));
        break;
      }
    }
  }
  return parts.join('; ');
}

function formatValue(v: ExplainedValue, input: InputDef | undefined, locale: Locale): string {
  if (v.value === null) return translate(locale, 'explain.blank');
  if (typeof v.value === 'number') return formatNumber(v.value);
  if (typeof v.value === 'boolean') return translate(locale, v.value ? 'explain.yes' : 'explain.no');
  if (input?.type === 'category') {
    const category = input.values?.find((c) => c.id === v.value);
    return localize(category?.label, locale) || String(v.value);
  }
  return v.value;
}

/** 20000 -> "20,000"; 0.85 -> "0.85"; float noise removed. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 1e6) / 1e6;
  const [whole, fraction] = Math.abs(rounded).toString().split('.');
  if (whole === undefined || whole.includes('e')) return String(rounded);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}
