/** @jest-environment jsdom */
import { compileTable, type RfmMethod } from '../../src/engine';
import { PRESETS } from '../../src/engine/presets';
import { byLabel, click, renderEditor, typeInto as type } from './editor-harness';

function rfmPreset() {
  const table = PRESETS.find((p) => p.method.kind === 'rfm');
  if (!table) throw new Error('no RFM preset');
  return JSON.parse(JSON.stringify(table)) as typeof table;
}

describe('the RFM editor', () => {
  it('happy path: fixed cut points, bins, a cap, the as-of date and segments are edited without JSON', () => {
    const initial = rfmPreset();
    const segments = (initial.method as RfmMethod).segments;
    const { latest } = renderEditor(initial);
    type('Binning', 'fixed');
    type('Bins of Recency', '3');
    type('Cut points of Recency (a; b)', '30; 90');
    type('Bins of Frequency', '2');
    type('Cut points of Frequency (a; b)', '1');
    type('Bins of Monetary', '2');
    type('Cut points of Monetary (a; b)', '500');
    type('A value on a cut point falls in', 'left');
    type('Outlier cap of Monetary', 'percentile');
    type('Cap of Monetary', '95');
    type('As-of date (recency counted to it)', '2026-06-30');
    click('Move segment 2 up');
    type('R scores of segment 1 (e.g. 4-5)', '3');
    type('FM scores of segment 1 (e.g. 4-5)', '');
    const method = latest().method as RfmMethod;
    expect(method.binning).toBe('fixed');
    expect(method.bins).toEqual({ r: 3, f: 2, m: 2 });
    expect(method.breakpoints).toEqual({ r: [30, 90], f: [1], m: [500] });
    expect(method.closed).toBe('left');
    expect(method.caps).toEqual({ m: { percentile: 95 } });
    expect(method.asOf).toBe(46203);
    const { fm: _dropped, ...second } = segments[1]!;
    expect(method.segments[0]).toEqual({ ...second, r: [3, 3] });
    expect(method.segments.slice(1)).toEqual([segments[0], ...segments.slice(2)]);
  });

  it('given a score range typed wrong, then it says how to write one and keeps the table as it was', () => {
    const initial = rfmPreset();
    const { latest } = renderEditor(initial);
    const cell = byLabel('R scores of segment 1 (e.g. 4-5)');
    type('R scores of segment 1 (e.g. 4-5)', '4 to 5');
    expect(cell.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(cell.getAttribute('aria-describedby')!)?.textContent).toBe(
      "'4 to 5' is not a score range; write e.g. 4-5, or 3",
    );
    expect(latest().method).toEqual(initial.method);
    expect(compileTable(latest()).ok).toBe(true);
  });
});
