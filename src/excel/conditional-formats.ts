/**
 * Tierwise's own conditional formats among the user's. Excel refuses to load
 * `custom/...` on a colour scale, data bar or icon set ("This operation is not
 * permitted for the current object", OfficeDev/office-js#2180), so custom
 * rules are read through `customOrNullObject`, which is a null object on the
 * other types; those are left alone, in their place and priority.
 */
import type { ExcelConditionalFormat, ExcelConditionalFormatCollection } from './excel-api';

/** Queues the load of every format's id, type and custom rule (formula, fill, font); sync before reading. */
export function loadCustomRules(collection: ExcelConditionalFormatCollection): ExcelConditionalFormatCollection {
  return collection.load(
    'items/id,items/type,items/customOrNullObject/rule/formula,' +
      'items/customOrNullObject/format/fill/color,items/customOrNullObject/format/font/color',
  );
}

export interface CustomRule {
  format: ExcelConditionalFormat;
  formula: string;
  fill: string;
  font: string;
}

/** The custom rules of a loaded collection whose formula passes `keep`; other types are skipped. */
export function customRules(
  collection: ExcelConditionalFormatCollection,
  keep: (formula: string) => boolean,
): CustomRule[] {
  const rules: CustomRule[] = [];
  for (const format of collection.items) {
    const custom = format.customOrNullObject;
    if (custom.isNullObject || !keep(custom.rule.formula)) continue;
    rules.push({
      format,
      formula: custom.rule.formula,
      fill: custom.format.fill.color,
      font: custom.format.font.color,
    });
  }
  return rules;
}
