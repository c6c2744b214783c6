/**
 * What a manager does month after month, on the strict fake: Apply, Apply
 * again (same table, another table, an edited rule), Apply on a second
 * sheet, close and reopen, Revert after each step. After every step the
 * whole workbook is checked, and every Revert must give back the workbook
 * exactly as it was before the step.
 */
import { compileTable, mapColumns, type Cell, type GradingTable } from '../../src/engine';
import { getPreset } from '../../src/engine/presets';
import { buildPlan, dataColumnCount, type PlanOptions } from '../../src/excel/build-plan';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import type { NewSnapshot, Result, Snapshot } from '../../src/excel/workbook';
import { migrationOf } from '../../src/taskpane/session';
import { customerRows, DEFAULT_OPTIONS, HEADERS, paymentScorecard, withTierScore } from './support';

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problem)}`);
  return result.value;
}

const RULES = 'Tierwise Rules';

function twoSheetWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.addSheet('Customers', [HEADERS, ...customerRows(10)]);
  fake.addSheet('Other', [['unrelated']]);
  fake.addSheet('East', [HEADERS, ...customerRows(6).map((r) => [`E${String(r[0])}`, ...r.slice(1)])]);
  fake.select('Customers', { row: 1, column: 1, rows: 1, columns: 1 });
  return fake;
}

/** A second table: the payment scorecard under another id and name. */
function strictScorecard(): GradingTable {
  const base = getPreset('payment-scorecard')!;
  return { ...base, id: 'strict-payment', name: { en: 'Strict payment', zh: '严格回款' } };
}

/** Applies `table` to the data around the selection (a test selects the sheet first, as a user would). */
async function applyTable(workbook: OfficeWorkbook, table: GradingTable, options: Partial<PlanOptions> = {}) {
  const region = value(await workbook.detectData());
  const rows = value(await workbook.readRows(region));
  const compiled = compileTable(table);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  const { map } = mapColumns(compiled.compiled.columns, region.headers.slice(0, dataColumnCount(region)));
  const batch = compiled.compiled.gradeRows(rows as Cell[][], map);
  const plan = buildPlan(compiled.compiled, region, rows, map, batch, { ...DEFAULT_OPTIONS, ...options });
  return { region, report: value(await workbook.apply(region, plan)) };
}

type Rect = { row: number; column: number; rows: number; columns: number };

/** The checks every step must pass, on the fake's own model. */
async function checkWorkbook(fake: FakeExcel, graded: string[]): Promise<void> {
  // One defined name per table, each on the rules sheet, none overlapping; every rules cell under one of them.
  const tableNames = [...fake.names.values()].filter((n) => /^TW_/i.test(n.name));
  const blocks: Rect[] = tableNames.map((n) => {
    if (!n.ref || n.ref === 'ref-error') throw new Error(`${n.name} points nowhere`);
    expect(n.ref.sheet.name).toBe(RULES);
    return n.ref.rect;
  });
  const inside = (b: Rect, r: number, c: number) =>
    r >= b.row && r < b.row + b.rows && c >= b.column && c < b.column + b.columns;
  const rules = fake.sheet(RULES);
  if (rules) {
    for (const [k, cell] of rules.cells) {
      if (cell.value === '' && cell.formula === undefined) continue;
      const r = Math.floor(k / 16384);
      const c = k % 16384;
      const owners = blocks.filter((b) => inside(b, r, c)).length;
      if (owners !== 1) throw new Error(`rules cell R${r + 1}C${c + 1} is under ${owners} names`);
    }
  }
  // Each stored table reads back whole.
  const stored = value(await new OfficeWorkbook(fake.run).readTables());
  expect(stored.broken).toEqual([]);
  expect(stored.tables.map((t) => t.name).sort()).toEqual(tableNames.map((n) => n.name).sort());
  // One summary per graded sheet, counting that sheet's Tier column.
  const summaries = fake.sheets.filter((s) => s.name.startsWith('Tierwise Summary'));
  const sources = summaries.map((s) => /^=SUMPRODUCT\(--\('([^']+)'!/.exec(String(fake.cell(s, 1, 1)?.formula))?.[1]);
  expect(sources.sort()).toEqual([...graded].sort());
}

/** Runs a step, checks, reverts (the workbook must be what it was), runs it again and checks again. */
async function step(fake: FakeExcel, workbook: OfficeWorkbook, graded: string[], run: () => Promise<unknown>) {
  const before = fake.snapshot();
  await run();
  await checkWorkbook(fake, graded);
  const after = fake.snapshot();
  value(await workbook.revert());
  expect(fake.snapshot()).toEqual(before);
  await run();
  expect(fake.snapshot()).toEqual(after);
}

/**
 * The Tier column of `sheet` as Excel shows it (spilled cells included) against the engine's tiers;
 * a row that cannot be graded shows `ungraded` (live: the function's #VALUE!, values: empty).
 */
async function expectShownTiers(fake: FakeExcel, sheet: string, ungraded: string): Promise<void> {
  const model = fake.sheet(sheet)!;
  const tierColumn = Array.from({ length: 20 }, (_x, c) => c).find((c) => fake.cell(model, 0, c)?.value === 'Tier')!;
  const data = Array.from({ length: 11 }, (_x, r) => [1, 2].map((c) => fake.cell(model, r + 1, c)?.value ?? null));
  const rows = data.filter((row) => row[0] !== null) as Cell[][];
  const compiled = paymentScorecard();
  const batch = compiled.gradeRows(rows);
  const expected = rows.map((_row, i) => (batch.errors.has(i) ? ungraded : compiled.tiers[batch.tiers[i]!]!.id));
  const shown = await fake.run(async (context) => {
    const range = context.workbook.worksheets
      .getItemOrNullObject(sheet)
      .getRangeByIndexes(1, tierColumn, rows.length, 1)
      .load('values');
    await context.sync();
    return range.values.map((row) => row[0]);
  });
  expect(shown).toEqual(expected);
}

interface Scenario {
  title: string;
  workbook: () => FakeExcel;
  /** The Applies, each checked and reverted by `step`. */
  applies: (fake: FakeExcel, workbook: OfficeWorkbook) => Promise<void>;
  reverts: number;
}

const SCENARIOS: Scenario[] = [
  {
    title:
      'Apply, Apply again, another table, an edited rule, a second sheet, reopen: one rules block per table, one summary per sheet, every Revert exact',
    workbook: twoSheetWorkbook,
    reverts: 6,
    applies: async (fake, workbook) => {
      const payment = getPreset('payment-scorecard')!;
      await step(fake, workbook, ['Customers'], () => applyTable(workbook, payment));
      await step(fake, workbook, ['Customers'], () => applyTable(workbook, payment));
      await step(fake, workbook, ['Customers'], () => applyTable(workbook, strictScorecard()));

      // Edit a rule cell of the first table's block by hand, then Apply what the workbook now holds.
      const name = fake.names.get('tw_payment_scorecard')!;
      const block = (name.ref as { rect: Rect }).rect;
      const rules = fake.sheet(RULES)!;
      fake.setCell(rules, block.row + 2, 1, { value: 'Payment scorecard (edited)' });
      const edited = value(await workbook.readTables()).tables.find((t) => t.name === 'TW_payment_scorecard')!.table;
      expect(edited.name.en).toBe('Payment scorecard (edited)');
      await step(fake, workbook, ['Customers'], () => applyTable(workbook, edited));
      expect((fake.names.get('tw_payment_scorecard')!.ref as { rect: Rect }).rect).toEqual(block);
      expect(fake.cell(rules, block.row + 2, 1)?.value).toBe('Payment scorecard (edited)');

      fake.select('East', { row: 1, column: 1, rows: 1, columns: 1 });
      await step(fake, workbook, ['Customers', 'East'], () => applyTable(workbook, payment));
      await step(fake, workbook, ['Customers', 'East'], () => applyTable(workbook, strictScorecard()));
      expect(fake.sheets.map((s) => s.name)).toEqual([
        'Customers',
        'Other',
        'East',
        RULES,
        'Tierwise Summary',
        'Tierwise Journal',
        'Tierwise Summary (2)',
      ]);
    },
  },
  {
    title:
      'live, values, live again and live once more: every spill shown whole, every Revert exact, reopened Reverts back to the start',
    workbook: () => withTierScore(twoSheetWorkbook()),
    reverts: 4,
    applies: async (fake, workbook) => {
      const payment = getPreset('payment-scorecard')!;
      const live = { mode: 'formulas' } as const;
      await step(fake, workbook, ['Customers'], () => applyTable(workbook, payment, live));
      await expectShownTiers(fake, 'Customers', '#VALUE!');
      await step(fake, workbook, ['Customers'], () => applyTable(workbook, payment));
      await expectShownTiers(fake, 'Customers', '');
      await step(fake, workbook, ['Customers'], () => applyTable(workbook, payment, live));
      await step(fake, workbook, ['Customers'], () => applyTable(workbook, payment, live));
      await expectShownTiers(fake, 'Customers', '#VALUE!');
      const customers = fake.sheet('Customers')!;
      const calls = [...customers.cells.values()].filter((c) => c.formula?.startsWith('=TIERWISE.'));
      expect(calls.map((c) => c.formula)).toEqual([
        '=TIERWISE.TIER_SCORE($B$2:$C$11,TW_payment_scorecard,"score")',
        '=TIERWISE.TIER_SCORE($B$2:$C$11,TW_payment_scorecard,"tier")',
        '=TIERWISE.TIER_SCORE($B$2:$C$11,TW_payment_scorecard,"explain")',
      ]);
    },
  },
];

describe('re-grading scenarios', () => {
  it.each(SCENARIOS)('$title', async ({ workbook: make, applies, reverts }) => {
    const fake = make();
    const start = fake.snapshot();
    await applies(fake, new OfficeWorkbook(fake.run));

    // Close and reopen: the journals in the workbook undo every Apply, last first, back to the start.
    const reopened = new OfficeWorkbook(fake.run);
    value(await reopened.findRevert());
    let undone = 0;
    while (reopened.canRevert()) {
      value(await reopened.revert());
      undone++;
    }
    expect(undone).toBe(reverts);
    fake.select('Customers', { row: 1, column: 1, rows: 1, columns: 1 });
    expect(fake.snapshot()).toEqual(start);
  });
});

describe('snapshots over days', () => {
  const payment = getPreset('payment-scorecard')!;
  const taken = (date: string, tiers: string[]): NewSnapshot => ({
    date,
    table: payment.id,
    entries: tiers.map((tier, i) => ({ key: ['00123', 'C2', '2026-01-05', '=C4'][i]!, score: tier ? 50 : null, tier })),
  });
  // Clock injected: three snapshots on 1 March, one on 1 April; keys that Excel would turn into numbers.
  const plan = [
    taken('2026-03-01 09:00', ['A', 'B', 'C', 'C']),
    taken('2026-03-01 12:00', ['B', 'B', 'C', '']),
    taken('2026-03-01 17:00', ['C', 'A', 'B', '']),
    taken('2026-04-01 09:00', ['A', 'A', 'A', 'A']),
  ];

  it('three in a day and one a month later stay four, keep their text, survive Apply, Revert and reopening, and any two compare', async () => {
    const fake = twoSheetWorkbook();
    const workbook = new OfficeWorkbook(fake.run);
    const expected: Snapshot[] = [];
    for (const [k, snapshot] of plan.entries()) {
      if (k === 2) await applyTable(workbook, payment);
      expect(value(await workbook.snapshot(snapshot))).toEqual({ id: `#${k + 1}`, rows: 4 });
      expected.push({ id: `#${k + 1}`, ...snapshot });
      if (k === 2) value(await workbook.revert());
      expect(value(await new OfficeWorkbook(fake.run).readHistory())).toEqual(expected);
    }
    const history = value(await new OfficeWorkbook(fake.run).readHistory());
    for (const [i, a] of history.entries())
      for (const b of history.slice(i + 1)) {
        const view = migrationOf(history, payment, { from: a.id, to: b.id })!;
        expect([view.from, view.to]).toEqual([a.date, b.date]);
        const rank = (tier: string) => (tier === '' ? -1 : 'ABC'.indexOf(tier));
        const moved = (up: boolean) =>
          a.entries
            .map((e, n) => [e.key, rank(e.tier), rank(b.entries[n]!.tier)] as const)
            .filter(([, x, y]) => x >= 0 && y >= 0 && (up ? y < x : y > x))
            .map(([key]) => key);
        expect([view.up, view.down]).toEqual([moved(true), moved(false)]);
      }
  });

  it('given a history an older Tierwise wrote (a day per snapshot, dates turned into serials), then it still reads, and new snapshots are numbered', async () => {
    const fake = twoSheetWorkbook();
    fake.addSheet('Tierwise History', [
      ['Date', 'Table', 'Key', 'Score', 'Tier'],
      [46082, 'payment-scorecard', 'C1', 90, 'A'],
      [46082, 'payment-scorecard', 'C2', 40, 'C'],
    ]);
    const workbook = new OfficeWorkbook(fake.run);
    value(await workbook.snapshot(plan[0]!));
    expect(value(await workbook.readHistory())).toEqual([
      {
        id: '2026-03-01\u0000payment-scorecard',
        date: '2026-03-01',
        table: 'payment-scorecard',
        entries: [
          { key: 'C1', score: 90, tier: 'A' },
          { key: 'C2', score: 40, tier: 'C' },
        ],
      },
      { id: '#1', ...plan[0]! },
    ]);
  });
});
