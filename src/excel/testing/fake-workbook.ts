/** The fake's workbook: worksheets, names, custom XML parts and the selection. */
import type {
  ClientResult,
  ExcelContext,
  ExcelCustomXmlPart,
  ExcelNamedItemCollection,
  ExcelRange,
  ExcelWorksheet,
  ExcelWorksheetCollection,
} from '../excel-api';
import { FakeExcelError, sizeOf, notLoaded } from './fake-model';
import { Proxy } from './fake-proxy';
import type { FakeContext } from './fake-context';
import { FakeNames } from './fake-names';
import { FakeRange } from './fake-range';
import { FakeWorksheet } from './fake-worksheet';

class FakeXmlPart extends Proxy<{ id: number; namespace: string; xml: string }> implements ExcelCustomXmlPart {
  protected readonly scalars = ['id'];
  protected read(): unknown {
    return this.live().id;
  }
  getXml(): ClientResult<string> {
    let value: string | undefined;
    this.context.enqueue(10, () => {
      value = this.live().xml;
      return sizeOf(value);
    });
    return {
      get value(): string {
        if (value === undefined) throw notLoaded('value');
        return value;
      },
    };
  }
  setXml(xml: string): void {
    this.write('xml', xml, (part) => {
      part.xml = xml;
    });
  }
  delete(): void {
    this.context.enqueue(10, () => {
      const part = this.live();
      this.fake.xmlParts.splice(this.fake.xmlParts.indexOf(part), 1);
    });
  }
}

class FakeWorksheets implements ExcelWorksheetCollection {
  private sheetProxies: FakeWorksheet[] | undefined;
  constructor(private readonly context: FakeContext) {}

  getActiveWorksheet(): ExcelWorksheet {
    const fake = this.context.fake;
    return new FakeWorksheet(this.context, () => fake.sheet(fake.active) ?? null);
  }
  getItemOrNullObject(name: string): ExcelWorksheet {
    return new FakeWorksheet(this.context, () => this.context.fake.sheet(name) ?? null);
  }
  add(name: string): ExcelWorksheet {
    const fake = this.context.fake;
    return new FakeWorksheet(this.context, () => {
      const active = fake.active;
      const sheet = fake.addSheet(name);
      fake.active = active;
      return sheet;
    });
  }
  /** Only `items/<property>` paths, as Tierwise loads them. */
  load(properties: string): this {
    const paths = properties.split(',').map((p) => p.trim());
    if (!paths.every((p) => p.startsWith('items/')))
      throw new FakeExcelError('InvalidArgument', `Cannot load ${properties}.`);
    this.context.enqueue(10, () => {
      let bytes = 0;
      const names = paths.map((path) => path.slice('items/'.length));
      this.sheetProxies = this.context.fake.sheets.map((sheet) => {
        const proxy = new FakeWorksheet(this.context, () => sheet);
        bytes += proxy.preload(sheet, names);
        return proxy;
      });
      return bytes;
    });
    return this;
  }
  get items(): ExcelWorksheet[] {
    if (!this.sheetProxies) throw notLoaded('items');
    return this.sheetProxies;
  }
}

function namespaceOf(xml: string): string {
  return /xmlns="([^"]*)"/.exec(xml)?.[1] ?? '';
}

export class FakeWorkbook {
  constructor(private readonly context: FakeContext) {}

  get worksheets(): ExcelWorksheetCollection {
    return new FakeWorksheets(this.context);
  }

  get names(): ExcelNamedItemCollection {
    return new FakeNames(this.context, () => this.context.fake.names);
  }

  get customXmlParts(): ExcelContext['workbook']['customXmlParts'] {
    const context = this.context;
    const fake = context.fake;
    return {
      add: (xml: string) =>
        new FakeXmlPart(context, () => {
          const part = { id: fake.newId(), namespace: namespaceOf(xml), xml };
          fake.xmlParts.push(part);
          return part;
        }),
      getByNamespace: (namespace: string) => ({
        getOnlyItemOrNullObject: () =>
          new FakeXmlPart(context, () => {
            const parts = fake.xmlParts.filter((p) => p.namespace === namespace);
            if (parts.length > 1) throw new FakeExcelError('GeneralException', 'More than one part.');
            return parts[0] ?? null;
          }),
      }),
    };
  }

  getSelectedRange(): ExcelRange {
    const fake = this.context.fake;
    return new FakeRange(this.context, () => {
      const sheet = fake.sheet(fake.selection.sheet);
      const rect = fake.selection.rects[0];
      if (!sheet || !rect) return null;
      if (fake.selection.rects.length > 1) throw new FakeExcelError('InvalidSelection', 'Several areas are selected.');
      return { sheet, rect };
    });
  }
}
