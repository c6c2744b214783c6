/** @jest-environment jsdom */
import { render, screen, within } from '@testing-library/react';
import { compileTable, summarize, type Cell, type Locale } from '../../src/engine';
import { getPreset } from '../../src/engine/presets';
import { LocaleProvider } from '../../src/taskpane/components/pane-text';
import { PreviewStep } from '../../src/taskpane/components/preview-step';
import { samplesOf } from '../../src/taskpane/session';

// 1,000 in all: A 800 (3 customers), B 160 (3), C 40 (4).
const ROWS: Cell[][] = [500, 200, 100, 80, 50, 30, 20, 10, 5, 5].map((v) => [v]);

function renderPreview(locale: Locale = 'en-US') {
  const compiled = compileTable(getPreset('abc'));
  if (!compiled.ok) throw new Error('abc does not compile');
  const table = compiled.compiled;
  const batch = table.gradeRows(ROWS, [0]);
  const samples = samplesOf(table, ROWS, [0], batch, locale);
  render(
    <LocaleProvider value={locale}>
      <PreviewStep compiled={table} summary={summarize(table, batch)} samples={samples} firstRow={2} />
    </LocaleProvider>,
  );
}

function distribution(name: string): string[][] {
  return within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent ?? ''));
}

describe('the ABC preview', () => {
  it('happy path: per tier customers, their share and the share of value, and each sample says its rank and share before', () => {
    renderPreview();
    expect(distribution('Distribution')).toEqual([
      ['Tier', 'Count', 'Share', 'Target', 'Share of value'],
      ['A A', '3', '30%', '', '80%'],
      ['B B', '3', '30%', '', '16%'],
      ['C C', '4', '40%', '', '4%'],
    ]);
    const samples = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(samples).toEqual([
      'Row 2 A: Value 500: rank 1 of 10, share before 0% < 80% → A (cumulative 50%)',
      'Row 5 B: Value 80: rank 4 of 10, share before 80% < 95% → B (cumulative 88%)',
      'Row 8 C: Value 20: rank 7 of 10, share before 96% ≥ 95% → C (cumulative 98%)',
    ]);
  });

  it('given zh-CN, then the value share and the reasons are in Chinese', () => {
    renderPreview('zh-CN');
    expect(screen.getByRole('columnheader', { name: '价值占比' })).toBeTruthy();
    expect(screen.getAllByRole('listitem')[0]!.textContent).toMatch(/500.*80%/);
    expect(screen.getAllByRole('listitem')[0]!.textContent).not.toMatch(/rank/);
  });
});
