/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react';
import { parseDate } from '../../src/engine/values/coerce';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import { LocaleProvider } from '../../src/taskpane/components/pane-text';
import { RfmOrdersPanel } from '../../src/taskpane/rfm-orders/rfm-orders-panel';

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own size.
Object.assign(window, {
  ResizeObserver: class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  },
});

/** Notes first, then the orders; `active`: the sheet the user has open. */
function workbook(active: 'Notes' | 'Orders'): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet('Notes', [['Plan'], ['call C3 in May']]);
  const rows: Array<Array<string | number>> = [];
  for (let k = 0; k < 6; k++)
    for (let n = 0; n <= k % 2; n++) rows.push([`C${k}`, parseDate('2024-01-05') + k * 11 + n, 40 * (k + 1)]);
  fake.addSheet('Orders', [['Customer', 'Order date', 'Amount'], ...rows]);
  fake.select(active, { row: 0, column: 0, rows: 1, columns: 1 });
  return fake;
}

/** Opens the panel, picks `pick` (when given), reads, sets the as-of date and builds; returns the sheets written. */
async function build(fake: FakeExcel, locale: 'en-US' | 'zh-CN', pick?: string): Promise<unknown> {
  const built = jest.fn();
  render(
    <LocaleProvider value={locale}>
      <RfmOrdersPanel workbook={new OfficeWorkbook(fake.run)} onBuilt={built} />
    </LocaleProvider>,
  );
  const en = locale === 'en-US';
  const picker = await screen.findByRole('combobox', { name: en ? 'Sheet of orders' : '订单工作表' });
  if (pick) {
    fireEvent.click(picker);
    const options = await screen.findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Notes', 'Orders']);
    fireEvent.click(screen.getByRole('option', { name: pick }));
  }
  fireEvent.click(screen.getByRole('button', { name: en ? 'Read the sheet' : '读取工作表' }));
  await screen.findByText(en ? '9 orders on Orders' : 'Orders 上共 9 笔订单');
  fireEvent.change(screen.getByLabelText(en ? /As-of date/ : /分析日期/), { target: { value: '2024-03-31' } });
  fireEvent.click(screen.getByRole('button', { name: en ? 'Build the customer sheet' : '生成客户表' }));
  await screen.findByText(en ? /^Wrote 6 customers/ : /6 位客户/);
  expect(built).toHaveBeenCalledTimes(1);
  // The sheets after Notes and Orders: the customer sheet and the segment report.
  return (fake.snapshot() as { sheets: unknown[] }).sheets.slice(2);
}

describe('RFM from orders: the sheet of orders', () => {
  it('given the orders on a sheet that is not active, then the picker lists every sheet, starts on the active one, and builds from the one picked', async () => {
    const expected = await build(workbook('Orders'), 'en-US');
    expect((expected as Array<{ name: string }>).map((sheet) => sheet.name)).toEqual(['RFM customers', 'RFM segments']);
    document.body.innerHTML = '';
    const fake = workbook('Notes');
    const picked = build(fake, 'en-US', 'Orders');
    const picker = await screen.findByRole('combobox', { name: 'Sheet of orders' });
    expect(picker.textContent).toBe('Notes');
    expect(await picked).toEqual(expected);
  });

  it('given zh-CN, then the picker is labelled in Chinese and builds the same sheets', async () => {
    const expected = await build(workbook('Orders'), 'zh-CN');
    document.body.innerHTML = '';
    expect(await build(workbook('Notes'), 'zh-CN', 'Orders')).toEqual(expected);
  });
});
