/** @jest-environment jsdom */
import { compileTable, type MatrixMethod, type RulesMethod } from '../../src/engine';
import { byLabel, click, preset, renderEditor, typeInto as type } from './editor-harness';

describe('the matrix editor', () => {
  it('happy path: bands are added, moved and removed on either axis and the cells follow them', () => {
    const { latest } = renderEditor(preset('value-potential'));
    const before = preset('value-potential').method as MatrixMethod;
    click('Add a band to Columns');
    type('ID of band 4 of Columns', 'none');
    type('Values of none (Columns)', 'none; 无');
    type('Cell high × none', 'B');
    click('Remove low of Rows');
    click('Move medium of Rows up');
    click('Move none of Columns up');
    const method = latest().method as MatrixMethod;
    expect(method.rows.bands.map((b) => b.id)).toEqual(['medium', 'high']);
    expect(method.columns.bands.map((b) => [b.id, b.match])).toEqual([
      ['high', { values: ['high'] }],
      ['medium', { values: ['medium'] }],
      ['none', { values: ['none', '无'] }],
      ['low', { values: ['low'] }],
    ]);
    const C = 'C';
    expect(method.cells).toEqual([
      [before.cells[1]![0], before.cells[1]![1], C, before.cells[1]![2]],
      [before.cells[0]![0], before.cells[0]![1], 'B', before.cells[0]![2]],
    ]);
    expect(byLabel<HTMLSelectElement>('Cell high × none').value).toBe('B');
  });

  it('given the output switched to points, then cells take numbers and thresholds appear; the table compiles', () => {
    const { latest } = renderEditor(preset('value-potential'));
    type('Each cell gives', 'score');
    type('Cell high × high', '90');
    type('Cell medium × high', '40');
    const method = latest().method as MatrixMethod;
    expect(method.output).toBe('score');
    expect(method.cells).toEqual([
      [90, 0, 0],
      [40, 0, 0],
      [0, 0, 0],
    ]);
    expect(method.thresholds).toEqual([{ tier: 'A', gte: 20 }, { tier: 'B', gte: 10 }, { tier: 'C' }]);
    expect(compileTable(latest()).ok).toBe(true);
  });

  it('given a cell with a tier the table lacks, then the problem shows at that cell', () => {
    const table = preset('value-potential');
    (table.method as MatrixMethod).cells[0]![1] = 'Z';
    renderEditor(table);
    const cell = byLabel('Cell high × medium');
    expect(cell.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(cell.getAttribute('aria-describedby')!)?.textContent).toMatch(/Z/);
  });
});

describe('the rules editor', () => {
  it('given rules moved and a default tier chosen, then the order and default are the table’s', () => {
    const { latest } = renderEditor(preset('sales-pipeline'));
    const rules = (preset('sales-pipeline').method as RulesMethod).rules;
    click('Move Rule 2 up');
    click('Move Rule 2 down');
    type('Tier when no rule holds', 'A01');
    const method = latest().method as RulesMethod;
    expect(method.rules).toEqual([rules[1], rules[2], rules[0], ...rules.slice(3)]);
    expect(method.default).toBe('A01');
  });
});
