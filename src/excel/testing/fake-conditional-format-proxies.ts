/**
 * Conditional formats of the fake as proxies: one format, the collection of a range, and formats
 * loaded through the collection.
 */
/* eslint-disable @typescript-eslint/no-this-alias -- sub-objects with getters (format, rule, columns) act on their owner */
import type {
  ColorScaleCriteria,
  LoadableObject,
  ExcelConditionalFormat,
  ExcelConditionalFormatCollection,
  ExcelRange,
} from '../excel-api';
import { FakeExcelError, type CfModel, intersects, sizeOf, notLoaded, guard } from './fake-model';
import { Proxy } from './fake-proxy';
import type { FakeContext } from './fake-context';
import { customOrNullObjectOf, loadableCfField } from './fake-conditional-formats';
import { type RangeTarget, FakeRange } from './fake-range';

class FakeConditionalFormat extends Proxy<CfModel> implements ExcelConditionalFormat {
  protected readonly scalars = ['id', 'type'];
  protected read(property: string): unknown {
    const cf = this.live();
    if (property === 'id') return cf.id;
    if (property === 'type') return cf.type;
    throw new FakeExcelError('InvalidArgument', `ConditionalFormat has no property ${property}.`);
  }
  private readonly rule: { formula: string } & LoadableObject;
  constructor(context: FakeContext, resolve: () => CfModel | null) {
    super(context, resolve);
    const cf = this;
    let formula: string | undefined;
    this.rule = {
      get formula(): string {
        if (formula === undefined) throw notLoaded('formula');
        return formula;
      },
      set formula(value: string) {
        cf.write('formula', value, (target) => {
          guard(target.sheet);
          if (target.type !== 'Custom') throw new FakeExcelError('InvalidArgument', 'Not a custom rule.');
          target.formula = value;
        });
      },
      load<T>(this: T): T {
        cf.context.enqueue(10, () => {
          formula = cf.live().formula;
          return sizeOf(formula);
        });
        return this;
      },
    };
  }
  protected override child(name: string) {
    return name === 'custom'
      ? { load: (p: string) => (p === 'rule/formula' ? this.rule.load('formula') : undefined) }
      : undefined;
  }
  get id(): string {
    return this.get('id');
  }
  get type(): string {
    return this.get('type');
  }
  get customOrNullObject(): ExcelConditionalFormat['customOrNullObject'] {
    throw notLoaded('customOrNullObject');
  }
  get colorScale(): ExcelConditionalFormat['colorScale'] {
    const cf = this;
    return {
      get criteria(): ColorScaleCriteria {
        throw notLoaded('criteria');
      },
      set criteria(criteria: ColorScaleCriteria) {
        cf.write('criteria', criteria, (target) => {
          guard(target.sheet);
          if (target.type !== 'ColorScale') throw new FakeExcelError('InvalidArgument', 'Not a colour scale.');
          target.scale = `${criteria.minimum.type} ${criteria.minimum.color} .. ${criteria.maximum.type} ${criteria.maximum.color}`;
        });
      },
    };
  }
  get custom(): ExcelConditionalFormat['custom'] {
    const colour = (field: 'fill' | 'font') => {
      const cf = this;
      return {
        get color(): string {
          throw notLoaded('color');
        },
        set color(value: string) {
          cf.write('color', value, (target) => {
            guard(target.sheet);
            target[field] = value;
          });
        },
      };
    };
    return { rule: this.rule, format: { fill: colour('fill'), font: colour('font') } };
  }
  getRange(): ExcelRange {
    return new FakeRange(this.context, () => {
      const cf = this.live();
      return { sheet: cf.sheet, rect: cf.rect };
    });
  }
  delete(): void {
    this.context.enqueue(10, () => {
      const cf = this.live();
      guard(cf.sheet);
      cf.sheet.cfs = cf.sheet.cfs.filter((c) => c !== cf);
    });
  }
}

export class FakeCfCollection extends Proxy<RangeTarget> implements ExcelConditionalFormatCollection {
  protected readonly scalars = ['items'];
  private itemProxies: FakeConditionalFormat[] | undefined;
  protected read(): unknown {
    return undefined;
  }
  override load(properties?: string): this {
    const wanted = (properties ?? 'items')
      .split(',')
      .map((p) => p.trim())
      .map((p) => p.replace(/^items\/?/, ''))
      .filter((p) => p !== '');
    this.context.enqueue(10, () => {
      const { sheet, rect } = this.live();
      const found = sheet.cfs.filter((cf) => intersects(cf.rect, rect));
      this.itemProxies = found.map((cf) => new LoadedCf(this.context, cf));
      return 20 * found.length;
    });
    // Item loads are queued after the items exist: a second pass inside the same sync.
    this.context.enqueue(0, () => {
      let bytes = 0;
      for (const item of this.itemProxies ?? [])
        bytes += (item as LoadedCf).loadNow(wanted.length ? wanted : ['id', 'type']);
      return bytes;
    });
    return this;
  }
  get items(): ExcelConditionalFormat[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }
  add(type: 'Custom' | 'ColorScale'): ExcelConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      const { sheet, rect } = this.live();
      guard(sheet);
      const cf: CfModel = { id: `{${this.fake.newId()}}`, type, sheet, rect, formula: '', fill: '', font: '' };
      sheet.cfs.push(cf);
      return cf;
    });
  }
  getItem(id: string): ExcelConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      const { sheet } = this.live();
      const cf = sheet.cfs.find((c) => c.id === id);
      if (!cf) throw new FakeExcelError('ItemNotFound', `No conditional format ${id}.`);
      return cf;
    });
  }
}

/** A conditional format that came from a loaded collection: already resolved. */
class LoadedCf extends FakeConditionalFormat {
  private readonly values = new Map<string, unknown>();
  constructor(context: FakeContext, cf: CfModel) {
    super(context, () => cf);
    this.target = cf;
  }
  loadNow(paths: string[]): number {
    let bytes = 0;
    const cf = this.live();
    for (const path of paths) {
      const value = loadableCfField(cf, path);
      this.values.set(path, value);
      bytes += sizeOf(value);
    }
    return bytes;
  }
  override get id(): string {
    if (!this.values.has('id')) throw notLoaded('id');
    return this.values.get('id') as string;
  }
  override get type(): string {
    if (!this.values.has('type')) throw notLoaded('type');
    return this.values.get('type') as string;
  }
  override get customOrNullObject(): ExcelConditionalFormat['customOrNullObject'] {
    return customOrNullObjectOf(this.values);
  }
  override get custom(): ExcelConditionalFormat['custom'] {
    const base = super.custom;
    const formula = this.values.get('custom/rule/formula');
    const rule = Object.create(base.rule, {
      formula: {
        get() {
          if (formula === undefined) throw notLoaded('formula');
          return formula;
        },
      },
    });
    const colour = (path: string, write: { color: string }) => {
      const values = this.values;
      return {
        get color(): string {
          if (!values.has(path)) throw notLoaded('color');
          return values.get(path) as string;
        },
        set color(value: string) {
          write.color = value;
        },
      };
    };
    return {
      rule,
      format: {
        fill: colour('custom/format/fill/color', base.format.fill),
        font: colour('custom/format/font/color', base.format.font),
      },
    };
  }
}
