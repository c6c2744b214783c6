/**
 * Repeat use on the strict fake: random sequences of Apply (scorecard, rules, sales-pipeline with its
 * helpers, ABC with its Pareto chart, RFM; values, live formulas, Excel formulas), user edits, Revert
 * (once or several times in a row), reopening the workbook and Snapshot, on a plain range and in an
 * Excel table. Every step checks the whole workbook (repeat-use-session.ts):
 * 1. Apply writes the engine's grading of the sheet as it holds it (values), or the formulas the engine
 *    gives for the current layout;
 * 2. Revert right after an Apply gives back the workbook exactly as before it;
 * 3. no user cell changes under Apply, Revert or Snapshot; a refused Apply or Revert changes nothing;
 * 4. Tierwise's names (Tierwise_*, TW_*) point at what they name.
 * TIERWISE_LONG_PROPERTIES=1 runs many more sequences.
 */
import fc from 'fast-check';
import { checkAsyncProperty } from '../support/property';
import { outcomes, OUTPUT_MODES, REPEAT_PRESETS, RepeatSession, ROWS, type Step } from './repeat-use-session';

const LONG = process.env.TIERWISE_LONG_PROPERTIES === '1';

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('apply' as const),
      preset: fc.constantFrom(...REPEAT_PRESETS),
      mode: fc.constantFrom(...OUTPUT_MODES),
      summary: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('edit-cell' as const), row: fc.nat(ROWS), column: fc.nat(40) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sort' as const), descending: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert-column' as const), at: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-column' as const), pick: fc.nat(8) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename-header' as const), pick: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'add-row' as const }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('revert' as const), times: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'reopen' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'snapshot' as const }) },
);

afterAll(() => console.info(`repeat-use outcomes: ${JSON.stringify(Object.fromEntries([...outcomes].sort()))}`));

describe('Repeat use: Apply, edits, Revert, reopen and Snapshot in every output mode', () => {
  for (const table of [false, true]) {
    it(`given ${table ? 'an Excel table' : 'a plain range'}, then every Apply grades the sheet as it is, every Revert restores exactly and no user cell changes`, async () => {
      await checkAsyncProperty(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 1000 }),
          fc.array(stepArbitrary, { minLength: 1, maxLength: 8 }),
          async (seed, steps) => {
            const session = new RepeatSession(table, seed);
            for (const step of steps) await session.step(step);
          },
        ),
        {
          numRuns: LONG ? 300 : 20,
          examples: [
            // Revert drew the summary back as first drawn, its references not moved by the user's inserted column.
            [
              1,
              [
                { kind: 'apply', preset: 'payment-scorecard', mode: 'values', summary: true },
                { kind: 'insert-column', at: 0 },
                { kind: 'apply', preset: 'payment-scorecard', mode: 'values', summary: true },
                { kind: 'revert', times: 1 },
              ],
            ],
            // An Apply without the summary turned the earlier summary's references into #REF! for good.
            [
              1,
              [
                { kind: 'apply', preset: 'star-levels', mode: 'native', summary: true },
                { kind: 'apply', preset: 'payment-scorecard', mode: 'values', summary: false },
                { kind: 'revert', times: 2 },
              ],
            ],
          ],
        },
      );
    }, 600_000);
  }
});
