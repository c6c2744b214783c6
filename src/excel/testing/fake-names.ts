/** Named items of the fake (workbook and sheet scope). */
import { parseAddress, rectAddress } from '../a1';
import type { ExcelNamedItem, ExcelNamedItemCollection, ExcelRange } from '../excel-api';
import { FakeExcelError, type NameModel, notLoaded } from './fake-model';
import { Proxy } from './fake-proxy';
import { FakeRange } from './fake-range';

/** "Data!$F$1:$F$9", "$A:$A": every column and row of the address fixed with "$". */
function isAbsolute(address: string): boolean {
  const cells = address.slice(address.lastIndexOf('!') + 1);
  return cells.split(':').every((end) => end !== '' && /^(\$[A-Za-z]{1,3})?(\$\d+)?$/.test(end));
}

class FakeNamedItem extends Proxy<{ scope: Map<string, NameModel>; item: NameModel }> implements ExcelNamedItem {
  protected readonly scalars = ['name', 'formula'];
  protected read(property: string): unknown {
    const { item } = this.live();
    if (property === 'name') return item.name;
    if (property === 'formula') {
      if (item.ref === 'ref-error') return '=#REF!';
      return item.ref
        ? `=${rectAddress(item.ref.rect, item.ref.sheet.name).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`
        : item.formula;
    }
    throw new FakeExcelError('InvalidArgument', `NamedItem has no property ${property}.`);
  }
  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }
  getRangeOrNullObject(): ExcelRange {
    return new FakeRange(this.context, () => {
      const { item } = this.live();
      return item.ref && item.ref !== 'ref-error' ? { sheet: item.ref.sheet, rect: item.ref.rect } : null;
    });
  }
  delete(): void {
    this.context.enqueue(10, () => {
      const { scope, item } = this.live();
      scope.delete(item.name.toLowerCase());
    });
  }
}

export class FakeNames extends Proxy<Map<string, NameModel>> implements ExcelNamedItemCollection {
  protected readonly scalars = ['items'];
  private itemProxies: FakeNamedItem[] | undefined;
  protected read(): unknown {
    return undefined;
  }
  override load(): this {
    this.context.enqueue(10, () => {
      const scope = this.live();
      let bytes = 0;
      this.itemProxies = [...scope.values()].map((item) => {
        const proxy = new FakeNamedItem(this.context, () => ({ scope, item }));
        bytes += proxy.preload({ scope, item }, ['name', 'formula']);
        return proxy;
      });
      return bytes;
    });
    return this;
  }
  get items(): ExcelNamedItem[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }
  add(name: string, reference: ExcelRange | string, comment?: string): ExcelNamedItem {
    return new FakeNamedItem(this.context, () => {
      const scope = this.live();
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(name) || parseAddress(name)) {
        throw new FakeExcelError('InvalidArgument', `'${name}' is not a valid name.`);
      }
      if (scope.has(name.toLowerCase())) throw new FakeExcelError('ItemAlreadyExists', `The name ${name} exists.`);
      const item: NameModel = { name, ...(comment ? { comment } : {}) };
      // Only an absolute address names fixed cells; a relative one is relative to the cell using the name.
      const text = typeof reference === 'string' ? reference.replace(/^=/, '') : undefined;
      const parsed = text !== undefined && isAbsolute(text) ? parseAddress(text) : undefined;
      const target = parsed?.sheet !== undefined ? this.fake.sheet(parsed.sheet) : undefined;
      if (parsed && target) item.ref = { sheet: target, rect: parsed.rect };
      else if (typeof reference === 'string') item.formula = reference;
      else {
        const { sheet, rect } = (reference as FakeRange).resolved();
        item.ref = { sheet, rect };
      }
      scope.set(name.toLowerCase(), item);
      return { scope, item };
    });
  }
  getItemOrNullObject(name: string): ExcelNamedItem {
    return new FakeNamedItem(this.context, () => {
      const scope = this.live();
      const item = scope.get(name.toLowerCase());
      return item ? { scope, item } : null;
    });
  }
}
