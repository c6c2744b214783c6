/**
 * A composed table (the nine-box takes its potential from another table) whose
 * source is a table stored in the workbook, not a preset: passed to TIER_SCORE
 * stacked with it, as Excel passes VSTACK(TW_my_nine_box, TW_my_potential)
 * (ADR 0005).
 */
import type { GradingTable } from '../../src/engine';
import { compileTable } from '../../src/engine/compile';
import { getPreset } from '../../src/engine/presets';
import { printSheetTable } from '../../src/engine/sheet-form';
import type { FunctionsContext } from '../../src/functions/context';
import { TIER_SCORE } from '../../src/functions/functions';
import { TableCache } from '../../src/functions/table-cache';
import { tierScore } from '../../src/functions/tier-score';
import { withExcelGlobals } from '../support/excel-globals';

/** The user's own potential matrix (scores unlike the preset's) and a nine-box reading it. */
function userTables(potentialScores: number[][]): { potential: GradingTable; nineBox: GradingTable } {
  const preset = getPreset('pharma-potential')!;
  const potential = {
    ...preset,
    id: 'my-potential',
    method: { ...preset.method, cells: potentialScores },
  } as GradingTable;
  const nine = getPreset('pharma-nine-box')!;
  const nineBox: GradingTable = {
    ...nine,
    id: 'my-nine-box',
    inputs: nine.inputs.map((input) =>
      input.source ? { ...input, source: { ...input.source, table: 'my-potential' } } : input,
    ),
  };
  return { potential, nineBox };
}

/** Sheet form as Excel passes a range: rows of cells, blanks as null. */
const block = (table: GradingTable): unknown[][] => printSheetTable(table).map((row) => [...row]);

/** What VSTACK gives: the blocks one under the other, narrower rows padded with #N/A. */
function vstack(...blocks: unknown[][][]): unknown[][] {
  const width = Math.max(...blocks.flatMap((b) => b.map((row) => row.length)));
  return blocks.flatMap((b) =>
    b.map((row) => [...row, ...Array.from({ length: width - row.length }, () => ({ code: '#N/A' }))]),
  );
}

function context(): FunctionsContext {
  return { makeError: (code, message) => ({ code, message }), locale: 'en-US', cache: new TableCache() };
}

/** prescribing, hospital level, doctor title: every combination. */
const ROWS = ['first', 'second', 'competitor'].flatMap((p) =>
  ['tier3', 'tier2', 'other'].flatMap((h) => ['chief', 'attending', 'resident'].map((d) => [p, h, d])),
);

function engineTiers(nineBox: GradingTable, potential: GradingTable): string[][] {
  const compiled = compileTable(nineBox, { resolve: (id) => (id === potential.id ? potential : getPreset(id)) });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  return ROWS.map((row) => {
    const graded = compiled.compiled.gradeRow(row);
    if (!graded.ok) throw new Error(JSON.stringify(graded.error));
    return [graded.tier];
  });
}

describe('TIER_SCORE with a composed table whose source is stored in the workbook', () => {
  withExcelGlobals('en-US');

  it('given VSTACK(the table, its source) then every row gets the tier the engine gives with that source', () => {
    const { potential, nineBox } = userTables([
      [9, 9, 9],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    const expected = engineTiers(nineBox, potential);
    const preset = engineTiers(
      { ...nineBox, inputs: getPreset('pharma-nine-box')!.inputs },
      getPreset('pharma-potential')!,
    );
    expect(expected).not.toEqual(preset);
    const got = TIER_SCORE(ROWS, vstack(block(nineBox), block(potential)), undefined, undefined, {
      parameterAddresses: ['Data!A2:C28', ''],
    });
    expect(got).toEqual(expected);
  });

  it('given the source first in the stack then the table graded is still the one no other uses', () => {
    const { potential, nineBox } = userTables([
      [9, 8, 5],
      [7, 5, 3],
      [3, 2, 2],
    ]);
    const got = tierScore(context(), { values: ROWS, table: vstack(block(potential), block(nineBox)) });
    expect(got).toEqual(engineTiers(nineBox, potential));
  });

  it('given a source cell edited between calls then the next call grades with the edited source', () => {
    const ctx = context();
    const before = userTables([
      [9, 8, 5],
      [7, 5, 3],
      [3, 2, 1],
    ]);
    const after = userTables([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    const first = tierScore(ctx, { values: ROWS, table: vstack(block(before.nineBox), block(before.potential)) });
    const second = tierScore(ctx, { values: ROWS, table: vstack(block(after.nineBox), block(after.potential)) });
    expect(first).toEqual(engineTiers(before.nineBox, before.potential));
    expect(second).toEqual(engineTiers(after.nineBox, after.potential));
    expect(second).not.toEqual(first);
  });

  it('given the table alone then #VALUE! names the source and how to pass it', () => {
    const { nineBox } = userTables([[1]]);
    const got = tierScore(context(), {
      values: ROWS.slice(0, 1),
      table: block(nineBox),
      tableAddress: "'Tierwise Rules'!$A$36:$I$80",
    });
    expect(got).toEqual([
      [
        {
          code: 'invalidValue',
          message:
            "'Tierwise Rules'!F45: no table named 'my-potential' among the presets or the tables passed; pass it together with this table, e.g. VSTACK(TW_my_nine_box, TW_my_potential)",
        },
      ],
    ]);
  });

  it('given two tables that do not compose then the call says which', () => {
    const got = tierScore(context(), {
      values: [[1, 2]],
      table: vstack(block(getPreset('payment-scorecard')!), block(getPreset('pharma-potential')!)),
    });
    expect(got).toEqual([
      [
        {
          code: 'invalidValue',
          message:
            '(table): the stacked tables payment-scorecard, pharma-potential are not one table with its sources: exactly one of them may be used by none of the others',
        },
      ],
    ]);
  });
});
