/**
 * A re-Apply overwrites the columns of the earlier Apply that stay the same kind at the same place
 * (ADR 0031), so a user formula reading the Tier column survives it and its Revert: deleting and
 * inserting them again turned `=COUNTIF('Data'!$F$2:$F$25,"A")` into `=COUNTIF('Data'!#REF!,"A")`.
 * Every comparison is of every cell of the workbook (the fake's snapshot, the journal sheet aside).
 */
import { columnLetters } from '../../src/engine/sheet-form/text';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { JOURNAL_SHEET } from '../../src/excel/state';
import type { FakeExcel } from '../../src/excel/testing/fake-excel';
import { presetFake, presetPlan } from '../formula/pane-formulas';
import { detectAndRead, value, withTierScore } from './support';

const ROWS = 24;
type Mode = 'values' | 'formulas' | 'native';
type Place = 'other sheet' | 'graded sheet';

/**
 * The workbook as the user sees it: every sheet but the very hidden journal; with `only`, those sheets
 * and the tables (the rules sheet and its workbook names keep every table applied).
 */
function visible(fake: FakeExcel, only?: readonly string[]): unknown {
  const all = fake.snapshot() as { sheets: Array<{ name: string }>; tables: unknown };
  if (only) return { sheets: all.sheets.filter((s) => only.includes(s.name)), tables: all.tables };
  return { ...all, sheets: all.sheets.filter((s) => s.name !== JOURNAL_SHEET) };
}

async function applyPreset(workbook: OfficeWorkbook, preset: string, mode: Mode): Promise<number> {
  const { region, rows } = await detectAndRead(workbook);
  const plan = presetPlan(preset, region, rows, { mode });
  expect(plan.problem).toBeUndefined();
  value(await workbook.apply(region, plan));
  return plan.frame.columns.find((c) => c.kind === 'tier')!.sheetColumn;
}

/** The user's report on the Tier column: on the sheet "Other", or two rows below the graded data. */
function reportOn(place: Place, tier: number): string {
  const letter = columnLetters(tier);
  return `=COUNTIF(${place === 'other sheet' ? "'Data'!" : ''}$${letter}$2:$${letter}$${ROWS + 1},"A")`;
}

function typeReport(fake: FakeExcel, place: Place, tier: number): { read: () => string | undefined; formula: string } {
  const onOther = place === 'other sheet';
  const sheet = fake.sheet(onOther ? 'Other' : 'Data')!;
  const formula = reportOn(place, tier);
  const row = onOther ? 2 : ROWS + 3;
  fake.setCell(sheet, row, 0, { value: 0, formula });
  return { read: () => fake.cell(sheet, row, 0)?.formula, formula };
}

describe.each([false, true])('a re-Apply keeps the columns it overwrites (an Excel table: %s)', (table) => {
  describe.each<Place>(['other sheet', 'graded sheet'])('a user formula on the %s reading the Tier column', (place) => {
    it.each<[string, Mode]>([
      ['sales-pipeline', 'values'],
      ['real-estate', 'formulas'],
      ['sales-pipeline', 'native'],
      ['real-estate', 'native'],
    ])(
      'given %s in %s mode applied twice then the formula survives the second Apply and its Revert',
      async (preset, mode) => {
        const fake = withTierScore(presetFake(['sales-pipeline', 'real-estate'], ROWS, 31, table));
        const workbook = new OfficeWorkbook(fake.run);
        const tier = await applyPreset(workbook, preset, mode);
        const report = typeReport(fake, place, tier);
        const beforeSecond = visible(fake);

        expect(await applyPreset(workbook, preset, mode)).toBe(tier);
        expect(report.read()).toBe(report.formula);
        // The same Apply again: every cell as it was, the user's report included.
        expect(visible(fake)).toEqual(beforeSecond);

        value(await workbook.revert());
        expect(report.read()).toBe(report.formula);
        expect(visible(fake)).toEqual(beforeSecond);
      },
    );
  });

  it('given 32 helper columns, then 5, then 32 again then a user formula on the Tier column survives each Apply and Revert', async () => {
    const fresh = () => withTierScore(presetFake(['sales-pipeline', 'real-estate'], ROWS, 31, table));
    const graded = ['Data', 'Other'];
    // What one Apply of each table alone gives, with the report typed after it.
    const alone = async (preset: string) => {
      const fake = fresh();
      const tier = await applyPreset(new OfficeWorkbook(fake.run), preset, 'native');
      typeReport(fake, 'other sheet', tier);
      return { tier, cells: visible(fake, graded) };
    };
    const pipelineAlone = await alone('sales-pipeline');
    const estateAlone = await alone('real-estate');
    // real-estate has no Score: its Tier is one column left, and the report follows the Tier column there.
    expect(estateAlone.tier).toBe(pipelineAlone.tier - 1);

    const fake = fresh();
    const workbook = new OfficeWorkbook(fake.run);
    await applyPreset(workbook, 'sales-pipeline', 'native');
    const report = typeReport(fake, 'other sheet', pipelineAlone.tier);
    const withPipeline = visible(fake);

    await applyPreset(workbook, 'real-estate', 'native');
    expect(report.read()).toBe(reportOn('other sheet', estateAlone.tier));
    expect(visible(fake, graded)).toEqual(estateAlone.cells);
    const withEstate = visible(fake);

    await applyPreset(workbook, 'sales-pipeline', 'native');
    expect(report.read()).toBe(report.formula);
    expect(visible(fake, graded)).toEqual(pipelineAlone.cells);

    value(await workbook.revert());
    expect(visible(fake)).toEqual(withEstate);
    value(await workbook.revert());
    expect(report.read()).toBe(report.formula);
    expect(visible(fake)).toEqual(withPipeline);
  });
});
