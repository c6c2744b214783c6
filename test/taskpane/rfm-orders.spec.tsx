/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { parseDate } from '../../src/engine/values/coerce';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import { App } from '../../src/taskpane/components/app';

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own size.
Object.assign(window, {
  ResizeObserver: class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  },
});

function ordersWorkbook(bad = false): FakeExcel {
  const fake = new FakeExcel();
  const rows: Array<Array<string | number>> = [];
  for (let k = 0; k < 8; k++)
    for (let n = 0; n <= k % 3; n++) rows.push([`C${k}`, parseDate('2024-01-05') + k * 9 + n, 50 * (k + 1)]);
  if (bad) rows[3] = ['C1', 'not yet', 10];
  fake.addSheet('Orders', [['Customer', 'Order date', 'Amount'], ...rows]);
  fake.select('Orders', { row: 0, column: 0, rows: 1, columns: 1 });
  return fake;
}

async function buildFrom(fake: FakeExcel, locale: 'en-US' | 'zh-CN' = 'en-US') {
  render(<App workbook={new OfficeWorkbook(fake.run)} locale={locale} theme="light" />);
  const panel = await screen.findByRole('region', { name: locale === 'en-US' ? 'RFM from orders' : '从订单计算 RFM' });
  fireEvent.click(within(panel).getByRole('button', { name: locale === 'en-US' ? 'Read the sheet' : '读取工作表' }));
  return panel;
}

describe('RFM from orders in the task pane', () => {
  it('happy path: columns mapped from the headers, sheets built, cut points shown, Apply grades, Revert removes the sheets', async () => {
    const fake = ordersWorkbook();
    const before = fake.snapshot() as { active: string };
    const panel = await buildFrom(fake);
    expect(await within(panel).findByText('15 orders on Orders')).toBeTruthy();
    const selects = ['Customer column', 'Date column', 'Amount column'].map(
      (label) => within(panel).getByLabelText(label) as HTMLSelectElement,
    );
    expect(selects.map((s) => s.selectedOptions[0]!.textContent)).toEqual(['Customer', 'Order date', 'Amount']);
    const build = within(panel).getByRole('button', { name: 'Build the customer sheet' });
    fireEvent.click(build);
    expect(
      (
        await within(panel)
          .findByRole('alert')
          .catch(() => undefined)
      )?.textContent ?? '',
    ).toBe('');
    expect(await within(panel).findByText('Enter the as-of date (for example 2006-12-31).')).toBeTruthy();
    fireEvent.change(within(panel).getByLabelText(/As-of date/), { target: { value: '2024-03-31' } });
    fireEvent.click(build);
    expect(
      await within(panel).findByText(/^Wrote 8 customers to RFM customers and the segment report to RFM segments\./),
    ).toBeTruthy();
    const cutRows = within(panel)
      .getAllByRole('row')
      .map((r) => r.cloneNode(true) as HTMLElement);
    expect(cutRows[0]!.textContent).toBe('DimensionScoreValuesCustomers');
    expect(cutRows.length).toBe(1 + 15);
    expect(fake.sheet('RFM customers')).toBeTruthy();
    expect(fake.sheet('RFM segments')!.charts.map((c) => c.type)).toEqual(['BarClustered/Columns']);
    // The pane now holds the customer sheet with the RFM table.
    expect(await screen.findByText(/^8 rows in 'RFM customers'!/)).toBeTruthy();
    // The preview of the RFM table shows the same cut points.
    fireEvent.click(screen.getByRole('tab', { name: 'Preview' }));
    const previewCuts = await screen.findByRole('region', { name: 'Cut points used' });
    expect(
      within(previewCuts)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(cutRows.map((r) => r.textContent));
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText(/^Applied: /);
    fireEvent.click(screen.getByRole('button', { name: 'Revert' }));
    await screen.findByText('Reverted: the sheet is as it was before Apply.');
    const after = fake.snapshot() as { active: string };
    expect({ ...after, active: '' }).toEqual({ ...before, active: '' });
  });

  it('given a date cell that is not a date, then the pane lists it with its cell and reason and writes nothing (zh-CN)', async () => {
    const fake = ordersWorkbook(true);
    const before = fake.snapshot();
    const panel = await buildFrom(fake, 'zh-CN');
    await within(panel).findByText('Orders 上共 15 笔订单');
    fireEvent.change(within(panel).getByLabelText(/分析日期/), { target: { value: '2024-03-31' } });
    fireEvent.click(within(panel).getByRole('button', { name: '生成客户表' }));
    expect(await within(panel).findByText('有 1 个单元格无法使用，未写入任何内容。请修正后重新生成：')).toBeTruthy();
    expect(within(panel).getByRole('listitem').textContent).toMatch(/^Orders!B5：Order date/);
    await waitFor(() => expect(fake.snapshot()).toEqual(before));
  });
});
