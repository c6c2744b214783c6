import type { TableProblemCode } from '../../../src/engine/errors';
import { parseSheetTable, printSheetTable } from '../../../src/engine/sheet-form';
import type { GradingTable } from '../../../src/engine/model';
import type { Cell } from '../../../src/engine/values/cell';
import { nineBoxScore, paymentScorecard, rfmEveryOption, rfmPackageStyle, salesPipeline } from './fixtures';

type Grid = Cell[][];

function printed(table: GradingTable): Grid {
  return printSheetTable(table).map((row) => [...row]);
}

function find(cells: Grid, match: (cell: Cell, row: Cell[]) => boolean): { r: number; c: number } {
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r] as Cell[];
    for (let c = 0; c < row.length; c++) if (match(row[c], row)) return { r, c };
  }
  throw new Error('cell not found');
}

function a1(r: number, c: number): string {
  return `Rules!${String.fromCharCode(65 + c)}${r + 1}`;
}

interface Case {
  name: string;
  build: () => { cells: Grid; at: string };
  code: TableProblemCode;
  key?: string;
}

const setAt = (cells: Grid, r: number, c: number, value: Cell): void => {
  (cells[r] as Cell[])[c] = value;
};

const cases: Case[] = [
  {
    name: 'A1 is not the marker',
    code: 'bad-format',
    build: () => {
      const cells = printed(paymentScorecard);
      setAt(cells, 0, 0, 'Customer table');
      return { cells, at: a1(0, 0) };
    },
  },
  {
    name: 'the version is newer than supported',
    code: 'unsupported-version',
    build: () => {
      const cells = printed(paymentScorecard);
      setAt(cells, 0, 2, 2);
      return { cells, at: a1(0, 2) };
    },
  },
  {
    name: 'the version is not a number',
    code: 'bad-number',
    build: () => {
      const cells = printed(paymentScorecard);
      setAt(cells, 0, 2, 'one');
      return { cells, at: a1(0, 2) };
    },
  },
  {
    name: 'the title block has an unknown entry',
    code: 'sheet-syntax',
    key: 'sheet.unknown-key',
    build: () => {
      const cells = printed(paymentScorecard);
      const { r } = find(cells, (cell) => cell === 'Method / 方法');
      cells.splice(r + 1, 0, ['Owner / 负责人', 'Li Lei']);
      return { cells, at: a1(r + 1, 0) };
    },
  },
  {
    name: 'an unknown section heading',
    code: 'sheet-syntax',
    key: 'sheet.unknown-section',
    build: () => {
      const cells = printed(paymentScorecard);
      const { r } = find(cells, (cell) => cell === 'Thresholds / 分数线');
      cells.splice(r, 0, ['Weights / 权重']);
      return { cells, at: a1(r, 0) };
    },
  },
  {
    name: 'a malformed range',
    code: 'bad-range',
    build: () => {
      const cells = printed(paymentScorecard);
      const { r, c } = find(cells, (cell) => cell === '10000 < x < 20000');
      setAt(cells, r, c, '10000 <> x');
      return { cells, at: a1(r, c) };
    },
  },
  {
    name: 'a range with both bounds on one side',
    code: 'bad-range',
    build: () => {
      const cells = printed(paymentScorecard);
      const { r, c } = find(cells, (cell) => cell === '5000 < x <= 10000');
      setAt(cells, r, c, '5000 < x > 10000');
      return { cells, at: a1(r, c) };
    },
  },
  {
    name: 'points that are not a number',
    code: 'bad-number',
    build: () => {
      const cells = printed(paymentScorecard);
      const { r, c } = find(cells, (cell, row) => cell === 40 && row.includes('5000 < x <= 10000'));
      setAt(cells, r, c, 'forty');
      return { cells, at: a1(r, c) };
    },
  },
  {
    name: 'a band without points',
    code: 'missing-field',
    build: () => {
      const cells = printed(paymentScorecard);
      const { r, c } = find(cells, (cell, row) => cell === 50 && row.includes('10000 < x < 20000'));
      setAt(cells, r, c, null);
      return { cells, at: a1(r, c) };
    },
  },
  {
    name: 'an Excel error value in a cell',
    code: 'sheet-syntax',
    key: 'sheet.cell-error',
    build: () => {
      const cells = printed(paymentScorecard);
      const { r, c } = find(cells, (cell, row) => cell === 30 && row.includes('x <= 5000'));
      setAt(cells, r, c, { error: '#REF!' });
      return { cells, at: a1(r, c) };
    },
  },
  {
    name: 'an unknown column heading',
    code: 'sheet-syntax',
    key: 'sheet.unknown-heading',
    build: () => {
      const cells = printed(paymentScorecard);
      const { r, c } = find(cells, (cell) => cell === 'Font colour / 字体色');
      setAt(cells, r, c, 'Colour');
      return { cells, at: a1(r, c) };
    },
  },
  {
    name: 'a required column missing',
    code: 'missing-field',
    build: () => {
      const cells = printed(paymentScorecard);
      const { r } = find(cells, (cell) => cell === 'Font colour / 字体色');
      for (let i = r; i < cells.length; i++) (cells[i] as Cell[]).splice(4, 1);
      return { cells, at: a1(r, 0) };
    },
  },
  {
    name: 'a section twice',
    code: 'sheet-syntax',
    key: 'sheet.duplicate-section',
    build: () => {
      const cells = printed(paymentScorecard);
      cells.push(['Tiers / 等级']);
      return { cells, at: a1(cells.length - 1, 0) };
    },
  },
  {
    name: 'the tiers section missing',
    code: 'missing-field',
    build: () => {
      const cells = printed(paymentScorecard);
      const { r } = find(cells, (cell) => cell === 'Tiers / 等级');
      cells.splice(r - 1);
      return { cells, at: a1(r - 1, 0) };
    },
  },
  {
    name: 'a section that does not belong to the method',
    code: 'sheet-syntax',
    key: 'sheet.section-not-for-method',
    build: () => {
      const cells = printed(paymentScorecard);
      cells.push(
        [],
        ['Rules / 规则'],
        ['Tier / 等级', 'Level / 层级', 'Condition / 条件', 'Operator / 运算符', 'Value / 值'],
      );
      return { cells, at: a1(cells.length - 2, 0) };
    },
  },
  {
    name: 'an unknown method',
    code: 'sheet-syntax',
    key: 'sheet.bad-keyword',
    build: () => {
      const cells = printed(paymentScorecard);
      const { r } = find(cells, (cell) => cell === 'Method / 方法');
      setAt(cells, r, 1, 'lottery');
      return { cells, at: a1(r, 1) };
    },
  },
  {
    name: 'a condition level that skips a level',
    code: 'sheet-syntax',
    key: 'sheet.bad-level',
    build: () => {
      const cells = printed(salesPipeline);
      const { r } = find(cells, (cell) => cell === '  considering_switch');
      setAt(cells, r, 1, 3);
      return { cells, at: a1(r, 1) };
    },
  },
  {
    name: 'two roots in one rule',
    code: 'sheet-syntax',
    key: 'sheet.two-roots',
    build: () => {
      const cells = printed(salesPipeline);
      const { r } = find(cells, (cell) => cell === '  considering_switch');
      setAt(cells, r + 3, 1, 1);
      return { cells, at: a1(r + 3, 1) };
    },
  },
  {
    name: 'NOT with two conditions under it',
    code: 'sheet-syntax',
    key: 'sheet.not-one-child',
    build: () => {
      const cells = printed(salesPipeline);
      const { r } = find(cells, (cell, row) => cell === '  NOT' && row[1] === 2);
      cells.splice(r + 2, 0, [null, 3, '    note', 'is blank', null]);
      return { cells, at: a1(r, 2) };
    },
  },
  {
    name: 'an unknown operator',
    code: 'sheet-syntax',
    key: 'sheet.bad-keyword',
    build: () => {
      const cells = printed(salesPipeline);
      const { r } = find(cells, (cell) => cell === '  considering_switch');
      setAt(cells, r, 3, '~=');
      return { cells, at: a1(r, 3) };
    },
  },
  {
    name: 'a condition with an operator that has conditions under it',
    code: 'sheet-syntax',
    key: 'sheet.leaf-children',
    build: () => {
      const cells = printed(salesPipeline);
      const { r } = find(cells, (cell) => cell === '  considering_switch');
      cells.splice(r + 1, 0, [null, 3, '    dm_feedback', '=', true]);
      return { cells, at: a1(r + 1, 1) };
    },
  },
  {
    name: 'a "between" whose value is not a range',
    code: 'bad-range',
    build: () => {
      const cells = printed(salesPipeline);
      const { r } = find(cells, (cell) => cell === 'between');
      setAt(cells, r, 4, 'from 5000');
      return { cells, at: a1(r, 4) };
    },
  },
  {
    name: 'a rule continuation row before any rule',
    code: 'sheet-syntax',
    key: 'sheet.orphan-row',
    build: () => {
      const cells = printed(salesPipeline);
      const { r } = find(cells, (cell) => cell === 'A06');
      setAt(cells, r, 0, null);
      return { cells, at: a1(r, 0) };
    },
  },
  {
    name: 'a value outside every column',
    code: 'sheet-syntax',
    key: 'sheet.stray-cell',
    build: () => {
      const cells = printed(paymentScorecard);
      const { r } = find(cells, (cell) => cell === '30 < x <= 45');
      setAt(cells, r, 9, 'note to self');
      return { cells, at: a1(r, 9) };
    },
  },
  {
    name: 'a matrix grid column that is not a band',
    code: 'sheet-syntax',
    key: 'sheet.matrix-header',
    build: () => {
      const cells = printed(nineBoxScore);
      const { r, c } = find(cells, (cell, row) => cell === 'attending' && row[0] === null);
      setAt(cells, r, c, 'nurse');
      return { cells, at: a1(r, c) };
    },
  },
  {
    name: 'a category value of an input that does not exist',
    code: 'unknown-input',
    build: () => {
      const cells = printed(nineBoxScore);
      const { r } = find(cells, (cell, row) => cell === 'tier2' && row[0] === 'hospital_level');
      setAt(cells, r, 0, 'hospital');
      return { cells, at: a1(r, 0) };
    },
  },
  {
    name: 'a threshold operator without a score',
    code: 'missing-field',
    build: () => {
      const cells = printed(paymentScorecard);
      const { r } = find(cells, (cell, row) => cell === 80 && row[0] === 'A');
      setAt(cells, r, 2, null);
      return { cells, at: a1(r, 2) };
    },
  },
  {
    name: 'an rfm segment with R from filled and R to blank',
    code: 'sheet-syntax',
    key: 'sheet.half-range',
    build: () => {
      const cells = printed(rfmEveryOption);
      const { r } = find(cells, (cell) => cell === 'champions');
      setAt(cells, r, 2, null);
      return { cells, at: a1(r, 2) };
    },
  },
  {
    name: 'an rfm segment with only FM to filled',
    code: 'sheet-syntax',
    key: 'sheet.half-range',
    build: () => {
      const cells = printed(rfmEveryOption);
      const { r } = find(cells, (cell) => cell === 'loyal');
      setAt(cells, r, 7, '');
      return { cells, at: a1(r, 7) };
    },
  },
  {
    name: 'an rfm segment half filled where the other column is left out of the header',
    code: 'sheet-syntax',
    key: 'sheet.half-range',
    build: () => {
      const cells = printed(rfmPackageStyle);
      const { r: header } = find(cells, (cell, row) => cell === 'Tier / 等级' && row[1] === 'R from / R 起');
      setAt(cells, header, 2, null);
      return { cells, at: a1(header + 1, 1) };
    },
  },
  {
    name: 'an rfm segment score that is not a number',
    code: 'bad-number',
    build: () => {
      const cells = printed(rfmEveryOption);
      const { r } = find(cells, (cell) => cell === 'new');
      setAt(cells, r, 4, 'four');
      return { cells, at: a1(r, 4) };
    },
  },
  {
    name: 'a cap kind that is neither percentile nor value',
    code: 'sheet-syntax',
    key: 'sheet.bad-keyword',
    build: () => {
      const cells = printed(rfmEveryOption);
      const { r } = find(cells, (cell, row) => cell === 'percentile' && row[0] === 'F');
      setAt(cells, r, 1, 'median');
      return { cells, at: a1(r, 1) };
    },
  },
  {
    name: 'a cap without its number',
    code: 'missing-field',
    build: () => {
      const cells = printed(rfmEveryOption);
      const { r } = find(cells, (cell, row) => cell === 'value' && row[0] === 'R');
      setAt(cells, r, 2, null);
      return { cells, at: a1(r, 2) };
    },
  },
  {
    name: 'a cap for a dimension that is not R, F or M',
    code: 'sheet-syntax',
    key: 'sheet.bad-keyword',
    build: () => {
      const cells = printed(rfmEveryOption);
      const { r } = find(cells, (cell, row) => cell === 'M' && row[1] === 'percentile');
      setAt(cells, r, 0, 'X');
      return { cells, at: a1(r, 0) };
    },
  },
  {
    name: 'two caps for the same dimension',
    code: 'sheet-syntax',
    key: 'sheet.duplicate-key',
    build: () => {
      const cells = printed(rfmEveryOption);
      const { r } = find(cells, (cell, row) => cell === 'M' && row[1] === 'percentile');
      setAt(cells, r, 0, 'F');
      return { cells, at: a1(r, 0) };
    },
  },
  {
    name: 'a closed side that is neither right nor left',
    code: 'sheet-syntax',
    key: 'sheet.bad-keyword',
    build: () => {
      const cells = printed(rfmEveryOption);
      const { r } = find(cells, (cell) => cell === 'Closed side / 闭区间方向');
      setAt(cells, r, 1, 'both');
      return { cells, at: a1(r, 1) };
    },
  },
  {
    name: 'an as-of date that is not a date',
    code: 'sheet-syntax',
    key: 'sheet.bad-date',
    build: () => {
      const cells = printed(rfmEveryOption);
      const { r } = find(cells, (cell) => cell === 'As of / 截止日期');
      setAt(cells, r, 1, '2024-02-30');
      return { cells, at: a1(r, 1) };
    },
  },
  {
    name: 'a Caps section in a scorecard',
    code: 'sheet-syntax',
    key: 'sheet.section-not-for-method',
    build: () => {
      const cells = printed(paymentScorecard);
      const { r } = find(cells, (cell) => cell === 'Tiers / 等级');
      cells.splice(r, 0, ['Caps / 封顶'], ['Dimension / 维度', 'Cap by / 封顶方式', 'Cap / 封顶值'], ['R', 'value', 1]);
      return { cells, at: a1(r, 0) };
    },
  },
  {
    name: 'a block of more than 5,000 rows',
    code: 'too-many',
    build: () => {
      const cells = printed(paymentScorecard);
      while (cells.length < 5001) cells.push([]);
      cells.push(['x']);
      return { cells, at: a1(5000, 0) };
    },
  },
];

describe('sheet form, malformed blocks', () => {
  it('has at least 15 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it.each(cases.map((c) => [c.name, c] as const))('given %s, then a problem with its code at its cell', (_, c) => {
    const { cells, at } = c.build();
    const result = parseSheetTable(cells, { sheet: 'Rules', row: 0, column: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const expected: Record<string, unknown> = { code: c.code, cell: at };
    if (c.key !== undefined) expected.detail = expect.objectContaining({ key: c.key, message: expect.any(String) });
    expect(result.problems).toContainEqual(expect.objectContaining(expected));
  });

  it('given a block wider than the limit, then too-many at the first column over it', () => {
    const cells = printed(paymentScorecard);
    (cells[1] as Cell[])[100] = 'wide';
    const result = parseSheetTable(cells);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatchObject({ code: 'too-many', detail: { found: 101 } });
  });

  it('given garbage of every cell type, then it never throws', () => {
    const garbage: Cell[][] = [
      ['Tierwise grading table', 'Version / 版本', 1],
      ['Method / 方法', 'rules'],
      ['Rules / 规则'],
      [new Date(0), { error: '#N/A' }, true, -0, Number.NaN],
      [undefined, null, 'ALL', '=', '='],
    ];
    expect(() => parseSheetTable(garbage)).not.toThrow();
    expect(parseSheetTable([]).ok).toBe(false);
    expect(parseSheetTable([[]]).ok).toBe(false);
  });
});
