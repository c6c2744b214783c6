/** Ranges and range areas of the fake: values, formulas, formats, inserts, deletes and selection. */
/* eslint-disable @typescript-eslint/no-this-alias -- sub-objects with getters (format, rule, columns) act on their owner */
import { MAX_COLUMNS, MAX_ROWS, rectAddress, type Rect } from '../a1';
import type {
  ExcelConditionalFormatCollection,
  ExcelRange,
  ExcelRangeAreas,
  ExcelTableCollection,
  ExcelWorksheet,
} from '../excel-api';
import {
  FakeExcelError,
  type Scalar,
  type CellData,
  type SheetModel,
  key,
  hasContent,
  intersects,
  notLoaded,
  guard,
  selectable,
  checkShape,
  toScalar,
  typedAsExcel,
} from './fake-model';
import { Proxy } from './fake-proxy';
import type { FakeContext } from './fake-context';
import { FakeCfCollection } from './fake-conditional-format-proxies';
import type { FakeExcel } from './fake-excel';
import { refuseAboveHost } from './fake-hosts';
import { FakeTableCollection } from './fake-tables';
import { FakeWorksheet } from './fake-worksheet';

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

export class FakeRange extends Proxy<RangeTarget> implements ExcelRange {
  protected readonly scalars = [
    'address',
    'rowIndex',
    'columnIndex',
    'rowCount',
    'columnCount',
    'values',
    'formulas',
    'numberFormat',
  ];

  constructor(context: FakeContext, resolve: () => RangeTarget | null) {
    super(context, resolve);
  }

  protected read(property: string): unknown {
    const { sheet, rect } = this.live();
    const spilled = property === 'values' || property === 'formulas' ? this.fake.spills.shown(sheet) : undefined;
    const grid = (f: (cell: CellData | undefined, shown: Scalar | undefined) => unknown) =>
      Array.from({ length: rect.rows }, (_r, i) =>
        Array.from({ length: rect.columns }, (_c, j) =>
          f(this.fake.cell(sheet, rect.row + i, rect.column + j), spilled?.get(key(rect.row + i, rect.column + j))),
        ),
      );
    switch (property) {
      case 'address':
        return rectAddress(rect, sheet.name);
      case 'rowIndex':
        return rect.row;
      case 'columnIndex':
        return rect.column;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.columns;
      case 'values':
        return grid((c, shown) => shown ?? (c ? c.value : ''));
      case 'formulas':
        // A spilled cell has no formula of its own: Excel reads its value.
        return grid((c, shown) => (c ? (c.formula ?? c.value) : (shown ?? '')));
      case 'numberFormat':
        return grid((c) => c?.numberFormat ?? 'General');
      default:
        throw new FakeExcelError('InvalidArgument', `Range has no property ${property}.`);
    }
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(values: unknown[][]) {
    this.setCells('values', values, (value, old) => {
      const v = toScalar(value);
      if (typeof v === 'string' && v.startsWith('=')) return { value: 0, formula: v };
      if (typeof v === 'string' && v.startsWith("'")) return { value: v.slice(1) };
      return { value: old?.numberFormat === '@' ? v : typedAsExcel(v) };
    });
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(values: unknown[][]) {
    this.setCells('formulas', values, (value) => {
      const v = toScalar(value);
      if (typeof v === 'string' && v.startsWith('=')) return { value: 0, formula: v };
      // As typed into the cell: a leading apostrophe keeps the rest as text.
      return typeof v === 'string' && v.startsWith("'") ? { value: v.slice(1) } : { value: v };
    });
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(values: unknown[][]) {
    this.write('numberFormat', values, ({ sheet, rect }) => {
      guard(sheet);
      const grid = checkShape(rect, values);
      grid.forEach((row, i) =>
        row.forEach((f, j) => {
          const old = this.fake.cell(sheet, rect.row + i, rect.column + j) ?? { value: '' };
          const numberFormat = f === 'General' || f === '' ? undefined : String(f);
          const next: CellData = { ...old };
          if (numberFormat === undefined) delete next.numberFormat;
          else next.numberFormat = numberFormat;
          this.fake.setCell(sheet, rect.row + i, rect.column + j, next);
        }),
      );
    });
  }

  private setCells(
    property: string,
    values: unknown[][],
    convert: (value: unknown, old: CellData | undefined) => CellData,
  ): void {
    this.write(property, values, ({ sheet, rect }) => {
      guard(sheet);
      const grid = checkShape(rect, values);
      grid.forEach((row, i) =>
        row.forEach((value, j) => {
          const old = this.fake.cell(sheet, rect.row + i, rect.column + j);
          const next = convert(value, old);
          if (old?.numberFormat) next.numberFormat = old.numberFormat;
          if (old?.bold) next.bold = old.bold;
          if (old?.fill) next.fill = old.fill;
          if (old?.fontColor) next.fontColor = old.fontColor;
          this.fake.setCell(sheet, rect.row + i, rect.column + j, next);
        }),
      );
    });
  }

  get worksheet(): ExcelWorksheet {
    return new FakeWorksheet(this.context, () => this.live().sheet);
  }

  get format(): ExcelRange['format'] {
    const range = this;
    return {
      font: {
        get bold(): boolean {
          throw notLoaded('format/font/bold');
        },
        set bold(bold: boolean) {
          range.write('bold', bold, ({ sheet, rect }) => {
            guard(sheet);
            for (let i = 0; i < rect.rows; i++)
              for (let j = 0; j < rect.columns; j++) {
                const old = range.fake.cell(sheet, rect.row + i, rect.column + j) ?? { value: '' };
                const next: CellData = { ...old };
                if (bold) next.bold = true;
                else delete next.bold;
                range.fake.setCell(sheet, rect.row + i, rect.column + j, next);
              }
          });
        },
        get color(): string {
          throw notLoaded('format/font/color');
        },
        set color(color: string) {
          range.paint('fontColor', color);
        },
      },
      fill: {
        get color(): string {
          throw notLoaded('format/fill/color');
        },
        set color(color: string) {
          range.paint('fill', color);
        },
      },
    };
  }

  /** A static format on every cell of the range. */
  paint(field: 'fill' | 'fontColor', color: string): void {
    this.write(field, color, ({ sheet, rect }) => {
      guard(sheet);
      for (let i = 0; i < rect.rows; i++)
        for (let j = 0; j < rect.columns; j++) {
          const old = this.fake.cell(sheet, rect.row + i, rect.column + j) ?? { value: '' };
          this.fake.setCell(sheet, rect.row + i, rect.column + j, { ...old, [field]: color });
        }
    });
  }

  get conditionalFormats(): ExcelConditionalFormatCollection {
    return new FakeCfCollection(this.context, () => this.live());
  }

  getSurroundingRegion(): ExcelRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.live();
      return { sheet, rect: surroundingRegion(this.fake, sheet, rect.row, rect.column) };
    });
  }

  getTables(fullyContained = false): ExcelTableCollection {
    return new FakeTableCollection(this.context, () => {
      const { sheet, rect } = this.live();
      return this.fake.tables.filter(
        (t) =>
          t.sheet === sheet &&
          (fullyContained
            ? t.rect.row >= rect.row &&
              t.rect.column >= rect.column &&
              t.rect.row + t.rect.rows <= rect.row + rect.rows &&
              t.rect.column + t.rect.columns <= rect.column + rect.columns
            : intersects(t.rect, rect)),
      );
    });
  }

  getMergedAreasOrNullObject(): ExcelRangeAreas {
    return new FakeAreas(this.context, () => {
      const { sheet, rect } = this.live();
      const areas = sheet.merged.filter((m) => intersects(m, rect));
      return areas.length ? { sheet, rects: areas } : null;
    });
  }

  getSpillingToRangeOrNullObject(): ExcelRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.live();
      if (rect.rows !== 1 || rect.columns !== 1) throw new FakeExcelError('InvalidArgument', 'One cell only.');
      const spill = this.fake.spills.spillingTo(sheet, rect.row, rect.column);
      return spill ? { sheet, rect: spill } : null;
    });
  }

  getEntireColumn(): ExcelRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.live();
      return { sheet, rect: { row: 0, column: rect.column, rows: MAX_ROWS, columns: rect.columns } };
    });
  }

  insert(shift: 'Right'): ExcelRange {
    let inserted: RangeTarget | null = null;
    this.context.enqueue(10, () => {
      const { sheet, rect } = this.live();
      if (shift !== 'Right' || rect.rows !== MAX_ROWS)
        throw new FakeExcelError('NotImplemented', 'Whole columns only.');
      guard(sheet);
      this.fake.shiftColumns(sheet, rect.column, rect.columns);
      this.fake.formatLikeLeft(sheet, rect.column, rect.columns);
      inserted = { sheet, rect };
    });
    return new FakeRange(this.context, () => inserted);
  }

  delete(shift: 'Left'): void {
    this.context.enqueue(10, () => {
      const { sheet, rect } = this.live();
      if (shift !== 'Left' || rect.rows !== MAX_ROWS) throw new FakeExcelError('NotImplemented', 'Whole columns only.');
      guard(sheet);
      this.fake.shiftColumns(sheet, rect.column, -rect.columns);
    });
  }

  /**
   * Number formats, bold, fills and font colours of every cell go; so do the conditional formats lying
   * within the range (one reaching outside it would be cut to the rest: not modelled, refused).
   */
  clear(applyTo: 'Formats'): void {
    this.context.enqueue(10, () => {
      const { sheet, rect } = this.live();
      guard(sheet);
      for (let i = 0; i < rect.rows; i++)
        for (let j = 0; j < rect.columns; j++) {
          const old = this.fake.cell(sheet, rect.row + i, rect.column + j);
          if (!old) continue;
          const { numberFormat: _n, bold: _b, fill: _f, fontColor: _c, ...rest } = old;
          this.fake.setCell(sheet, rect.row + i, rect.column + j, rest);
        }
      const within = (r: Rect) =>
        r.row >= rect.row &&
        r.column >= rect.column &&
        r.row + r.rows <= rect.row + rect.rows &&
        r.column + r.columns <= rect.column + rect.columns;
      if (sheet.cfs.some((cf) => intersects(cf.rect, rect) && !within(cf.rect)))
        throw new FakeExcelError('NotImplemented', `clear('${applyTo}') across a conditional format's edge.`);
      sheet.cfs = sheet.cfs.filter((cf) => !within(cf.rect));
    });
  }

  select(): void {
    this.context.enqueue(10, () => {
      const { sheet, rect } = this.live();
      selectable(sheet);
      this.fake.active = sheet.name;
      this.fake.selection = { sheet: sheet.name, rects: [rect] };
    });
  }

  /** For other proxies: the range's sheet and rectangle inside an operation. */
  resolved(): RangeTarget {
    return this.live();
  }
}

function surroundingRegion(fake: FakeExcel, sheet: SheetModel, row: number, column: number): Rect {
  let top = row;
  let bottom = row;
  let left = column;
  let right = column;
  const filled = (r: number, c: number) =>
    r >= 0 && c >= 0 && r < MAX_ROWS && c < MAX_COLUMNS && hasContent(fake.cell(sheet, r, c));
  const rowHas = (r: number) => {
    for (let c = left - 1; c <= right + 1; c++) if (filled(r, c)) return true;
    return false;
  };
  const columnHas = (c: number) => {
    for (let r = top - 1; r <= bottom + 1; r++) if (filled(r, c)) return true;
    return false;
  };
  let grew = true;
  while (grew) {
    grew = false;
    while (bottom + 1 < MAX_ROWS && rowHas(bottom + 1)) {
      bottom++;
      grew = true;
    }
    while (top > 0 && rowHas(top - 1)) {
      top--;
      grew = true;
    }
    while (right + 1 < MAX_COLUMNS && columnHas(right + 1)) {
      right++;
      grew = true;
    }
    while (left > 0 && columnHas(left - 1)) {
      left--;
      grew = true;
    }
  }
  return { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 };
}

export class FakeAreas extends Proxy<{ sheet: SheetModel; rects: Rect[] }> implements ExcelRangeAreas {
  protected readonly scalars = ['areaCount', 'address'];
  protected read(property: string): unknown {
    const { sheet, rects } = this.live();
    if (property === 'areaCount') return rects.length;
    if (property === 'address') return rects.map((r) => rectAddress(r, sheet.name)).join(',');
    throw new FakeExcelError('InvalidArgument', `RangeAreas has no property ${property}.`);
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  get address(): string {
    return this.get('address');
  }
  select(): void {
    this.context.enqueue(10, () => {
      refuseAboveHost(this.fake.host, 'RangeAreas.select');
      const { sheet, rects } = this.live();
      selectable(sheet);
      this.fake.active = sheet.name;
      this.fake.selection = { sheet: sheet.name, rects };
    });
  }
}
