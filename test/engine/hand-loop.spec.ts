import { compileTable } from '../../src/engine/compile';
import { getPreset } from '../../src/engine/presets';
import { nextDown } from '../../src/engine/grading/bands';
import { seededRandom } from '../support/seeded-random';
import { handGradePayment, handGradePaymentBranchy } from '../../bench/measures/hand-loop';

/** The benchmark's hand-written floors grade the payment scorecard exactly as the engine does. */
describe('hand-written payment loops (bench floor)', () => {
  it('given random and band-edge sales and days, then both loops give the engine score and tier of every row', () => {
    const random = seededRandom(3);
    const edgeSales = [5000, 10000, 20000, -1, 0].flatMap((e) => [e, nextDown(e), -nextDown(-e)]);
    const edgeDays = [0, 30, 45, 60, 89].flatMap((e) => [e, -nextDown(-e), ...(e > 0 ? [nextDown(e)] : [])]);
    const n = 5000;
    const sales = Float64Array.from({ length: n }, (_v, i) =>
      i % 3 ? random() * 40000 : edgeSales[i % edgeSales.length]!,
    );
    const days = Float64Array.from({ length: n }, (_v, i) =>
      i % 4 ? Math.floor(random() * 90) : edgeDays[i % edgeDays.length]!,
    );
    const compiled = compileTable(getPreset('payment-scorecard')!);
    if (!compiled.ok) throw new Error('payment scorecard does not compile');
    const batch = compiled.compiled.gradeColumns([sales, days]);
    expect(batch.errors.size).toBe(0);
    for (const hand of [handGradePayment, handGradePaymentBranchy]) {
      const scores = new Float64Array(n);
      const tiers = new Int32Array(n);
      hand(sales, days, scores, tiers);
      expect(Array.from(scores)).toEqual(Array.from(batch.scores));
      expect(Array.from(tiers)).toEqual(Array.from(batch.tiers));
    }
  });
});
