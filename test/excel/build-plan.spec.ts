import type { RfmBatch } from '../../src/engine/rfm';
import { compileTable, mapColumns, type Cell } from '../../src/engine';
import { getPreset } from '../../src/engine/presets';
import { buildPlan } from '../../src/excel/build-plan';
import { OfficeWorkbook } from '../../src/excel/office-workbook';
import { FakeExcel } from '../../src/excel/testing/fake-excel';
import type { DataRegion } from '../../src/excel/workbook';
import { DEFAULT_OPTIONS } from './support';

function rfmSheet(): { fake: FakeExcel; rows: Cell[][] } {
  const rows: Cell[][] = Array.from({ length: 60 }, (_x, i) => [
    `K${i}`,
    (i * 7) % 365,
    1 + (i % 9),
    100 + ((i * 37) % 900),
  ]);
  const fake = new FakeExcel();
  fake.addSheet('Customers', [
    ['Customer', 'recency', 'frequency', 'monetary'],
    ...(rows as Array<Array<string | number>>),
  ]);
  return { fake, rows };
}

describe('buildPlan', () => {
  it('given an RFM table, then values are written (scores need every row) and the summary has an R x F heatmap', async () => {
    const { fake, rows } = rfmSheet();
    const compiled = compileTable(getPreset('rfm'));
    if (!compiled.ok) throw new Error('rfm preset');
    const workbook = new OfficeWorkbook(fake.run);
    const detected = await workbook.detectData();
    if (!detected.ok) throw new Error('detect');
    const region: DataRegion = detected.value;
    const { map, missingRequired } = mapColumns(compiled.compiled.columns, region.headers);
    expect(missingRequired).toEqual([]);
    const batch = compiled.compiled.gradeRows(rows, map);
    const plan = buildPlan(compiled.compiled, region, rows, map, batch, {
      ...DEFAULT_OPTIONS,
      mode: 'formulas',
      valueColumn: 3,
    });
    expect(plan.cells.flat().some((v) => typeof v === 'object' && v !== null)).toBe(false);
    const heat = plan.heatmap!;
    expect(heat).toMatchObject({ left: 1, rows: 5, columns: 5 });
    const counts = plan.summary!.cells.slice(heat.top, heat.top + heat.rows).map((r) => r.slice(1, 6) as number[]);
    expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(60);
    expect(plan.summary!.cells[heat.top - 1]![0]).toBe('R \\ F');
    // The cut points used follow the heatmap: each score of each dimension, its values, customers.
    const cutsAt = heat.top + heat.rows + 1;
    expect(plan.summary!.cells[cutsAt]).toEqual(['Cut points used (quantile)']);
    const cutRows = plan.summary!.cells.slice(cutsAt + 2);
    const rfm = batch as RfmBatch;
    expect(cutRows.map((r) => [r[0], r[1], r[5]])).toEqual(
      (['r', 'f', 'm'] as const).flatMap((d, k) =>
        [5, 4, 3, 2, 1].map((score) => [
          ['Recency (days)', 'Frequency (orders)', 'Monetary'][k],
          score,
          Array.from(rfm[d]).filter((s) => s === score).length,
        ]),
      ),
    );
    for (const row of cutRows) {
      const d = (['Recency (days)', 'Frequency (orders)', 'Monetary'] as const).indexOf(row[0] as never);
      const values = [
        rfm.recency,
        Float64Array.from(rows, (r) => Number(r[2])),
        Float64Array.from(rows, (r) => Number(r[3])),
      ][d]!;
      const scores = rfm[(['r', 'f', 'm'] as const)[d]!];
      values.forEach((v, i) => {
        if (scores[i] !== row[1]) return;
        if (row[3] !== null) expect(v).toBeGreaterThan(row[3] as number);
        if (row[4] !== null) expect(v).toBeLessThanOrEqual(row[4] as number);
      });
    }

    const applied = await workbook.apply(region, plan);
    expect(applied.ok).toBe(true);
    const summary = fake.sheet('Tierwise Summary')!;
    expect(summary.cfs.map((cf) => [cf.type, cf.scale])).toEqual([
      ['ColorScale', 'LowestValue #FFFFFF .. HighestValue #63BE7B'],
    ]);
  });
});
