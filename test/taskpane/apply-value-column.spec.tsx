/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { App } from '../../src/taskpane/components/app';
import { preloadSteps } from '../../src/taskpane/components/lazy-steps';
import { customerWorkbook } from '../excel/support';

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own size.
Object.assign(window, {
  ResizeObserver: class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  },
});

async function openApplyStep(tableChoice?: string): Promise<HTMLSelectElement> {
  render(<App workbook={new OfficeWorkbook(customerWorkbook(8).run)} locale="en-US" theme="light" />);
  await act(() => preloadSteps());
  await screen.findByText('8 rows in Customers!A1:D9');
  if (tableChoice) {
    fireEvent.click(screen.getByRole('tab', { name: 'Table' }));
    fireEvent.change(screen.getByLabelText('Grading table'), { target: { value: tableChoice } });
  }
  fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
  return (await screen.findByLabelText('Value column for the summary (e.g. revenue)')) as HTMLSelectElement;
}

const shown = (select: HTMLSelectElement) => select.selectedOptions[0]?.textContent;
const offered = (select: HTMLSelectElement) => [...select.options].map((o) => o.textContent);

describe("the Apply step's value column", () => {
  it('given an ABC table, then it shows and preselects the column of the ranked input, the one the summary sums', async () => {
    const select = await openApplyStep('preset:abc');
    expect(shown(select)).toBe('Revenue');
    expect(offered(select)).toEqual(['Customer', '月均销售额', 'Payment days', 'Revenue']);
    fireEvent.change(select, { target: { value: '1' } });
    expect(shown(select)).toBe('月均销售额');
  });

  it('given a scorecard, then no value column is chosen until the user picks one', async () => {
    const select = await openApplyStep();
    expect(shown(select)).toBe('(none)');
    expect(offered(select)).toEqual(['(none)', 'Customer', '月均销售额', 'Payment days', 'Revenue']);
  });
});
