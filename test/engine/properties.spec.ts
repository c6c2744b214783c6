import fc from 'fast-check';
import { checkProperty } from '../support/property';
import { compileTable } from '../../src/engine/compile';
import type { GradingTable, Method } from '../../src/engine';
import type { Cell } from '../../src/engine/values/cell';
import { arbGradingTable } from '../arbitraries/grading-table';
import batchSingleRegressions from './regressions/batch-single-agree.json';

/** Counterexamples this property once found, each kept with where it was found and why it failed. */
const batchSingleExamples = (batchSingleRegressions as unknown as { table: GradingTable; rows: Cell[][] }[]).map(
  (r): [GradingTable, Cell[][]] => [r.table, r.rows],
);

/**
 * Whether a row's grade depends on the other rows of the batch, so one row alone
 * is refused (needs-batch): quantile cut points, or a last-purchase date with no
 * as-of in the table (the batch then takes the day after its latest date).
 */
function needsPopulation(table: GradingTable): boolean {
  if (table.method.kind !== 'rfm') return false;
  if (table.method.binning !== 'fixed') return true;
  const recency = table.inputs.find((input) => input.id === 'recency');
  return recency?.type === 'date' && table.method.asOf === undefined;
}

/** Cells as Excel and CSV files really hold them, hostile ones included. */
const arbCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -1000, max: 100000 }),
  fc.string(),
  fc.constantFrom('', ' ', '#N/A', '是', '否', 'TRUE', '1.2万', '¥8,000', '85%', '2024-03-15', '03/04/2024', '3O'),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant({ error: '#DIV/0!' }),
  fc.date({ noInvalidDate: false }),
);

function compiled(table: GradingTable) {
  const result = compileTable(table);
  if (!result.ok) throw new Error(`arbitrary table invalid: ${JSON.stringify(result.problems)}`);
  return result.compiled;
}

describe('engine properties', () => {
  it('given random valid tables and random cells, then grading never throws and batch, single and explained results agree', () => {
    checkProperty(
      fc.property(
        arbGradingTable(),
        fc.array(fc.array(arbCell, { maxLength: 8 }), { maxLength: 20 }),
        (table, rows) => {
          const c = compiled(table);
          const batch = c.gradeRows(rows);
          expect(batch.count).toBe(rows.length);
          if (needsPopulation(table)) {
            rows.forEach((row, i) => {
              const one = c.gradeRow(row);
              expect(one.ok).toBe(false);
              // A row that cannot be read fails alike in both; any other row alone needs the batch.
              if (!one.ok && one.error.kind !== 'needs-batch') expect(batch.errors.get(i)).toEqual(one.error);
            });
            return;
          }
          rows.forEach((row, i) => {
            const one = c.gradeRow(row);
            const explained = c.explainRow(row);
            if (one.ok) {
              expect(batch.tiers[i]).toBe(one.tierIndex);
              expect(explained).toMatchObject({ ok: true, tier: one.tier });
              expect(typeof (explained.ok && explained.explanation.text.zh)).toBe('string');
            } else {
              expect(batch.tiers[i]).toBe(-1);
              expect(batch.errors.get(i)).toEqual(one.error);
              expect(explained).toEqual(one);
            }
          });
        },
      ),
      { numRuns: 150, examples: batchSingleExamples },
    );
  });

  it('given a scorecard whose points rise with every numeric band, then a larger value never gets a lower score', () => {
    const table: GradingTable = {
      format: 'tierwise/grading-table',
      version: 1,
      id: 'monotone',
      name: { en: 'Monotone' },
      inputs: [{ id: 'x', type: 'number', label: { en: 'x' } }],
      method: {
        kind: 'scorecard',
        criteria: [{ id: 'c', input: 'x', bands: [] }],
        thresholds: [{ tier: 'A', gte: 50 }, { tier: 'B' }],
      },
      tiers: [
        { id: 'A', label: { en: 'A' }, fill: '#00FF00', font: '#000000' },
        { id: 'B', label: { en: 'B' }, fill: '#FF0000', font: '#000000' },
      ],
    };
    checkProperty(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        (cuts, inclusive, a, b) => {
          const sorted = [...cuts].sort((x, y) => x - y);
          // Bands (-∞, c0], (c0, c1], ... with each cut's side chosen at random; points rise band by band.
          const bands = [...sorted, Infinity].map((cut, k) => {
            const low = sorted[k - 1];
            const lowerIncl = k > 0 && !inclusive[k - 1];
            const upperIncl = inclusive[k] ?? false;
            const range = {
              ...(low === undefined ? {} : lowerIncl ? { gte: low } : { gt: low }),
              ...(cut === Infinity ? {} : upperIncl ? { lte: cut } : { lt: cut }),
            };
            return { match: { range }, points: k * 10 };
          });
          const t = JSON.parse(JSON.stringify(table)) as GradingTable;
          (t.method as Extract<Method, { kind: 'scorecard' }>).criteria[0]!.bands = bands;
          const c = compiled(t);
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const s1 = c.gradeRow([lo]);
          const s2 = c.gradeRow([hi]);
          expect(s1.ok && s2.ok).toBe(true);
          if (s1.ok && s2.ok) expect(s2.score!).toBeGreaterThanOrEqual(s1.score!);
        },
      ),
      { numRuns: 300 },
    );
  });
});
