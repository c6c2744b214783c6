/** @jest-environment jsdom */
import { formatMessage } from '../../src/i18n/plural';
import { paneText } from '../../src/taskpane/text';

describe('pane texts with counts', () => {
  it('given one row, then English says "1 row", not "1 rows"; many rows are grouped by the locale', () => {
    expect(paneText('en-US', 'apply.selected', { count: 1 })).toBe('1 row selected.');
    expect(paneText('en-US', 'apply.selected', { count: 12345 })).toBe('12,345 rows selected.');
    expect(paneText('en-US', 'data.region', { rows: 1, address: 'Sheet1!A1:B2' })).toBe('1 row in Sheet1!A1:B2');
    expect(paneText('en-US', 'table.problems', { count: 1 })).toBe('1 problem');
    expect(paneText('en-US', 'apply.selected-some', { count: 1 })).toBe(
      'Selected the first row (one selection holds no more).',
    );
    expect(paneText('en-US', 'history.snapshot-option', { date: '2026-11-29', count: 1 })).toBe(
      '2026-11-29 (1 customer)',
    );
    expect(paneText('en-US', 'preview.reading', { done: 1000, total: 20000 })).toBe('Reading 1,000 of 20,000 rows…');
  });

  it('given zh-CN, then counts have no plural forms and are grouped', () => {
    expect(paneText('zh-CN', 'apply.selected', { count: 1 })).toBe('已选中 1 行。');
    expect(paneText('zh-CN', 'data.region', { rows: 12345, address: 'A1' })).toBe('A1 中共 12,345 行');
  });

  it('formats ICU-style plurals: exact matches, nested placeholders, unknown placeholders kept', () => {
    const template = '{n, plural, =0 {no rows} one {# row in {sheet}} other {# rows in {sheet}}} {missing}';
    expect(formatMessage('en-US', template, { n: 0, sheet: 'S' })).toBe('no rows {missing}');
    expect(formatMessage('en-US', template, { n: 1, sheet: 'S' })).toBe('1 row in S {missing}');
    expect(formatMessage('en-US', template, { n: 2.5, sheet: 'S' })).toBe('2.5 rows in S {missing}');
    expect(formatMessage('en-US', 'x {a} y', { a: 'text' })).toBe('x text y');
  });
});
