import type { ExplainedValue, ExplanationStep } from './grader';
import type { CompiledGradingTable } from './grading/compiled-table';
import type { InputDef, Locale } from './model';
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

/** The words one table's explanations use in one language, looked up once per table. */
interface Vocabulary {
  input: Map<string, { label: string; def: InputDef; categories: Map<string, string> }>;
  tier: Map<string, string>;
  total: string;
  yes: string;
  no: string;
  blank: string;
  default: string;
  comma: string;
}

const vocabularies = new WeakMap<CompiledGradingTable, Record<Locale, Vocabulary>>();

function vocabulary(compiled: CompiledGradingTable, locale: Locale): Vocabulary {
  let both = vocabularies.get(compiled);
  if (!both) {
    const build = (lang: Locale): Vocabulary => {
      const input = new Map<string, { label: string; def: InputDef; categories: Map<string, string> }>();
      for (const def of [...compiled.table.inputs, ...compiled.columns]) {
        if (input.has(def.id)) continue;
        const categories = new Map((def.values ?? []).map((v) => [v.id, localize(v.label, lang) || v.id]));
        input.set(def.id, { label: localize(def.label, lang) || def.id, def, categories });
      }
      return {
        input,
        tier: new Map(compiled.table.tiers.map((t) => [t.id, localize(t.label, lang) || t.id])),
        total: translate(lang, 'explain.total'),
        yes: translate(lang, 'explain.yes'),
        no: translate(lang, 'explain.no'),
        blank: translate(lang, 'explain.blank'),
        default: translate(lang, 'explain.default'),
        comma: lang === 'zh-CN' ? '，' : ', ',
      };
    };
    both = { 'en-US': build('en-US'), 'zh-CN': build('zh-CN') };
    vocabularies.set(compiled, both);
  }
  return both[locale];
}

const labelOf = (words: Vocabulary, id: string): string => words.input.get(id)?.label ?? id;
const tierOf = (words: Vocabulary, id: string): string => words.tier.get(id) ?? id;

function valueOf(words: Vocabulary, v: ExplainedValue): string {
  if (v.value === null) return words.blank;
  if (typeof v.value === 'number') return formatNumber(v.value);
  if (typeof v.value === 'boolean') return v.value ? words.yes : words.no;
  const input = words.input.get(v.input);
  return input?.def.type === 'category' ? (input.categories.get(v.value) ?? v.value) : v.value;
}

function explainSteps(steps: ExplanationStep[], compiled: CompiledGradingTable, locale: Locale): string {
  const words = vocabulary(compiled, locale);
  const parts: string[] = [];
  let total = NaN;

  for (const step of steps) {
    switch (step.kind) {
      case 'criterion':
        parts.push(
          `${labelOf(words, step.input.input)} ${valueOf(words, step.input)} → ${formatNumber(step.points)}` +
            (step.weight !== 1 ? ` × ${formatNumber(step.weight)}` : '') +
            (step.decay
              ? ` × ${formatNumber(step.decay.factor)}${words.comma}` +
                translate(locale, 'explain.age', {
                  input: labelOf(words, step.decay.age.input),
                  days: valueOf(words, step.decay.age),
                })
              : ''),
        );
        break;
      case 'cap':
        parts.push(
          translate(locale, 'explain.cap', {
            what: step.group ?? words.total,
            max: formatNumber(step.max),
            before: formatNumber(step.before),
          }),
        );
        break;
      case 'multiplier':
        if (step.applied) parts.push(`× ${formatNumber(step.factor)}`);
        break;
      case 'total':
        total = step.score;
        break;
      case 'threshold':
        parts.push(`${words.total} ${formatNumber(total)} ${step.bound} → ${tierOf(words, step.tier)}`);
        break;
      case 'rule':
        if (step.matched) {
          const held = step.conditions
            .filter((c) => c.held)
            .map((c) => `${labelOf(words, c.input.input)} ${valueOf(words, c.input)}`);
          parts.push(`${held.join(', ')} → ${tierOf(words, step.tier)}`);
        }
        break;
      case 'default':
        parts.push(`${words.default} → ${tierOf(words, step.tier)}`);
        break;
      case 'matrix': {
        const cell = typeof step.cell === 'number' ? formatNumber(step.cell) : tierOf(words, step.cell);
        parts.push(
          `${labelOf(words, step.row.input)} ${valueOf(words, step.row)} × ${labelOf(words, step.column.input)} ${valueOf(words, step.column)} → ${cell}`,
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

/** 20000 -> "20,000"; 0.85 -> "0.85"; float noise removed. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 1e6) / 1e6;
  const text = Math.abs(rounded).toString();
  if (text.includes('e')) return String(rounded);
  const dot = text.indexOf('.');
  const whole = dot < 0 ? text : text.slice(0, dot);
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += ',';
    grouped += whole[i];
  }
  return `${rounded < 0 ? '-' : ''}${grouped}${dot < 0 ? '' : text.slice(dot)}`;
}

/** 0.7234 -> "72.34%" (two decimals at most). */
export function formatPercent(share: number): string {
  return `${formatNumber(Math.round(share * 10000) / 100)}%`;
}
