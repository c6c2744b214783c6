import { compileTable } from '../../src/engine/compile';
import type { GradeError, GradingTable } from '../../src/engine';
import { formatGradeError } from '../../src/engine/messages';
import type { Cell } from '../../src/engine/values/cell';
import { tiers } from './fixtures';

/** One input of each type; every bad cell below goes into one of them and must give its exact row error. */
const table: GradingTable = {
  format: 'tierwise/grading-table',
  version: 1,
  id: 'bad-cells',
  name: { en: 'Bad cells' },
  inputs: [
    { id: 'amount', type: 'number', label: { en: 'Amount' } },
    { id: 'signed', type: 'boolean', label: { en: 'Signed' } },
    { id: 'since', type: 'date', label: { en: 'Since' } },
    {
      id: 'need',
      type: 'category',
      label: { en: 'Need' },
      values: [
        { id: 'clear', aliases: ['明确需求'] },
        { id: 'none', aliases: ['无需求'] },
      ],
    },
  ],
  method: { kind: 'rules', rules: [{ tier: 'A', when: { input: 'amount', op: '>', value: 0 } }], default: 'B' },
  tiers: tiers('A', 'B'),
};
const good: Cell[] = [100, true, '2024-03-15', 'clear'];
const compiled = (() => {
  const r = compileTable(table);
  if (!r.ok) throw new Error('invalid');
  return r.compiled;
})();

const column = { amount: 0, signed: 1, since: 2, need: 3 } as const;
const nan = (value: string): GradeError => ({ kind: 'not-a-number', input: 'amount', value });
const bool = (value: string): GradeError => ({ kind: 'not-a-boolean', input: 'signed', value });
const date = (value: string, ambiguous = false): GradeError => ({
  kind: 'not-a-date',
  input: 'since',
  value,
  ...(ambiguous ? { ambiguous } : {}),
});
const cat = (value: string): GradeError => ({
  kind: 'unknown-category',
  input: 'need',
  value,
  allowed: ['clear', 'none'],
});

const CASES: Array<[keyof typeof column, Cell, GradeError]> = [
  ['amount', '3O', nan('3O')],
  ['amount', '12,34', nan('12,34')],
  ['amount', '1,2345', nan('1,2345')],
  ['amount', '1.2.3', nan('1.2.3')],
  ['amount', '--5', nan('--5')],
  ['amount', '¥', nan('¥')],
  ['amount', '约2万', nan('约2万')],
  ['amount', '待定', nan('待定')],
  ['amount', 'N/A', nan('N/A')],
  ['amount', '0x10', nan('0x10')],
  ['amount', 'Infinity', nan('Infinity')],
  ['amount', '1e400', nan('1e400')],
  ['amount', '5M', nan('5M')],
  ['amount', '¥5元', nan('¥5元')],
  ['amount', '85%%', nan('85%%')],
  ['amount', true, nan('TRUE')],
  ['amount', Number.NaN, nan('NaN')],
  ['amount', Number.POSITIVE_INFINITY, nan('Infinity')],
  ['amount', '', { kind: 'blank', input: 'amount' }],
  ['amount', '   ', { kind: 'blank', input: 'amount' }],
  ['amount', null, { kind: 'blank', input: 'amount' }],
  ['amount', undefined, { kind: 'blank', input: 'amount' }],
  ['amount', '#N/A', { kind: 'cell-error', input: 'amount', value: '#N/A' }],
  ['amount', { error: '#DIV/0!' }, { kind: 'cell-error', input: 'amount', value: '#DIV/0!' }],
  ['amount', '#VALUE!', { kind: 'cell-error', input: 'amount', value: '#VALUE!' }],
  ['signed', 'maybe', bool('maybe')],
  ['signed', 2, bool('2')],
  ['signed', '是的吧', bool('是的吧')],
  ['signed', 'x', bool('x')],
  ['signed', '#REF!', { kind: 'cell-error', input: 'signed', value: '#REF!' }],
  ['since', '2023-02-29', date('2023-02-29')],
  ['since', '03/04/2024', date('03/04/2024', true)],
  ['since', 'yesterday', date('yesterday')],
  ['since', '2024-13-01', date('2024-13-01')],
  ['since', -5, date('-5')],
  ['since', 3000000, date('3000000')],
  ['since', '24/3/5', date('24/3/5')],
  ['since', true, date('TRUE')],
  ['need', 'maybe', cat('maybe')],
  ['need', '潜在需求', cat('潜在需求')],
  ['need', 42, cat('42')],
  ['need', '#NAME?', { kind: 'cell-error', input: 'need', value: '#NAME?' }],
];

describe('bad cells', () => {
  it.each(CASES)(
    'given %s = %j, then the row error names the input, the value and the reason',
    (input, cell, expected) => {
      const row = [...good];
      row[column[input]] = cell;
      expect(compiled.gradeRow(row)).toEqual({ ok: false, error: expected });
      expect(formatGradeError(expected, 'en-US')).toContain(input);
      expect(formatGradeError(expected, 'zh-CN')).toContain(input);
    },
  );

  it('has at least 40 bad cells in its corpus', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  it('given the good row, then it grades', () => {
    expect(compiled.gradeRow(good)).toMatchObject({ ok: true, tier: 'A' });
    expect(compiled.gradeRow(['¥1.2万', '是', 45366, '明确需求'])).toMatchObject({ ok: true, tier: 'A' });
  });
});
