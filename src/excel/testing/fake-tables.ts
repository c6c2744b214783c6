/** Tables and table columns of the fake. */
/* eslint-disable @typescript-eslint/no-this-alias -- sub-objects with getters (format, rule, columns) act on their owner */
import type { ExcelRange, ExcelTable, ExcelTableCollection } from '../excel-api';
import {
  FakeExcelError,
  type CellData,
  type TableModel,
  sizeOf,
  notLoaded,
  guard,
  checkShape,
  toScalar,
} from './fake-model';
import { Proxy } from './fake-proxy';
import type { FakeExcel } from './fake-excel';
import { FakeRange } from './fake-range';

class FakeTable extends Proxy<TableModel> implements ExcelTable {
  protected readonly scalars = ['name', 'showTotals'];
  protected read(property: string): unknown {
    if (property === 'name') return this.live().name;
    if (property === 'showTotals') return this.live().showTotals === true;
    throw new FakeExcelError('InvalidArgument', `Table has no property ${property}.`);
  }
  get name(): string {
    return this.get('name');
  }
  get showTotals(): boolean {
    return this.get('showTotals');
  }
  get columns(): ExcelTable['columns'] {
    const table = this;
    return {
      add(index?: number | null, values?: unknown[][], name?: string) {
        let added: { table: TableModel; offset: number } | null = null;
        table.context.enqueue(sizeOf(values) + sizeOf(name), () => {
          const t = table.live();
          guard(t.sheet);
          const at = index === null || index === undefined ? t.rect.columns : index;
          const column = t.rect.column + at;
          const header = uniqueHeader(table.fake, t, String(grid0(values) ?? name ?? `Column${at + 1}`));
          table.fake.shiftColumns(t.sheet, column, 1, { row: t.rect.row, rows: t.rect.rows });
          table.fake.formatLikeLeft(t.sheet, column, 1, { row: t.rect.row, rows: t.rect.rows });
          t.rect = { ...t.rect, columns: t.rect.columns + 1 };
          t.columnIds.splice(at, 0, Math.max(0, ...t.columnIds) + 1);
          const grid = values ? checkShape({ ...t.rect, columns: 1 }, values) : undefined;
          for (let i = 0; i < t.rect.rows; i++) {
            const v = i === 0 ? header : grid ? toScalar(grid[i]![0]) : '';
            const data: CellData = typeof v === 'string' && v.startsWith('=') ? { value: 0, formula: v } : { value: v };
            const inherited = table.fake.cell(t.sheet, t.rect.row + i, column)?.numberFormat;
            table.fake.setCell(
              t.sheet,
              t.rect.row + i,
              column,
              inherited ? { ...data, numberFormat: inherited } : data,
            );
          }
          added = { table: t, offset: at };
        });
        return new FakeTableColumn(table.context, () => added);
      },
      getItemAt(index: number) {
        return new FakeTableColumn(table.context, () => {
          const t = table.live();
          if (index < 0 || index >= t.rect.columns) throw new FakeExcelError('InvalidArgument', `No column ${index}.`);
          return { table: t, offset: index };
        });
      },
      getItemOrNullObject(key: string | number) {
        return new FakeTableColumn(table.context, () => {
          const t = table.live();
          if (typeof key === 'number') {
            const offset = t.columnIds.indexOf(key);
            return offset < 0 ? null : { table: t, offset };
          }
          const name = key;
          for (let j = 0; j < t.rect.columns; j++) {
            const header = table.fake.cell(t.sheet, t.rect.row, t.rect.column + j);
            if (header && String(header.value) === name) return { table: t, offset: j };
          }
          return null;
        });
      },
    };
  }
  get autoFilter(): ExcelTable['autoFilter'] {
    const table = this;
    const filter = new (class extends Proxy<TableModel> {
      protected readonly scalars = ['isDataFiltered'];
      protected read(): unknown {
        return this.live().filtered;
      }
      get isDataFiltered(): boolean {
        return this.get('isDataFiltered');
      }
    })(this.context, () => table.live());
    return filter;
  }
  getRange(): ExcelRange {
    return new FakeRange(this.context, () => {
      const t = this.live();
      return { sheet: t.sheet, rect: t.rect };
    });
  }
}

class FakeTableColumn extends Proxy<{ table: TableModel; offset: number }> {
  protected readonly scalars = ['id', 'name'];
  protected read(property: string): unknown {
    const { table, offset } = this.live();
    if (property === 'id') return table.columnIds[offset];
    if (property === 'name') return this.fake.cell(table.sheet, table.rect.row, table.rect.column + offset)?.value;
    throw new FakeExcelError('InvalidArgument', `TableColumn has no property ${property}.`);
  }
  get id(): number {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  delete(): void {
    this.context.enqueue(10, () => {
      const { table, offset } = this.live();
      guard(table.sheet);
      this.fake.shiftColumns(table.sheet, table.rect.column + offset, -1, {
        row: table.rect.row,
        rows: table.rect.rows,
      });
      table.rect = { ...table.rect, columns: table.rect.columns - 1 };
      table.columnIds.splice(offset, 1);
    });
  }
}

/** The first value of a column's values, which Excel takes as its header. */
function grid0(values: unknown[][] | undefined): unknown {
  return values?.[0]?.[0];
}

/** Excel keeps a table's headers unique: a taken name gets the smallest free number appended ("Tier" -> "Tier2"). */
function uniqueHeader(fake: FakeExcel, table: TableModel, wanted: string): string {
  const taken = new Set<string>();
  for (let j = 0; j < table.rect.columns; j++) {
    taken.add(String(fake.cell(table.sheet, table.rect.row, table.rect.column + j)?.value ?? '').toLowerCase());
  }
  if (!taken.has(wanted.toLowerCase())) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}${n}`.toLowerCase())) return `${wanted}${n}`;
}

export class FakeTableCollection extends Proxy<TableModel[]> implements ExcelTableCollection {
  protected readonly scalars = ['items'];
  private itemProxies: FakeTable[] | undefined;
  protected read(): unknown {
    return undefined;
  }
  override load(): this {
    this.context.enqueue(10, () => {
      const tables = this.live();
      this.itemProxies = tables.map((t) => {
        const proxy = new FakeTable(this.context, () => t);
        (proxy as unknown as { target: TableModel }).target = t;
        return proxy;
      });
      let bytes = 0;
      for (const p of this.itemProxies) {
        (p as unknown as { loaded: Map<string, unknown> }).loaded.set('name', p['live']().name);
        bytes += sizeOf(p.name);
      }
      return bytes;
    });
    return this;
  }
  get items(): ExcelTable[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }
  getItemOrNullObject(name: string): ExcelTable {
    return new FakeTable(
      this.context,
      () => this.live().find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null,
    );
  }
}
