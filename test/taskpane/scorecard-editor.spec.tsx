/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { compileTable, type ScorecardMethod } from '../../src/engine';
import { byLabel, click, preset, renderEditor, typeInto as type } from './editor-harness';

describe('the scorecard editor', () => {
  it('happy path: a criterion, its bands, weight, blank points and a multiplier are added, reordered and removed in grids', () => {
    const { latest } = renderEditor(preset('payment-scorecard'));
    const paymentCriterion = (preset('payment-scorecard').method as ScorecardMethod).criteria[1];
    click('Add a criterion');
    type('Name of criterion 3', 'Paid early');
    type('Input of Paid early', 'payment_days');
    type('Band 1 of Paid early', 'x <= 10');
    type('Points of band 1 of Paid early', '5');
    click('Add a band to Paid early');
    type('Band 2 of Paid early', '10 < x');
    type('Points of band 2 of Paid early', '0');
    type('Weight of Paid early', '2');
    type('Points of Paid early when blank (empty: a blank is a row error)', '1');
    click('Move band 2 of Paid early up');
    click('Move criterion Paid early up');
    click('Remove band 4 of Monthly average sales');
    type('Round the total to decimals', '0');
    click('Add a multiplier');
    type('Factor of multiplier 1', '1.1');
    const method = latest().method;
    expect(method).toEqual({
      kind: 'scorecard',
      criteria: [
        {
          id: 'sales',
          input: 'monthly_sales',
          label: { en: 'Monthly average sales', zh: '月均销售额' },
          bands: [
            { match: { range: { gte: 20000 } }, points: 70 },
            { match: { range: { gt: 10000, lt: 20000 } }, points: 50 },
            { match: { range: { gt: 5000, lte: 10000 } }, points: 40 },
          ],
        },
        {
          id: 'criterion_3',
          input: 'payment_days',
          label: { en: 'Paid early', zh: '指标 3' },
          weight: 2,
          blankPoints: 1,
          bands: [
            { match: { range: { gt: 10 } }, points: 0 },
            { match: { range: { lte: 10 } }, points: 5 },
          ],
        },
        paymentCriterion,
      ],
      thresholds: [{ tier: 'A', gte: 80 }, { tier: 'B', gte: 60 }, { tier: 'C' }],
      round: 0,
      multipliers: [{ id: 'multiplier_1', factor: 1.1, when: { input: 'monthly_sales', op: 'not_blank' } }],
    });
    // What the grids built is a table the engine grades.
    const compiled = compileTable(latest());
    expect(compiled.ok).toBe(true);
  });

  it('given a band typed that is not a range yet, then it keeps the text, says how to write one, and keeps the last good range', () => {
    const { latest } = renderEditor(preset('payment-scorecard'));
    const band = byLabel('Band 3 of Monthly average sales');
    expect(band.value).toBe('5000 < x <= 10000');
    fireEvent.change(band, { target: { value: '5000 <' } });
    expect(band.value).toBe('5000 <');
    expect(screen.getByText(/'5000 <' is not a range/)).toBeTruthy();
    expect(band.getAttribute('aria-invalid')).toBe('true');
    expect(latest().method).toEqual(preset('payment-scorecard').method);
    fireEvent.change(band, { target: { value: '5000 <= x < 10000' } });
    expect(latest().method.kind === 'scorecard' && latest().method).toMatchObject({
      criteria: [{ bands: [{}, {}, { match: { range: { gte: 5000, lt: 10000 } }, points: 40 }, {}] }, {}],
    });
  });

  it("given a bound switched on and off and a tier used twice, then the engine's problem shows at that cell", () => {
    renderEditor(preset('payment-scorecard'));
    type('Comparison for C', 'gte');
    const bound = byLabel('Lowest score of C');
    expect(bound.value).toBe('0');
    type('Comparison for C', 'none');
    type('Tier of threshold 2', 'A');
    const tier = byLabel('Tier of threshold 2');
    const notes = document.getElementById(tier.getAttribute('aria-describedby') ?? '');
    expect(notes?.textContent).toMatch(/A/);
    expect(tier.getAttribute('aria-invalid')).toBe('true');
  });

  it('given a threshold added, then it goes before the catch-all row with the first unused tier', () => {
    const table = preset('payment-scorecard');
    table.tiers.push({ id: 'D', label: { en: 'Grade D' }, fill: '#FFFFFF', font: '#000000' });
    const { latest } = renderEditor(table);
    click('Add a threshold');
    type('Lowest score of D', '40');
    click('Move threshold of D up');
    expect(latest().method).toMatchObject({
      thresholds: [{ tier: 'A', gte: 80 }, { tier: 'D', gte: 40 }, { tier: 'B', gte: 60 }, { tier: 'C' }],
    });
    const grid = screen.getByRole('table', { name: 'Thresholds' });
    expect(within(grid).getAllByRole('row')).toHaveLength(5);
  });

  it('given zh-CN, then the grids speak Chinese', () => {
    renderEditor(preset('payment-scorecard'), 'zh-CN');
    expect(screen.getByRole('button', { name: '添加指标' })).toBeTruthy();
    expect(screen.getByRole('table', { name: '月均销售额 的区间' })).toBeTruthy();
  });
});
