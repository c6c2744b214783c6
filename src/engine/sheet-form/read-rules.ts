/** A rules method from the sheet form, and the "Default tier" title entry (rules, rfm). */
import type { Method, Rule, RulesMethod } from '../model';
import type { Cell } from '../values/cell';
import type { TitleKey } from './layout';
import { readTree } from './read-conditions';
import { type Section, Reader } from './reader';
import { requireColumns, rowReader, groupRows } from './section-rows';

export function readRules(
  reader: Reader,
  section: Section | undefined,
  title: Map<TitleKey, { index: number; cells: Cell[] }>,
): Method {
  const rules: Rule[] = [];
  if (section !== undefined && requireColumns(reader, section)) {
    for (const group of groupRows(reader, section, 'tier', 'method.rules')) {
      const r = rowReader(reader, group.head);
      const path = `method.rules[${rules.length}]`;
      reader.at(path, group.head.index, r.col('tier'));
      const rule: Rule = {
        tier: r.word('tier', `${path}.tier`) ?? '',
        when: readTree(reader, group.rows, `${path}.when`) ?? { all: [] },
      };
      const label = r.localized('labelEn', 'labelZh', `${path}.label`);
      if (label !== undefined) rule.label = label;
      rules.push(rule);
    }
  }
  const method: RulesMethod = { kind: 'rules', rules };
  const fallback = readDefault(reader, title);
  if (fallback !== undefined) method.default = fallback;
  return method;
}

/** The "Default tier" title entry (rules, rfm). */
export function readDefault(
  reader: Reader,
  title: Map<TitleKey, { index: number; cells: Cell[] }>,
): string | undefined {
  const entry = title.get('default');
  if (entry === undefined) return undefined;
  const tier = reader.word(entry.cells[1], 'method.default', entry.index, 1);
  if (tier !== undefined) reader.at('method.default', entry.index, 1);
  return tier;
}
