/** @jest-environment jsdom */
import { fireEvent, screen } from '@testing-library/react';
import type { RulesMethod, ScorecardMethod } from '../../src/engine';
import { contrastRatio } from '../../src/taskpane/editors/draft';
import { byLabel, click, preset, renderEditor, typeInto as type } from './editor-harness';

describe('the tiers grid', () => {
  it('happy path: a tier is added, named, coloured, moved and removed; a renamed tier is renamed in the thresholds', () => {
    const { latest } = renderEditor(preset('payment-scorecard'));
    click('Add a tier');
    type('ID of tier 4', 'D');
    type('Label of D', 'Grade D');
    type('Pick the fill colour of D', '#ffeeaa');
    type('Font colour of D', '#1F1F1F');
    type('Target share of D (%)', '12.5');
    click('Move tier D up');
    click('Remove tier B');
    type('ID of tier 1', 'Top');
    expect(latest().tiers).toEqual([
      preset('payment-scorecard').tiers.map((t) => (t.id === 'A' ? { ...t, id: 'Top' } : t))[0],
      { id: 'D', label: { en: 'Grade D', zh: '等级 4' }, fill: '#FFEEAA', font: '#1F1F1F', targetShare: 0.125 },
      preset('payment-scorecard').tiers[2],
    ]);
    expect((latest().method as ScorecardMethod).thresholds).toEqual([
      { tier: 'Top', gte: 80 },
      { tier: 'B', gte: 60 },
      { tier: 'C' },
    ]);
  });

  it('given a font colour too close to the fill, then a contrast warning shows at the fill, and goes away when fixed', () => {
    renderEditor(preset('payment-scorecard'));
    type('Font colour of A', '#B0D0B0');
    const ratio = contrastRatio('#C6EFCE', '#B0D0B0')!.toFixed(1);
    expect(screen.getByText(`Hard to read: contrast ${ratio}:1 with the font colour (at least 4.5:1)`)).toBeTruthy();
    type('Font colour of A', '#006100');
    expect(screen.queryByText(/Hard to read/)).toBeNull();
  });

  it('computes the WCAG contrast ratio', () => {
    expect(contrastRatio('#FFFFFF', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#FFFFFF')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('green', '#FFFFFF')).toBeUndefined();
  });
});

describe('the inputs grid', () => {
  it('happy path: an input is added with type, required and aliases; a renamed input is renamed in criteria', () => {
    const { latest } = renderEditor(preset('payment-scorecard'));
    click('Add an input');
    type('ID of input 3', 'region');
    type('Label of input region', 'Region');
    type('Type of Region', 'category');
    fireEvent.click(byLabel('Region is required (a blank cell is a row error)'));
    type('Other column headers of Region (a; b)', 'Area; 区域;');
    // What is typed stays as typed (the trailing separator) while the table takes the parsed list.
    expect((byLabel('Other column headers of Region (a; b)') as HTMLInputElement).value).toBe('Area; 区域;');
    click('Move input region up');
    type('ID of input 1', 'sales_avg');
    expect(latest().inputs.map((i) => [i.id, i.type, i.required, i.aliases?.length])).toEqual([
      ['sales_avg', 'number', undefined, 9],
      ['region', 'category', false, 2],
      ['payment_days', 'number', undefined, 9],
    ]);
    expect(latest().inputs[1]).toEqual({
      id: 'region',
      type: 'category',
      label: { en: 'Region', zh: '输入 3' },
      required: false,
      aliases: ['Area', '区域'],
    });
    expect((latest().method as ScorecardMethod).criteria.map((c) => c.input)).toEqual(['sales_avg', 'payment_days']);
  });

  it('given an input renamed to the id of another, then only that input changes and the duplicate is shown at its cell', () => {
    const { latest } = renderEditor(preset('payment-scorecard'));
    type('ID of input 2', 'monthly_sales');
    expect((latest().method as ScorecardMethod).criteria.map((c) => c.input)).toEqual([
      'monthly_sales',
      'payment_days',
    ]);
    const cell = byLabel('ID of input 2');
    expect(cell.getAttribute('aria-invalid')).toBe('true');
  });

  it('given a rules table, then renaming an input renames it inside condition trees', () => {
    const { latest } = renderEditor(preset('sales-pipeline'));
    const before = JSON.stringify((preset('sales-pipeline').method as RulesMethod).rules);
    const first = preset('sales-pipeline').inputs[0]!.id;
    type('ID of input 1', 'renamed_input');
    const after = JSON.stringify((latest().method as RulesMethod).rules);
    expect(after).toBe(before.split(`"input":"${first}"`).join('"input":"renamed_input"'));
    expect(after).not.toBe(before);
  });
});
