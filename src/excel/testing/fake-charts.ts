/** Charts of the fake: a title and a name to write, found again by name, deleted. */
import type { ExcelChart } from '../excel-api';
import { FakeExcelError, guard, notLoaded, type ChartModel, type SheetModel } from './fake-model';
import type { FakeContext } from './fake-context';
import { Proxy } from './fake-proxy';

export class FakeChart extends Proxy<ChartModel> implements ExcelChart {
  protected readonly scalars = ['name'];

  constructor(
    context: FakeContext,
    resolve: () => ChartModel | null,
    private readonly sheet: () => SheetModel,
  ) {
    super(context, resolve);
  }

  protected read(property: string): unknown {
    if (property === 'name') return this.live().name ?? '';
    throw new FakeExcelError('InvalidArgument', `Chart has no property ${property}.`);
  }

  get name(): string {
    return this.get('name');
  }
  set name(name: string) {
    this.write('name', name, (chart) => {
      chart.name = name;
    });
  }

  get title(): ExcelChart['title'] {
    const write = (value: string) =>
      this.write('title', value, (target) => {
        target.title = value;
      });
    return {
      get text(): string {
        throw notLoaded('title/text');
      },
      set text(value: string) {
        write(value);
      },
    };
  }

  delete(): void {
    this.context.enqueue(10, () => {
      const chart = this.live();
      const sheet = this.sheet();
      guard(sheet);
      sheet.charts.splice(sheet.charts.indexOf(chart), 1);
    });
  }
}
