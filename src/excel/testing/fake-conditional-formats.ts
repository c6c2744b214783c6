/**
 * Conditional formats of every type in the fake, as Excel exposes them. A
 * user's sheet may hold colour scales, data bars, icon sets and cell-value
 * rules beside Tierwise's custom rules. Loading `custom/...` on a format that
 * is not Custom fails at sync() with "This operation is not permitted for the
 * current object" (OfficeDev/office-js#2180); `customOrNullObject/...` gives
 * a null object instead (ConditionalFormat.customOrNullObject, ExcelApi 1.6).
 */
import { parseAddress } from '../a1';
import { FakeExcelError, type CfModel, type CfType } from './fake-model';
import type { FakeExcel } from './fake-excel';
import type { ExcelConditionalFormat } from '../excel-api';

const CUSTOM_FIELDS: Record<string, (cf: CfModel) => string> = {
  'rule/formula': (cf) => cf.formula,
  'format/fill/color': (cf) => cf.fill,
  'format/font/color': (cf) => cf.font,
};

/** The value Excel returns for one loaded path of a conditional format (null: the null object's property). */
export function loadableCfField(cf: CfModel, path: string): string | null {
  if (path === 'id') return cf.id;
  if (path === 'type') return cf.type;
  const [head, ...rest] = path.split('/');
  const field = CUSTOM_FIELDS[rest.join('/')];
  if (field && head === 'custom') {
    if (cf.type !== 'Custom')
      throw new FakeExcelError('InvalidOperation', 'This operation is not permitted for the current object.');
    return field(cf);
  }
  if (field && head === 'customOrNullObject') return cf.type === 'Custom' ? field(cf) : null;
  throw new FakeExcelError('InvalidArgument', `Cannot load ${path}.`);
}

/** `customOrNullObject` of a loaded conditional format, from the values loaded by path. */
export function customOrNullObjectOf(
  values: ReadonlyMap<string, unknown>,
): ExcelConditionalFormat['customOrNullObject'] {
  const read = (path: string): string => {
    const key = `customOrNullObject/${path}`;
    if (!values.has(key)) throw new FakeExcelError('PropertyNotLoaded', `The property '${path}' is not available.`);
    const value = values.get(key);
    if (value === null) throw new FakeExcelError('InvalidObjectPath', 'The object is a null object.');
    return value as string;
  };
  const isNullObject = [...values.entries()].some(([k, v]) => k.startsWith('customOrNullObject/') && v === null);
  return {
    isNullObject,
    rule: {
      get formula() {
        return read('rule/formula');
      },
    },
    format: {
      fill: {
        get color() {
          return read('format/fill/color');
        },
      },
      font: {
        get color() {
          return read('format/font/color');
        },
      },
    },
  };
}

/** Adds a user's own conditional format (any type) on `address` of `sheetName`, after the existing ones. */
export function addUserConditionalFormat(fake: FakeExcel, sheetName: string, address: string, type: CfType): void {
  const sheet = fake.sheet(sheetName);
  const parsed = parseAddress(address);
  if (!sheet || !parsed) throw new FakeExcelError('InvalidArgument', `Bad address ${sheetName}!${address}.`);
  const style = type === 'DataBar' ? '#638EC6 bar' : type === 'IconSet' ? '3 arrows' : '';
  sheet.cfs.push({ id: `{${fake.newId()}}`, type, sheet, rect: parsed.rect, formula: '', fill: style, font: '' });
}
