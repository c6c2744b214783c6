import type { ExcelContext, ExcelWorksheet } from '../../src/excel/excel-api';
import { FakeExcel, REQUEST_LIMIT } from '../../src/excel/testing/fake-excel';

function sample(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet('Data', [
    ['a', 'b'],
    [1, 2],
  ]);
  return fake;
}

describe('the fake Excel fails like Excel', () => {
  it('given a property read before load and sync, then it throws PropertyNotLoaded', async () => {
    const fake = sample();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange('A1:B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([
        ['a', 'b'],
        [1, 2],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('given a request over 5 MB, then the sync fails and nothing is written', async () => {
    const fake = sample();
    const before = fake.snapshot();
    const rows = 60_000;
    const values = Array.from({ length: rows }, () => ['x'.repeat(100)]);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRangeByIndexes(0, 3, rows, 1).values = values;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.syncs[0]!.requestBytes).toBeGreaterThan(REQUEST_LIMIT);
    expect(fake.snapshot()).toEqual(before);
  });

  it('given a response over 5 MB, then the sync fails', async () => {
    const fake = new FakeExcel();
    fake.addSheet(
      'Big',
      Array.from({ length: 30_000 }, () => ['y'.repeat(200)]),
    );
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1:A30000').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('given an address over 8,192 characters, then it is rejected', async () => {
    const fake = sample();
    const address = Array.from({ length: 1200 }, (_x, i) => `A${i * 2 + 1}:B${i * 2 + 1}`).join(',');
    expect(address.length).toBeGreaterThan(8192);
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRanges(address).select();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('given a protected sheet, then writing is denied and earlier operations of the batch stay', async () => {
    const fake = sample();
    fake.addSheet('Locked', [['keep']]).protected = true;
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItemOrNullObject('Data').getRange('C1').values = [['written']];
        context.workbook.worksheets.getItemOrNullObject('Locked').getRange('A1').values = [['changed']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(fake.cell(fake.sheet('Data')!, 0, 2)?.value).toBe('written');
    expect(fake.cell(fake.sheet('Locked')!, 0, 0)?.value).toBe('keep');
  });

  it('given a values array of the wrong shape, then it is rejected', async () => {
    const fake = sample();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange('A1:B2').values = [[1, 2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('happy path: whole columns inserted and deleted leave the workbook as before', async () => {
    const fake = sample();
    const before = fake.snapshot();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRangeByIndexes(0, 1, 1, 2).getEntireColumn().insert('Right');
      await context.sync();
      expect(fake.cell(fake.sheet('Data')!, 1, 3)?.value).toBe(2);
      sheet.getRangeByIndexes(0, 1, 1, 2).getEntireColumn().delete('Left');
      await context.sync();
    });
    expect(fake.snapshot()).toEqual(before);
  });

  it('counts every sync with its payload', async () => {
    const fake = sample();
    await fake.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange('A1:B2').load('values');
      await context.sync();
      await context.sync();
    });
    expect(fake.syncs).toHaveLength(2);
    expect(fake.syncs[0]!.responseBytes).toBe(
      JSON.stringify([
        ['a', 'b'],
        [1, 2],
      ]).length,
    );
  });
});

describe('the fake Excel hides sheets like Excel', () => {
  it('happy path: a very hidden sheet keeps its cells, reads back its visibility and is in the snapshot', async () => {
    const fake = sample();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.add('Store');
      sheet.visibility = 'VeryHidden';
      sheet.getRange('A1').values = [["'{kept}"]];
      await context.sync();
      const hidable = sheet;
      expect(() => hidable.visibility).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      hidable.load('visibility');
      await context.sync();
      expect(hidable.visibility).toBe('VeryHidden');
    });
    expect(fake.sheet('Store')).toMatchObject({ visibility: 'VeryHidden' });
    expect(fake.cell(fake.sheet('Store')!, 0, 0)?.value).toBe('{kept}');
    expect(fake.active).toBe('Data');
    expect(JSON.stringify(fake.snapshot())).toContain('"visibility":"VeryHidden"');
  });

  it('given a hidden sheet, then it cannot be activated nor a range on it selected', async () => {
    const fake = sample();
    fake.addSheet('Store').visibility = 'VeryHidden';
    for (const act of [(s: ExcelWorksheet) => s.activate(), (s: ExcelWorksheet) => s.getRange('A1').select()]) {
      await expect(
        fake.run(async (context) => {
          act(getStore(context));
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidOperation' });
    }
    expect(fake.active).toBe('Data');
  });

  it('given the only visible sheet, then it can be neither hidden nor deleted', async () => {
    const fake = sample();
    fake.addSheet('Store').visibility = 'VeryHidden';
    for (const act of [
      (s: ExcelWorksheet) => {
        s.visibility = 'Hidden';
      },
      (s: ExcelWorksheet) => s.delete(),
    ]) {
      await expect(
        fake.run(async (context) => {
          act(context.workbook.worksheets.getItemOrNullObject('Data') as ExcelWorksheet);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidOperation' });
    }
    expect(fake.sheet('Data')?.visibility).toBe('Visible');
  });
});

function getStore(context: ExcelContext): ExcelWorksheet {
  return context.workbook.worksheets.getItemOrNullObject('Store') as ExcelWorksheet;
}

describe('the fake Excel clears formats and finds charts by name like Excel', () => {
  it("given clear('Formats'), then number formats, bold, fills, font colours and the conditional formats within go, values stay", async () => {
    const fake = sample();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('Data');
      const block = sheet.getRangeByIndexes(0, 0, 2, 2);
      block.numberFormat = [
        ['@', '0%'],
        ['0.00', 'General'],
      ];
      block.format.font.bold = true;
      block.format.fill.color = '#FFEEDD';
      block.format.font.color = '#112233';
      block.conditionalFormats.add('ColorScale');
      await context.sync();
      block.clear('Formats');
      await context.sync();
    });
    expect(fake.snapshot()).toEqual(sample().snapshot());
  });

  it('given a conditional format reaching outside the cleared range, then the fake refuses (not modelled)', async () => {
    const fake = sample();
    await expect(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject('Data');
        sheet.getRangeByIndexes(0, 0, 2, 2).conditionalFormats.add('ColorScale');
        sheet.getRangeByIndexes(0, 0, 1, 1).clear('Formats');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'NotImplemented' });
  });

  it('happy path: a named chart is found by name (any case), its name reads only once loaded, and delete takes it out', async () => {
    const fake = sample();
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('Data');
      const chart = sheet.charts.add('ColumnClustered', sheet.getRangeByIndexes(0, 0, 2, 2), 'Columns');
      chart.name = 'Tierwise summary';
      chart.title.text = 'Counts';
      await context.sync();
      const found = sheet.charts.getItemOrNullObject('TIERWISE SUMMARY');
      const missing = sheet.charts.getItemOrNullObject('Chart 1');
      await context.sync();
      expect(() => found.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      found.load('name');
      await context.sync();
      expect([found.isNullObject, found.name, missing.isNullObject]).toEqual([false, 'Tierwise summary', true]);
      expect(fake.sheet('Data')!.charts).toEqual([
        {
          type: 'ColumnClustered/Columns',
          rect: { row: 0, column: 0, rows: 2, columns: 2 },
          title: 'Counts',
          name: 'Tierwise summary',
        },
      ]);
      found.delete();
      await context.sync();
    });
    expect(fake.snapshot()).toEqual(sample().snapshot());
  });
});
