import type { Locale } from '../engine/model';

/** The end of the brace group opening at `open` (the index of its "}"), or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** "one {# row} other {# rows}" -> { one: '# row', other: '# rows' } */
function pluralCases(body: string): Record<string, string> {
  const cases: Record<string, string> = {};
  let i = 0;
  while (i < body.length) {
    const m = /^\s*(=\d+|zero|one|two|few|many|other)\s*\{/.exec(body.slice(i));
    if (!m) break;
    const open = i + m[0].length - 1;
    const end = closing(body, open);
    if (end < 0) break;
    cases[m[1]!] = body.slice(open + 1, end);
    i = end + 1;
  }
  return cases;
}

// Building an Intl formatter costs far more than using one: one of each per locale (the pane formats
// hundreds of messages on its first render).
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const pluralRules = new Map<Locale, Intl.PluralRules>();

function numberFormat(locale: Locale): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 })));
  return format;
}

function pluralRule(locale: Locale): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

/**
 * Fills a message template: `{name}` with the parameter (numbers formatted for the locale) and
 * ICU-style plurals `{count, plural, one {# row} other {# rows}}` chosen by Intl.PluralRules,
 * with `#` the formatted number. Unknown placeholders stay as they are.
 */
export function formatMessage(locale: Locale, template: string, params: Record<string, string | number> = {}): string {
  const numbers = numberFormat(locale);
  const show = (value: string | number) => (typeof value === 'number' ? numbers.format(value) : value);
  // Most texts have no placeholder at all.
  if (!template.includes('{')) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    out += template.slice(i, open);
    const end = closing(template, open);
    if (end < 0) {
      i = open;
      break;
    }
    const inner = template.slice(open + 1, end);
    const plural = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    const value = params[(plural ? plural[1] : inner.trim()) as string];
    if (plural && typeof value === 'number') {
      const cases = pluralCases(plural[2]!);
      const chosen = cases[`=${value}`] ?? cases[pluralRule(locale).select(value)] ?? cases.other ?? '';
      out += formatMessage(locale, chosen, params).replace(/#/g, numbers.format(value));
    } else if (!plural && /^\w+$/.test(inner) && value !== undefined) out += show(value);
    else out += template.slice(open, end + 1);
    i = end + 1;
  }
  return out + template.slice(i);
}
