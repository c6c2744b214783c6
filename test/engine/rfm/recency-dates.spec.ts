/**
 * A column of last-purchase dates mapped to an RFM table's recency (days since
 * the last purchase) is refused, row by row and in a batch alike, with the
 * date it holds: read as days, the newest buyer would get R = 1 (ADR 0004).
 */
import { mapColumns } from '../../../src/engine/columns';
import { compileTable } from '../../../src/engine/compile';
import type { CompiledTable } from '../../../src/engine/grader';
import { formatGradeError } from '../../../src/engine/messages';
import { buildApplyPlan } from '../../../src/engine/plan';
import { getPreset } from '../../../src/engine/presets';
import type { Cell } from '../../../src/engine/values/cell';

function compiled(id: string): CompiledTable {
  const result = compileTable(getPreset(id)!);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.compiled;
}

const header = ['客户', '最近一次消费', '订单数', '消费金额'];
/** Excel hands dates to the add-in as serials: 45366 is 2024-03-15, 45000 is 2023-03-15. */
const rows: Cell[][] = [
  ['张三', 45366, 12, 8800],
  ['李四', 45000, 3, 1200],
  ['王五', 45300, 7, 5000],
];

describe('RFM recency given as dates where the table reads days', () => {
  it('given last-purchase dates as Excel serials then every row is refused with its date, none graded as days', () => {
    const c = compiled('rfm');
    const mapping = mapColumns(c.columns, header);
    const batch = c.gradeRows(rows, mapping.map);
    expect(Array.from(batch.tiers)).toEqual([-1, -1, -1]);
    expect([0, 1, 2].map((i) => batch.errors.get(i))).toEqual([
      { kind: 'recency-is-date', input: 'recency', value: '45366', date: '2024-03-15' },
      { kind: 'recency-is-date', input: 'recency', value: '45000', date: '2023-03-15' },
      { kind: 'recency-is-date', input: 'recency', value: '45300', date: '2024-01-09' },
    ]);
  });

  it('given a date as a Date, as date text or as a serial in text then it is refused the same way', () => {
    const c = compiled('rfm-11');
    const batch = c.gradeRows([
      [new Date(Date.UTC(2024, 2, 15)), 1, 1],
      ['2024-03-15', 1, 1],
      ['45366', 1, 1],
    ]);
    expect([0, 1, 2].map((i) => batch.errors.get(i))).toMatchObject([
      { kind: 'recency-is-date', date: '2024-03-15' },
      { kind: 'recency-is-date', value: '2024-03-15', date: '2024-03-15' },
      { kind: 'recency-is-date', value: '45366', date: '2024-03-15' },
    ]);
  });

  it('given days since the last purchase (up to 9,999) then they are graded as days, as before', () => {
    const c = compiled('rfm');
    const batch = c.gradeRows([
      [3, 12, 8800],
      [9999, 1, 10],
      [120, 4, 900],
    ]);
    expect(batch.errors.size).toBe(0);
    expect(Array.from(batch.scores, (code) => Math.floor(code / 100))).toEqual([5, 1, 3]);
  });

  it('given a number past the last Excel date (9999-12-31) then it is no date: read as days, as the SQL export reads it', () => {
    const c = compiled('rfm');
    const batch = c.gradeRows([
      [3, 12, 8800],
      [1e9, 1, 10],
    ]);
    expect(batch.errors.size).toBe(0);
  });

  it('given the Apply plan of a date column then the Error column says which input holds which date, in both languages', () => {
    const c = compiled('rfm');
    const mapping = mapColumns(c.columns, header);
    const layout = { sheet: 'Customers', top: 0, left: 0, columnCount: 4, rowCount: rows.length };
    const en = buildApplyPlan(c, rows, mapping.map, { locale: 'en-US', layout });
    const errorAt = en.frame.columns.findIndex((column) => column.kind === 'error');
    expect(en.cells[0]![errorAt]).toBe(
      "recency: '45366' is a date (2024-03-15), not a number of days since the last purchase: put the days in this column (as-of date minus last purchase), or use TIERWISE.RFM, which reads dates",
    );
    const zh = buildApplyPlan(c, rows, mapping.map, { locale: 'zh-CN', layout });
    expect(zh.cells[1]![errorAt]).toBe(
      'recency：“45000”是日期（2023-03-15），不是距最近一次消费的天数：请在此列填写天数（基准日减去最近一次消费日期），或使用可读取日期的 TIERWISE.RFM',
    );
    expect(zh.summary.cells.find((row) => row[0] === '未分级')?.[1]).toMatchObject({ result: 3 });
  });

  it('given the column header then the message can name it instead of the input id', () => {
    const error = compiled('rfm').gradeRow([45366, 2, 30]);
    expect(error.ok).toBe(false);
    if (!error.ok) {
      expect(formatGradeError(error.error, 'zh-CN', () => '最近一次消费')).toMatch(
        /^最近一次消费：“45366”是日期（2024-03-15）/,
      );
    }
  });
});
