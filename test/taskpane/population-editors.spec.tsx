/** @jest-environment jsdom */
import { fireEvent, screen, within } from '@testing-library/react';
import { compileTable, type GradingTable } from '../../src/engine';
import { isoDateToSerial } from '../../src/engine/values/dates';
import { byLabel, click, preset, renderEditor, typeInto as type } from './editor-harness';

/** The problems said under a control (aria-describedby). */
function notesOf(label: string): string {
  const control = byLabel(label);
  return document.getElementById(control.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
}

function check(label: string): void {
  fireEvent.click(byLabel(label));
}

function grades(table: GradingTable): void {
  const compiled = compileTable(table);
  expect(compiled.ok ? [] : compiled.problems).toEqual([]);
}

describe('the ABC editor', () => {
  it('happy path: the ranked input and the cuts are edited in a grid, not in the JSON box', () => {
    const table = preset('abc');
    table.inputs.push({ id: 'profit', type: 'number', label: { en: 'Profit' } });
    table.tiers.push({ id: 'D', label: { en: 'D' }, fill: '#FFFFFF', font: '#000000' });
    const { latest } = renderEditor(table);
    expect(screen.queryByText(/edit them in the JSON below/)).toBeNull();
    expect(byLabel('Cumulative share of value up to which customers are A').value).toBe('80%');
    type('Ranked value (largest first)', 'profit');
    type('Cumulative share of value up to which customers are A', '70%');
    click('Add a cut');
    type('Cumulative share of value up to which customers are D', '98');
    expect(latest().method).toEqual({
      kind: 'abc',
      input: 'profit',
      cuts: [{ tier: 'A', upTo: 0.7 }, { tier: 'B', upTo: 0.95 }, { tier: 'D', upTo: 0.98 }, { tier: 'C' }],
    });
    grades(latest());
    // Moved last, a cut with a share is a problem at its share: the last cut takes the rest.
    click('Move cut D down');
    expect(notesOf('Cumulative share of value up to which customers are D')).toMatch(/last/);
    click('Move cut D up');
    click('Remove cut D');
    expect(latest().method).toEqual({
      kind: 'abc',
      input: 'profit',
      cuts: [{ tier: 'A', upTo: 0.7 }, { tier: 'B', upTo: 0.95 }, { tier: 'C' }],
    });
  });

  it("given a cut out of range, out of order, or missing, then the engine's problem shows at that cut", () => {
    const { latest } = renderEditor(preset('abc'));
    type('Cumulative share of value up to which customers are B', '120%');
    expect(notesOf('Cumulative share of value up to which customers are B')).toMatch(/1\.2/);
    expect(byLabel('Cumulative share of value up to which customers are B').getAttribute('aria-invalid')).toBe('true');
    type('Cumulative share of value up to which customers are B', '50%');
    expect(notesOf('Cumulative share of value up to which customers are B')).toMatch(/0\.5/);
    type('Cumulative share of value up to which customers are B', '');
    expect(latest().method).toEqual({
      kind: 'abc',
      input: 'value',
      cuts: [{ tier: 'A', upTo: 0.8 }, { tier: 'B' }, { tier: 'C' }],
    });
    expect(notesOf('Cumulative share of value up to which customers are B')).not.toBe('');
    type('Cumulative share of value up to which customers are C', 'lots');
    expect(notesOf('Cumulative share of value up to which customers are C')).toBe(
      "'lots' is not a percentage; write e.g. 80%",
    );
  });

  it('given zh-CN, then the ABC grid speaks Chinese', () => {
    renderEditor(preset('abc'), 'zh-CN');
    expect(screen.getByRole('table', { name: 'ABC 分界' })).toBeTruthy();
    expect(byLabel('A 类客户所至的价值累计占比').value).toBe('80%');
  });
});

describe('share thresholds', () => {
  it('happy path: "top 20% A, next 30% B" beside fixed thresholds on a scorecard', () => {
    const { latest } = renderEditor(preset('payment-scorecard'));
    type('Comparison for A', 'top');
    type('Share of customers, best first, up to which customers are A', '20%');
    type('Comparison for B', 'top');
    type('Share of customers, best first, up to which customers are B', '50');
    expect(latest().method).toMatchObject({
      thresholds: [{ tier: 'A', topShare: 0.2 }, { tier: 'B', topShare: 0.5 }, { tier: 'C' }],
    });
    grades(latest());
    type('Comparison for B', 'gte');
    expect(latest().method).toMatchObject({
      thresholds: [{ tier: 'A', topShare: 0.2 }, { tier: 'B', gte: 0 }, { tier: 'C' }],
    });
    // Mixed fixed and share bounds: the engine's problem shows at the bound.
    expect(notesOf('Lowest score of B')).not.toBe('');
  });

  it('on a score matrix', () => {
    const { latest } = renderEditor(preset('pharma-potential'));
    type('Comparison for high', 'top');
    type('Comparison for medium', 'top');
    type('Share of customers, best first, up to which customers are medium', '60%');
    expect(latest().method).toMatchObject({
      thresholds: [{ tier: 'high', topShare: 0.2 }, { tier: 'medium', topShare: 0.6 }, { tier: 'low' }],
    });
    grades(latest());
    click('Add a threshold');
    const grid = screen.getByRole('table', { name: 'Thresholds' });
    expect(within(grid).getAllByRole('row')).toHaveLength(5);
    expect(latest().method).toMatchObject({ thresholds: [{}, {}, { tier: 'high', topShare: 0.5 }, {}] });
  });
});

describe('the time editor', () => {
  afterEach(() => jest.useRealTimers());

  it('happy path: an input is days since a date column, and Today fills in the as-of date (never implicit)', () => {
    jest.useFakeTimers({
      now: new Date(2026, 10, 29, 23, 30),
      doNotFake: ['setTimeout', 'setInterval', 'queueMicrotask'],
    });
    const { latest } = renderEditor(preset('payment-scorecard'));
    check('Days to collect is the number of days from a date column to the as-of date');
    expect(latest().inputs[1]).toMatchObject({ id: 'payment_days', type: 'number', daysSince: true });
    expect(latest().asOf).toBeUndefined();
    expect(notesOf('As-of date (days since are counted to it)')).toMatch(/the field 'asOf' is required$/);
    click("Fill in today's date: As-of date (days since are counted to it)");
    expect(latest().asOf).toBe(isoDateToSerial(2026, 11, 29));
    expect(byLabel('As-of date (days since are counted to it)').value).toBe('2026-11-29');
    grades(latest());
    type('As-of date (days since are counted to it)', '2025-01-15');
    expect(latest().asOf).toBe(isoDateToSerial(2025, 1, 15));
    type('As-of date (days since are counted to it)', '');
    expect(latest().asOf).toBeUndefined();
  });

  it('given a date input made days-since, then it becomes a number of days', () => {
    const table = preset('payment-scorecard');
    table.inputs.push({ id: 'last_order', type: 'date', label: { en: 'Last order' }, required: false });
    const { latest } = renderEditor(table);
    check('Last order is the number of days from a date column to the as-of date');
    expect(latest().inputs[2]).toEqual({
      id: 'last_order',
      type: 'number',
      label: { en: 'Last order' },
      required: false,
      daysSince: true,
    });
    check('Last order is the number of days from a date column to the as-of date');
    expect(latest().inputs[2]).toEqual({
      id: 'last_order',
      type: 'number',
      label: { en: 'Last order' },
      required: false,
    });
  });
});

describe('the decay and caps editor', () => {
  it('happy path: a half-life, a step table, groups, group caps and a total cap', () => {
    const table = preset('payment-scorecard');
    table.inputs.push({ id: 'last_order', type: 'number', label: { en: 'Last order' }, daysSince: true });
    table.asOf = isoDateToSerial(2026, 11, 29);
    const { latest } = renderEditor(table);
    type('Decay of Monthly average sales', 'half-life');
    type('Input giving the age in days of Monthly average sales', 'last_order');
    type('Half-life in days of Monthly average sales', '30');
    const payment = latest().method.kind === 'scorecard' ? latest().method : undefined;
    const paymentName = payment && 'criteria' in payment ? (payment.criteria[1]!.label?.en ?? '') : '';
    type(`Decay of ${paymentName}`, 'steps');
    type(`Input giving the age in days of ${paymentName}`, 'last_order');
    type(`From day of step 1 of ${paymentName}`, '60');
    click(`Add a decay step to ${paymentName}`);
    type(`Factor of step 2 of ${paymentName}`, '0.1');
    type('Capped group of Monthly average sales', 'activity');
    type(`Capped group of ${paymentName}`, 'activity');
    click('Add a group cap');
    type('Most points of group activity', '60');
    type('Total capped at', '90');
    const method = latest().method;
    expect(method.kind === 'scorecard' && method.criteria.map(({ decay, group }) => ({ decay, group }))).toEqual([
      { decay: { age: 'last_order', halfLife: 30 }, group: 'activity' },
      {
        decay: {
          age: 'last_order',
          steps: [
            { fromDays: 60, factor: 0.5 },
            { fromDays: 150, factor: 0.1 },
          ],
        },
        group: 'activity',
      },
    ]);
    expect(method).toMatchObject({ groupCaps: [{ group: 'activity', max: 60 }], maxTotal: 90 });
    grades(latest());
    type('Decay of Monthly average sales', 'none');
    type('Total capped at', '');
    click('Remove cap of group activity');
    const after = latest().method;
    expect(after.kind === 'scorecard' && [after.criteria[0]!.decay, after.maxTotal, after.groupCaps]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("given a bad half-life, unordered steps or a cap on no group, then the engine's problem shows at that cell", () => {
    const table = preset('payment-scorecard');
    const { latest } = renderEditor(table);
    type('Decay of Monthly average sales', 'half-life');
    type('Half-life in days of Monthly average sales', '0');
    expect(notesOf('Half-life in days of Monthly average sales')).not.toBe('');
    type('Decay of Monthly average sales', 'steps');
    click('Add a decay step to Monthly average sales');
    type('From day of step 2 of Monthly average sales', '10');
    expect(notesOf('From day of step 2 of Monthly average sales')).not.toBe('');
    click('Add a group cap');
    type('Group of cap 1', 'nowhere');
    expect(notesOf('Group of cap 1')).toMatch(/no criterion belongs to the group 'nowhere'$/);
    expect(latest().method).toMatchObject({ groupCaps: [{ group: 'nowhere', max: 0 }] });
  });
});
