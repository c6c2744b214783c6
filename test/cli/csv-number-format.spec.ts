import fc from 'fast-check';
import { escapeCsvField, formatNumber } from '../../src/cli/csv/writer';
import { checkProperty } from '../support/property';

/** What the writer wrote before its shortcut: integers as they are, else rounded to 15 significant digits. */
function reference(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  if (!Number.isFinite(value)) return '';
  return String(Number(value.toPrecision(15)));
}

describe('formatNumber', () => {
  it('given any number, then the text is the number rounded to 15 significant digits', () => {
    const cents = fc.integer({ min: -(2 ** 53), max: 2 ** 53 }).map((k) => k / 100);
    const rounded = fc.double({ noNaN: true }).map((x) => Math.round(x * 100) / 100);
    const digits = fc
      .tuple(fc.stringMatching(/^[1-9][0-9]{0,17}$/), fc.integer({ min: -30, max: 30 }))
      .map(([mantissa, exponent]) => Number(`${mantissa}e${exponent}`));
    checkProperty(
      fc.property(fc.oneof(fc.double(), cents, rounded, digits), (value) => {
        expect(formatNumber(value)).toBe(reference(value));
        expect(escapeCsvField(value)).toBe(reference(value));
      }),
      { numRuns: 10000 },
    );
  });

  it('given float noise, 16 and 17 digits and exponents, then they are rounded as before', () => {
    for (const value of [
      0.1 + 0.2,
      84.00000000000001,
      Number('1234567890123.4567'),
      0.1234567890123456,
      1e-7,
      1e21,
      2 ** 60,
      -0.000012345,
    ]) {
      expect(formatNumber(value)).toBe(reference(value));
    }
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(84.76)).toBe('84.76');
  });
});
