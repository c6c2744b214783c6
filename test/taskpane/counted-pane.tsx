import { act, render } from '@testing-library/react';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import type { FakeExcel } from '../../src/excel/testing/fake-excel';
import type { Locale } from '../../src/engine';
import { App } from '../../src/taskpane/components/app';
import { preloadSteps } from '../../src/taskpane/components/lazy-steps';

/**
 * Opens the pane with its workbook calls counted: `settled()` resolves once no call is in flight and React
 * has rendered their results. A test then waits for the pane's work itself, not for a clock that a loaded
 * machine can outrun.
 */
export function openCountedPane(fake: FakeExcel, onCall?: (name: string) => void, locale: Locale = 'en-US') {
  const workbook = new OfficeWorkbook(fake.run);
  const inFlight = new Set<Promise<unknown>>();
  const calls = ['readTables', 'readHistory', 'findRevert', 'detectData', 'readRows', 'apply', 'revert'] as const;
  for (const name of calls) {
    const call = workbook[name].bind(workbook) as (...args: unknown[]) => Promise<unknown>;
    Object.assign(workbook, {
      [name]: (...args: unknown[]) => {
        onCall?.(name);
        const running = call(...args);
        inFlight.add(running);
        void running.finally(() => inFlight.delete(running));
        return running;
      },
    });
  }
  render(<App workbook={workbook} locale={locale} theme="light" />);
  return async function settled(): Promise<void> {
    // The later steps load in chunks of their own (lazy-steps.tsx): loaded here, a tab shows its step at once.
    await act(() => preloadSteps());
    // A finished call may start the next one (the pane reads tables, then history, then the data).
    while (inFlight.size > 0) {
      await act(async () => {
        await Promise.all(inFlight);
      });
    }
  };
}
