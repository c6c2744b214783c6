/** The Inputs and Values sections of the sheet form. */
import type { CategoryValue, InputDef, InputType } from '../model';
import { isBlankCell } from './text';
import { type Section, Reader } from './reader';
import { cellOfRow, requireColumns, rowReader } from './section-rows';

const INPUT_TYPES: Record<InputType, string[]> = {
  number: ['number', '数字', '数值'],
  category: ['category', '类别', '分类'],
  boolean: ['boolean', 'yes/no', '布尔', '是否'],
  date: ['date', '日期'],
  text: ['text', '文本'],
};

export const OUTPUTS: Record<'score' | 'tier', string[]> = { score: ['score', '分数'], tier: ['tier', '等级'] };

export function readInputs(
  reader: Reader,
  section: Section | undefined,
  valuesSection: Section | undefined,
): InputDef[] {
  const inputs: InputDef[] = [];
  if (section === undefined || !requireColumns(reader, section)) return inputs;
  section.rows.forEach((row, i) => {
    const r = rowReader(reader, row);
    const path = `inputs[${i}]`;
    reader.at(path, row.index, 0);
    const id = r.word('id', `${path}.id`, true);
    const typeCell = cellOfRow(row, 'type');
    const type = reader.keyword(typeCell.cell, INPUT_TYPES, `${path}.type`, row.index, typeCell.col);
    if (type === undefined && isBlankCell(typeCell.cell))
      reader.problem('missing-field', `${path}.type`, row.index, typeCell.col, { field: 'type' });
    else reader.at(`${path}.type`, row.index, typeCell.col);
    const label = r.localized('labelEn', 'labelZh', `${path}.label`);
    if (label === undefined && r.blank('labelEn') && r.blank('labelZh'))
      reader.problem('missing-field', `${path}.label`, row.index, r.col('labelEn'), { field: 'label' });
    const input = { id: id ?? '', type: type ?? 'text', label: label ?? { en: '' } } as InputDef;
    const aliases = r.list('aliases', `${path}.aliases`);
    if (aliases !== undefined) input.aliases = aliases;
    const requiredCell = cellOfRow(row, 'required');
    if (requiredCell.col >= 0) {
      const required = reader.boolean(requiredCell.cell, `${path}.required`, row.index, requiredCell.col);
      if (required !== undefined) {
        input.required = required;
        reader.at(`${path}.required`, row.index, requiredCell.col);
      }
    }
    const daysSinceCell = cellOfRow(row, 'daysSince');
    if (daysSinceCell.col >= 0 && !isBlankCell(daysSinceCell.cell)) {
      const daysSince = reader.boolean(daysSinceCell.cell, `${path}.daysSince`, row.index, daysSinceCell.col);
      if (daysSince !== undefined) {
        input.daysSince = daysSince;
        reader.at(`${path}.daysSince`, row.index, daysSinceCell.col);
      }
    }
    const sourceTable = r.word('sourceTable', `${path}.source.table`);
    const outputCell = cellOfRow(row, 'sourceOutput');
    const output =
      outputCell.col >= 0
        ? reader.keyword(outputCell.cell, OUTPUTS, `${path}.source.output`, row.index, outputCell.col)
        : undefined;
    if (sourceTable !== undefined || output !== undefined) {
      reader.at(`${path}.source`, row.index, r.col('sourceTable'));
      if (sourceTable === undefined)
        reader.problem('missing-field', `${path}.source.table`, row.index, r.col('sourceTable'), { field: 'table' });
      else if (output === undefined && isBlankCell(outputCell.cell))
        reader.problem('missing-field', `${path}.source.output`, row.index, r.col('sourceOutput'), { field: 'output' });
      else if (output !== undefined) {
        input.source = { table: sourceTable, output };
        reader.at(`${path}.source.output`, row.index, outputCell.col);
      }
    }
    const description = r.localized('descriptionEn', 'descriptionZh', `${path}.description`);
    if (description !== undefined) input.description = description;
    if (id !== undefined && type !== undefined) reader.inputTypes.set(id, type);
    inputs.push(input);
  });

  if (valuesSection !== undefined && requireColumns(reader, valuesSection)) {
    for (const row of valuesSection.rows) {
      const r = rowReader(reader, row);
      const inputId = r.word('input', 'inputs', true);
      const index = inputs.findIndex((input) => input.id === inputId);
      if (inputId === undefined) continue;
      if (index < 0) {
        reader.problem('unknown-input', 'inputs', row.index, r.col('input'), { input: inputId });
        continue;
      }
      const input = inputs[index] as InputDef;
      const values = (input.values ??= []);
      const path = `inputs[${index}].values[${values.length}]`;
      reader.at(`inputs[${index}].values`, row.index, r.col('id'));
      reader.at(path, row.index, r.col('id'));
      const value: CategoryValue = { id: r.word('id', `${path}.id`, true) ?? '' };
      const label = r.localized('labelEn', 'labelZh', `${path}.label`);
      if (label !== undefined) value.label = label;
      const aliases = r.list('aliases', `${path}.aliases`);
      if (aliases !== undefined) value.aliases = aliases;
      values.push(value);
    }
  }
  return inputs;
}
