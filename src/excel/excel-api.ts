/**
 * The subset of the Office.js Excel API that Tierwise uses, as structural
 * types: the real `Excel.run` satisfies them, and so does the strict fake in
 * ./testing/fake-excel.ts. Keeping the subset explicit keeps the fake honest:
 * a call that is not listed here does not compile.
 */

export interface ClientResult<T> {
  readonly value: T;
}

export interface LoadableObject {
  load(properties: string): this;
}

export interface ExcelRange extends LoadableObject {
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  readonly isNullObject: boolean;
  readonly worksheet: ExcelWorksheet;
  readonly format: { readonly font: { bold: boolean; color: string }; readonly fill: { color: string } };
  readonly conditionalFormats: ExcelConditionalFormatCollection;
  getSurroundingRegion(): ExcelRange;
  getTables(fullyContained?: boolean): ExcelTableCollectionBase;
  getMergedAreasOrNullObject(): ExcelRangeAreas;
  /** The cells a dynamic-array formula in this one cell spills into; a null object when it does not spill. */
  getSpillingToRangeOrNullObject(): ExcelRange;
  getEntireColumn(): ExcelRange;
  insert(shift: 'Right'): ExcelRange;
  delete(shift: 'Left'): void;
  /** Formats only: number formats, fonts, fills and the conditional formats of the cells. */
  clear(applyTo: 'Formats'): void;
  select(): void;
}

export interface ExcelRangeAreas extends LoadableObject {
  readonly isNullObject: boolean;
  readonly areaCount: number;
  readonly address: string;
  select(): void;
}

export interface ExcelConditionalFormat extends LoadableObject {
  readonly id: string;
  readonly type: string;
  readonly custom: {
    readonly rule: { formula: string } & LoadableObject;
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
  /** Excel refuses `custom` on a colour scale, data bar or icon set; this is a null object there instead. */
  readonly customOrNullObject: {
    readonly isNullObject: boolean;
    readonly rule: { readonly formula: string };
    readonly format: { readonly fill: { readonly color: string }; readonly font: { readonly color: string } };
  };
  readonly colorScale: { criteria: ColorScaleCriteria };
  getRange(): ExcelRange;
  delete(): void;
}

export interface ColorScaleCriterion {
  formula: string | null;
  type: 'LowestValue' | 'HighestValue';
  color: string;
}

export interface ColorScaleCriteria {
  minimum: ColorScaleCriterion;
  maximum: ColorScaleCriterion;
}

export interface ExcelConditionalFormatCollection extends LoadableObject {
  readonly items: ExcelConditionalFormat[];
  add(type: 'Custom' | 'ColorScale'): ExcelConditionalFormat;
  getItem(id: string): ExcelConditionalFormat;
}

/** A table column; `id` stays with the column when columns move or are renamed (ExcelApi 1.1). */
export interface ExcelTableColumn extends LoadableObject {
  readonly id: number;
  readonly name: string;
  delete(): void;
}

export interface ExcelTable extends LoadableObject {
  readonly name: string;
  /** Whether the table shows its totals row, the last row of getRange() (ExcelApi 1.1). */
  readonly showTotals: boolean;
  readonly isNullObject: boolean;
  readonly columns: {
    add(index?: number | null, values?: unknown[][], name?: string): ExcelTableColumn;
    /** By name or by id. */
    getItemOrNullObject(key: string | number): ExcelTableColumn & { readonly isNullObject: boolean };
    getItemAt(index: number): ExcelTableColumn;
  };
  readonly autoFilter: { readonly isDataFiltered: boolean } & LoadableObject;
  getRange(): ExcelRange;
}

export interface ExcelTableCollectionBase extends LoadableObject {
  readonly items: ExcelTable[];
}

export interface ExcelTableCollection extends ExcelTableCollectionBase {
  getItemOrNullObject(name: string): ExcelTable;
}

export interface ExcelNamedItem extends LoadableObject {
  readonly name: string;
  readonly formula: string;
  readonly isNullObject: boolean;
  getRangeOrNullObject(): ExcelRange;
  delete(): void;
}

export interface ExcelNamedItemCollection extends LoadableObject {
  readonly items: ExcelNamedItem[];
  add(name: string, reference: ExcelRange | string, comment?: string): ExcelNamedItem;
  getItemOrNullObject(name: string): ExcelNamedItem;
}

export interface ExcelChart extends LoadableObject {
  title: { text: string };
  name: string;
  readonly isNullObject: boolean;
  delete(): void;
}

/** Worksheet.visibility (ExcelApi 1.1): VeryHidden sheets can be shown by code only. */
export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface ExcelWorksheet extends LoadableObject {
  readonly name: string;
  visibility: SheetVisibility;
  /** 0-based place among the sheet tabs. */
  position: number;
  readonly isNullObject: boolean;
  readonly protection: { readonly protected: boolean } & LoadableObject;
  readonly autoFilter: { readonly enabled: boolean; readonly isDataFiltered: boolean } & LoadableObject;
  readonly names: ExcelNamedItemCollection;
  readonly tables: ExcelTableCollection;
  /** 'Pareto' is ExcelApi 1.9; its chart's type reads null on some hosts and its series are not for the API (ADR 0023). */
  readonly charts: {
    add(type: 'ColumnClustered' | 'BarClustered' | 'Pareto', source: ExcelRange, seriesBy: 'Columns'): ExcelChart;
    getItemOrNullObject(name: string): ExcelChart;
  };
  getRange(address?: string): ExcelRange;
  getRanges(address: string): ExcelRangeAreas;
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): ExcelRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  activate(): void;
  delete(): void;
}

export interface ExcelCustomXmlPart extends LoadableObject {
  readonly isNullObject: boolean;
  getXml(): ClientResult<string>;
  setXml(xml: string): void;
  delete(): void;
}

export interface ExcelWorksheetCollection {
  getActiveWorksheet(): ExcelWorksheet;
  getItemOrNullObject(name: string): ExcelWorksheet;
  add(name: string): ExcelWorksheet;
  /** `items/name,items/visibility`: the sheets in tab order once synced (ExcelApi 1.1). */
  load(properties: string): ExcelWorksheetCollection;
  readonly items: ExcelWorksheet[];
}

export interface ExcelWorkbook {
  readonly worksheets: ExcelWorksheetCollection;
  readonly names: ExcelNamedItemCollection;
  readonly customXmlParts: {
    add(xml: string): ExcelCustomXmlPart;
    getByNamespace(namespace: string): { getOnlyItemOrNullObject(): ExcelCustomXmlPart };
  };
  getSelectedRange(): ExcelRange;
}

export interface ExcelContext {
  readonly workbook: ExcelWorkbook;
  readonly application: {
    suspendApiCalculationUntilNextSync(): void;
    suspendScreenUpdatingUntilNextSync(): void;
  };
  sync(): Promise<void>;
}

/** `Excel.run` as Tierwise calls it; a fake host also answers which requirement sets it has. */
export interface ExcelRun {
  <T>(batch: (context: ExcelContext) => Promise<T>): Promise<T>;
  readonly isSetSupported?: (set: string, version: string) => boolean;
}
