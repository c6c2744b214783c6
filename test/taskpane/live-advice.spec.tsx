/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import { LIVE_TABLE_ROW_ADVICE } from '../../src/excel/live-formulas';
import type { DataRegion } from '../../src/excel/workbook';
import { ApplyStep, type ApplyChoices } from '../../src/taskpane/components/apply-step';
import { LocaleProvider } from '../../src/taskpane/components/pane-text';
import { DEFAULT_OPTIONS, HEADERS, paymentScorecard } from '../excel/support';

function region(rowCount: number, table?: string): DataRegion {
  return {
    sheet: 'Customers',
    address: `Customers!A1:D${rowCount + 1}`,
    filtered: false,
    top: 0,
    left: 0,
    rowCount,
    columnCount: 4,
    headers: HEADERS,
    outputs: [],
    ...(table ? { table } : {}),
  };
}

function renderStep(data: DataRegion, mode: ApplyChoices['mode'], locale: 'en-US' | 'zh-CN' = 'en-US') {
  const noop = () => {};
  render(
    <LocaleProvider value={locale}>
      <ApplyStep
        region={data}
        compiled={paymentScorecard()}
        choices={{ ...DEFAULT_OPTIONS, mode }}
        onChoices={noop}
        running={false}
        applied={false}
        canRevert={false}
        ungraded={[]}
        onApply={noop}
        onKeep={noop}
        onCancel={noop}
        onRevert={noop}
        onSelectUngraded={noop}
      />
    </LocaleProvider>,
  );
}

const advice = (rows: number) =>
  `This table has ${rows.toLocaleString('en-US')} rows: live formulas in a table call the function once per row and column, and Excel shows #BUSY! until every call has returned. Above ${LIVE_TABLE_ROW_ADVICE.toLocaleString('en-US')} rows, write values (or convert the table to a range: one formula per column there).`;

describe('the advice on live formulas in big Excel tables', () => {
  it('given live formulas in a table one row over the limit, then the pane advises values, in either language', () => {
    renderStep(region(LIVE_TABLE_ROW_ADVICE + 1, 'Clients'), 'formulas');
    expect(screen.getByText(advice(LIVE_TABLE_ROW_ADVICE + 1))).toBeTruthy();
    renderStep(region(LIVE_TABLE_ROW_ADVICE + 1, 'Clients'), 'formulas', 'zh-CN');
    expect(screen.getByText(/^此表格有 5,001 行：表格中的实时公式每行每列调用一次函数/)).toBeTruthy();
  });

  it.each([
    ['a table at the limit', region(LIVE_TABLE_ROW_ADVICE, 'Clients'), 'formulas'],
    ['a plain range of 100,000 rows (one spilled formula per column)', region(100_000), 'formulas'],
    ['values in a big table', region(100_000, 'Clients'), 'values'],
  ] as const)('given %s, then there is no advice', (_name, data, mode) => {
    renderStep(data, mode);
    expect(screen.queryByText(/live formulas in a table/)).toBeNull();
  });
});
