/**
 * The base of every fake proxy object: resolved when its creating operation runs in a sync, and strict
 * about reading what was not loaded.
 */
import { FakeExcelError, sizeOf, notLoaded } from './fake-model';
import type { FakeContext } from './fake-context';
import type { FakeExcel } from './fake-excel';

/** A proxy whose target is resolved when its creating operation runs in a sync. */
export abstract class Proxy<T> {
  protected target: T | null | undefined = undefined;
  private readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly context: FakeContext,
    resolve: () => T | null,
  ) {
    context.enqueue(30, () => {
      this.target = resolve();
    });
  }

  /**
   * An item of a collection loaded in a sync: its target set and `properties` read at once (no sync of
   * its own); returns their bytes.
   */
  preload(target: T, properties: readonly string[]): number {
    this.target = target;
    let bytes = 0;
    for (const property of properties) {
      const value = this.read(property);
      this.loaded.set(property, value);
      bytes += sizeOf(value);
    }
    return bytes;
  }

  get fake(): FakeExcel {
    return this.context.fake;
  }

  get isNullObject(): boolean {
    if (this.target === undefined) throw notLoaded('isNullObject');
    return this.target === null;
  }

  /** The live target, inside an operation: a null object cannot be used. */
  protected live(): T {
    if (this.target === undefined) throw new FakeExcelError('InvalidObjectPath', 'The object is not resolved.');
    if (this.target === null) throw new FakeExcelError('ItemNotFound', 'The requested resource does not exist.');
    return this.target;
  }

  protected abstract read(property: string): unknown;
  protected abstract readonly scalars: readonly string[];

  protected child(_name: string): { load(p: string): unknown } | undefined {
    return undefined;
  }

  load(properties?: string): this {
    const list = properties ? properties.split(',').map((p) => p.trim()) : [...this.scalars];
    for (const path of list) {
      const slash = path.indexOf('/');
      if (slash >= 0) {
        const child = this.child(path.slice(0, slash));
        if (!child) throw new FakeExcelError('InvalidArgument', `Cannot load ${path}.`);
        child.load(path.slice(slash + 1));
        continue;
      }
      this.context.enqueue(path.length, () => {
        if (this.target === null) return 0;
        const value = this.read(path);
        this.loaded.set(path, value);
        return sizeOf(value);
      });
    }
    return this;
  }

  protected get<V>(property: string): V {
    if (!this.loaded.has(property)) throw notLoaded(property);
    return this.loaded.get(property) as V;
  }

  protected write(property: string, value: unknown, apply: (target: T) => void): void {
    this.context.enqueue(property.length + sizeOf(value), () => apply(this.live()));
  }
}
