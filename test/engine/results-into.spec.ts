import { compileTable } from '../../src/engine/compile';
import type { CompiledTable, GradeBatch, InputDef } from '../../src/engine';
import type { Cell } from '../../src/engine/values/cell';
import { PRESETS } from '../../src/engine/presets';
import { seededRandom } from '../support/seeded-random';

/**
 * `{ into }`: a batch's result arrays reused by the next call. Every value of
 * the reused batch must equal a fresh call's, and nothing of the earlier
 * batch (its scores, tiers, failed rows) may show through.
 */

/** A cell an input of this type may get: mostly readable values, now and then a blank, a bad text or an error. */
function cellFor(input: InputDef, random: () => number): Cell {
  const roll = random();
  if (roll < 0.04) return null;
  if (roll < 0.07) return 'not a value';
  if (roll < 0.08) return { error: '#N/A' };
  if (roll < 0.09) return Infinity;
  switch (input.type) {
    case 'number':
      return roll < 0.5 ? Math.round(random() * 200000 - 1000) : random() * 100;
    case 'date':
      return 40000 + Math.floor(random() * 6000);
    case 'boolean':
      return random() < 0.5;
    case 'category': {
      const values = input.values ?? [];
      return values[Math.floor(random() * values.length)]?.id ?? 'x';
    }
    case 'text':
      return `t${Math.floor(random() * 5)}`;
  }
}

function rowsFor(table: CompiledTable, count: number, seed: number): Cell[][] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => table.columns.map((input) => cellFor(input, random)));
}

function valuesOf(batch: GradeBatch) {
  return {
    count: batch.count,
    scores: Array.from(batch.scores),
    tiers: Array.from(batch.tiers),
    errors: [...batch.errors],
  };
}

const compiledPresets = PRESETS.map((preset) => {
  const result = compileTable(preset, { resolve: (id) => PRESETS.find((p) => p.id === id) });
  if (!result.ok) throw new Error(`${preset.id}: ${JSON.stringify(result.problems)}`);
  return result.compiled;
}).filter((table) => !table.ranked);

describe('grading into an earlier batch', () => {
  it.each(compiledPresets.map((table) => [table.table.id, table] as const))(
    'given %s, then a batch graded into an earlier one equals a fresh batch, for as many and for fewer rows',
    (_id, table) => {
      const first = table.gradeRows(rowsFor(table, 4100, 1));
      // The earlier batch has failed rows where the next has none, and the reverse.
      for (const [count, seed] of [
        [4100, 2],
        [2049, 3],
        [1, 4],
        [0, 5],
      ] as const) {
        const rows = rowsFor(table, count, seed);
        const fresh = table.gradeRows(rows);
        const reused = table.gradeRows(rows, undefined, { into: first });
        expect(reused.scores.buffer).toBe(first.scores.buffer);
        expect(reused.tiers.buffer).toBe(first.tiers.buffer);
        expect(valuesOf(reused)).toEqual(valuesOf(fresh));
        const columns = table.columns.map((_input, c) => rows.map((row) => row[c]));
        expect(valuesOf(table.gradeColumns(columns, undefined, { into: first }))).toEqual(valuesOf(fresh));
      }
    },
  );

  it('given the payment scorecard on columns of doubles, then chunks graded into one batch equal fresh ones', () => {
    const table = compiledPresets.find((t) => t.table.id === 'payment-scorecard')!;
    const random = seededRandom(9);
    let previous: GradeBatch | undefined;
    for (const count of [2048, 2048, 700, 2048, 3]) {
      const sales = Float64Array.from({ length: count }, () => (random() < 0.01 ? NaN : random() * 40000));
      const days = Float64Array.from({ length: count }, () => (random() < 0.01 ? -1 : Math.floor(random() * 90)));
      const fresh = table.gradeColumns([sales, days]);
      const reused = table.gradeColumns([sales, days], undefined, previous ? { into: previous } : undefined);
      expect(valuesOf(reused)).toEqual(valuesOf(fresh));
      if (previous && previous.scores.length >= count) expect(reused.scores.buffer).toBe(previous.scores.buffer);
      previous = reused;
    }
  });

  it('given an earlier batch with fewer rows than the call, then fresh arrays are used and it is left alone', () => {
    const table = compiledPresets.find((t) => t.table.id === 'payment-scorecard')!;
    const small = table.gradeRows([[20000, 10]]);
    const batch = table.gradeRows(
      [
        [1000, 80],
        [6000, 40],
      ],
      undefined,
      { into: small },
    );
    expect(batch.scores.buffer).not.toBe(small.scores.buffer);
    expect(Array.from(small.scores)).toEqual([100]);
    expect(Array.from(batch.scores)).toEqual([30, 60]);
  });

  it('given an earlier batch whose arrays are an input column, then gradeColumns refuses it', () => {
    const table = compiledPresets.find((t) => t.table.id === 'payment-scorecard')!;
    const sales = Float64Array.of(1000, 6000);
    const alias: GradeBatch = { count: 2, scores: sales, tiers: new Int32Array(2), errors: new Map() };
    expect(() => table.gradeColumns([sales, Float64Array.of(80, 40)], undefined, { into: alias })).toThrow(
      /shares memory with input column 0/,
    );
  });
});
