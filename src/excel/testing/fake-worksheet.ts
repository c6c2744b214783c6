/** Worksheets of the fake. */
/* eslint-disable @typescript-eslint/no-this-alias -- sub-objects with getters (format, rule, columns) act on their owner */
import { MAX_COLUMNS, MAX_ROWS, parseAddress } from '../a1';
import type {
  ExcelNamedItemCollection,
  ExcelRange,
  ExcelRangeAreas,
  ExcelTableCollection,
  ExcelWorksheet,
  SheetVisibility,
} from '../excel-api';
import {
  ADDRESS_LIMIT,
  FakeExcelError,
  type ChartModel,
  type NameModel,
  type SheetModel,
  hasContent,
  guard,
} from './fake-model';
import { refuseChartTypeAboveHost } from './fake-hosts';
import { Proxy } from './fake-proxy';
import { FakeChart } from './fake-charts';
import { FakeNames } from './fake-names';
import { FakeRange, FakeAreas } from './fake-range';
import { FakeTableCollection } from './fake-tables';

export class FakeWorksheet extends Proxy<SheetModel> implements ExcelWorksheet {
  protected readonly scalars = ['name', 'visibility', 'position'];
  protected read(property: string): unknown {
    if (property === 'name') return this.live().name;
    if (property === 'position') return this.fake.sheets.indexOf(this.live());
    if (property === 'visibility') return this.live().visibility;
    throw new FakeExcelError('InvalidArgument', `Worksheet has no property ${property}.`);
  }
  get name(): string {
    return this.get('name');
  }
  get visibility(): SheetVisibility {
    return this.get('visibility');
  }
  get position(): number {
    return this.get('position');
  }
  set position(position: number) {
    this.write('position', position, (sheet) => {
      if (!Number.isInteger(position) || position < 0 || position >= this.fake.sheets.length)
        throw new FakeExcelError('InvalidArgument', `Bad position ${position}.`);
      this.fake.sheets.splice(this.fake.sheets.indexOf(sheet), 1);
      this.fake.sheets.splice(position, 0, sheet);
    });
  }
  /** As in Excel: a workbook keeps at least one visible sheet; the active sheet cannot be hidden. */
  set visibility(visibility: SheetVisibility) {
    this.write('visibility', visibility, (sheet) => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(visibility))
        throw new FakeExcelError('InvalidArgument', `Bad visibility ${visibility}.`);
      if (visibility !== 'Visible') {
        const others = this.fake.sheets.filter((s) => s !== sheet && s.visibility === 'Visible');
        if (others.length === 0)
          throw new FakeExcelError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
        if (this.fake.active === sheet.name) this.fake.active = others[0]!.name;
      }
      sheet.visibility = visibility;
    });
  }
  get protection(): ExcelWorksheet['protection'] {
    const sheet = this;
    return new (class extends Proxy<SheetModel> {
      protected readonly scalars = ['protected'];
      protected read(): unknown {
        return this.live().protected;
      }
      get protected(): boolean {
        return this.get('protected');
      }
    })(this.context, () => sheet.live());
  }
  get autoFilter(): ExcelWorksheet['autoFilter'] {
    const sheet = this;
    return new (class extends Proxy<SheetModel> {
      protected readonly scalars = ['enabled', 'isDataFiltered'];
      protected read(property: string): unknown {
        return property === 'enabled' ? this.live().filter.enabled : this.live().filter.filtered;
      }
      get enabled(): boolean {
        return this.get('enabled');
      }
      get isDataFiltered(): boolean {
        return this.get('isDataFiltered');
      }
    })(this.context, () => sheet.live());
  }
  get names(): ExcelNamedItemCollection {
    return new FakeNames(this.context, () => this.live().names);
  }
  get tables(): ExcelTableCollection {
    return new FakeTableCollection(this.context, () => this.fake.tables.filter((t) => t.sheet === this.live()));
  }
  get charts(): ExcelWorksheet['charts'] {
    return {
      add: (type, source, seriesBy) => {
        const chart: ChartModel = {
          type: `${type}/${seriesBy}`,
          rect: { row: 0, column: 0, rows: 1, columns: 1 },
          title: '',
        };
        this.context.enqueue(30, () => {
          refuseChartTypeAboveHost(this.fake.host, type);
          const sheet = this.live();
          guard(sheet);
          chart.rect = (source as FakeRange).resolved().rect;
          sheet.charts.push(chart);
        });
        return new FakeChart(
          this.context,
          () => chart,
          () => this.live(),
        );
      },
      getItemOrNullObject: (name) =>
        new FakeChart(
          this.context,
          () => this.live().charts.find((c) => c.name?.toLowerCase() === name.toLowerCase()) ?? null,
          () => this.live(),
        ),
    };
  }
  getRange(address?: string): ExcelRange {
    return new FakeRange(this.context, () => {
      const sheet = this.live();
      if (address === undefined) return { sheet, rect: { row: 0, column: 0, rows: MAX_ROWS, columns: MAX_COLUMNS } };
      if (address.length > ADDRESS_LIMIT) throw new FakeExcelError('InvalidArgument', 'The address is too long.');
      const parsed = parseAddress(address);
      if (!parsed) throw new FakeExcelError('InvalidArgument', `Bad address ${address}.`);
      return { sheet, rect: parsed.rect };
    });
  }
  getRanges(address: string): ExcelRangeAreas {
    const length = address.length;
    return new FakeAreas(this.context, () => {
      const sheet = this.live();
      if (length > ADDRESS_LIMIT) {
        throw new FakeExcelError('InvalidArgument', `The address is ${length} characters long, over ${ADDRESS_LIMIT}.`);
      }
      const rects = address.split(',').map((part) => {
        const parsed = parseAddress(part);
        if (!parsed) throw new FakeExcelError('InvalidArgument', `Bad address ${part}.`);
        return parsed.rect;
      });
      return { sheet, rects };
    });
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): ExcelRange {
    return new FakeRange(this.context, () => {
      if (
        row < 0 ||
        column < 0 ||
        rowCount < 1 ||
        columnCount < 1 ||
        row + rowCount > MAX_ROWS ||
        column + columnCount > MAX_COLUMNS
      ) {
        throw new FakeExcelError('InvalidArgument', 'The range is outside the sheet.');
      }
      return { sheet: this.live(), rect: { row, column, rows: rowCount, columns: columnCount } };
    });
  }
  getUsedRangeOrNullObject(): ExcelRange {
    return new FakeRange(this.context, () => {
      const sheet = this.live();
      let top = Infinity;
      let left = Infinity;
      let bottom = -1;
      let right = -1;
      for (const [k, cell] of sheet.cells) {
        if (!hasContent(cell)) continue;
        const r = Math.floor(k / MAX_COLUMNS);
        const c = k % MAX_COLUMNS;
        top = Math.min(top, r);
        left = Math.min(left, c);
        bottom = Math.max(bottom, r);
        right = Math.max(right, c);
      }
      return bottom < 0
        ? null
        : { sheet, rect: { row: top, column: left, rows: bottom - top + 1, columns: right - left + 1 } };
    });
  }
  activate(): void {
    this.context.enqueue(10, () => {
      const sheet = this.live();
      if (sheet.visibility !== 'Visible')
        throw new FakeExcelError('InvalidOperation', 'A hidden worksheet cannot be activated.');
      this.fake.active = sheet.name;
    });
  }
  delete(): void {
    this.context.enqueue(10, () => {
      const sheet = this.live();
      if (!this.fake.sheets.some((s) => s !== sheet && s.visibility === 'Visible'))
        throw new FakeExcelError('InvalidOperation', 'A workbook keeps one visible sheet.');
      this.fake.sheets.splice(this.fake.sheets.indexOf(sheet), 1);
      for (let i = this.fake.tables.length - 1; i >= 0; i--)
        if (this.fake.tables[i]!.sheet === sheet) this.fake.tables.splice(i, 1);
      const orphan = (n: NameModel) => {
        if (n.ref && n.ref !== 'ref-error' && n.ref.sheet === sheet) n.ref = 'ref-error';
      };
      this.fake.names.forEach(orphan);
      if (this.fake.active === sheet.name)
        this.fake.active = (this.fake.sheets.find((s) => s.visibility === 'Visible') ?? this.fake.sheets[0]!).name;
    });
  }
}
