/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/components/app';
import { preloadSteps } from '../../src/taskpane/components/lazy-steps';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import type { Result } from '../../src/excel/workbook';
import { customerRows, customerWorkbook, HEADERS } from '../excel/support';
import { openCountedPane } from './counted-pane';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.value;
}

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own size.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

async function openPane(fake: FakeExcel, locale: 'en-US' | 'zh-CN' = 'en-US', clock?: () => Date) {
  const workbook = new OfficeWorkbook(fake.run);
  render(<App workbook={workbook} locale={locale} theme="light" {...(clock ? { clock } : {})} />);
  // The later steps load in chunks of their own (lazy-steps.tsx): loaded here, a tab shows its step at once.
  await act(() => preloadSteps());
  return workbook;
}

function tab(name: RegExp | string) {
  fireEvent.click(screen.getByRole('tab', { name }));
}

describe('the task pane', () => {
  it('happy path: detects the data and maps every input by header, in either language', async () => {
    await openPane(customerWorkbook(12));
    expect(await screen.findByText('12 rows in Customers!A1:D13')).toBeTruthy();
    const sales = screen.getByLabelText('Column for Monthly average sales') as HTMLSelectElement;
    expect(sales.value).toBe('月均销售额');
    expect((screen.getByLabelText('Column for Days to collect') as HTMLSelectElement).value).toBe('Payment days');
    expect(screen.getByText('Every input has a column.')).toBeTruthy();
  });

  it('given an input set to not mapped, then the pane says every row will fail without it', async () => {
    await openPane(customerWorkbook(4));
    const days = (await screen.findByLabelText('Column for Days to collect')) as HTMLSelectElement;
    fireEvent.change(days, { target: { value: '' } });
    expect(await screen.findByText('Every row will fail without these columns: Days to collect')).toBeTruthy();
  });

  it('given zh-CN, then the pane speaks Chinese', async () => {
    await openPane(customerWorkbook(3), 'zh-CN');
    expect(await screen.findByText('Customers!A1:D4 中共 3 行')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '预览' })).toBeTruthy();
    expect(screen.getByLabelText('月均销售额 对应的列')).toBeTruthy();
  });

  it('given no workbook (outside Excel), then it says to open the pane in Excel', () => {
    render(<App locale="en-US" theme="dark" />);
    expect(screen.getByText('Open this pane in Excel to grade a sheet.')).toBeTruthy();
  });

  it('happy path: preview shows the distribution and sample rows with explanations', async () => {
    await openPane(customerWorkbook(12));
    await screen.findByText('12 rows in Customers!A1:D13');
    tab('Preview');
    const table = screen.getByRole('table', { name: 'Distribution' });
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'TierCountShareTarget',
      'A Grade A436.4%',
      'B Grade B436.4%',
      'C Grade C327.3%',
    ]);
    expect(screen.getByText(/^Ungraded: 1$/)).toBeTruthy();
    expect(screen.getByText('Row 2')).toBeTruthy();
    expect(screen.getByText(/^: Payment days: 'soon' is not a number/)).toBeTruthy();
  });

  it('happy path: Apply colours the sheet, lists ungraded rows, selects them; Revert restores the workbook', async () => {
    const fake = customerWorkbook(12);
    const before = fake.snapshot();
    await openPane(fake);
    await screen.findByText('12 rows in Customers!A1:D13');
    tab('Apply');
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText(/^Applied: Customers!E1:E13/)).toBeTruthy();
    expect(fake.sheet('Customers')!.cfs).toHaveLength(3);
    expect(screen.getByRole('region', { name: 'Legend' })).toBeTruthy();
    expect(screen.getByText('1 row could not be graded')).toBeTruthy();
    expect(screen.getByText(/^Row 8: Payment days: 'soon' is not a number/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Select these rows' }));
    expect(await screen.findByText('1 row selected.')).toBeTruthy();
    expect(fake.selection.rects).toEqual([{ row: 7, column: 0, rows: 1, columns: 4 }]);

    fireEvent.click(screen.getByRole('button', { name: 'Revert' }));
    expect(await screen.findByText('Reverted: the sheet is as it was before Apply.')).toBeTruthy();
    expect(fake.snapshot()).toEqual(before);
  });

  it('given a user Tier column, then Apply asks; when confirmed it adds its own columns and leaves theirs', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Customers', [[...HEADERS, 'Tier'], ...customerRows(3).map((r) => [...r, 'gold'])]);
    // Each request takes 100 ms, as in Excel on the web: polling the page against findBy's 1 s clock fails here.
    fake.latency = 100;
    const settled = openCountedPane(fake);
    await settled();
    expect(screen.getByText('3 rows in Customers!A1:E4')).toBeTruthy();
    tab('Apply');
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await settled();
    // Fluent shows the dialog, and then its buttons, to assistive technology once its entry motion
    // starts, a frame or more later: wait for each by role. At 100 ms a request this test takes 5 s on
    // a quiet machine and passed 10 s at load 7, so the wait allows 30 s (the test's limit is 60 s).
    const motion = { timeout: 30_000 };
    const dialog = await screen.findByRole('alertdialog', {}, motion);
    expect(
      within(dialog).getByText(/were not written by Tierwise: Tier\. Tierwise leaves them as they are/),
    ).toBeTruthy();
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Add Tierwise columns' }, motion));
    await settled();
    expect(screen.getByText(/^Applied:/)).toBeTruthy();
    const sheet = fake.sheet('Customers')!;
    expect(fake.cell(sheet, 1, 4)?.value).toBe('gold');
    expect(fake.cell(sheet, 1, 6)?.value).toBe('A');
  });

  it('given the rows still being read, then Apply is not offered yet, and is once they are read', async () => {
    const fake = customerWorkbook(3);
    fake.latency = 100;
    let reading!: () => void;
    const readStarted = new Promise<void>((started) => (reading = started));
    const settled = openCountedPane(fake, (name) => name === 'readRows' && reading());
    await act(() => readStarted);
    expect(screen.getByText('3 rows in Customers!A1:D4')).toBeTruthy();
    tab('Apply');
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
    expect(screen.getAllByText('Looking for customer data…')[0]).toBeTruthy();
    await settled();
    expect(screen.getByRole('button', { name: 'Apply' })).toBeTruthy();
  });

  it('given a protected sheet, then Apply fails with a clear message in the MessageBar', async () => {
    const fake = customerWorkbook(3);
    await openPane(fake);
    await screen.findByText('3 rows in Customers!A1:D4');
    fake.sheet('Customers')!.protected = true;
    tab('Apply');
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('The sheet Customers is protected.'),
    );
  });

  it('given an empty sheet, then the pane says so', async () => {
    const fake = new FakeExcel();
    fake.addSheet('Blank');
    await openPane(fake);
    expect((await screen.findByRole('alert')).textContent).toContain('The sheet Blank is empty.');
  });

  it('given a tier colour edited to a word, then the problem shows at that field', async () => {
    await openPane(customerWorkbook(3));
    await screen.findByText('3 rows in Customers!A1:D4');
    tab('Table');
    const fill = screen.getByLabelText('Fill colour of A');
    await act(async () => {
      fireEvent.change(fill, { target: { value: 'green' } });
    });
    const messages = await screen.findAllByText(/'green' is not a colour; use #RRGGBB/);
    expect(messages.length).toBeGreaterThanOrEqual(2); // at the field, and in the list under the JSON
  });

  it('given a band typed that is not a range, then it says how to write one', async () => {
    await openPane(customerWorkbook(3));
    await screen.findByText('3 rows in Customers!A1:D4');
    tab('Table');
    const band = screen.getByLabelText('Band 1 of Monthly average sales') as HTMLInputElement;
    expect(band.value).toBe('x >= 20000');
    fireEvent.change(band, { target: { value: 'lots' } });
    expect(await screen.findByText(/'lots' is not a range/)).toBeTruthy();
  });

  it('given a search, then the table list is filtered and grouped', async () => {
    await openPane(customerWorkbook(3));
    await screen.findByText('3 rows in Customers!A1:D4');
    tab('Table');
    const select = screen.getByLabelText('Grading table') as HTMLSelectElement;
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).toEqual([
      'Scorecards',
      'Sales pipelines',
      'Matrices',
      'Segments',
      'RFM',
    ]);
    fireEvent.change(screen.getByLabelText('Search tables'), { target: { value: 'rfm' } });
    const groups = [...select.querySelectorAll('optgroup')].map((g) => g.label);
    expect(groups).toEqual(['RFM']);
  });

  it('happy path: two snapshots show who moved', async () => {
    const fake = customerWorkbook(4);
    const workbook = await openPane(fake);
    await screen.findByText('4 rows in Customers!A1:D5');
    await workbook.snapshot({
      date: '2026-01-01',
      table: 'payment-scorecard',
      entries: [
        { key: 'C00001', score: 50, tier: 'C' },
        { key: 'C00002', score: 100, tier: 'A' },
      ],
    });
    tab('History');
    fireEvent.change(screen.getByLabelText('Customer key column'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Snapshot' }));
    expect(await screen.findByText(/^Snapshot saved: 4 customers/)).toBeTruthy();
    expect(await screen.findByText('Moved up: 1')).toBeTruthy();
    expect(screen.getByText('Moved down: 1')).toBeTruthy();
  });
});

describe('the history step', () => {
  it('given three snapshots in one day, then all three are kept and any two can be compared', async () => {
    const fake = customerWorkbook(4);
    const times = ['2026-03-01T09:00:00Z', '2026-03-01T12:30:00Z', '2026-03-01T17:45:00Z'];
    let taken = 0;
    const workbook = await openPane(fake, 'en-US', () => new Date(times[taken++]!));
    await screen.findByText('4 rows in Customers!A1:D5');
    tab('History');
    fireEvent.change(screen.getByLabelText('Customer key column'), { target: { value: '0' } });
    for (let k = 1; k <= 3; k++) {
      fireEvent.click(screen.getByRole('button', { name: 'Snapshot' }));
      await waitFor(async () => expect(value(await workbook.readHistory())).toHaveLength(k));
      await waitFor(() => expect(screen.getByRole('button', { name: 'Snapshot' })).toHaveProperty('disabled', false));
    }
    expect(value(await workbook.readHistory()).map((s) => [s.id, s.date])).toEqual([
      ['#1', '2026-03-01 09:00'],
      ['#2', '2026-03-01 12:30'],
      ['#3', '2026-03-01 17:45'],
    ]);
    expect(await screen.findByText('From 2026-03-01 12:30 to 2026-03-01 17:45')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Compare snapshot'), { target: { value: '#1' } });
    expect(await screen.findByText('From 2026-03-01 09:00 to 2026-03-01 17:45')).toBeTruthy();
  });
});

describe('the task pane with a workbook from an older Tierwise', () => {
  it('given tables under TW_ names but no stamp, then it says they are read and will be saved in the current format', async () => {
    const fake = customerWorkbook(3);
    const rules = fake.addSheet('Old rules', [['Tierwise grading table']]);
    fake.names.set('tw_old', {
      name: 'TW_old',
      ref: { sheet: rules, rect: { row: 0, column: 0, rows: 1, columns: 1 } },
    });
    await openPane(fake);
    expect(
      await screen.findByText(
        'This workbook was saved by an older Tierwise; its tables are read and will be saved in the current format.',
      ),
    ).toBeTruthy();
  });
});

describe('the task pane on a large sheet', () => {
  it('given Apply on thousands of rows, then a progress bar offers Cancel, and Cancel leaves the sheet as before', async () => {
    const fake = customerWorkbook(3000);
    const before = fake.snapshot();
    render(<App workbook={new OfficeWorkbook(fake.run, { budget: 8 * 1024 })} locale="en-US" theme="light" />);
    await screen.findByText('3,000 rows in Customers!A1:D3001');
    fake.latency = 2;
    tab('Apply');
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('progressbar')).toBeTruthy();
    expect(screen.getByText(/^Writing [\d,]+ of 3,000 rows$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Cancelled. Nothing was changed.', {}, { timeout: 10_000 })).toBeTruthy();
    expect(fake.snapshot()).toEqual(before);
  });
});

/** The control a <label> names: getByLabelText is slow on the large editor in jsdom. */
function control<T extends HTMLElement>(label: string): T {
  const found = [...document.querySelectorAll('label')].find((l) => l.textContent === label);
  if (!found) throw new Error(`no label ${label}`);
  return document.getElementById(found.htmlFor) as T;
}

describe('the rules editor', () => {
  it('given a rules table, then rules and condition trees are edited in place, with problems where they are', async () => {
    await openPane(customerWorkbook(3));
    await screen.findByText('3 rows in Customers!A1:D4');
    tab('Table');
    fireEvent.change(control('Grading table'), { target: { value: 'preset:sales-pipeline' } });
    expect(control<HTMLSelectElement>('Tier of rule 1').value).toBe('A01');
    const kind = control<HTMLSelectElement>('Kind of condition Rule 1');
    expect(kind.value).toBe('all');
    fireEvent.change(kind, { target: { value: 'any' } });
    expect(control<HTMLTextAreaElement>('Table as JSON').value).toMatch(/"tier": "A01",\s+"when": \{\s+"any": \[/);
    const leaf = control<HTMLSelectElement>('Kind of condition Rule 1.1');
    expect(leaf.value).toBe('leaf');
    expect(control<HTMLSelectElement>('Operator of condition Rule 1.1').value).toBe('=');
    expect(control<HTMLInputElement>('Value of condition Rule 1.1').value).toBe('true');
    const json = control<HTMLTextAreaElement>('Table as JSON');
    const edited = JSON.parse(json.value) as { method: { rules: Array<{ tier: string }> } };
    edited.method.rules[0]!.tier = 'Z9';
    fireEvent.change(json, { target: { value: JSON.stringify(edited) } });
    expect((await screen.findAllByText(/no tier named 'Z9'/)).length).toBeGreaterThanOrEqual(2);
  });
});
