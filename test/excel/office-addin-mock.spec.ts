import { OfficeMockObject } from 'office-addin-mock';
import type { ExcelRun } from '../../src/excel/excel-api';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import type { DataRegion } from '../../src/excel/workbook';

/** Paths simple enough for Microsoft's office-addin-mock; the rest runs against the stricter fake. */
function mockExcel(extra: Record<string, unknown> = {}) {
  const calls: string[] = [];
  const sheet = {
    name: 'Customers',
    activate() {
      calls.push('activate');
    },
    getRanges(address: string) {
      calls.push(`getRanges ${address}`);
      return { select: () => calls.push('select') };
    },
    ...extra,
  };
  const data = {
    context: {
      workbook: {
        worksheets: {
          sheet,
          getItemOrNullObject(name: string) {
            calls.push(`sheet ${name}`);
            return this.sheet;
          },
        },
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as { run: ExcelRun };
  // A current Microsoft 365 host: RangeAreas.select (ExcelApi 1.18) is there.
  const run = Object.assign(mock.run.bind(mock), { isSetSupported: () => true }) as ExcelRun;
  return { run, calls };
}

const region: DataRegion = {
  sheet: 'Customers',
  address: 'Customers!B3:E20',
  top: 2,
  left: 1,
  rowCount: 17,
  columnCount: 4,
  headers: ['a', 'b', 'c', 'd'],
  filtered: false,
  outputs: [],
};

describe('OfficeWorkbook with office-addin-mock', () => {
  it('happy path: selecting ungraded rows addresses them below the header as runs', async () => {
    const { run, calls } = mockExcel();
    const result = await new OfficeWorkbook(run).selectRows(region, [0, 1, 2, 7]);
    expect(result).toEqual({ ok: true, value: { selected: 4 } });
    expect(calls).toEqual(['sheet Customers', 'activate', 'getRanges B4:E6,B11:E11', 'select']);
  });

  it('given nothing to select, then Excel is not asked', async () => {
    const { run, calls } = mockExcel();
    expect(await new OfficeWorkbook(run).selectRows(region, [])).toEqual({ ok: true, value: { selected: 0 } });
    expect(calls).toEqual([]);
  });

  it('given Excel throwing, then the failure is a value for the MessageBar, not an exception', async () => {
    const { run } = mockExcel({
      getRanges() {
        throw new Error('GeneralException');
      },
    });
    expect(await new OfficeWorkbook(run).selectRows(region, [1])).toEqual({
      ok: false,
      problem: { kind: 'failed', message: 'GeneralException', cause: new Error('GeneralException') },
    });
  });
});
