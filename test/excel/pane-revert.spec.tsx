/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import type { FakeExcel } from '../../src/excel/testing/fake-excel';
import type { Result } from '../../src/excel/workbook';
import { App } from '../../src/taskpane/components/app';
import { preloadSteps } from '../../src/taskpane/components/lazy-steps';
import { customerWorkbook, planFor } from './support';

// jsdom has no ResizeObserver; Fluent's MessageBar observes its own size.
Object.assign(window, {
  ResizeObserver: class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  },
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.value;
}

/** An Apply made in an earlier session, whose pane has since been closed. */
async function appliedEarlier(fake: FakeExcel): Promise<void> {
  const earlier = new OfficeWorkbook(fake.run);
  const region = value(await earlier.detectData());
  const rows = value(await earlier.readRows(region));
  value(await earlier.apply(region, planFor(region, rows)));
}

async function openApplyStep(workbook: OfficeWorkbook, rows: number): Promise<HTMLButtonElement> {
  render(<App workbook={workbook} locale="en-US" theme="light" />);
  // The Apply step loads in a chunk of its own (lazy-steps.tsx).
  await act(() => preloadSteps());
  await screen.findByText(new RegExp(`^${rows} rows in Customers!`));
  fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
  return screen.getByRole('button', { name: 'Revert' }) as HTMLButtonElement;
}

describe('the task pane and the Apply of an earlier session', () => {
  it('happy path: the reopened pane offers Revert, and Revert restores the workbook', async () => {
    const fake = customerWorkbook(12);
    const before = fake.snapshot();
    await appliedEarlier(fake);
    const revert = await openApplyStep(new OfficeWorkbook(fake.run), 12);
    expect(revert.disabled).toBe(false);
    fireEvent.click(revert);
    expect(await screen.findByText('Reverted: the sheet is as it was before Apply.')).toBeTruthy();
    expect(fake.snapshot()).toEqual(before);
    expect((screen.getByRole('button', { name: 'Revert' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('given a graded cell edited since, then Revert is refused with the column and the reason', async () => {
    const fake = customerWorkbook(4);
    await appliedEarlier(fake);
    fake.setCell(fake.sheet('Customers')!, 2, 5, { value: 'Z' });
    const revert = await openApplyStep(new OfficeWorkbook(fake.run), 4);
    fireEvent.click(revert);
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Revert stopped: Customers!F1:F5, written by the last Apply, changed since',
    );
    expect(fake.cell(fake.sheet('Customers')!, 2, 5)?.value).toBe('Z');
  });

  it('given a journal too large for the workbook, then the pane says Revert lasts only while it is open', async () => {
    const fake = customerWorkbook(4);
    await openApplyStep(new OfficeWorkbook(fake.run, { journalLimit: 16 }), 4);
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(
      await screen.findByText(
        /^Applied: .* Revert for this Apply could not be kept in the workbook: its record \(\d+ KB\) is over the 1 KB Tierwise keeps there, so Revert works only until this pane is closed\. The records of earlier Applies were removed, as they would no longer match the sheet\.$/,
        {},
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Revert' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
