import { parseSheetTable, printSheetTable } from '../../../src/engine/sheet-form';
import type { Cell } from '../../../src/engine/values/cell';
import { paymentScorecard, salesPipeline } from './fixtures';

/** The payment scorecard as a person might type it: Chinese headings, full-width, text numbers, blank rows. */
const typedByHand: Cell[][] = [
  ['Tierwise 分级表', '版本', '1'],
  ['编号 ', 'payment-scorecard'],
  ['名称', 'Payment scorecard', '客户分级标准（总分100分）'],
  ['类别', 'scorecard'],
  ['方法', '评分卡'],
  [],
  [null, null, null],
  ['输入项'],
  ['输入项', '类型', '名称（英）', '名称（中）', '列名别名'],
  ['monthly_sales', '数值', 'Monthly average sales', '月均销售额', '月均销售额'],
  ['ｐａｙｍｅｎｔ＿ｄａｙｓ', 'number', 'Days to collect', '回款天数', '回款天数 '],
  ['评分项'],
  ['评分项', '输入项', '区间', '分值', 'Label (en)', 'Label (zh)'],
  ['sales', 'monthly_sales', '≥ 20,000', '70', 'Monthly average sales', '月均销售额'],
  [null, null, '(10000, 20000)', 50],
  ['', '', '５０００ ＜ x ≤ １００００', '４０'],
  [null, null, 'x <= 5000', 30],
  ['payment', 'payment_days', '(-∞, 30]', 30, 'Timely payment', '及时回款'],
  [null, null, '30 < x <= 45 ', 20],
  [null, null, '(45, 60]', '10'],
  [null, null, '> 60', 0],
  [],
  ['分数线'],
  ['等级', '运算符', '分数'],
  ['A', '≥', '80'],
  ['B', '>=', 60],
  ['C', '其余'],
  ['等级 '],
  ['等级', '名称（英）', '名称（中）', '填充色', '字体色', '跟进频率（英）', '跟进频率（中）', '目标占比'],
  ['A', 'A', 'A 级客户', '#C6EFCE', '#006100', 'weekly', '周志', '20%'],
  ['B', 'B', 'B 级客户', '#FFEB9C', '#9C5700'],
  ['C', 'C', 'C 级客户', '#FFC7CE', '#9C0006', null, null, null, null, null],
  // Rows Excel adds when the defined name is larger than the block.
  [null, null, null, null, null, null, null, null, null, null],
  ['', '', '  '],
];

describe('sheet form, hand-edited blocks', () => {
  it('given Chinese headings, full-width text, numbers typed as text and extra blank rows, then it reads the same table', () => {
    const result = parseSheetTable(typedByHand);
    if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 2));
    expect(result.table).toStrictEqual(paymentScorecard);
  });

  it('given English-only and pair headings mixed, in another column order, then columns are found by heading', () => {
    const cells = printSheetTable(paymentScorecard).map((row) => [...row]);
    const header = cells.findIndex((row) => row[0] === 'Tier / 等级' && row[1] === 'Operator / 运算符');
    // Swap the Operator and Score columns of the thresholds section.
    for (let r = header; r < header + 4; r++) {
      const row = cells[r] as Cell[];
      [row[1], row[2]] = [row[2] ?? null, row[1] ?? null];
    }
    (cells[header] as Cell[])[1] = 'score';
    (cells[header] as Cell[])[2] = 'Operator/运算符';
    const result = parseSheetTable(cells);
    expect(result.ok && result.table).toStrictEqual(paymentScorecard);
  });

  it('given a block offset on a sheet with a space in its name, then cellOf gives quoted A1 addresses', () => {
    const result = parseSheetTable(printSheetTable(paymentScorecard), { sheet: 'My Rules', row: 4, column: 1 });
    if (!result.ok) throw new Error('expected ok');
    const cells = printSheetTable(paymentScorecard);
    const bandRow = cells.findIndex((row) => row[2] === '5000 < x <= 10000');
    expect(result.cellOf('method.criteria[0].bands[2].match.range')).toBe(`'My Rules'!D${bandRow + 5}`);
    expect(result.cellOf('method.criteria[0].bands[2].points')).toBe(`'My Rules'!E${bandRow + 5}`);
    // A deeper path falls back to its nearest recorded ancestor.
    expect(result.cellOf('method.criteria[0].bands[2].match.range.gt')).toBe(`'My Rules'!D${bandRow + 5}`);
    expect(result.cellOf('id')).toBe(`'My Rules'!C6`);
    expect(result.cellOf('nothing.here')).toBeUndefined();
  });

  it('given a plain sheet name, then addresses are unquoted', () => {
    const result = parseSheetTable(printSheetTable(paymentScorecard), { sheet: 'Rules', row: 0, column: 0 });
    expect(result.ok && result.cellOf('tiers[1].fill')).toMatch(/^Rules![A-Z]+\d+$/);
  });

  it('given condition levels left blank, then the indentation of the condition gives the nesting', () => {
    const cells = printSheetTable(salesPipeline).map((row) => [...row]);
    const header = cells.findIndex((row) => row[1] === 'Level / 层级');
    for (let r = header + 1; r < cells.length && cells[r]?.[0] !== 'Tiers / 等级'; r++) {
      const row = cells[r] as Cell[];
      if (typeof row[1] === 'number') row[1] = null;
    }
    const result = parseSheetTable(cells);
    expect(result.ok && result.table).toStrictEqual(salesPipeline);
  });

  it('given operators and group words typed in Chinese, then they are read', () => {
    const cells = printSheetTable(salesPipeline).map((row) => [...row]);
    for (const row of cells) {
      if (row[2] === 'ANY') row[2] = '任一';
      if (row[2] === '  ALL') row[2] = '  全部';
      if (row[3] === 'between') row[3] = '介于';
      if (row[3] === 'contains') row[3] = '包含';
      if (row[3] === '>=') row[3] = '≥';
    }
    const result = parseSheetTable(cells);
    expect(result.ok && result.table).toStrictEqual(salesPipeline);
  });
});
